// Which actions the Activity list offers for a run, from its status and counts. Plain logic,
// tested in ActivityPage.test.ts ("actions per status").
import type { RunSummary } from '../../ipc/bindings/RunSummary';

export type RunAction = 'open-report' | 'open-preview' | 'apply' | 'resume' | 'undo' | 'show-progress';

/** The actions for `run`, in the order they are shown; `running` when this window applies it. */
export function actionsFor(run: RunSummary, running: boolean): RunAction[] {
  if (running) return ['show-progress'];
  const out: RunAction[] = [];
  switch (run.status) {
    case 'previewed':
      out.push('open-preview');
      if (run.counts.pending > 0) out.push('apply');
      return out;
    case 'preview_incomplete':
      return ['open-report'];
    case 'interrupted':
    case 'cancelled':
    case 'stopped':
      out.push('open-report');
      if (run.counts.pending > 0 || run.status === 'interrupted') out.push('resume');
      break;
    case 'completed':
      out.push('open-report');
      break;
  }
  // Any run that changed assets can be undone, an undo included (that puts the edit back).
  if (run.counts.changed > 0) out.push('undo');
  return out;
}
