// The Health page's model: the report's counts as cards (tones, fixes offered only where there
// is something to fix, bars per subfolder), what each fix works on and prefills in Bulk edit
// (a list scope of those assets, the edit row, or the publish preview started), "Check" never
// starting while a run works, and which previews say where their assets are used.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { cancelRun, exportSheet, healthReport, previewPublish, previewReferences, runScope } from '../../ipc/commands';
import type * as Commands from '../../ipc/commands';
import type { HealthList } from '../../ipc/bindings/HealthList';
import type { HealthReport } from '../../ipc/bindings/HealthReport';
import type { PreviewReferences } from '../../ipc/bindings/PreviewReferences';
import type { SavedSheet } from '../../ipc/bindings/SavedSheet';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { runSummary } from '../../test-fixtures';
import { BulkStore } from '../bulk/bulk.svelte';
import { HealthModel } from './health.svelte';
import { COUNTS, FIX_LABELS, barScale, cardOutcome, fixPaths, fixRun, healthCards, listedAssets, listedOutcome } from './healthCounts';
import { PreviewUses, showsReferences, warned } from './references.svelte';

vi.mock('../../ipc/commands', async (original) => ({
  ...(await original<typeof Commands>()),
  cancelRun: vi.fn(async () => {}),
  checkFolder: vi.fn(async (folder: string) => folder),
  checkForm: vi.fn(async () => ({})),
  completeFolderPath: vi.fn(async () => []),
  countScope: vi.fn(async () => null),
  exportSheet: vi.fn(),
  healthReport: vi.fn(),
  listEntries: vi.fn(async (text: string) => text.split('\n')),
  listFolder: vi.fn(async () => ({ folder: '/content/dam', folders: [], assets: 0, total: 0, nextOffset: null })),
  listRuns: vi.fn(async () => []),
  previewPublish: vi.fn(),
  previewReferences: vi.fn(),
  previewRows: vi.fn(async () => ({ rows: [], total: 0 })),
  runScope: vi.fn(),
}));

const ROOT = '/content/dam/wknd';

function list(paths: string[], folders: [string, number][] = []): HealthList {
  return { count: paths.length, paths, folders: folders.map(([folder, assets]) => ({ folder, assets })), more_folders: 0 };
}

function report(overrides: Partial<HealthReport> = {}): HealthReport {
  const none = list([]);
  return {
    folder: ROOT,
    expiring_within_days: 30,
    checked_at: '2026-11-28T00:00:00Z',
    assets: list([`${ROOT}/a/1.jpg`, `${ROOT}/a/2.jpg`, `${ROOT}/b/3.jpg`], [['a', 2], ['b', 1]]),
    without_description: list([`${ROOT}/a/1.jpg`, `${ROOT}/b/3.jpg`], [['a', 1], ['b', 1]]),
    expired: list([`${ROOT}/b/3.jpg`]),
    expiring: list([`${ROOT}/a/2.jpg`]),
    with_off_time: none,
    used_on_pages: list([`${ROOT}/a/1.jpg`]),
    used_nowhere: list([`${ROOT}/a/2.jpg`, `${ROOT}/b/3.jpg`]),
    references_unknown: list([]),
    changed_since_publication: list([`${ROOT}/a/2.jpg`]),
    missing_required: none,
    pages: [{ asset: `${ROOT}/a/1.jpg`, page: '/content/site/en/home', title: 'Home', published: true }],
    unknown: [],
    unlisted_folders: [],
    unread: [],
    ...overrides,
  };
}

