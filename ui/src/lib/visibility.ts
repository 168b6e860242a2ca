// Calls a function once, the first time an element scrolls into view (or near it), so a table
// of thousands of rows loads images only for the rows someone actually sees. One observer serves
// every element.

type Seen = () => void;

const MARGIN = '100px';
let observer: IntersectionObserver | null = null;
const waiting = new Map<Element, Seen>();

function shared(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const seen = waiting.get(entry.target);
        stop(entry.target);
        seen?.();
      }
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

function stop(element: Element): void {
  waiting.delete(element);
  observer?.unobserve(element);
}

/**
 * Svelte action: `use:onFirstSight={load}` calls `load` once, when the element first comes into
 * view. Without IntersectionObserver (old engines) it never calls it: the placeholder stays.
 */
export function onFirstSight(element: Element, seen: Seen): { destroy: () => void } {
  const io = shared();
  if (io) {
    waiting.set(element, seen);
    io.observe(element);
  }
  return { destroy: () => stop(element) };
}
