// The preview table: before → after per property, changed cells highlighted, unchanged values
// muted, skipped assets with their reason, count tabs that filter through previewRows, paging,
// and "Apply N changes" (disabled when nothing will change).
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Action } from '../../ipc/bindings/Action';
import type { PlanRow } from '../../ipc/bindings/PlanRow';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { planRow, runSummary } from '../../test-fixtures';
import { PAGE_SIZE, PagedRows, type FetchPage } from './paged.svelte';
import PreviewTable from './PreviewTable.svelte';
import { PreviewUses } from '../health/references.svelte';

const CHANGE = planRow({
  i: 0,
  path: '/content/dam/wknd/en/alpine-lake.jpg',
  changes: [
    { property: 'dc:rights', before: 'Royalty-free', after: '© 2026 WKND' },
    { property: 'dc:subject', before: ['lake'], after: ['lake', 'summer'] },
  ],
});
const SAME = planRow({
  i: 1,
  path: '/content/dam/wknd/en/city-night.jpg',
  action: 'unchanged',
  changes: [
    { property: 'dc:rights', before: '© 2026 WKND', after: '© 2026 WKND' },
    { property: 'dc:subject', before: ['summer'], after: ['summer'] },
  ],
});
const SKIP = planRow({
  i: 2,
  path: '/content/dam/wknd/en/brochure',
  action: 'skip',
  reason: 'content fragment: an asset edit leaves it as it is (content fragments have an edit of their own: “Content fragments” in Bulk edit)',
  changes: [],
});

/** A fetch that answers from `all`, filtered like the app core does. */
function fetcher(all: PlanRow[]) {
  return vi.fn<FetchPage<PlanRow, Action>>(async (_run, action, offset, limit) => {
    const matching = all.filter((row) => action === null || row.action === action);
    return { rows: matching.slice(offset, offset + limit), total: matching.length };
  });
}

async function renderTable(all: PlanRow[], counts = { assets: 3, changed: 0, unchanged: 1, skipped: 1, failed: 0, pending: 1 }) {
  const fetch = fetcher(all);
  const rows = new PagedRows<PlanRow, Action>(fetch);
  await rows.open('r1', null);
  const onApply = vi.fn();
  render(PreviewTable, { run: runSummary({ counts }), rows, busy: false, onApply });
  return { fetch, rows, onApply };
}

function field(property: string, label: string): SchemaField {
  return { property, label, tab: 'Basic', kind: 'text', multiple: false, options: [], required: false, readOnly: false, min: null, max: null };
}

describe('the preview table’s column headers', () => {
  const CUSTOM = planRow({
    i: 0,
    path: '/content/dam/wknd/en/alpine-lake.jpg',
    changes: [
      { property: 'dc:subject', before: ['lake'], after: ['lake', 'summer'] },
      { property: 'wknd:difficulty', before: null, after: 'hard' },
      { property: 'xmp:Rating', before: null, after: '5' },
    ],
  });
  const FIELDS = [field('wknd:difficulty', 'Difficulty'), field('dc:subject', 'Keywords')];

  async function headers(lang: 'en' | 'fr') {
    cleanup();
    const rows = new PagedRows<PlanRow, Action>(fetcher([CUSTOM]));
    await rows.open('r1', null);
    const counts = { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 };
    render(PreviewTable, { props: { run: runSummary({ counts }), rows, busy: false, onApply: vi.fn(), fields: FIELDS }, context: i18nContext(new I18n(lang)) });
    return within(await screen.findByTestId('preview-table')).getAllByTestId('column-header');
  }

  it('names a property by its schema label, its id beside it in smaller type; by its id alone where no label is known', async () => {
    const shown = await headers('en');
    expect(shown.map((h) => h.textContent)).toEqual(['Keywords (dc:subject)', 'Difficulty (wknd:difficulty)', 'xmp:Rating']);
    expect(shown.map((h) => h.querySelector('.column-id')?.textContent ?? null)).toEqual([' (dc:subject)', ' (wknd:difficulty)', null]);
  });

  it('gives a common property’s stock English label in French, and the form’s own label as AEM gives it', async () => {
    const shown = await headers('fr');
    expect(shown.map((h) => h.textContent)).toEqual(['Mots-clés (dc:subject)', 'Difficulty (wknd:difficulty)', 'xmp:Rating']);
  });
});

