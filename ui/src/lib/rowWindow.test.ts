// The table window: scrolled down a page at a time through rows of different heights, every
// row passes through view (placed by its measured height, not by an average that would jump
// over tall rows), and only a window of them is rendered.
import { describe, expect, it } from 'vitest';

import { RowWindow } from './rowWindow.svelte';

/** A rendered row as `measure` reads it. */
function rowElement(index: number, height: number): HTMLElement {
  return {
    getAttribute: (name: string) => (name === 'aria-rowindex' ? String(index + 2) : null),
    getBoundingClientRect: () => ({ height }) as DOMRect,
  } as unknown as HTMLElement;
}

describe('the row window', () => {
  it('shows every row while scrolling down through rows of different heights', () => {
    const count = 2000;
    // Short rows first, then much taller ones (a skipped reason, a long list of keywords).
    const height = (i: number) => (i < 300 ? 40 : 40 + ((i * 37) % 160));
    const view = new RowWindow(56, 20);
    view.viewport = 500;
    const seen = new Set<number>();
    let rendered = 0;
    for (let top = 0, guard = 0; guard < 10_000; guard++) {
      view.scrollTop = top;
      let layout = view.layout(count);
      // The page renders the window, measures it, and lays out again (as the effect does).
      for (let again = 0; again < 3; again++) {
        const rows = [];
        for (let i = layout.start; i < layout.end; i++) rows.push(rowElement(i, height(i)));
        view.measure(rows);
        layout = view.layout(count);
      }
      rendered = Math.max(rendered, layout.end - layout.start);
      let y = layout.top;
      for (let i = layout.start; i < layout.end; i++) {
        if (y < top + view.viewport && y + height(i) > top) seen.add(i);
        y += height(i);
      }
      const total = y + layout.bottom;
      if (top + view.viewport >= total) break;
      top = Math.min(top + Math.floor(view.viewport * 0.8), total - view.viewport);
    }
    const missed = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
    expect(missed).toEqual([]);
    expect(rendered).toBeLessThan(100);
  });

  it('follows where the table stands in the scrolling page, not a box of its own', () => {
    // One scroll area a page (issue 68): the table grows and the page around it scrolls.
    const area = document.createElement('div');
    area.style.overflowY = 'auto';
    const table = document.createElement('div');
    area.append(table);
    document.body.append(area);
    Object.defineProperty(area, 'clientHeight', { configurable: true, value: 600 });
    area.getBoundingClientRect = () => ({ top: 50 }) as DOMRect;
    let top = 300;
    table.getBoundingClientRect = () => ({ top, height: 56 * 1000 }) as DOMRect;
    const view = new RowWindow(56, 0);
    const { destroy } = view.track(table);
    expect(view.scrollTop).toBe(0);
    expect(view.viewport).toBe(600);

    // The page scrolled until row 100 is at the area's top.
    top = 50 - 56 * 100;
    area.dispatchEvent(new Event('scroll'));
    expect(view.scrollTop).toBe(5600);
    expect(view.layout(1000).start).toBe(100);
    destroy();
    area.remove();
  });
});