describe('the cards', () => {
  const i18n = new I18n('en');

  it('has a card per count with its words in both languages, and a button per fix', () => {
    const cards = healthCards(i18n, report());
    expect(cards.map((c) => c.key)).toEqual(COUNTS.map((c) => c.key));
    for (const lang of ['en', 'fr'] as const) {
      const words = new I18n(lang);
      for (const c of cards) expect(words.t(c.label, { days: 30 }), c.label).not.toBe(c.label);
      for (const id of Object.values(FIX_LABELS)) expect(words.t(id), id).not.toBe(id);
    }
  });

  it('offers a fix only where there is something to fix, and reads "none" of a problem as good', () => {
    const cards = healthCards(i18n, report());
    const card = (key: string) => cards.find((c) => c.key === key)!;
    expect(card('without_description')).toMatchObject({ count: 2, tone: 'problem', fixes: ['fill-descriptions'] });
    expect(card('expired').fixes).toEqual(['extend-expiry', 'unpublish-expired']);
    expect(card('missing_required')).toMatchObject({ count: 0, tone: 'good', fixes: [] });
    // Scheduled to go offline is a plan, not a problem: never amber, at zero or not (issue 77).
    expect(card('with_off_time')).toMatchObject({ tone: 'fact', fixes: [] });
    expect(healthCards(i18n, report({ with_off_time: list([`${ROOT}/a/1.jpg`]) })).find((c) => c.key === 'with_off_time')!.tone).toBe('fact');
    expect(new I18n('en').t('health-count-with-off-time')).toBe('Scheduled to go offline');
    expect(new I18n('fr').t('health-count-with-off-time')).toBe('Retrait programmé');
    // A plain fact stays one even at zero.
    expect(healthCards(i18n, report({ used_on_pages: list([]) })).find((c) => c.key === 'used_on_pages')!.tone).toBe('fact');
  });

  it('colours a card by what it means, as every table does: amber to look at, green as wanted, never red (issue 77)', () => {
    const cards = healthCards(i18n, report());
    const outcome = (key: string) => cardOutcome(cards.find((c) => c.key === key)!);
    // Images without a description and expired assets need a look; none failed.
    expect(outcome('without_description')).toEqual({ word: 'health-to-look-at', meaning: 'attention' });
    expect(outcome('expired')?.meaning).toBe('attention');
    expect(outcome('expiring')?.meaning).toBe('attention');
    expect(outcome('missing_required')).toEqual({ word: 'health-none', meaning: 'done' });
    // A plain fact has no colour at all: not grey ("left alone on purpose"), not amber.
    expect(outcome('with_off_time')).toBeNull();
    expect(outcome('assets')).toBeNull();
    expect(cards.map(cardOutcome).some((o) => o?.meaning === 'failed')).toBe(false);
    // Each asset listed under a card to look at says what it is, in both languages.
    const listed = listedOutcome(cards.find((c) => c.key === 'expired')!);
    expect(listed).toEqual({ word: 'health-row-expired', meaning: 'attention' });
    expect(listedOutcome(cards.find((c) => c.key === 'used_on_pages')!)).toBeNull();
    for (const lang of ['en', 'fr'] as const) {
      for (const c of cards) {
        const o = listedOutcome({ ...c, tone: c.tone === 'good' ? 'problem' : c.tone });
        if (o) expect(new I18n(lang).t(o.word), o.word).not.toBe(o.word);
      }
      expect(new I18n(lang).t('health-to-look-at')).not.toBe('health-to-look-at');
    }
  });

  it('draws a bar per subfolder, with the folder itself named', () => {
    const cards = healthCards(i18n, report({ without_description: list([`${ROOT}/x.jpg`, `${ROOT}/a/1.jpg`], [['', 1], ['a', 1]]) }));
    const bars = cards.find((c) => c.key === 'without_description')!.bars;
    expect(bars.map((b) => [b.name, b.total])).toEqual([
      ['This folder itself', 1],
      ['a', 1],
    ]);
  });

  it('draws every card’s bars against one scale: 2 expired assets are not as long as 16 assets (issue 77)', () => {
    const cards = healthCards(
      i18n,
      report({
        assets: list(Array.from({ length: 18 }, (_, i) => `${ROOT}/a/${i}.jpg`), [['a', 16], ['b', 2]]),
        expired: list([`${ROOT}/b/1.jpg`, `${ROOT}/b/2.jpg`], [['b', 2]]),
      }),
    );
    expect(barScale(cards)).toBe(16);
    expect(barScale([])).toBe(1);
  });

  it('lists the assets of a count with the pages that use them', () => {
    const rows = listedAssets(report(), 'without_description');
    expect(rows.map((r) => [r.path, r.use?.pages.length ?? 0])).toEqual([
      [`${ROOT}/a/1.jpg`, 1],
      [`${ROOT}/b/3.jpg`, 0],
    ]);
  });
});