describe('the preview table', () => {
  it('shortens a long file name in its middle, keeping its extension, the whole in the title and for screen readers', async () => {
    const path = '/content/dam/wknd/en/napa-wine-tasting-dinner-at-the-vineyard-and-balloon-ride-2026.jpeg';
    await renderTable([planRow({ i: 0, path, changes: [{ property: 'dc:title', before: null, after: 'Napa' }] })], {
      assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1,
    });
    const table = await screen.findByTestId('preview-table');
    const shown = within(table).getByTestId('name-shortened');
    expect(shown.textContent).toMatch(/^napa-wine-.*….*2026\.jpeg$/);
    expect([...(shown.textContent ?? '')].length).toBeLessThanOrEqual(40);
    expect(shown).toHaveAttribute('aria-hidden', 'true');
    expect(within(table).getByText('napa-wine-tasting-dinner-at-the-vineyard-and-balloon-ride-2026.jpeg')).toHaveClass('visually-hidden');
    expect(within(table).getByRole('rowheader')).toHaveAttribute('title', path);
  });

  it('never cuts a new value, the thing being checked; the old one is shortened, whole on demand (a checkbox lifts its clamp)', async () => {
    const long = 'Napa wine tasting, dinner at the vineyard and a morning balloon ride over the valley, for two';
    const LONG = planRow({ i: 0, path: '/content/dam/wknd/en/napa.jpg', changes: [{ property: 'dc:description', before: `${long} (old)`, after: long }] });
    await renderTable([LONG], { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 });
    const table = await screen.findByTestId('preview-table');
    const after = within(table).getByTestId('cell-after');
    expect(after).toHaveTextContent(long);
    expect(after).not.toHaveClass('clamp');
    // The old value: screen readers and the tooltip have it whole.
    const before = within(table).getByTestId('cell-before');
    expect(before).toHaveAttribute('title', `${long} (old)`);
    expect(before).toHaveClass('clamp');
    expect(table).not.toHaveClass('full');
    const toggle = screen.getByRole('checkbox', { name: 'Show values in full' });
    await userEvent.click(toggle);
    expect(table).toHaveClass('full');
    await userEvent.keyboard(' ');
    expect(table).not.toHaveClass('full');
  });

  it('diffs a list value by value: removed struck out, added highlighted, kept as they are', async () => {
    const LIST = planRow({
      i: 0,
      path: '/content/dam/wknd/en/alpine-lake.jpg',
      changes: [{ property: 'dc:subject', before: ['lake', 'winter', 'snow'], after: ['lake', 'snow', 'summer'] }],
    });
    await renderTable([LIST], { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 });
    const diff = await screen.findByTestId('list-diff');
    expect(within(diff).getAllByTestId('value-removed').map((e) => e.textContent)).toEqual(['removed: winter']);
    expect(within(diff).getAllByTestId('value-added').map((e) => e.textContent)).toEqual(['added: summer']);
    expect(within(diff).getAllByTestId('value-kept').map((e) => e.textContent)).toEqual(['lake', 'snow']);
  });

  it('shows before → after for each edited property, highlighting what changes', async () => {
    await renderTable([CHANGE, SAME, SKIP]);
    const headers = within(screen.getByTestId('preview-table')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Asset', 'Copyright (dc:rights)', 'Keywords (dc:subject)']);

    const row = screen.getAllByTestId('preview-row').find((r) => r.dataset.path === CHANGE.path)!;
    expect(row).toHaveTextContent('alpine-lake.jpg');
    expect(row).toHaveTextContent('/content/dam/wknd/en');
    const before = within(row).getAllByTestId('cell-before').map((c) => c.textContent);
    const after = within(row).getAllByTestId('cell-after').map((c) => c.textContent);
    expect(before).toEqual(['Royalty-free', 'lake']);
    expect(after).toEqual(['© 2026 WKND', 'lake, summer']);
    for (const cell of within(row).getAllByTestId('cell-after')) {
      expect(cell.closest('[data-changed]')).toHaveAttribute('data-changed', 'true');
    }
  });

  it('keeps each old value whole in its title, as it may show over two lines only; a new one is shown whole', async () => {
    const long = 'A long afternoon among the vines of the Napa Valley, six wines tasted with the winemaker and a picnic.';
    const LONG = planRow({ i: 0, path: '/content/dam/wknd/en/napa.jpg', changes: [{ property: 'dc:description', before: 'Short', after: long }] });
    await renderTable([LONG, SAME], { assets: 2, changed: 0, unchanged: 1, skipped: 0, failed: 0, pending: 1 });
    const [row, same] = await screen.findAllByTestId('preview-row') as [HTMLElement, HTMLElement];
    expect(within(row).getByTestId('cell-after')).toHaveTextContent(long);
    expect(within(row).getByTestId('cell-after')).not.toHaveClass('clamp');
    expect(within(row).getByTestId('cell-before')).toHaveAttribute('title', 'Short');
    expect(within(same).getAllByTestId('cell-before')[0]).toHaveAttribute('title', '© 2026 WKND');
  });

  it('shares the width between the columns by how long their values are', async () => {
    const long = 'A long afternoon among the vines of the Napa Valley, six wines tasted with the winemaker and a picnic.';
    const LONG = planRow({
      i: 0,
      path: '/content/dam/wknd/en/napa.jpg',
      changes: [
        { property: 'dc:title', before: 'Coastal River', after: 'Napa wine tasting, day 1' },
        { property: 'dc:description', before: 'Short', after: long },
      ],
    });
    await renderTable([LONG], { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 });
    await screen.findAllByTestId('preview-row');
    const widths = [...screen.getByTestId('preview-table').querySelectorAll('col')].map((c) => parseFloat(c.style.width));
    // The asset 48, the title 13 + 24 + 3, the description at most 60.
    expect(widths.map(Math.round)).toEqual([percentOf(48), percentOf(40), percentOf(60)]);
    function percentOf(weight: number): number {
      return Math.round((100 * weight) / 148);
    }
  });

  it('says which required fields the changes empty, shows the emptied value as a removal, and applies only once told', async () => {
    const user = userEvent.setup();
    const CLEARED = planRow({ i: 0, path: '/content/dam/wknd/en/lake.jpg', changes: [{ property: 'dc:title', before: 'Lake', after: null }] });
    const fetch = fetcher([CLEARED]);
    const rows = new PagedRows<PlanRow, Action>(fetch);
    await rows.open('r1', null);
    const onApply = vi.fn();
    const run = runSummary({
      counts: { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 },
      emptiedRequired: [{ property: 'dc:title', label: 'Title', assets: 1 }],
    });
    render(PreviewTable, { run, rows, busy: false, onApply });
    const warning = await screen.findByTestId('emptied-required');
    expect(warning).toHaveTextContent('These changes empty fields the metadata form requires');
    expect(warning).toHaveTextContent('Title (dc:title): emptied on 1 asset');
    const cell = await screen.findByTestId('cell-after');
    expect(cell).toHaveAttribute('data-emptied', 'true');
    expect(cell).toHaveTextContent('emptied');
    expect(cell).not.toHaveTextContent('(not set)');
    const apply = screen.getByTestId('apply-button');
    expect(apply).toBeDisabled();
    await user.click(screen.getByTestId('emptied-required-ack'));
    await user.click(apply);
    expect(onApply).toHaveBeenCalledWith(true);
  });

  it('words an undo as an undo', async () => {
    const rows = new PagedRows<PlanRow, Action>(fetcher([CHANGE]));
    await rows.open('u1', null);
    const run = runSummary({ kind: { kind: 'undo', of: 'r1' }, counts: { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 } });
    render(PreviewTable, { run, rows, busy: false, onApply: vi.fn() });
    expect(screen.getByTestId('apply-button')).toHaveTextContent('Undo 1 change');
    expect(screen.getByText(/Nothing has been put back yet/)).toBeInTheDocument();
  });

  it('shows values that stay as they are once, muted, not highlighted', async () => {
    await renderTable([CHANGE, SAME, SKIP]);
    const row = screen.getAllByTestId('preview-row').find((r) => r.dataset.path === SAME.path)!;
    expect(row).toHaveAttribute('data-action', 'unchanged');
    for (const cell of within(row).getAllByTestId('cell-before')) {
      expect(cell.closest('[data-changed]')).toHaveAttribute('data-changed', 'false');
    }
    expect(row).not.toHaveTextContent('→');
  });

  it('spans every column with the empty row, with or without property columns', async () => {
    await renderTable([]);
    const table = screen.getByTestId('preview-table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Asset', 'Change']);
    expect(within(table).getByText('No assets here.')).toHaveAttribute('colspan', '2');
  });

  it('shows why an asset is skipped', async () => {
    await renderTable([CHANGE, SAME, SKIP]);
    const row = screen.getAllByTestId('preview-row').find((r) => r.dataset.path === SKIP.path)!;
    expect(within(row).getByTestId('skip-reason')).toHaveTextContent('content fragment: an asset edit leaves it as it is (content fragments have an edit of their own: “Content fragments” in Bulk edit)');
    expect(within(row).queryByTestId('cell-after')).not.toBeInTheDocument();
  });

  it('filters with the count tabs through previewRows', async () => {
    const user = userEvent.setup();
    const { fetch } = await renderTable([CHANGE, SAME, SKIP]);
    const tabs = screen.getByTestId('preview-counts');
    const tab = (name: RegExp) => within(tabs).getByRole('button', { name });
    expect(tab(/^Will change/)).toHaveTextContent('1');
    expect(tab(/^Already as wanted/)).toHaveTextContent('1');
    // Rightly left alone, in grey: never an amber "Skipped" (issue 77).
    expect(tab(/^Left alone/)).toHaveTextContent('1');
    expect(tab(/^Left alone/)).not.toHaveClass('skip');
    expect(tabs).not.toHaveTextContent('Skipped');
    const pill = screen.getByTestId('preview-outcome-pill');
    expect(pill).toHaveTextContent('Left alone');
    expect(pill).toHaveAttribute('data-meaning', 'left-alone');
    expect(pill).not.toHaveClass('pill-warning');
    // One legend says what the colours mean.
    expect(screen.getByTestId('outcome-legend')).toHaveTextContent('Left alone on purpose');
    expect(tab(/^All/)).toHaveAttribute('aria-pressed', 'true');

    await user.click(tab(/^Left alone/));
    expect(fetch).toHaveBeenLastCalledWith('r1', 'skip', 0, PAGE_SIZE);
    await waitFor(() => expect(screen.getAllByTestId('preview-row')).toHaveLength(1));
    expect(screen.getByTestId('preview-row')).toHaveAttribute('data-path', SKIP.path);
    expect(tab(/^Left alone/)).toHaveAttribute('aria-pressed', 'true');

    await user.click(tab(/^Will change/));
    expect(fetch).toHaveBeenLastCalledWith('r1', 'change', 0, PAGE_SIZE);
    await user.click(tab(/^Already as wanted/));
    expect(fetch).toHaveBeenLastCalledWith('r1', 'unchanged', 0, PAGE_SIZE);
    await user.click(tab(/^All/));
    expect(fetch).toHaveBeenLastCalledWith('r1', null, 0, PAGE_SIZE);
  });

  it('reads 100 rows at a time and the next ones on "Show more"', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 130 }, (_, i) => planRow({ i, path: `/content/dam/a/asset-${i}.jpg` }));
    const { fetch } = await renderTable(many, { assets: 130, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 130 });
    expect(screen.getByTestId('preview-table')).toHaveAttribute('data-loaded', '100');
    expect(screen.getByText('Showing 100 of 130 assets')).toBeInTheDocument();

    await user.click(screen.getByTestId('preview-more'));
    expect(fetch).toHaveBeenLastCalledWith('r1', null, 100, PAGE_SIZE);
    await waitFor(() => expect(screen.getByTestId('preview-table')).toHaveAttribute('data-loaded', '130'));
    expect(screen.queryByTestId('preview-more')).not.toBeInTheDocument();
  });

  it('puts only a window of a 2,000-row preview in the page, and tells screen readers the whole', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => planRow({ i, path: `/content/dam/a/asset-${i}.jpg` }));
    const rows = new PagedRows<PlanRow, Action>(fetcher(many));
    await rows.open('r1', null);
    while (rows.hasMore) await rows.more();
    render(PreviewTable, {
      run: runSummary({ counts: { assets: 2000, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 2000 } }),
      rows,
      busy: false,
      onApply: vi.fn(),
    });
    const table = screen.getByTestId('preview-table');
    expect(table).toHaveAttribute('data-loaded', '2000');
    expect(table).toHaveAttribute('aria-rowcount', '2001');
    const shown = () => screen.getAllByTestId('preview-row');
    expect(shown().length).toBeLessThan(100);
    expect(shown()[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Asset', 'Copyright (dc:rights)']);

    // The page scrolled (the keyboard or the wheel) half way down the table: the rows there,
    // numbered as in the whole. The table has no scroll box of its own (one scroll area a page).
    const box = screen.getByRole('region', { name: 'The preview, asset by asset' });
    expect(box).toHaveAttribute('tabindex', '0');
    box.getBoundingClientRect = () => ({ top: -56 * 1000, height: 56 * 2000 }) as DOMRect;
    document.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(shown().some((r) => r.dataset.path === '/content/dam/a/asset-1000.jpg')).toBe(true));
    expect(shown().length).toBeLessThan(100);
    const at = shown().find((r) => r.dataset.path === '/content/dam/a/asset-1000.jpg')!;
    expect(at).toHaveAttribute('aria-rowindex', '1002');
    expect(screen.queryByText('/content/dam/a/asset-0.jpg')).not.toBeInTheDocument();
  });

  it('offers "Apply N changes" with the number that will change', async () => {
    const user = userEvent.setup();
    const { onApply } = await renderTable([CHANGE], { assets: 1500, changed: 0, unchanged: 300, skipped: 0, failed: 0, pending: 1200 });
    const apply = screen.getByTestId('apply-button');
    expect(apply).toHaveTextContent('Apply 1,200 changes');
    expect(apply).toBeEnabled();
    await user.click(apply);
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it('disables Apply when nothing will change, and says why', async () => {
    await renderTable([SAME], { assets: 1, changed: 0, unchanged: 1, skipped: 0, failed: 0, pending: 0 });
    expect(screen.getByTestId('apply-button')).toBeDisabled();
    expect(screen.getByTestId('apply-button')).toHaveTextContent('Apply 0 changes');
    expect(screen.getByText(/Nothing to change/)).toBeInTheDocument();
  });
});

