// Every page starts at the same left edge: a narrow page (Connections, Settings) is not centred
// on its own, 38 px right of the wide ones (issue 68). jsdom lays nothing out, so the rule is
// read as declared: both kinds of page take the same left margin, which is not "auto".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

let style: HTMLStyleElement | null = null;
afterEach(() => style?.remove());

describe('the pages', () => {
  it('share one left edge, narrow or wide', () => {
    style = document.createElement('style');
    style.textContent = readFileSync(fileURLToPath(import.meta.url).replace(/pages\.test\.ts$/, 'base.css'), 'utf8');
    document.head.append(style);
    const page = (className: string) => {
      const section = document.createElement('section');
      section.className = className;
      document.body.append(section);
      return getComputedStyle(section).marginLeft;
    };
    const narrow = page('page');
    const wide = page('page wide');
    expect(narrow).not.toBe('auto');
    expect(narrow).toBe(wide);
  });
});
