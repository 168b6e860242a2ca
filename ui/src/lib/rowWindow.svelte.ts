// Windowing for long tables (a preview or a report of thousands of assets): only the rows in
// the scroll box's view, and a margin above and below, are in the page; two spacer rows keep the
// table as tall as all its rows, so the scroll bar, the keyboard (the box is focusable) and
// screen readers (aria-rowcount / aria-rowindex) still see every row. Rows may differ in height:
// the spacers use the measured average of the rows shown.
//
// Hand-written rather than a package: the windowing packages for Svelte 5 place rows absolutely
// in a <div>, which would lose the real <table> (its <th> headers and column widths).
//
// Not here: loading the rows (`features/bulk/paged.svelte.ts`), the tables themselves.

/** The scroll box's height when it cannot be measured (before layout, or under jsdom): the
 *  `.table-wrap` max-height of 32rem. */
const FALLBACK_VIEWPORT = 512;

export class RowWindow {
  scrollTop = $state(0);
  viewport = $state(FALLBACK_VIEWPORT);
  /** The measured average height of a row, in px. */
  rowHeight = $state(0);

  readonly #estimate: number;
  readonly #overscan: number;

  /** `estimate`: a row's height until one is measured; `overscan`: rows kept above and below. */
  constructor(estimate = 56, overscan = 20) {
    this.#estimate = estimate;
    this.#overscan = overscan;
    this.rowHeight = estimate;
  }

  /** The rows to render, `[start, end)`, of `count`. */
  range(count: number): { start: number; end: number } {
    const height = this.rowHeight > 0 ? this.rowHeight : this.#estimate;
    const first = Math.floor(this.scrollTop / height);
    const start = Math.max(0, Math.min(first, count) - this.#overscan);
    const end = Math.min(count, first + Math.ceil(this.viewport / height) + this.#overscan);
    return { start, end: Math.max(start, end) };
  }

  /** The spacers' heights for `range` of `count` rows. */
  padding(count: number, range: { start: number; end: number }): { top: number; bottom: number } {
    return { top: range.start * this.rowHeight, bottom: Math.max(0, count - range.end) * this.rowHeight };
  }

  /** Heights of the rows measured so far, by their `aria-rowindex` (only an estimate after a
   *  filter changes the rows): the average of every row ever shown, so measuring the same rows
   *  again changes nothing (no back-and-forth between the window and the spacers). */
  // Not reactive on purpose: only `rowHeight` drives the window.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #heights = new Map<string, number>();
  #sum = 0;

  /** Measures the rows shown (`rows`: their elements, with `aria-rowindex`), ignoring a layout
   *  that measures nothing. */
  measure(rows: Iterable<HTMLElement>): void {
    for (const row of rows) {
      const key = row.getAttribute('aria-rowindex');
      const height = row.getBoundingClientRect().height;
      if (key === null || height <= 0 || this.#heights.has(key)) continue;
      this.#heights.set(key, height);
      this.#sum += height;
    }
    if (this.#heights.size === 0) return;
    const average = this.#sum / this.#heights.size;
    if (Math.abs(average - this.rowHeight) > 0.5) this.rowHeight = average;
  }

  /** Follows the scroll box `node` (a Svelte action): its scroll position and its height. */
  track = (node: HTMLElement): { destroy: () => void } => {
    const read = () => {
      this.scrollTop = node.scrollTop;
      if (node.clientHeight > 0) this.viewport = node.clientHeight;
    };
    read();
    node.addEventListener('scroll', read, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    resize?.observe(node);
    return {
      destroy: () => {
        node.removeEventListener('scroll', read);
        resize?.disconnect();
      },
    };
  };
}