describe('a publish preview', () => {
  it('shows where each asset stands instead of a property, and says Publish N assets', async () => {
    const rows = new PagedRows<PlanRow, Action>(
      fetcher([
        planRow({
          i: 0,
          path: '/content/dam/wknd/en/alpine-lake.jpg',
          changes: [{ property: 'cq:lastReplicationAction', before: 'Activate', after: 'Activate' }],
          publication: 'modified',
        }),
        planRow({
          i: 1,
          path: '/content/dam/wknd/en/city-night.jpg',
          changes: [{ property: 'cq:lastReplicationAction', before: null, after: 'Activate' }],
          publication: 'never_published',
        }),
      ]),
    );
    await rows.open('r1', null);
    const run = runSummary({
      kind: { kind: 'publish', replication: 'publish', agent: 'publish' },
      counts: { assets: 2, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 2 },
      publication: { neverPublished: 1, modified: 1, upToDate: 0, unpublished: 0 },
    });
    render(PreviewTable, { run, rows, busy: false, onApply: vi.fn(), onRepublish: vi.fn() });
    // Each row says what Apply will do to it, and where it stands now beside.
    const wills = await screen.findAllByTestId('publication-will');
    expect(wills.map((s) => s.textContent?.trim())).toEqual(['Will be published', 'Will be published']);
    expect(screen.getAllByTestId('publication-now').map((s) => s.textContent?.trim())).toEqual(['now: Changed since published', 'now: Never published']);
    expect(screen.getByTestId('publication-counts')).toHaveTextContent('1 never published · 1 changed since published');
    expect(screen.queryByText('cq:lastReplicationAction')).toBeNull();
    expect(screen.getByTestId('apply-button')).toHaveTextContent('Publish 2 assets');
    // Republishing is an edit's choice, not a publish run's.
    expect(screen.queryByTestId('republish-after-apply')).toBeNull();
  });

  it('says on each row of a publish undo that it will be taken off the website, as its headline does', async () => {
    const rows = new PagedRows<PlanRow, Action>(
      fetcher([
        planRow({ i: 0, path: '/content/dam/wknd/en/a.jpg', changes: [{ property: 'cq:lastReplicationAction', before: 'Activate', after: 'Deactivate' }], publication: 'up_to_date' }),
        planRow({ i: 1, path: '/content/dam/wknd/en/b.jpg', changes: [{ property: 'cq:lastReplicationAction', before: 'Activate', after: 'Deactivate' }], publication: 'up_to_date' }),
      ]),
    );
    await rows.open('r1', null);
    const run = runSummary({
      kind: { kind: 'publish', replication: 'unpublish', agent: 'publish', from: { kind: 'undo', of: 'p1' } },
      counts: { assets: 2, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 2 },
      publication: { neverPublished: 0, modified: 0, upToDate: 2, unpublished: 0 },
    });
    render(PreviewTable, { run, rows, busy: false, onApply: vi.fn() });
    expect(await screen.findByTestId('preview-outcome')).toHaveTextContent('2 assets will be taken off the website');
    const wills = await screen.findAllByTestId('publication-will');
    expect(wills.map((s) => s.textContent?.trim())).toEqual(['Will be taken off the website', 'Will be taken off the website']);
    // No green "Up to date" pill contradicting the headline: where it stands now is muted words.
    expect(screen.queryByText('Up to date')).toBeNull();
    expect(screen.getAllByTestId('publication-now')[0]).toHaveTextContent('now: Up to date');
  });

  it("offers to republish an edit's changed assets at apply", async () => {
    const onRepublish = vi.fn();
    const rows = new PagedRows<PlanRow, Action>(fetcher([CHANGE]));
    await rows.open('r1', null);
    const counts = { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 };
    render(PreviewTable, { run: runSummary({ counts }), rows, busy: false, onApply: vi.fn(), onRepublish });
    await userEvent.setup().click(screen.getByTestId('republish-after-apply'));
    expect(onRepublish).toHaveBeenCalledWith(true);
  });

  it('says the number that are on the website on the tick, and offers none where none of the changes is live', async () => {
    const rows = new PagedRows<PlanRow, Action>(fetcher([CHANGE]));
    await rows.open('r1', null);
    const counts = { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 };
    const publication = { neverPublished: 0, modified: 1, upToDate: 0, unpublished: 0 };
    const live = render(PreviewTable, { run: runSummary({ counts, publication, toChangeOnWebsite: 1 }), rows, busy: false, onApply: vi.fn(), onRepublish: vi.fn() });
    expect(screen.getByTestId('republish-after-apply').closest('label')).toHaveTextContent('Then republish the one that is on the website (never one that is not)');
    live.unmount();

    const never = { neverPublished: 1, modified: 0, upToDate: 0, unpublished: 0 };
    render(PreviewTable, { run: runSummary({ counts, publication: never, toChangeOnWebsite: 0 }), rows, busy: false, onApply: vi.fn(), onRepublish: vi.fn() });
    expect(screen.queryByTestId('republish-after-apply')).toBeNull();
    expect(screen.getByTestId('nothing-to-republish')).toHaveTextContent('None of the assets to change is on the website');
  });
});

