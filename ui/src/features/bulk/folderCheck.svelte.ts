// The folder typed in Bulk edit, as the core takes it: the core is asked (`checkFolder`) once
// typing settles, so the window takes every folder form the CLI takes (`/content/dam/…`, the
// seed script's `/wknd-shared/en/…`) and says the core's problem in the window's words. The
// window decides only that nothing is typed yet.
//
// Not here: what the folder is used for (setup.svelte.ts, scopeChoice.svelte.ts).
import { checkFolder } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';

/** How long typing settles before the core is asked. */
export const FOLDER_CHECK_DELAY_MS = 150;

/** The core's answer about a typed folder: the folder it takes, or why not (in words). */
export type FolderAnswer = { folder: string } | { problem: string };

export class FolderCheck {
  /** Answers by what was typed (asking twice about the same text asks the core once). */
  answers = $state<Record<string, FolderAnswer>>({});

  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Questions under way, by what was typed (not state: nothing shows them). */
  #asking: Record<string, Promise<FolderAnswer>> = {};

  /** The answer for `typed`, null while it is not known (or nothing is typed). */
  answerFor(typed: string): FolderAnswer | null {
    return this.answers[typed] ?? null;
  }

  /** The folder the core takes for `typed`; null while asked, or when it has a problem. */
  folderFor(typed: string): string | null {
    const answer = this.answerFor(typed);
    return answer && 'folder' in answer ? answer.folder : null;
  }

  /** Asks about `typed` once typing settles (nothing for an empty field). */
  follow(typed: string): void {
    this.stop();
    if (typed.trim() === '' || this.answers[typed]) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.resolve(typed);
    }, FOLDER_CHECK_DELAY_MS);
  }

  /** The answer for `typed`, asked now when not known; null for an empty field. */
  async resolve(typed: string): Promise<FolderAnswer | null> {
    if (typed.trim() === '') return null;
    const known = this.answers[typed];
    if (known) return known;
    let asking = this.#asking[typed];
    if (!asking) {
      asking = checkFolder(typed).then(
        (folder): FolderAnswer => ({ folder }),
        (thrown: unknown): FolderAnswer => ({ problem: toIpcError(thrown).message }),
      );
      this.#asking[typed] = asking;
    }
    const answer = await asking;
    delete this.#asking[typed];
    this.answers[typed] = answer;
    return answer;
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
