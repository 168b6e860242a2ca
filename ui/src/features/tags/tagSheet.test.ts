// The taxonomy's Excel round trip on the Tags page (TagSheetModel): Export… with the counted
// folder, a dialog cancelled; a sheet previewed or refused in the core's words, nothing applied
// then; Apply and Undo behind the production guard; an answer for a connection left since
// dropped; and the words of a line (tagSheetWords).
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { TagImportPreview } from '../../ipc/bindings/TagImportPreview';
import { applyTaxonomyRun, chooseSheetFile, exportTaxonomy, previewTagImport, undoTagImport } from '../../ipc/commands';
import { connection } from '../../test-fixtures';
import { TagSheetModel } from './tagSheet.svelte';
import { keptWords, whatWords } from './tagSheetWords';

vi.mock('../../ipc/commands', () => ({
  exportTaxonomy: vi.fn(),
  chooseSheetFile: vi.fn(),
  previewTagImport: vi.fn(),
  applyTaxonomyRun: vi.fn(),
  undoTagImport: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const SHEET = { id: 'sheet-1', fileName: 'tags.csv' };
const PREVIEW: TagImportPreview = {
  fileName: 'tags.csv',
  rows: 2,
  created: [{ row: 3, id: 'wknd:season/autumn', title: 'Autumn', titles: { fr: 'Automne' }, description: null }],
  changed: [{ row: 2, id: 'wknd:season/summer', property: 'jcr:title.fr', before: 'Été', after: 'Plein été' }],
  runId: 'imp-1',
};
const APPLIED = { id: 'imp-1', created: 1, changed: 1, changedSince: [], stopped: null, resumable: false };

function model(production = false) {
  const m = new TagSheetModel();
  m.use(connection({ production }));
  return m;
}

describe('the taxonomy as a sheet', () => {
  it('exports with the counted folder, and says nothing when the dialog is cancelled', async () => {
    const m = model();
    vi.mocked(exportTaxonomy).mockResolvedValueOnce(null);
    await m.exportTags(null);
    expect(m.saved).toBeNull();
    const saved = { fileName: 'tags.xlsx', tags: 12, counts: null };
    vi.mocked(exportTaxonomy).mockResolvedValueOnce(saved);
    await m.exportTags('/content/dam/wknd');
    expect(exportTaxonomy).toHaveBeenLastCalledWith('c1', '/content/dam/wknd');
    expect(m.saved).toEqual(saved);
    expect(m.busy).toBe(false);
  });

  it('previews a dropped sheet, busy meanwhile, and applies it', async () => {
    const m = model();
    let answer!: (p: TagImportPreview) => void;
    vi.mocked(previewTagImport).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const previewing = m.received(SHEET);
    expect(m.job).toBe('preview');
    await m.apply();
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
    answer(PREVIEW);
    await previewing;
    expect(previewTagImport).toHaveBeenCalledWith('c1', 'sheet-1');
    expect(m.preview).toEqual(PREVIEW);
    expect(m.changes).toBe(2);
    vi.mocked(applyTaxonomyRun).mockResolvedValue(APPLIED);
    await m.apply();
    expect(applyTaxonomyRun).toHaveBeenCalledWith('imp-1', null);
    expect(m.applied).toEqual(APPLIED);
    await m.apply();
    expect(applyTaxonomyRun).toHaveBeenCalledTimes(1);
  });

  it('shows a refused sheet in the core’s words, with nothing to apply', async () => {
    const m = model();
    vi.mocked(previewTagImport).mockRejectedValue({ code: 'invalid_input', message: 'Row 2: “a//b” is not a tag id.' });
    await m.received(SHEET);
    expect(m.refusal?.message).toBe('Row 2: “a//b” is not a tag id.');
    expect(m.preview).toBeNull();
    await m.apply();
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
  });

  it('picks a file with the open dialog; a cancelled dialog previews nothing', async () => {
    const m = model();
    vi.mocked(chooseSheetFile).mockResolvedValueOnce(null);
    await m.choose();
    expect(previewTagImport).not.toHaveBeenCalled();
    vi.mocked(chooseSheetFile).mockResolvedValueOnce(SHEET);
    vi.mocked(previewTagImport).mockResolvedValue(PREVIEW);
    await m.choose();
    expect(m.preview).toEqual(PREVIEW);
  });

  it('asks for the production connection’s name before applying and before undoing', async () => {
    const m = model(true);
    vi.mocked(previewTagImport).mockResolvedValue(PREVIEW);
    await m.received(SHEET);
    await m.apply();
    expect(m.confirming).toBe('apply');
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
    vi.mocked(applyTaxonomyRun).mockResolvedValue(APPLIED);
    await m.confirmed('p12345 · e67890');
    expect(applyTaxonomyRun).toHaveBeenCalledWith('imp-1', 'p12345 · e67890');
    expect(m.confirming).toBeNull();

    await m.undo();
    expect(m.confirming).toBe('undo');
    expect(undoTagImport).not.toHaveBeenCalled();
    const undone = { id: 'imp-1', restored: 1, removed: 1, kept: [] };
    vi.mocked(undoTagImport).mockResolvedValue(undone);
    await m.confirmed('p12345 · e67890');
    expect(undoTagImport).toHaveBeenCalledWith('imp-1', 'p12345 · e67890');
    expect(m.undone).toEqual(undone);
  });

  it('drops a preview for a connection the page has left since', async () => {
    const m = model();
    let answer!: (p: TagImportPreview) => void;
    vi.mocked(previewTagImport).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const previewing = m.received(SHEET);
    m.use(connection({ id: 'c2' }));
    answer(PREVIEW);
    await previewing;
    expect(m.preview).toBeNull();
    expect(m.busy).toBe(false);
  });
});

describe('the words of an import', () => {
  it('names each value of a tag', () => {
    expect(whatWords('jcr:title')).toEqual({ id: 'tags-import-what-title' });
    expect(whatWords('jcr:title.fr')).toEqual({ id: 'tags-import-what-title-in', args: { lang: 'fr' } });
    expect(whatWords('jcr:description')).toEqual({ id: 'tags-import-what-description' });
  });

  it('says why undo kept a tag or a value', () => {
    const what = (p: string) => `<${p}>`;
    const quoted = (v: string | null) => `"${v}"`;
    // What the import wrote, and what AEM holds now, as an edit's value changed since says them.
    expect(keptWords('a:b', { kind: 'valueChanged', property: 'jcr:title', preview: 'Ours', now: 'X' }, what, quoted)).toEqual({
      id: 'tags-import-kept-value',
      args: { tag: 'a:b', what: '<jcr:title>', known: 'yes', wrote: '"Ours"', now: '"X"' },
    });
    // Kept before an undo said what the import wrote: said without it.
    expect(keptWords('a:b', { kind: 'valueChanged', property: 'jcr:title', preview: null, now: null }, what, quoted).args).toEqual({
      tag: 'a:b',
      what: '<jcr:title>',
      known: 'no',
      wrote: '"null"',
      now: '"null"',
    });
    expect(keptWords('a:b', { kind: 'holdsAssets' }, what, quoted).id).toBe('tags-import-kept-assets');
    // A row AEM refused is said as not done yet (a resume tries again), not as content unread.
    expect(keptWords('a:b', { kind: 'notDone', detail: 'AEM answered 500' }, what, quoted)).toEqual({
      id: 'tags-import-not-done',
      args: { tag: 'a:b', detail: 'AEM answered 500' },
    });
    expect(keptWords('a:b', { kind: 'unchecked', detail: 'timeout' }, what, quoted).args).toEqual({ tag: 'a:b', detail: 'timeout' });
    expect(keptWords('a:b', { kind: 'usedByPages', page: '/content/x' }, what, quoted)).toEqual({ id: 'tags-import-kept-pages', args: { tag: 'a:b', page: '/content/x' } });
  });
});