describe('the fixes', () => {
  it('work on the assets behind their count', () => {
    const r = report();
    expect(fixPaths(r, 'fill-descriptions')).toEqual(r.without_description.paths);
    expect(fixPaths(r, 'extend-expiry')).toEqual([`${ROOT}/a/2.jpg`, `${ROOT}/b/3.jpg`]);
    expect(fixPaths(r, 'unpublish-expired')).toEqual([`${ROOT}/b/3.jpg`]);
    expect(fixPaths(r, 'republish-changed')).toEqual([`${ROOT}/a/2.jpg`]);
    expect(fixRun('fill-descriptions')).toEqual({ edit: { property: 'dc:description', action: 'template', rule: { template: '{dc:title}', where: 'empty' } } });
    expect(fixRun('unpublish-expired')).toEqual({ replication: 'unpublish' });
  });
});

describe('HealthModel', () => {
  let store: BulkStore;
  let model: HealthModel;

  beforeEach(() => {
    store = new BulkStore(() => []);
    model = new HealthModel(store);
    model.connectionId = 'c1';
    model.folder = ROOT;
  });
  afterEach(() => {
    store.dispose();
    vi.clearAllMocks();
  });

  it('checks the folder with its subfolders, and waits while a check or a run works', async () => {
    let answer: (r: HealthReport) => void = () => {};
    vi.mocked(healthReport).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const checking = model.check();
    expect(model.running).toBe(true);
    expect(model.canCheck).toBe(false);
    await model.check(); // pressed again while busy: nothing asked
    expect(healthReport).toHaveBeenCalledTimes(1);
    expect(healthReport).toHaveBeenCalledWith(
      { connectionId: 'c1', scope: { kind: 'folder', folder: ROOT, recursive: true }, name: null, formats: [] },
      30,
      expect.any(Function),
    );
    // The core's progress reaches the model while it checks, and goes with the check.
    const onProgress = vi.mocked(healthReport).mock.calls[0]![2]!;
    onProgress({
      runId: '', phase: 'preview', done: 6, total: 15, totalKnown: true, changed: 0, unchanged: 0, skipped: 0,
      failed: 0, rate: 0, etaSecs: null, concurrency: 8, paused: false, throttled: 0, finished: false,
    });
    expect([model.progress?.done, model.progress?.total]).toEqual([6, 15]);
    answer(report());
    await checking;
    expect(model.running).toBe(false);
    expect(model.progress).toBeNull();
    expect(model.report?.assets.count).toBe(3);
    store.run.job = 'preview';
    expect(model.canCheck).toBe(false);
  });

  it('stops a check when asked: the core is told, and the stop is said, not shown as a failure (issue 78)', async () => {
    let refuse: (e: unknown) => void = () => {};
    vi.mocked(healthReport).mockImplementation(() => new Promise((_, reject) => (refuse = reject)));
    const checking = model.check();
    await model.stop();
    expect(cancelRun).toHaveBeenCalledTimes(1);
    expect(model.stopping).toBe(true);
    await model.stop(); // pressed again while stopping: asked once
    expect(cancelRun).toHaveBeenCalledTimes(1);
    refuse({ code: 'invalid_input', message: 'Cancelled.' });
    await checking;
    expect(model.running).toBe(false);
    expect(model.stopped).toBe(true);
    expect(model.error).toBeNull();
    expect(model.report).toBeNull();
    // A new check starts afresh, and nothing is stopped that is not running.
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    expect(model.stopped).toBe(false);
    await model.stop();
    expect(cancelRun).toHaveBeenCalledTimes(1);
  });

  it('says why a check failed, and keeps nothing of it', async () => {
    vi.mocked(healthReport).mockRejectedValueOnce({ code: 'not_found', message: 'The folder /content/dam/x does not exist.' });
    await model.check();
    expect(model.error?.message).toContain('/content/dam/x');
    expect(model.report).toBeNull();
  });

  it('"Fill descriptions" opens Bulk edit on a list of those images with the description from the title', async () => {
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    expect(await model.fix('fill-descriptions')).toBe(true);
    const { setup } = store;
    expect(setup.form.connectionId).toBe('c1');
    expect(setup.mode).toBe('same');
    expect(setup.choice.kind).toBe('list');
    expect(setup.choice.draft.kind === 'list' && setup.choice.draft.listText).toBe(`${ROOT}/a/1.jpg\n${ROOT}/b/3.jpg`);
    expect(setup.form.edits).toHaveLength(1);
    expect(setup.form.edits[0]).toMatchObject({ picked: 'dc:description', action: 'template' });
    expect(setup.form.edits[0]!.rule).toMatchObject({ template: '{dc:title}', where: 'empty' });
    expect(previewPublish).not.toHaveBeenCalled();
  });

  it('"Unpublish expired" starts the unpublish preview of just those assets; nothing without a report', async () => {
    expect(await model.fix('unpublish-expired')).toBe(false);
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    vi.mocked(previewPublish).mockResolvedValue(runSummary());
    await model.check();
    expect(await model.fix('unpublish-expired')).toBe(true);
    await vi.waitFor(() => expect(previewPublish).toHaveBeenCalled());
    // The person's scope goes to the core as it is: the window does not make the run's scope.
    expect(runScope).not.toHaveBeenCalled();
    expect(vi.mocked(previewPublish).mock.calls[0]![0]).toMatchObject({
      scope: { connectionId: 'c1', scope: { kind: 'list', entries: [`${ROOT}/b/3.jpg`] } },
      replication: 'unpublish',
    });
  });

  const saved: SavedSheet = {
    fileName: 'descriptions.xlsx',
    export: { assets: 2, unlistedFolders: [], unread: [], unindexed: 0, searchedAt: null, indexNotice: null },
  };

  it('"Fill from a sheet" saves a sheet of exactly those images: path, title and an empty description', async () => {
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    let answer: (s: SavedSheet | null) => void = () => {};
    vi.mocked(exportSheet).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const exporting = model.exportDescriptions();
    expect(model.exporting).toBe(true);
    // Busy while the dialog is open and the sheet is written: no check, no fix, no second export.
    expect(model.busy).toBe(true);
    expect(model.canCheck).toBe(false);
    await model.exportDescriptions();
    expect(exportSheet).toHaveBeenCalledTimes(1);
    expect(exportSheet).toHaveBeenCalledWith({
      scope: { connectionId: 'c1', scope: { kind: 'list', entries: [`${ROOT}/a/1.jpg`, `${ROOT}/b/3.jpg`] }, name: null, formats: [] },
      properties: ['dc:title', 'dc:description'],
      format: 'xlsx',
    });
    answer(saved);
    await exporting;
    expect(model.exporting).toBe(false);
    expect(model.sheet).toEqual(saved);
    expect(model.sheetError).toBeNull();
    // Checking again forgets the sheet: it was of the report before.
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    expect(model.sheet).toBeNull();
  });

  it('says nothing when the save dialog is cancelled, and why when the sheet could not be saved', async () => {
    expect(await model.exportDescriptions()).toBeUndefined();
    expect(exportSheet).not.toHaveBeenCalled(); // no report yet
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    vi.mocked(exportSheet).mockResolvedValueOnce(null);
    await model.exportDescriptions();
    expect(model.sheet).toBeNull();
    expect(model.sheetError).toBeNull();
    expect(model.exporting).toBe(false);
    vi.mocked(exportSheet).mockRejectedValueOnce({ code: 'io', message: 'Could not write /home/x/descriptions.xlsx: disk full.' });
    await model.exportDescriptions();
    expect(model.sheet).toBeNull();
    expect(model.sheetError?.message).toContain('disk full');
    expect(model.exporting).toBe(false);
    // No image lacks a description: nothing to export.
    vi.mocked(healthReport).mockResolvedValueOnce(report({ without_description: list([]) }));
    await model.check();
    await model.exportDescriptions();
    expect(exportSheet).toHaveBeenCalledTimes(2);
  });

  it('"Import it in Bulk edit" opens From a spreadsheet on those images, not while a run works', async () => {
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    vi.mocked(exportSheet).mockResolvedValueOnce(saved);
    await model.exportDescriptions();
    store.run.job = 'apply';
    expect(await model.openSheetImport()).toBe(false);
    expect(store.setup.mode).toBe('same');
    store.run.job = null;
    expect(await model.openSheetImport()).toBe(true);
    const { setup, sheets } = store;
    expect(setup.form.connectionId).toBe('c1');
    expect(setup.mode).toBe('sheet');
    expect(setup.choice.draft.kind === 'list' && setup.choice.draft.listText).toBe(`${ROOT}/a/1.jpg\n${ROOT}/b/3.jpg`);
    expect(sheets.draft.known).toEqual(['dc:title', 'dc:description']);
  });

  it('words the sheet\'s button, its result and the way on in both languages', () => {
    const en = new I18n('en');
    const fr = new I18n('fr');
    expect(en.t('health-fix-fill-from-sheet')).toBe('Fill from a sheet…');
    expect(fr.t('health-fix-fill-from-sheet')).toBe('Remplir depuis une feuille…');
    expect(en.t('health-sheet-saved', { file: 'd.xlsx', count: 2 })).toBe('Saved d.xlsx: 2 images without a description.');
    expect(fr.t('health-sheet-saved', { file: 'd.xlsx', count: 1 })).toBe('Enregistré dans d.xlsx\u00a0: 1 image sans description.');
    expect(en.t('health-sheet-next')).toContain('From a spreadsheet');
    expect(fr.t('health-sheet-next')).toContain('À partir d’un tableur');
    for (const id of ['health-sheet-exporting', 'health-sheet-failed', 'health-sheet-import']) {
      expect(fr.t(id), id).not.toBe(en.t(id));
    }
  });

  it('opens no fix while a run works', async () => {
    vi.mocked(healthReport).mockResolvedValueOnce(report());
    await model.check();
    store.run.job = 'apply';
    expect(await model.fix('fill-descriptions')).toBe(false);
  });
});

