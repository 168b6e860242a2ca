// For tests of a layout rule: puts a component's own <style> block in the test document, so
// jsdom's getComputedStyle sees what the component declares (jsdom lays nothing out, and the
// test runner does not load component CSS). Svelte's `:global(…)` wrappers are unwrapped.
import { readFileSync } from 'node:fs';

/** Adds the `<style>` of the .svelte file at `path` (from the test's `import.meta.url`) to
 *  the document; returns a function that removes it. */
export function addComponentStyles(path: string, from: string): () => void {
  const source = readFileSync(new URL(path, from), 'utf8');
  const css = /<style>([\s\S]*?)<\/style>/.exec(source)?.[1] ?? '';
  const style = document.createElement('style');
  style.textContent = css.replace(/:global\(([^)]*)\)/g, '$1');
  document.head.append(style);
  return () => style.remove();
}

/** A `grid-template-columns` value's tracks, split at the top level (not inside `minmax(…)`). */
export function gridTracks(value: string): string[] {
  const tracks: string[] = [];
  let depth = 0;
  let track = '';
  for (const ch of value.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ' ' && depth === 0) {
      if (track) tracks.push(track);
      track = '';
    } else {
      track += ch;
    }
  }
  if (track) tracks.push(track);
  return tracks;
}
