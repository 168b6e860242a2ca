// The row window of a paged table (the preview's and the report's): which of the rows read are
// in the page, their heights measured as they show and forgotten when the filter changes (other
// rows then stand at the same places), and the next page read once the last rows read are in
// view. Create it while the table component initialises (its effects belong to the component).
//
// Not here: the windowing itself (`lib/rowWindow`), reading the pages (`paged.svelte.ts`).
import { untrack } from 'svelte';
import { RowWindow, type Layout } from '../../lib/rowWindow.svelte';
import type { PagedRows } from './paged.svelte';

export class PagedWindow<Row, Filter> {
  readonly view = new RowWindow();
  /** The table's `<tbody>` (`bind:this`), where the rows are measured. */
  body = $state<HTMLElement | undefined>();
  readonly shown: Layout;
  readonly visible: Row[];

  /** `source`: the table's rows (a getter, so a new set of rows is followed); `rowSelector`:
   *  the CSS selector of a row in the body, for measuring. */
  constructor(source: () => PagedRows<Row, Filter>, rowSelector: string) {
    this.shown = $derived(this.view.layout(source().rows.length));
    this.visible = $derived(source().rows.slice(this.shown.start, this.shown.end));
    $effect(() => {
      void source().filter;
      untrack(() => this.view.reset());
    });
    $effect(() => {
      void this.visible;
      const rows = this.body?.querySelectorAll<HTMLElement>(rowSelector);
      if (rows) untrack(() => this.view.measure(rows));
    });
    $effect(() => {
      const rows = source();
      if (this.shown.end >= rows.rows.length && rows.rows.length > 0 && rows.hasMore && !rows.loading && !rows.error) {
        void rows.more();
      }
    });
  }
}
