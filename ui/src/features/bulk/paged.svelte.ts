// Rows of a run read page by page (preview rows, report rows), with one filter: the page asks
// for the first page when the filter changes and appends the next one on "Show more". An
// answer that arrives after the filter or the run changed is dropped.
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';

export const PAGE_SIZE = 100;

export type FetchPage<Row, Filter> = (
  runId: string,
  filter: Filter | null,
  offset: number,
  limit: number,
) => Promise<{ rows: Row[]; total: number }>;

/** What a table shows (`RowTable`): the rows read so far of `total`, and how to read more. A
 *  list already in memory is one page with nothing more to read. */
export interface TableRows<Row> {
  readonly rows: Row[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: IpcError | null;
  readonly hasMore: boolean;
  more(): Promise<void>;
}

/** `rows` as a table's rows: all of them, already read. */
export function rowsInMemory<Row>(rows: Row[]): TableRows<Row> {
  return { rows, total: rows.length, loading: false, error: null, hasMore: false, more: async () => {} };
}

export class PagedRows<Row, Filter> implements TableRows<Row> {
  rows = $state<Row[]>([]);
  total = $state(0);
  filter = $state<Filter | null>(null);
  loading = $state(false);
  error = $state<IpcError | null>(null);
  runId = $state<string | null>(null);

  hasMore = $derived(this.rows.length < this.total);

  #fetch: FetchPage<Row, Filter>;
  #request = 0;

  constructor(fetch: FetchPage<Row, Filter>) {
    this.#fetch = fetch;
  }

  /** Shows the first page of `runId` with `filter` (null: every row). */
  async open(runId: string, filter: Filter | null): Promise<void> {
    this.runId = runId;
    this.filter = filter;
    this.rows = [];
    this.total = 0;
    await this.#load(0);
  }

  /** Shows `rows`, the first page of `runId` already read (every row), of `total`. */
  show(runId: string, rows: Row[], total: number): void {
    this.#request++;
    this.runId = runId;
    this.filter = null;
    this.rows = rows;
    this.total = total;
    this.loading = false;
    this.error = null;
  }

  async setFilter(filter: Filter | null): Promise<void> {
    if (this.runId === null) return;
    await this.open(this.runId, filter);
  }

  async more(): Promise<void> {
    if (this.runId === null || this.loading || !this.hasMore) return;
    await this.#load(this.rows.length);
  }

  /** Reads the current page again (after the run moved on). */
  async reload(): Promise<void> {
    if (this.runId === null) return;
    await this.open(this.runId, this.filter);
  }

  clear(): void {
    this.#request++;
    this.runId = null;
    this.rows = [];
    this.total = 0;
    this.filter = null;
    this.loading = false;
    this.error = null;
  }

  async #load(offset: number): Promise<void> {
    const runId = this.runId;
    if (runId === null) return;
    const request = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(runId, this.filter, offset, PAGE_SIZE);
      if (request !== this.#request) return;
      this.rows = offset === 0 ? page.rows : [...this.rows, ...page.rows];
      this.total = page.total;
    } catch (thrown) {
      if (request === this.#request) this.error = toIpcError(thrown);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
