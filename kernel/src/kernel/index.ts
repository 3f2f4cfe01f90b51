/** The Jupyter side: the kernel launcher on top of tslab, the kernel spec, and module resolution for cells. */
export { main, startKernel } from './launcher';
export { parseInstallArgs, type InstallTarget } from './install-args';
export { DISPLAY_NAME, KERNEL_NAME, installKernelSpec, installKernelSpecInto, kernelSpec, userDataDir } from './kernelspec';
export { addNodeFallbackPaths, fallbackPath, moduleFolders, patchTypeScriptSystem, rnnlabModuleFolders } from './resolution';
export { registerTypeScript, TYPESCRIPT_EXTENSIONS } from './typescript';