describe("an edit's preview, where its assets stand on the website", () => {
  it('adds an On the website column and the counts, a state not known said so', async () => {
    const rows = new PagedRows<PlanRow, Action>(
      fetcher([{ ...CHANGE, publication: 'up_to_date' }, { ...SAME, publication: 'never_published' }, SKIP]),
    );
    await rows.open('r1', null);
    const publication = { neverPublished: 1, modified: 0, upToDate: 1, unpublished: 0 };
    render(PreviewTable, { run: runSummary({ publication, toChangeOnWebsite: 1 }), rows, busy: false, onApply: vi.fn(), onRepublish: vi.fn() });
    expect(await screen.findByRole('columnheader', { name: 'On the website' })).toBeInTheDocument();
    const cells = screen.getAllByTestId('on-website');
    expect(cells.map((c) => c.textContent?.trim())).toEqual(['Up to date', 'Never published', 'Not known']);
    expect(cells.map((c) => c.dataset.state)).toEqual(['up_to_date', 'never_published', 'unknown']);
    // Each state in its own colour and icon, the same pill as everywhere a state is shown.
    const pills = cells.slice(0, 2).map((c) => c.querySelector('.publication') as HTMLElement);
    expect(pills.map((p) => p.dataset.tone)).toEqual(['success', 'neutral']);
    expect(pills[0]!.dataset.icon).not.toBe(pills[1]!.dataset.icon);
    expect(screen.getByTestId('publication-counts')).toHaveTextContent('On the website 1 never published · 1 up to date');
  });

  it('names the colours of its publication pills in the one legend (issue 77)', async () => {
    const rows = new PagedRows<PlanRow, Action>(fetcher([{ ...CHANGE, publication: 'modified' }, { ...CHANGE, i: 9, path: '/content/dam/x.jpg', publication: 'unpublished' }]));
    await rows.open('r1', null);
    const publication = { neverPublished: 0, modified: 1, upToDate: 0, unpublished: 1 };
    render(PreviewTable, { run: runSummary({ publication, toChangeOnWebsite: 1 }), rows, busy: false, onApply: vi.fn(), onRepublish: vi.fn() });
    await screen.findAllByTestId('on-website');
    // Changed since published: amber, needs attention; taken off: grey, left alone on purpose.
    // Seen failing before: the legend named green only.
    const legend = screen.getByTestId('outcome-legend');
    expect([...legend.querySelectorAll('li')].map((li) => li.dataset.meaning)).toEqual(['done', 'left-alone', 'attention']);
  });

  it('has no such column where the preview did not ask', async () => {
    await renderTable([CHANGE, SAME, SKIP]);
    expect(screen.queryByTestId('on-website')).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'On the website' })).toBeNull();
  });
});

