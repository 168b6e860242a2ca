// Bulk edit's form as typed, checked by the core (`checkForm`) once typing settles: the edits'
// properties, the name pattern, a search's conditions, a pasted list, a sheet's properties,
// each with the problem the preview (or the CLI) would refuse it with, in the window's words.
// The window decides only what is purely display: a field with nothing typed yet.
//
// Not here: the folder typed (folderCheck.svelte.ts), which problems show where (editForm.ts,
// scopeForm.ts, sheetForm.ts), asking once typing settles (lib/settledQuestions.svelte.ts).
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { CheckedForm } from '../../ipc/bindings/CheckedForm';
import { checkForm } from '../../ipc/commands';
import { SettledQuestions } from '../../lib/settledQuestions.svelte';

/** How long typing settles before the core is asked. */
export const FORM_CHECK_DELAY_MS = 150;

/** Null when the core could not be asked: the preview then refuses what it refuses, in its own
 *  words. */
function ask(request: FormCheckRequest): Promise<CheckedForm | null> {
  return checkForm(request).then(
    (answer): CheckedForm | null => answer,
    (): CheckedForm | null => null,
  );
}

export class FormCheck extends SettledQuestions<FormCheckRequest, CheckedForm> {
  constructor() {
    super(ask, (request) => JSON.stringify(request), FORM_CHECK_DELAY_MS);
  }
}
