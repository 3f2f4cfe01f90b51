/**
 * rnnlab's JupyterLab extension: the wiring of its two plugins.
 *
 * - `kernel-locator` provides {@link IKernelLocator}: which kernel a rendered output's notebook runs.
 * - `renderers` registers the training and study renderers (renderers.ts) with that locator, for the
 *   application's rendermime registry and every notebook's copy of it.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { NotebookKernelLocator } from './controls';
import { RENDERER_RANK, rendererFactories } from './renderers';
import { IKernelLocator } from './tokens';

const locatorPlugin: JupyterFrontEndPlugin<IKernelLocator> = {
  id: 'rnnlab-extension:kernel-locator',
  description: 'Finds the kernel of the notebook a rendered rnnlab output sits in.',
  autoStart: true,
  optional: [INotebookTracker],
  provides: IKernelLocator,
  activate: (_app: JupyterFrontEnd, notebooks: INotebookTracker | null): IKernelLocator => new NotebookKernelLocator(notebooks),
};

const renderersPlugin: JupyterFrontEndPlugin<void> = {
  id: 'rnnlab-extension:renderers',
  description: 'Renders rnnlab training runs and studies (application/vnd.rnnlab.*.v1+json).',
  autoStart: true,
  requires: [IRenderMimeRegistry, IKernelLocator],
  optional: [INotebookTracker],
  activate: (_app: JupyterFrontEnd, rendermime: IRenderMimeRegistry, locator: IKernelLocator, notebooks: INotebookTracker | null): void => {
    const factories = rendererFactories({ locator });
    const register = (registry: IRenderMimeRegistry): void => {
      for (const factory of factories) {
        if (!registry.getFactory(factory.mimeTypes[0])) registry.addFactory(factory, RENDERER_RANK);
      }
    };
    register(rendermime);
    // A notebook renders with a clone of the registry; one cloned before this plugin ran lacks the factories.
    notebooks?.widgetAdded.connect((_, panel) => register(panel.content.rendermime));
  },
};

export { IKernelLocator } from './tokens';
export default [locatorPlugin, renderersPlugin];
