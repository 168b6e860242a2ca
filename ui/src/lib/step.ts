// One step at a time for a page's model: what it is doing while a step runs, and the failure it
// keeps to show. Shared by the models whose buttons start one step each (upload, move).

import { toIpcError } from '../ipc/errors';
import type { IpcError } from '../ipc/types';

/** What a model shows of its step: its work (`'idle'` between steps) and its last failure. */
export interface Stepping<W extends string> {
  readonly busy: boolean;
  work: W | 'idle';
  error: IpcError | null;
}

/** Runs `step` as `work` on `model`, unless something is at work; its failure is kept to show. */
export async function runStep<W extends string>(model: Stepping<W>, work: W, step: () => Promise<void>): Promise<void> {
  if (model.busy) return;
  model.work = work;
  model.error = null;
  try {
    await step();
  } catch (thrown) {
    model.error = toIpcError(thrown);
  } finally {
    model.work = 'idle';
  }
}