describe('a content fragments preview', () => {
  const difficulty = {
    property: 'difficulty',
    label: 'Difficulty',
    tab: '',
    kind: 'dropdown' as const,
    multiple: false,
    options: [
      { value: 'easy', text: 'Easy' },
      { value: 'challenging', text: 'Challenging' },
    ],
    required: false,
    readOnly: false,
    min: null,
    max: null,
  };

  it('names each row by the fragment’s title over its model and path, the field by its label, values as picked', async () => {
    const path = '/content/dam/wknd/en/adventures/napa/emerald-dunes-00011';
    const row = planRow({
      i: 0,
      path,
      fragment: { title: 'Crimson Trail', model: 'Adventure Trip' },
      changes: [{ property: 'difficulty', before: 'easy', after: 'challenging' }],
    });
    const rows = new PagedRows<PlanRow, Action>(fetcher([row]));
    await rows.open('r1', null);
    const counts = { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 };
    render(PreviewTable, {
      run: runSummary({ counts, folder: '/content/dam/wknd/en/adventures', fragments: {} }),
      rows,
      busy: false,
      onApply: vi.fn(),
      fields: [difficulty],
    });
    const table = await screen.findByTestId('preview-table');
    const header = within(table).getByRole('rowheader');
    expect(header).toHaveTextContent('Crimson Trail');
    expect(header).toHaveTextContent('Adventure Trip · napa/emerald-dunes-00011');
    expect(header).toHaveAttribute('title', path);
    // A fragment's icon, never a picture fetched for it.
    expect(within(header).getByTestId('thumbnail')).toHaveAttribute('data-kind', 'fragment');
    expect(within(header).getByTestId('thumbnail')).toHaveAttribute('data-state', 'none');
    const columns = within(table).getAllByRole('columnheader').map((c) => c.textContent?.trim());
    expect(columns).toEqual(['Content fragment', 'Difficulty']);
    expect(within(table).getByTestId('cell-before')).toHaveTextContent('Easy');
    expect(within(table).getByTestId('cell-after')).toHaveTextContent('Challenging');
    expect(screen.getByRole('region', { name: 'The preview, fragment by fragment' })).toBeInTheDocument();
  });
});

