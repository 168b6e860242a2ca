// The live "before → after" under the edit rows: what the setup asks (the scope and the rows
// that can be sent), asked again after typing settles; an answer overtaken by newer typing is
// dropped. The core reads the scope's first assets once and keeps them, so each keystroke only
// computes again (no request to AEM until the scope changes).
//
// Not here: the rows themselves (`editForm.ts`, `ruleForm.ts`), how the sample is shown
// (`RuleSample.svelte`).
import { ruleSample } from '../../ipc/commands';
import type { Filters } from '../../ipc/bindings/Filters';
import type { RuleSample } from '../../ipc/bindings/RuleSample';
import type { RunRequest } from '../../ipc/bindings/RunRequest';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { filtersOf, folderProblem, normalizeFolder, opOf, propertyOf, validate, type FormDraft, type Translate } from './editForm';

/** How long typing settles before the sample is computed again. */
export const SAMPLE_DELAY_MS = 300;

/** What a sample is asked for. */
export interface SampleRequest {
  connectionId: string;
  folder: string;
  filters: Filters;
  edits: RunRequest['edits'];
}

/** The scope as the preview would take it: a folder's (from the form) or a search's or list's
 *  (`picked`, null while it cannot be sent yet). */
export type PickedScope = { folder: string; filters: Filters } | null;

/** The sample to ask for: the rows that have no problem, on the scope; null when there is
 *  nothing to compute (no connection, no scope yet, no row without a problem). */
export function sampleRequest(t: Translate, form: FormDraft, picked: PickedScope | 'folder'): SampleRequest | null {
  if (!form.connectionId) return null;
  let scope: PickedScope;
  if (picked === 'folder') {
    const folder = normalizeFolder(form.folder);
    scope = folderProblem(t, folder) || form.name.includes('/') ? null : { folder, filters: filtersOf(form) };
  } else {
    scope = picked;
  }
  if (!scope) return null;
  const problems = validate(t, form).edits;
  const edits = form.edits.filter((e) => !problems[e.key]).map((e) => ({ property: propertyOf(e), op: opOf(e) }));
  if (edits.length === 0) return null;
  return { connectionId: form.connectionId, ...scope, edits };
}

export class RuleSampleModel {
  sample = $state<RuleSample | null>(null);
  /** The edits `sample` was computed for, in the order asked (`sample.refused` follows it). */
  edits = $state<RunRequest['edits']>([]);
  loading = $state(false);
  error = $state<IpcError | null>(null);

  #key = '';
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  /** Asks for the sample of `request` once typing settles; null forgets what is shown. */
  update(request: SampleRequest | null): void {
    const key = request ? JSON.stringify(request) : '';
    if (key === this.#key) return;
    this.#key = key;
    this.#stopTimer();
    if (!request) {
      this.#generation++;
      this.sample = null;
      this.edits = [];
      this.error = null;
      this.loading = false;
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#ask(request);
    }, SAMPLE_DELAY_MS);
  }

  async #ask(request: SampleRequest): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const sample = await ruleSample(request.connectionId, request.folder, request.filters, request.edits);
      if (generation !== this.#generation) return;
      this.sample = sample;
      this.edits = request.edits;
      this.error = null;
    } catch (thrown) {
      if (generation !== this.#generation) return;
      this.sample = null;
      this.error = toIpcError(thrown);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Stops a sample waiting for typing to settle, and ignores one under way. */
  dispose(): void {
    this.#stopTimer();
    this.#generation++;
    this.#key = '';
  }
}