describe('where a preview\'s assets are used', () => {
  const found: PreviewReferences = {
    runId: 'r1',
    assets: [
      { path: '/a.jpg', pages: [{ asset: '/a.jpg', page: '/p', title: null, published: true }], publishedPages: 1 },
      { path: '/b.jpg', pages: [{ asset: '/b.jpg', page: '/q', title: null, published: false }], publishedPages: 0 },
    ],
    asked: 2,
    notAsked: 0,
    unpublishes: true,
    unknown: null,
    unknownAssets: [],
  };

  it('is asked for an unpublish, a tag deletion or merge, once a run', async () => {
    const unpublish = runSummary({ id: 'r1', status: 'previewed', kind: { kind: 'publish', replication: 'unpublish', agent: 'publish' } });
    expect(showsReferences(unpublish)).toBe(true);
    expect(showsReferences(runSummary({ kind: { kind: 'publish', replication: 'publish', agent: 'publish' } }))).toBe(false);
    expect(showsReferences(runSummary({ kind: { kind: 'edit' } }))).toBe(false);
    const step = { command: 'delete' as const, tag: 't:x', target: null, activate: false, state: 'pending' as const, leftAlone: 0 };
    expect(showsReferences(runSummary({ tagStep: step as never }))).toBe(true);
    expect(showsReferences(runSummary({ tagStep: { ...step, command: 'move' } as never }))).toBe(false);

    vi.mocked(previewReferences).mockResolvedValue(found);
    const uses = new PreviewUses();
    await uses.follow(unpublish);
    await uses.follow(unpublish);
    expect(previewReferences).toHaveBeenCalledTimes(1);
    expect(uses.found).toEqual(found);
    await uses.follow(runSummary({ kind: { kind: 'edit' } }));
    expect(uses.found).toBeNull();
  });

  it('warns of the assets published pages use, only when they are unpublished', () => {
    expect(warned(found).map((a) => a.path)).toEqual(['/a.jpg']);
    expect(warned({ ...found, unpublishes: false })).toEqual([]);
  });
});
