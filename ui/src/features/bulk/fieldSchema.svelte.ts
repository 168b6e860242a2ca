// The metadata schema of the folder a bulk edit runs on (a list's: its assets' nearest common
// folder, as the core finds it), for its change rows: read when the connection or folder
// settles (the core keeps it per connection and folder), read again on request, and what it
// said about each change before the preview (a value outside a dropdown's options, not a
// number…), kept with the value it was said for so it goes once the row changes.
//
// Not here: which fields the picker offers and which editor a value takes (schemaFields.ts).
import { folderSchema, schemaProblems } from '../../ipc/commands';
import type { FolderSchema } from '../../ipc/bindings/FolderSchema';
import type { ScopeEditsRequest } from '../../ipc/bindings/ScopeEditsRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';

/** How long the folder typed settles before its schema is read. */
export const SCHEMA_DELAY_MS = 400;

/** What the schema refused for a row, and the change it was said for. */
export interface Refusal {
  property: string;
  text: string;
  message: string;
}

export class FieldSchema {
  /** The answer for `for` (null until read, or while another folder's is read). */
  current = $state<FolderSchema | null>(null);
  loading = $state(false);
  /** Why it could not be asked at all (not the form's own unavailability: `current.unavailable`). */
  error = $state<IpcError | null>(null);
  refused = $state<Record<number, Refusal>>({});

  #for = '';
  /** The scope `#for` names, as the core takes it. */
  #scope: ScopeRequest | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #generation = 0;

  /** Reads the schema of a scope (as a preview takes it: a list's schema is its assets'
   *  folder's) after typing settles, unless it is the one on hand. Nothing to read (no
   *  connection or folder): none shown. */
  follow(scope: ScopeRequest | null): void {
    const key = scope ? JSON.stringify(scope) : '';
    if (key === this.#for) return;
    this.stop();
    this.#for = key;
    this.#scope = scope;
    this.current = null;
    this.error = null;
    if (!scope) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#read(scope, false);
    }, SCHEMA_DELAY_MS);
  }

  /** Reads AEM's form again (an administrator changed it). */
  async refresh(): Promise<void> {
    if (this.#scope) await this.#read(this.#scope, true);
  }

  async #read(scope: ScopeRequest, refresh: boolean): Promise<void> {
    const mine = ++this.#generation;
    this.loading = true;
    try {
      const answer = await folderSchema(scope, refresh);
      if (mine === this.#generation) {
        this.current = answer;
        this.error = null;
      }
    } catch (thrown) {
      // A folder that does not exist is the scope's to say; the rows work by property name.
      if (mine === this.#generation) {
        this.current = null;
        this.error = toIpcError(thrown);
      }
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }

  /** Asks the core whether the schema allows the request's values; each refusal is kept for
   *  its row (`keys`: the rows' keys, in the request's order). True when nothing is refused,
   *  or when the core could not say (the preview then says why). */
  async allows(request: ScopeEditsRequest, keys: number[]): Promise<boolean> {
    let problems: string[][];
    try {
      problems = await schemaProblems(request);
    } catch {
      this.refused = {};
      return true;
    }
    const refused: Record<number, Refusal> = {};
    problems.forEach((words, index) => {
      const key = keys[index];
      const edit = request.edits[index];
      if (words.length === 0 || key === undefined || !edit) return;
      const values = 'values' in edit.op ? edit.op.values : [];
      refused[key] = { property: edit.property, text: values.join('\n'), message: words.join(' ') };
    });
    this.refused = refused;
    return Object.keys(refused).length === 0;
  }

  /** The refusal still true of a row: said for the same property and values. */
  refusalOf(key: number, property: string, values: string[]): string | null {
    const r = this.refused[key];
    return r && r.property === property && r.text === values.join('\n') ? r.message : null;
  }

  stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#generation++;
    this.loading = false;
  }
}
