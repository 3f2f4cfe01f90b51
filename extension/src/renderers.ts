/**
 * The two mime renderer factories: a MIME constant and a factory each (the extension-examples shape).
 * They are registered by the `renderers` plugin (index.ts), which hands them the kernel locator, so the
 * views reach the kernel through an injected service rather than a global.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { loadPlotly } from './plot';
import type { PlotlyLoader } from './plot';
import { STUDY_MIME, StudyView } from './study';
import { TRAINING_MIME, TrainingView } from './training';
import type { IKernelLocator } from './tokens';

/** Rank of both factories: before HTML (50) and plain text (120), so the bundles' fallbacks stay unused. */
export const RENDERER_RANK = 10;

/** What the factories need. */
export interface RendererDependencies {
  locator: IKernelLocator | null;
  loadPlotly?: PlotlyLoader;
}

/** The factories of `application/vnd.rnnlab.training.v1+json` and `application/vnd.rnnlab.study.v1+json`. */
export function rendererFactories(dependencies: RendererDependencies): IRenderMime.IRendererFactory[] {
  const load = dependencies.loadPlotly ?? loadPlotly;
  return [
    {
      safe: true,
      mimeTypes: [TRAINING_MIME],
      defaultRank: RENDERER_RANK,
      createRenderer: () => new TrainingView({ loadPlotly: load }),
    },
    {
      safe: true,
      mimeTypes: [STUDY_MIME],
      defaultRank: RENDERER_RANK,
      createRenderer: () => new StudyView({ loadPlotly: load, locator: dependencies.locator }),
    },
  ];
}

export { STUDY_MIME, TRAINING_MIME };
