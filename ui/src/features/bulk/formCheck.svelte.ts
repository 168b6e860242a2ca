// Bulk edit's form as typed, checked by the core (`checkForm`) once typing settles: the edits'
// properties, the name pattern, a search's conditions, a pasted list, a sheet's properties,
// each with the problem the preview (or the CLI) would refuse it with, in the window's words.
// The window decides only what is purely display: a field with nothing typed yet.
//
// Not here: the folder typed (folderCheck.svelte.ts), which problems show where (editForm.ts,
// scopeForm.ts, sheetForm.ts).
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import { checkForm } from '../../ipc/commands';

/** How long typing settles before the core is asked. */
export const FORM_CHECK_DELAY_MS = 150;

export class FormCheck {
  /** Answers by request (asking twice about the same form asks the core once). */
  answers = $state<Record<string, CheckedForm>>({});
  /** The last answer received, with what it answers (a field's answer stays good while other
   *  fields change). */
  latest = $state<{ request: FormCheckRequest; answer: CheckedForm } | null>(null);

  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Questions under way, by request (not state: nothing shows them). */
  #asking: Record<string, Promise<CheckedForm | null>> = {};

  /** The core's answer for `request`; null while it is not known. */
  problemsFor(request: FormCheckRequest): CheckedForm | null {
    return this.answers[JSON.stringify(request)] ?? null;
  }

  /** Asks about `request` once typing settles. */
  follow(request: FormCheckRequest): void {
    this.stop();
    if (this.problemsFor(request)) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.resolve(request);
    }, FORM_CHECK_DELAY_MS);
  }

  /** The answer for `request`, asked now when not known; null when the core could not be asked
   *  (the preview then refuses what it refuses, in its own words). */
  async resolve(request: FormCheckRequest): Promise<CheckedForm | null> {
    const key = JSON.stringify(request);
    const known = this.answers[key];
    if (known) return known;
    let asking = this.#asking[key];
    if (!asking) {
      asking = checkForm(request).then(
        (answer): CheckedForm | null => answer,
        (): CheckedForm | null => null,
      );
      this.#asking[key] = asking;
    }
    const answer = await asking;
    delete this.#asking[key];
    if (answer) {
      this.answers[key] = answer;
      this.latest = { request, answer };
    }
    return answer;
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
