/**
 * The live notebook view of `optimize`: a {@link LiveDisplay} (throttled updates, always ending with
 * the final state) whose bundle comes from a renderer that the package entry point registers
 * (`registerStudyRenderer`, fed with the display folder's pure payload builder), so that this folder
 * never imports the display code.
 */
import { LiveDisplay, type MimeBundle } from '../frontend';
import { setDefaultStudyObserver, type StudyObserver, type StudySnapshot } from './observer';

/** Turns a snapshot into a MIME bundle (`studyViewBundle` of the display folder). */
export type StudyRenderer = (snapshot: StudySnapshot) => MimeBundle;

/** Least time between two view updates, in milliseconds. */
export const STUDY_VIEW_THROTTLE_MS = 500;

/** An observer that shows and updates the view of one optimize run. */
export function liveStudyView(render: StudyRenderer, throttleMs = STUDY_VIEW_THROTTLE_MS): StudyObserver {
  let latest: (() => StudySnapshot) | undefined;
  let display: LiveDisplay | undefined;
  const bundle = (): MimeBundle => render(latest!());
  return {
    onStart(snapshot) {
      latest = snapshot;
      display = new LiveDisplay(bundle, { throttleMs, displayId: snapshot().viewId });
      display.show();
    },
    onUpdate(snapshot) {
      latest = snapshot;
      display?.refresh();
    },
    onEnd(snapshot) {
      latest = snapshot;
      display?.flush();
    },
  };
}

/**
 * Makes every `optimize` (unless `{ show: false }`) show the live view drawn by `render`.
 * Called once by the package entry point; `undefined` switches the view off.
 */
export function registerStudyRenderer(render: StudyRenderer | undefined): void {
  setDefaultStudyObserver(render ? () => liveStudyView(render) : undefined);
}
