// The small bars per subfolder: one row per folder with its name and numbers in words, bars
// sized against the biggest folder and hidden from screen readers, the folders left out counted,
// in English and French.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import { I18n, i18nContext } from './i18n/i18n.svelte';
import { countBars, outcomeBars, splitsIntoSubfolders } from './folderBars';
import FolderBars from './FolderBars.svelte';

const en = new I18n('en');
const fr = new I18n('fr');

describe('FolderBars', () => {
  it('sizes each bar against the biggest folder and says its numbers in words', () => {
    const bars = countBars(en, [
      { folder: 'azure-coast', assets: 24 },
      { folder: 'crimson-city', assets: 12 },
      { folder: '', assets: 1 },
    ]);
    render(FolderBars, { bars, more: 2, title: 'Assets per subfolder', testId: 'bars' });
    const section = screen.getByTestId('bars');
    expect(section).toHaveAccessibleName('Assets per subfolder');
    const rows = within(section).getAllByTestId('folder-bar');
    expect(rows.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'azure-coast 24 assets',
      'crimson-city 12 assets',
      'This folder itself 1 asset',
    ]);
    const fills = rows.map((r) => (r.querySelector('.fill') as HTMLElement).style.width);
    expect(fills).toEqual(['100%', '50%', `${(1 / 24) * 100}%`]);
    // Decoration only: the words above carry the numbers.
    for (const row of rows) expect(row.querySelector('.track')).toHaveAttribute('aria-hidden', 'true');
    expect(within(section).getByTestId('folder-bars-more')).toHaveTextContent('and 2 more subfolders');
  });

  it('stacks a report’s outcomes, leaving out those that did not happen', () => {
    const bars = outcomeBars(en, [{ folder: 'crimson-city', assets: 14, changed: 1, unchanged: 0, skipped: 2, failed: 11, pending: 0 }]);
    render(FolderBars, { bars, title: 'Results per subfolder', testId: 'bars' });
    const row = screen.getByTestId('folder-bar');
    expect(row).toHaveAttribute('data-total', '14');
    expect(screen.getByTestId('folder-bar-words')).toHaveTextContent('1 changed · 2 skipped · 11 failed');
    const segments = [...row.querySelectorAll<HTMLElement>('[data-key]')].map((s) => [s.dataset.key, s.style.flexGrow]);
    expect(segments).toEqual([
      ['changed', '1'],
      ['skipped', '2'],
      ['failed', '11'],
    ]);
    expect(screen.queryByTestId('folder-bars-more')).toBeNull();
  });

  it('speaks French', () => {
    const bars = [
      ...outcomeBars(fr, [{ folder: '', assets: 4, changed: 0, unchanged: 3, skipped: 0, failed: 1, pending: 0 }]),
      ...outcomeBars(fr, [{ folder: 'a', assets: 2, changed: 2, unchanged: 0, skipped: 0, failed: 0, pending: 0 }], true),
    ];
    render(FolderBars, { props: { bars, more: 1, title: 'Résultats par sous-dossier', testId: 'bars' }, context: i18nContext(fr) });
    const [itself, a] = screen.getAllByTestId('folder-bar');
    expect(itself).toHaveTextContent('Ce dossier lui-même 3 déjà conformes · 1 en échec');
    expect(a).toHaveTextContent('a 2 restaurées');
    expect(screen.getByTestId('folder-bars-more')).toHaveTextContent('et 1 autre sous-dossier');
  });

  it('is worth drawing only once a subfolder holds something', () => {
    expect(splitsIntoSubfolders([{ folder: '' }])).toBe(false);
    expect(splitsIntoSubfolders([])).toBe(false);
    expect(splitsIntoSubfolders([{ folder: '' }, { folder: 'a' }])).toBe(true);
  });
});
