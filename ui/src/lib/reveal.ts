// A result that appears where the person is not looking (below the fold: a sheet's preview or
// refusal, a report) is brought to them: scrolled into view and focused, so the keyboard and a
// screen reader start there too (issue 77). One action for every page that shows such a
// result: `<section use:reveal={key}>` reveals the element when it appears, and again each time
// `key` changes (a new preview in the same place).
import type { Action } from 'svelte/action';

/** Elements that take focus without a tabindex. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** Scrolls `node` into view (its start when it is taller than the window) and focuses it. */
export function revealNow(node: HTMLElement): void {
  if (!node.matches(FOCUSABLE)) node.setAttribute('tabindex', '-1');
  const tall = node.getBoundingClientRect().height > window.innerHeight;
  node.scrollIntoView?.({ block: tall ? 'start' : 'nearest' });
  node.focus({ preventScroll: true });
}

export const reveal: Action<HTMLElement, unknown> = (node, key) => {
  // After this tick's other updates (the rest of the result drawn, so its height is known).
  queueMicrotask(() => {
    if (node.isConnected) revealNow(node);
  });
  return {
    update(next: unknown) {
      if (next === key) return;
      key = next;
      queueMicrotask(() => {
        if (node.isConnected) revealNow(node);
      });
    },
  };
};