describe('what will happen, in words, before Apply', () => {
  const pending = (n: number) => ({ assets: n + 7, changed: 0, unchanged: 0, skipped: 7, failed: 0, pending: n });
  async function outcome(run: Parameters<typeof runSummary>[0], lang: 'en' | 'fr' = 'en', props: Record<string, unknown> = {}): Promise<string> {
    const rows = new PagedRows<PlanRow, Action>(fetcher([]));
    await rows.open('r1', null);
    const i18n = new I18n(lang);
    render(PreviewTable, { props: { run: runSummary(run), rows, busy: false, onApply: vi.fn(), ...props }, context: i18nContext(i18n) });
    return screen.getByTestId('preview-outcome').textContent!.replace(/\s+/g, ' ').trim();
  }
  const undoOfPublish = { kind: 'publish', replication: 'unpublish', agent: 'publish', from: { kind: 'undo', of: 'p1' } } as const;

  it('says an undo of a publication takes assets off the website', async () => {
    expect(await outcome({ kind: undoOfPublish, counts: pending(18) })).toBe('18 assets will be taken off the website.');
  });

  it('in French too', async () => {
    expect(await outcome({ kind: undoOfPublish, counts: pending(18) }, 'fr')).toBe('18 ressources seront retirées du site web.');
  });

  it('says what each publication does', async () => {
    expect(await outcome({ kind: { kind: 'publish', replication: 'publish', agent: 'publish' }, counts: pending(3) })).toBe(
      '3 assets will be published on the website: it will show their current values.',
    );
    cleanup();
    expect(await outcome({ kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'undo', of: 'u1' } }, counts: pending(1) })).toBe(
      '1 asset will be put back on the website.',
    );
    cleanup();
    expect(await outcome({ kind: { kind: 'publish', replication: 'publish', agent: 'publish', from: { kind: 'republish', of: 'e1' } }, counts: pending(6) })).toBe(
      '6 assets on the website will be published again: it will show their new values.',
    );
  });

  it('says which tag a tag change’s assets will hold (the tag’s own fate is the tag step’s note)', async () => {
    const tagStep = { state: 'waiting', leftAlone: 0, command: 'merge', tag: 'wknd:activity/surf', target: 'wknd:activity/surfing', activate: false } as const;
    expect(await outcome({ tagStep, counts: pending(5) })).toBe('5 assets will hold wknd:activity/surfing instead of wknd:activity/surf.');
    cleanup();
    expect(await outcome({ tagStep: { ...tagStep, command: 'delete', target: undefined }, counts: pending(1) }, 'fr')).toBe(
      '1 ressource ne portera plus wknd:activity/surf.',
    );
  });

  it('says an edit leaves the website showing old values unless republished', async () => {
    expect(await outcome({ counts: pending(24), toChangeOnWebsite: 6 })).toBe(
      '24 assets will get new values. 6 of them are on the website, which keeps showing their old values until they are republished.',
    );
    cleanup();
    expect(await outcome({ counts: pending(24), toChangeOnWebsite: 6 }, 'en', { republish: true })).toBe(
      '24 assets will get new values. Then the 6 on the website will be republished.',
    );
  });

  it('says live content fragments stay out of date on the website until republished, or that they will be (issue 68)', async () => {
    const fragments = { model: 'adventure' };
    expect(await outcome({ counts: pending(4), toChangeOnWebsite: 2, fragments })).toBe(
      '4 content fragments will get new values. 2 of them are live on the website, which keeps showing their old values until they are republished.',
    );
    cleanup();
    expect(await outcome({ counts: pending(4), toChangeOnWebsite: 2, fragments }, 'en', { republish: true })).toBe(
      '4 content fragments will get new values. Then the 2 on the website will be republished.',
    );
    cleanup();
    expect(await outcome({ counts: pending(4), toChangeOnWebsite: 1, fragments }, 'fr')).toBe(
      '4 fragments de contenu recevront de nouvelles valeurs. 1 d’entre eux est en ligne sur le site web, qui montre ses anciennes valeurs tant qu’il n’est pas republié.',
    );
    cleanup();
    expect(await outcome({ counts: pending(4), toChangeOnWebsite: 0, fragments })).toBe('4 content fragments will get new values.');
  });

  it('says an undo puts values back', async () => {
    expect(await outcome({ kind: { kind: 'undo', of: 'e1' }, counts: pending(24) })).toBe('24 assets will get back the values they had before the edit.');
  });
});

