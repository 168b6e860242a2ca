// Windowing for long tables (a preview or a report of thousands of assets): only the rows in
// view, and a margin above and below, are in the page; two spacer rows keep the table as tall as
// all its rows, so the page's scroll bar, the keyboard and screen readers (aria-rowcount /
// aria-rowindex) still see every row. The table does not scroll in a box of its own: the page
// scrolls, one scroll area (issue 68), and the window follows where the table stands in it. Rows may differ in height:
// each row is placed by its measured height once shown, by the average before.
//
// Hand-written rather than a package: the windowing packages for Svelte 5 place rows absolutely
// in a <div>, which would lose the real <table> (its <th> headers and column widths).
//
// Not here: loading the rows (`features/bulk/paged.svelte.ts`), the tables themselves.

/** The view's height when it cannot be measured (before layout, or under jsdom). */
const FALLBACK_VIEWPORT = 512;

export interface Layout {
  /** The rows to render, `[start, end)`. */
  start: number;
  end: number;
  /** The spacers' heights, in px. */
  top: number;
  bottom: number;
}

export class RowWindow {
  scrollTop = $state(0);
  viewport = $state(FALLBACK_VIEWPORT);
  /** Bumped when a row is measured for the first time (the heights themselves are not state). */
  measured = $state(0);

  readonly #estimate: number;
  readonly #overscan: number;
  /** Heights of the rows measured so far, by index (`aria-rowindex` − 2). Rows are placed by
   *  these, so scrolling down through measured rows shows each of them, however their heights
   *  differ; rows not measured yet take the average. */
  // Not reactive on purpose: `measured` says when they change.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #heights = new Map<number, number>();
  #sum = 0;

  /** `estimate`: a row's height until one is measured; `overscan`: rows kept above and below. */
  constructor(estimate = 56, overscan = 20) {
    this.#estimate = estimate;
    this.#overscan = overscan;
  }

  /** Which of `count` rows to render, and the spacers around them. */
  layout(count: number): Layout {
    void this.measured;
    const average = this.#heights.size > 0 ? this.#sum / this.#heights.size : this.#estimate;
    const height = (i: number) => this.#heights.get(i) ?? average;
    let offset = 0;
    let first = 0;
    while (first < count && offset + height(first) <= this.scrollTop) offset += height(first++);
    let last = first;
    let below = offset;
    while (last < count && below < this.scrollTop + this.viewport) below += height(last++);
    const start = Math.max(0, first - this.#overscan);
    const end = Math.min(count, last + this.#overscan);
    let top = 0;
    for (let i = 0; i < start; i++) top += height(i);
    let bottom = 0;
    for (let i = end; i < count; i++) bottom += height(i);
    return { start, end, top, bottom };
  }

  /** Measures the rows shown (`rows`: their elements, with `aria-rowindex`), ignoring a layout
   *  that measures nothing (jsdom) and rows measured before. */
  measure(rows: Iterable<HTMLElement>): void {
    let added = 0;
    for (const row of rows) {
      const index = Number(row.getAttribute('aria-rowindex')) - 2;
      const height = row.getBoundingClientRect().height;
      if (!(index >= 0) || height <= 0 || this.#heights.has(index)) continue;
      this.#heights.set(index, height);
      this.#sum += height;
      added++;
    }
    if (added > 0) this.measured++;
  }

  /** Forgets the heights (another filter: other rows at the same places). */
  reset(): void {
    this.#heights.clear();
    this.#sum = 0;
    this.measured++;
  }

  /** Follows the table's box `node` (a Svelte action) in the page's scrolling area (its nearest
   *  ancestor that scrolls, else the window): how far the table has gone above the area's top,
   *  and the area's height. */
  track = (node: HTMLElement): { destroy: () => void } => {
    const area = scrollingAncestor(node);
    const read = () => {
      const box = node.getBoundingClientRect();
      // Nothing laid out (jsdom, or not shown yet): the fallback view stays.
      if (box.height <= 0) return;
      const top = area ? area.getBoundingClientRect().top : 0;
      const height = area ? area.clientHeight : window.innerHeight;
      this.scrollTop = Math.max(0, top - box.top);
      if (height > 0) this.viewport = height;
    };
    read();
    // Scroll events do not bubble: caught on their way down, whichever area scrolled.
    document.addEventListener('scroll', read, { capture: true, passive: true });
    window.addEventListener('resize', read, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    resize?.observe(node);
    return {
      destroy: () => {
        document.removeEventListener('scroll', read, { capture: true });
        window.removeEventListener('resize', read);
        resize?.disconnect();
      },
    };
  };
}

/** The nearest ancestor of `node` that scrolls vertically, or null (the window scrolls). */
function scrollingAncestor(node: HTMLElement): HTMLElement | null {
  for (let box = node.parentElement; box; box = box.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(box).overflowY)) return box;
  }
  return null;
}
