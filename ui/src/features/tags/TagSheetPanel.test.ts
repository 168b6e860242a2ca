// The Tags page's round trip panel: a sheet's preview in words (each tag created with its
// values, each value before → after) with Apply, in English and French; a refusal names its
// row with nothing to apply; what Apply left alone and what Undo kept, in words; an import
// stopped part-way; a sheet dropped while a step runs, set aside in words.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { TagImportApplied } from '../../ipc/bindings/TagImportApplied';
import type { TagImportPreview } from '../../ipc/bindings/TagImportPreview';
import { applyTaxonomyRun, exportReportCsv, openTagImportRun, previewTagImport, undoTagImport } from '../../ipc/commands';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import { connection } from '../../test-fixtures';
import { ReportExport } from '../bulk/reportExport.svelte';
import { TagSheetModel } from './tagSheet.svelte';
import TagSheetPanel from './TagSheetPanel.svelte';

vi.mock('../../ipc/commands', () => ({
  exportTaxonomy: vi.fn(),
  chooseSheetFile: vi.fn(),
  previewTagImport: vi.fn(),
  applyTaxonomyRun: vi.fn(),
  undoTagImport: vi.fn(),
  openTagImportRun: vi.fn(),
  exportReportCsv: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const PREVIEW: TagImportPreview = {
  fileName: 'tags.csv',
  rows: 2,
  created: [{ row: 3, id: 'wknd:season/autumn', title: 'Autumn', titles: { fr: 'Automne' }, description: null }],
  changed: [{ row: 2, id: 'wknd:season/summer', property: 'jcr:title.fr', before: 'Été', after: 'Plein été' }],
  runId: 'imp-1',
};

async function shown(lang: Lang) {
  const model = new TagSheetModel();
  const c = connection();
  model.use(c);
  render(TagSheetPanel, { props: { model, connection: c, countedFolder: null, exporter: new ReportExport() }, context: i18nContext(new I18n(lang)) });
  return model;
}

describe('the round trip panel', () => {
  it('says that Undo removes the tags an import created, not that nothing is ever deleted (issue 68)', async () => {
    await shown('en');
    const hint = screen.getByText(/Import a sheet as Export… writes it/);
    expect(hint).not.toHaveTextContent('Nothing is ever deleted');
    expect(hint).toHaveTextContent('No tag is deleted, but undoing the import removes the tags it created.');
  });

  it('names a rename opened from Activity by what it renamed, not as a sheet imported (issue 68)', async () => {
    vi.mocked(openTagImportRun).mockResolvedValue({
      connectionId: null,
      preview: {
        fileName: 'wknd:season/summer',
        rows: 1,
        created: [],
        changed: [{ row: 1, id: 'wknd:season/summer', property: 'jcr:title', before: 'Summer', after: 'Summertime' }],
        runId: 'r4',
      },
      applied: { id: 'r4', created: 0, changed: 1, changedSince: [], stopped: null, resumable: false },
      rename: { tag: 'wknd:season/summer', from: 'Summer', to: 'Summertime' },
      undone: null,
    });
    const model = await shown('en');
    await model.openRun('r4', []);
    const preview = await screen.findByTestId('tags-import-preview');
    expect(within(preview).getByRole('heading').textContent?.trim()).toBe('Renamed Summer to Summertime');
    expect(preview.textContent).not.toMatch(/Imported from/);
  });

  it('saves an applied import’s report as CSV, a tag value a row, as every report does', async () => {
    const applied: TagImportApplied = { id: 'imp-1', created: 1, changed: 1, changedSince: [], stopped: null, resumable: false };
    vi.mocked(openTagImportRun).mockResolvedValueOnce({ connectionId: 'c1', preview: PREVIEW, applied, rename: null, undone: null });
    const model = await shown('en');
    await model.openRun('imp-1', [connection()]);
    vi.mocked(exportReportCsv).mockResolvedValueOnce('tags report.csv');
    await userEvent.click(await screen.findByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenCalledWith('imp-1', true);
    expect(await screen.findByTestId('export-result')).toHaveTextContent('Saved tags report.csv');
  });

  it('offers the Undo of an applied import opened from Activity, and says an undone one was undone (issue 77)', async () => {
    const applied: TagImportApplied = { id: 'r9', created: 1, changed: 1, changedSince: [], stopped: null, resumable: false };
    vi.mocked(openTagImportRun).mockResolvedValueOnce({ connectionId: 'c1', preview: PREVIEW, applied, rename: null, undone: null });
    const model = await shown('en');
    await model.openRun('r9', [connection()]);
    expect(await screen.findByTestId('tags-import-undo')).toHaveTextContent('Undo this import');
    expect(screen.queryByTestId('tags-import-undone')).toBeNull();

    // Seen failing before the run carried its undo: the undone import read "Imported from…"
    // and offered Undo again.
    vi.mocked(openTagImportRun).mockResolvedValueOnce({
      connectionId: 'c1',
      preview: PREVIEW,
      applied,
      rename: null,
      undone: { id: 'r9', restored: 1, removed: 0, kept: [{ id: 'wknd:season/autumn', reason: { kind: 'holdsAssets' } }] },
    });
    await model.openRun('r9', [connection()]);
    const preview = await screen.findByTestId('tags-import-preview');
    await vi.waitFor(() => expect(within(preview).getByRole('heading').textContent?.trim()).toBe('Undone: the import of tags.csv'));
    expect(screen.getByTestId('tags-import-undone')).toBeTruthy();
    expect(screen.queryByTestId('tags-import-undo')).toBeNull();
    expect(screen.getByTestId('tags-import-kept')).toBeTruthy();
    const outcomes = screen.getAllByTestId('tags-import-outcome').map((p) => p.textContent);
    expect(outcomes).toEqual(['Kept: changed since', 'Given back']);
  });

  it('shows the preview in words, then what was applied and what undo kept', async () => {
    vi.mocked(previewTagImport).mockResolvedValue(PREVIEW);
    const model = await shown('en');
    await model.received({ id: 'sheet-1', fileName: 'tags.csv' });
    const preview = await screen.findByTestId('tags-import-preview');
    expect(within(preview).getByRole('heading').textContent).toBe('tags.csv: 1 new tag, 1 value changed');
    expect(screen.getByTestId('tags-import-created').textContent).toMatch(/New tag wknd:season\/autumn, titled “Autumn”\s*title \(fr\): “Automne”/);
    const cells = within(screen.getByTestId('tags-import-change')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['wknd:season/summer', 'title (fr)', '“Été”', '“Plein été”']);

    vi.mocked(applyTaxonomyRun).mockResolvedValue({
      id: 'imp-1',
      created: 1,
      changed: 0,
      changedSince: [{ id: 'wknd:season/summer', changed: { property: 'jcr:title.fr', preview: 'Été', now: 'Été!' } }],
      stopped: null,
      resumable: false,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    // Applied looks applied (issue 68): its heading, a success card with the counts, no column
    // that says "Now in AEM" of values the import has just replaced.
    const done = await screen.findByTestId('tags-import-applied');
    expect(done).toHaveClass('success');
    expect(done).toHaveTextContent('Imported');
    expect(done).toHaveTextContent('Created 1 tag and changed 0 values.');
    expect(within(preview).getByRole('heading').textContent).toBe('Imported from tags.csv: 1 new tag, 1 value changed');
    const headers = within(screen.getByTestId('tags-import-changes')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Tag', 'Value', 'Before', 'After', 'What happened']);
    // Each row says what happened to it: created, or left alone because AEM changed it since.
    expect(screen.getAllByTestId('tags-import-outcome').map((o) => o.textContent)).toEqual(['Created', 'Left alone: changed since the preview']);
    expect(screen.getByTestId('tags-import-changed-since').textContent).toContain(
      'The title (fr) of wknd:season/summer was changed in AEM since the preview (the preview showed “Été”, AEM now holds “Été!”).',
    );

    vi.mocked(undoTagImport).mockResolvedValue({ id: 'imp-1', restored: 0, removed: 0, kept: [{ id: 'wknd:season/autumn', reason: { kind: 'holdsAssets' } }] });
    await userEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect((await screen.findByTestId('tags-import-undone')).textContent).toBe('Undone: 0 values put back, 0 tags removed.');
    expect(screen.getByTestId('tags-import-kept').textContent).toContain('Assets hold wknd:season/autumn: it stays');
    // Undone looks undone: the heading names the undo, and no row still reads as imported.
    expect(within(preview).getByRole('heading').textContent).toBe('Undone: the import of tags.csv');
    expect(screen.getAllByTestId('tags-import-outcome').map((o) => o.textContent)).toEqual(['Kept: changed since', 'Given back']);
  });

  it('offers to resume an import cut short (the app closed mid-way), as the core says it can be', async () => {
    const interrupted = { id: 'imp-5', created: 1, changed: 0, changedSince: [], stopped: null, resumable: true };
    vi.mocked(openTagImportRun).mockResolvedValue({ connectionId: 'c1', preview: PREVIEW, applied: interrupted, rename: null, undone: null });
    const model = await shown('en');
    await model.openRun('imp-5', [connection()]);
    const banner = await screen.findByTestId('tags-import-stopped');
    expect(banner).toHaveTextContent('The import did not finish');
    expect(banner).toHaveTextContent('Resume finds out what AEM holds and writes only what is left.');
    vi.mocked(applyTaxonomyRun).mockResolvedValue({ ...interrupted, changed: 1, resumable: false });
    await userEvent.click(within(banner).getByRole('button', { name: 'Resume the import' }));
    expect(applyTaxonomyRun).toHaveBeenCalledWith('imp-5', null);
    await waitFor(() => expect(screen.queryByTestId('tags-import-stopped')).toBeNull());
  });

  it('offers no Resume where the core says a stopped import has nothing left to write', async () => {
    const stopped = 'The credentials were refused: the import stopped there.';
    const ended = { id: 'imp-6', created: 1, changed: 1, changedSince: [], stopped, resumable: false };
    vi.mocked(openTagImportRun).mockResolvedValue({ connectionId: 'c1', preview: PREVIEW, applied: ended, rename: null, undone: null });
    const model = await shown('en');
    await model.openRun('imp-6', [connection()]);
    const banner = await screen.findByTestId('tags-import-stopped');
    expect(banner).toHaveTextContent(stopped);
    expect(within(banner).queryByRole('button', { name: 'Resume the import' })).toBeNull();
  });

  it('says where an import stopped part-way, and offers to undo what it wrote', async () => {
    vi.mocked(previewTagImport).mockResolvedValue(PREVIEW);
    const model = await shown('en');
    await model.received({ id: 'sheet-1', fileName: 'tags.csv' });
    await screen.findByTestId('tags-import-preview');
    const stopped = 'AEM did not take the change of wknd:season/summer (Forbidden): the import stopped there.';
    vi.mocked(applyTaxonomyRun).mockResolvedValue({ id: 'imp-2', created: 1, changed: 0, changedSince: [], stopped, resumable: true });
    await userEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    const banner = await screen.findByTestId('tags-import-stopped');
    expect(banner.textContent).toContain('The import stopped');
    expect(banner.textContent).toContain(stopped);
    expect(banner.textContent).not.toContain('undo-import');
    expect(screen.getByTestId('tags-import-applied').textContent).toBe('Created 1 tag and changed 0 values.');

    vi.mocked(undoTagImport).mockResolvedValue({ id: 'imp-2', restored: 0, removed: 1, kept: [] });
    await userEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(undoTagImport).toHaveBeenCalledWith('imp-2', null);
    expect((await screen.findByTestId('tags-import-undone')).textContent).toBe('Undone: 0 values put back, 1 tag removed.');
    expect(screen.queryByTestId('tags-import-stopped')).toBeNull();
  });

  it('asks for a production connection’s name in the taxonomy’s words, and counts what an undo of a stopped import may put back', async () => {
    vi.mocked(previewTagImport).mockResolvedValue(PREVIEW);
    const model = new TagSheetModel();
    const c = connection({ production: true, name: 'Prod' });
    model.use(c);
    render(TagSheetPanel, { props: { model, connection: c, countedFolder: null, exporter: new ReportExport() }, context: i18nContext(new I18n('en')) });
    await model.received({ id: 'sheet-1', fileName: 'tags.csv' });
    await userEvent.click(await screen.findByRole('button', { name: 'Apply 2 changes' }));
    const asked = await screen.findByTestId('production-dialog');
    expect(asked.textContent).toContain('Applying writes 2 changes to the tags of Prod');
    expect(asked.textContent).not.toContain('asset');

    // The answer to its first write was lost: nothing counted as written, yet it may have landed.
    const stopped = 'AEM did not take the change of wknd:season/autumn (no answer): the import stopped there.';
    vi.mocked(applyTaxonomyRun).mockResolvedValue({ id: 'imp-4', created: 0, changed: 0, changedSince: [], stopped, resumable: true });
    await userEvent.type(screen.getByTestId('production-confirm-input'), 'Prod');
    await userEvent.click(screen.getByTestId('production-confirm-button'));
    await screen.findByTestId('tags-import-stopped');
    await userEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect((await screen.findByTestId('production-dialog')).textContent).toContain(
      'Undoing the import puts back what it wrote in the tags of Prod, a connection marked production: up to 2 changes.',
    );
    expect(screen.getByTestId('production-confirm-button')).toHaveTextContent('Undo on production');
  });

  it('says a sheet dropped while the import is applied was not opened, and goes on', async () => {
    vi.mocked(previewTagImport).mockResolvedValue(PREVIEW);
    const model = await shown('en');
    await model.received({ id: 'sheet-1', fileName: 'tags.csv' });
    await screen.findByTestId('tags-import-preview');
    let finish: (applied: TagImportApplied) => void = () => {};
    vi.mocked(applyTaxonomyRun).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    await userEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    await model.received({ id: 'sheet-2', fileName: 'other.csv' });
    const aside = await screen.findByTestId('tags-import-set-aside');
    expect(aside.textContent).toContain('other.csv was not opened');
    expect(aside.textContent).toContain('wait until it has finished, then drop the sheet again');
    expect(previewTagImport).toHaveBeenCalledTimes(1);
    finish({ id: 'imp-3', created: 1, changed: 1, changedSince: [], stopped: null, resumable: false });
    expect((await screen.findByTestId('tags-import-applied'))).toHaveTextContent('Created 1 tag and changed 1 value.');
    await userEvent.click(within(aside).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('tags-import-set-aside')).toBeNull();
  });

  it('names the refused row, with nothing to apply, in French', async () => {
    vi.mocked(previewTagImport).mockRejectedValue({ code: 'invalid_input', message: 'Ligne 2 : « a//b » n’est pas un identifiant de balise.' });
    const model = await shown('fr');
    await model.received({ id: 'sheet-1', fileName: 'tags.csv' });
    const refused = await screen.findByTestId('tags-import-refused');
    expect(refused.textContent).toContain('tags.csv ne peut pas être importé');
    expect(refused.textContent).toContain('Ligne 2');
    expect(screen.queryByTestId('tags-import-apply')).toBeNull();
  });

  // Issue 77: a sheet dropped on the page showed its preview or refusal far below the visible
  // area, and the page did not move.
  it('brings a dropped sheet’s preview, or its refusal, into view and focuses it', async () => {
    const scrolled: Element[] = [];
    // jsdom has no scrollIntoView: record which elements were scrolled to.
    const had = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      vi.mocked(previewTagImport).mockResolvedValueOnce(PREVIEW);
      const model = await shown('en');
      await model.received({ id: 'sheet-1', fileName: 'tags.csv' });
      const preview = await screen.findByTestId('tags-import-preview');
      await vi.waitFor(() => expect(scrolled).toContain(preview));
      expect(document.activeElement).toBe(preview);

      vi.mocked(previewTagImport).mockRejectedValueOnce({ code: 'invalid_input', message: 'Row 2: “a//b” is not a tag id.' });
      await model.received({ id: 'sheet-2', fileName: 'bad.csv' });
      const refusal = await screen.findByTestId('tags-import-refusal');
      await vi.waitFor(() => expect(scrolled).toContain(refusal));
      expect(document.activeElement).toBe(refusal);
      expect(refusal).toHaveTextContent('Row 2');
    } finally {
      Element.prototype.scrollIntoView = had;
    }
  });
});