describe('where the assets are used (an unpublish, a tag deletion or merge)', () => {
  it('shows "Used on N pages" with the pages on demand, and warns before unpublishing what published pages use', async () => {
    const used = planRow({ i: 0, path: '/content/dam/wknd/en/alpine-lake.jpg', changes: [] });
    const unused = planRow({ i: 1, path: '/content/dam/wknd/en/city-night.jpg', changes: [] });
    const rows = new PagedRows<PlanRow, Action>(fetcher([used, unused]));
    await rows.open('r1', null);
    const uses = new PreviewUses();
    uses.runId = 'r1';
    uses.found = {
      runId: 'r1',
      assets: [{ path: used.path, pages: [{ asset: used.path, page: '/content/wknd/en/home', title: 'Home', published: true }], publishedPages: 1 }],
      asked: 2,
      notAsked: 0,
      unpublishes: true,
      unknown: null,
      unknownAssets: [],
    };
    const run = runSummary({ id: 'r1', kind: { kind: 'publish', replication: 'unpublish', agent: 'publish' }, counts: { assets: 2, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 2 } });
    render(PreviewTable, { run, rows, busy: false, onApply: vi.fn(), uses });
    expect(await screen.findByRole('columnheader', { name: 'Used on pages' })).toBeInTheDocument();
    const cells = await screen.findAllByTestId('used-on');
    expect(cells.map((c) => c.getAttribute('data-pages'))).toEqual(['1', '0']);
    expect(cells[0]).toHaveTextContent('Used on 1 page');
    expect(within(cells[0]!).getByTestId('used-on-page')).toHaveTextContent('Home');
    expect(cells[1]).toHaveTextContent('No page');
    expect(screen.getByTestId('references-warning')).toHaveTextContent('1 asset is used on published pages');
    // Its warning is amber, and the legend says what amber means (issue 77).
    expect(within(cells[0]!).getByText('Used on 1 page')).toHaveAttribute('data-meaning', 'attention');
    expect(screen.getByTestId('outcome-legend')).toHaveTextContent('Needs your attention');
  });

  it('says when AEM could not tell, without a column', async () => {
    const rows = new PagedRows<PlanRow, Action>(fetcher([planRow({ i: 0, changes: [] })]));
    await rows.open('r1', null);
    const uses = new PreviewUses();
    uses.runId = 'r1';
    uses.found = { runId: 'r1', assets: [], asked: 1, notAsked: 0, unpublishes: true, unknown: 'Where assets are used is not known: refused.', unknownAssets: ['/a.jpg'] };
    const run = runSummary({ id: 'r1', kind: { kind: 'publish', replication: 'unpublish', agent: 'publish' } });
    render(PreviewTable, { run, rows, busy: false, onApply: vi.fn(), uses });
    expect(await screen.findByTestId('references-unknown')).toHaveTextContent('refused');
    expect(screen.queryByRole('columnheader', { name: 'Used on pages' })).not.toBeInTheDocument();
  });
});
