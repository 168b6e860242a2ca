// The folder typed in Bulk edit, as the core takes it: the core is asked (`checkFolder`) once
// typing settles, so the window takes every folder form the CLI takes (`/content/dam/…`, the
// seed script's `/wknd-shared/en/…`) and says the core's problem in the window's words. The
// window decides only that nothing is typed yet.
//
// Not here: what the folder is used for (setup.svelte.ts, scopeChoice.svelte.ts), asking once
// typing settles (lib/settledQuestions.svelte.ts).
import { checkFolder } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import { SettledQuestions } from '../../lib/settledQuestions.svelte';

/** How long typing settles before the core is asked. */
export const FOLDER_CHECK_DELAY_MS = 150;

/** The core's answer about a typed folder: the folder it takes, or why not (in words). */
export type FolderAnswer = { folder: string } | { problem: string };

function ask(typed: string): Promise<FolderAnswer> {
  return checkFolder(typed).then(
    (folder): FolderAnswer => ({ folder }),
    (thrown: unknown): FolderAnswer => ({ problem: toIpcError(thrown).message }),
  );
}

export class FolderCheck extends SettledQuestions<string, FolderAnswer> {
  constructor() {
    super(ask, (typed) => typed, FOLDER_CHECK_DELAY_MS);
  }

  /** The folder the core takes for `typed`; null while asked, or when it has a problem. */
  folderFor(typed: string): string | null {
    const answer = this.answerFor(typed);
    return answer && 'folder' in answer ? answer.folder : null;
  }

  /** Asks about `typed` once typing settles (nothing for an empty field). */
  override follow(typed: string): void {
    if (typed.trim() === '') this.stop();
    else super.follow(typed);
  }

  /** The answer for `typed`, asked now when not known; null for an empty field. */
  override resolve(typed: string): Promise<FolderAnswer | null> {
    return typed.trim() === '' ? Promise.resolve(null) : super.resolve(typed);
  }
}
