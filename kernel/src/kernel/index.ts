/** The Jupyter side: the kernel launcher on top of tslab, the kernel spec, and module resolution for cells. */
export { main, startKernel } from './launcher';
export { DISPLAY_NAME, KERNEL_NAME, installKernelSpec, kernelSpec } from './kernelspec';
export { fallbackPath, patchTypeScriptSystem } from './resolution';
