// The live "before → after" under the edit rows: what the setup asks (the scope and the rows
// that can be sent), asked again after typing settles; an answer overtaken by newer typing is
// dropped. The core reads the scope's first assets once and keeps them, so each keystroke only
// computes again (no request to AEM until the scope changes).
//
// Not here: the rows themselves (`editForm.ts`, `ruleForm.ts`), how the sample is shown
// (`RuleSample.svelte`).
import { ruleSample } from '../../ipc/commands';
import type { Edit } from '../../ipc/bindings/Edit';
import type { RuleSample } from '../../ipc/bindings/RuleSample';
import type { ScopeEditsRequest } from '../../ipc/bindings/ScopeEditsRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { opOf, propertyOf, validate, type FormDraft, type Translate } from './editForm';

/** How long typing settles before the sample is computed again. */
export const SAMPLE_DELAY_MS = 300;

/** What a sample is asked for: the scope as the preview would take it, and the edits. */
export type SampleRequest = ScopeEditsRequest;

/** The sample to ask for: the rows that have no problem, on the scope (`scope`: as the core
 *  takes it, null while it cannot be sent yet); null when there is nothing to compute (no
 *  connection, no scope yet, no row without a problem). */
export function sampleRequest(t: Translate, form: FormDraft, scope: ScopeRequest | null): SampleRequest | null {
  if (!form.connectionId || !scope) return null;
  // Only the rows' own problems count here: the scope was checked already.
  const problems = validate(t, form, null).edits;
  const edits: Edit[] = form.edits.filter((e) => !problems[e.key]).map((e) => ({ property: propertyOf(e), op: opOf(e) }));
  if (edits.length === 0) return null;
  return { scope, edits };
}

export class RuleSampleModel {
  sample = $state<RuleSample | null>(null);
  /** The edits `sample` was computed for, in the order asked (`sample.refused` follows it). */
  edits = $state<Edit[]>([]);
  loading = $state(false);
  /**
   * True from a change of the request until its sample is shown: the sample may then resize and
   * move what is below it (Preview), so the page says so (`data-settling`) while it lasts.
   */
  settling = $state(false);
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
      this.settling = false;
      return;
    }
    this.settling = true;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#ask(request);
    }, SAMPLE_DELAY_MS);
  }

  async #ask(request: SampleRequest): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    try {
      const sample = await ruleSample(request);
      if (generation !== this.#generation) return;
      this.sample = sample;
      this.edits = request.edits;
      this.error = null;
    } catch (thrown) {
      if (generation !== this.#generation) return;
      this.sample = null;
      this.error = toIpcError(thrown);
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.settling = false;
      }
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
    this.settling = false;
  }
}
