// "Count assets" on the Tags page: the folder chosen, how many assets under it hold each tag (or
// a tag below it), as the core counts them (listings, then batched reads: exact while AEM's
// index lags), and what could not be counted. One count at a time; an answer for a folder or a
// connection the page has left since is dropped.
import type { TagCounts } from '../../ipc/bindings/TagCounts';
import { countTags } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import { WHOLE_DAM } from './tagChange.svelte';

export class TagCountsModel {
  /** The folder to count (its subfolders included). */
  folder = $state(WHOLE_DAM);
  counting = $state(false);
  /** The last count; null before any, or once it no longer holds. */
  counts = $state<TagCounts | null>(null);
  /** Why the count failed, in the core's words. */
  error = $state<IpcError | null>(null);
  /** A message id: what the form lacked when Count was pressed. */
  missing = $state<string | null>(null);

  readonly #connectionId: () => string | null;
  /** Bumped when the page moves on, so that a count under way is not shown for what follows. */
  #generation = 0;

  constructor(connectionId: () => string | null) {
    this.#connectionId = connectionId;
  }

  /** A folder was chosen: the last count stays until the next, which says its own folder. */
  choose(folder: string): void {
    this.folder = folder;
    this.missing = null;
  }

  /** The counts no longer hold (another connection, a tag changed): say nothing of them. */
  forget(): void {
    this.#generation++;
    this.counting = false;
    this.counts = null;
    this.error = null;
    this.missing = null;
  }

  /** How many assets under the counted folder hold `id` or a tag below it; null before a count. */
  of(id: string): number | null {
    return this.counts ? (this.counts.counts[id] ?? 0) : null;
  }

  /** "Count assets": asks the core for every tag's count under the folder. */
  async count(): Promise<void> {
    const connectionId = this.#connectionId();
    if (!connectionId || this.counting) return;
    const folder = this.folder.trim();
    this.error = null;
    if (!folder) {
      this.missing = 'tags-counts-need-folder';
      return;
    }
    this.missing = null;
    const mine = ++this.#generation;
    this.counting = true;
    try {
      const counts = await countTags(connectionId, folder);
      if (mine === this.#generation) this.counts = counts;
    } catch (thrown) {
      if (mine === this.#generation) {
        this.counts = null;
        this.error = toIpcError(thrown);
      }
    } finally {
      if (mine === this.#generation) this.counting = false;
    }
  }
}
