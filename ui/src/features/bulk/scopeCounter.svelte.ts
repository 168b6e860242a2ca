// The count of the assets in a folder scope (connection, folder, its filters), as it streams in from
// the core; a count overtaken by a newer one is ignored. Used by the setup (`setup.svelte.ts`).
import { countScope } from '../../ipc/commands';
import type { ScopeCount } from '../../ipc/bindings/ScopeCount';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';

/** How long typing settles before the scope is counted again. */
export const COUNT_DELAY_MS = 350;

/** The key of a scope: what a count is of (connection, folder, filters). */
export function scopeKey(request: ScopeRequest): string {
  return JSON.stringify(request);
}

/** The count of the assets in scope, as it streams in. */
export class ScopeCounter {
  count = $state<ScopeCount | null>(null);
  error = $state<IpcError | null>(null);
  counting = $state(false);
  /** What the shown (or running) count is of, to skip counting it again. */
  key = $state('');

  #generation = 0;

  /** Whether the scope of `key` is being counted or has its final count (a failed count is
   *  tried again). */
  covers(key: string): boolean {
    return this.key === key && !this.error && (this.counting || this.count?.done === true);
  }

  async run(request: ScopeRequest): Promise<void> {
    const generation = ++this.#generation;
    this.key = scopeKey(request);
    this.count = null;
    this.error = null;
    this.counting = true;
    try {
      const counted = await countScope(request, (update) => {
        if (generation === this.#generation) this.count = update;
      });
      if (generation !== this.#generation) return;
      const final = counted?.kind === 'folder' ? counted : null;
      if (final?.done) {
        this.count = final;
      } else {
        // Another job (a preview, an undo) stopped this count: what it had counted so far is no
        // result. Forget it, so the scope is counted again once that job has ended.
        this.key = '';
        this.count = null;
      }
    } catch (thrown) {
      if (generation === this.#generation) this.error = toIpcError(thrown);
    } finally {
      if (generation === this.#generation) this.counting = false;
    }
  }

  /** Forgets the count (the folder is no longer valid); a count still running is ignored. */
  clear(): void {
    this.#generation++;
    this.key = '';
    this.count = null;
    this.error = null;
    this.counting = false;
  }
}
