// Rename… on a tag: the title checked before anything is asked, the core's preview, Apply as a
// run (the production name asked first), Undo by the run's id, the core's refusals shown with
// nothing written.
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Tag } from '../../ipc/bindings/Tag';
import type { TagRenamePreview } from '../../ipc/bindings/TagRenamePreview';
import { applyTaxonomyRun, previewTagRename, undoTagImport } from '../../ipc/commands';
import { TagRenameModel } from './tagRename.svelte';

vi.mock('../../ipc/commands', () => ({
  applyTaxonomyRun: vi.fn(),
  previewTagRename: vi.fn(),
  undoTagImport: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const SURF: Tag = { id: 'wknd:activity/surf', title: 'Surf', trail: 'WKND › Activity › Surf', titles: { fr: 'Surf' }, description: null, published: false };
const PREVIEW: TagRenamePreview = {
  tag: SURF.id,
  from: 'Surf',
  to: 'Surfing',
  changed: [{ row: 0, id: SURF.id, property: 'jcr:title', before: 'Surf', after: 'Surfing' }],
  runId: 'r1',
};
const APPLIED = { id: 'r1', created: 0, changed: 1, changedSince: [], stopped: null, resumable: false };

function opened(): TagRenameModel {
  const m = new TagRenameModel(() => 'c1');
  m.open(SURF);
  return m;
}

describe('renaming a tag', () => {
  it('starts from the tag’s titles and says an empty title without asking the core', async () => {
    const m = opened();
    expect(m.title).toBe('Surf');
    expect(m.titles).toEqual({ fr: 'Surf' });
    m.title = '   ';
    await m.previewRename();
    expect(m.missing).toBe(true);
    expect(previewTagRename).not.toHaveBeenCalled();
    expect(m.preview).toBeNull();
  });

  it('previews, applies as a run, then undoes it by the run’s id', async () => {
    const m = opened();
    m.title = 'Surfing';
    vi.mocked(previewTagRename).mockResolvedValueOnce(PREVIEW);
    await m.previewRename();
    expect(previewTagRename).toHaveBeenCalledWith('c1', { tag: SURF.id, title: 'Surfing', titles: { fr: 'Surf' } });
    expect(m.preview).toEqual(PREVIEW);
    vi.mocked(applyTaxonomyRun).mockResolvedValueOnce(APPLIED);
    await m.request('apply', false);
    expect(applyTaxonomyRun).toHaveBeenCalledWith('r1', null);
    expect(m.applied).toEqual(APPLIED);
    vi.mocked(undoTagImport).mockResolvedValueOnce({ id: 'r1', restored: 1, removed: 0, kept: [] });
    await m.request('undo', false);
    expect(undoTagImport).toHaveBeenCalledWith('r1', null);
    expect(m.undone?.restored).toBe(1);
  });

  it('asks for the production connection’s name before writing', async () => {
    const m = opened();
    vi.mocked(previewTagRename).mockResolvedValueOnce(PREVIEW);
    await m.previewRename();
    await m.request('apply', true);
    expect(m.confirming).toBe('apply');
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
    vi.mocked(applyTaxonomyRun).mockResolvedValueOnce(APPLIED);
    await m.apply('Prod');
    expect(applyTaxonomyRun).toHaveBeenCalledWith('r1', 'Prod');
    expect(m.confirming).toBeNull();
  });

  it('shows the core’s refusal and writes nothing; an edit drops the old preview', async () => {
    const m = opened();
    vi.mocked(previewTagRename).mockRejectedValueOnce({ code: 'invalid_input', message: 'AEM has no tag wknd:activity/surf; check its id.' });
    await m.previewRename();
    expect(m.error?.message).toContain('AEM has no tag');
    expect(m.preview).toBeNull();
    await m.apply(null);
    expect(applyTaxonomyRun).not.toHaveBeenCalled();
    vi.mocked(previewTagRename).mockResolvedValueOnce(PREVIEW);
    await m.previewRename();
    m.title = 'Surf riding';
    m.edited();
    expect(m.preview).toBeNull();
  });
});
