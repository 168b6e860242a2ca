// The metadata schema in Bulk edit, with the IPC seam mocked: the property picker lists the
// form's fields by label under their tabs (read-only ones left out, free names still possible),
// the value editor follows the field's type, a value the schema refuses is said beside its change
// and nothing is previewed, an unreadable schema is said once; and "Find missing metadata" lists
// who lacks what, with a bulk edit of just those assets one click away.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import {
  completeFolderPath,
  countScope,
  exportSheet,
  folderSchema,
  listConnections,
  listEntries,
  listFolder,
  listRuns,
  listTags,
  missingMetadata,
  previewRun,
  schemaProblems,
} from '../../ipc/commands';
import type { FolderSchema } from '../../ipc/bindings/FolderSchema';
import type { MissingReport } from '../../ipc/bindings/MissingReport';
import type { Schema } from '../../ipc/bindings/Schema';
import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import type { Tag } from '../../ipc/bindings/Tag';
import { connection, sheetExport, tag } from '../../test-fixtures';
import { ConnectionsModel } from '../connections/connections.svelte';
import { BulkStore } from './bulk.svelte';
import BulkEditPage from './BulkEditPage.svelte';
import { editorOf, pickerGroups, tagIdOf, toggleLine } from './schemaFields';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))),
  listConnections: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  listFolder: vi.fn(),
  listFolderAssets: vi.fn((_c: string, folder: string) => Promise.resolve({ folder, assets: [], more: 0, complete: true })),
  completeFolderPath: vi.fn(),
  countScope: vi.fn(),
  previewRun: vi.fn(),
  listRuns: vi.fn(),
  reportRows: vi.fn(),
  previewRows: vi.fn(),
  savedScopes: vi.fn(() => Promise.resolve([])),
  listEntries: vi.fn(),
  listTags: vi.fn(() => Promise.resolve([{ id: 'wknd:activity/surfing', title: 'Surfing', trail: 'WKND › Activity › Surfing', titles: {}, description: null, published: false }])),
  folderSchema: vi.fn(),
  schemaProblems: vi.fn(),
  missingMetadata: vi.fn(),
  exportSheet: vi.fn(),
}));

const FOLDER = '/content/dam/wknd-shared/en/adventures';
const FORM = '/conf/global/settings/dam/adminui-extension/metadataschema/metadesk-brand';

function field(property: string, label: string, overrides: Partial<SchemaField> = {}): SchemaField {
  return { property, label, tab: 'Basic', kind: 'text', multiple: false, options: [], required: false, readOnly: false, min: null, max: null, ...overrides };
}

const LANGUAGES = ['en', 'de', 'fr', 'ja'].map((value) => ({ value, text: value === 'en' ? 'English' : value }));

const SCHEMA: Schema = {
  form: FORM,
  mappedOn: '/content/dam/wknd-shared/en/adventures',
  fields: [
    field('dc:title', 'Title', { required: true }),
    field('dc:rights', 'Copyright', { required: true }),
    field('dc:format', 'Format', { readOnly: true }),
    field('dc:language', 'Language', { kind: 'dropdown', options: LANGUAGES }),
    field('cq:tags', 'Tags', { kind: 'tags', multiple: true }),
    field('xmp:Rating', 'Rating', { tab: 'Advanced', kind: 'number', min: '0', max: '5' }),
    field('prism:expirationDate', 'Expires', { tab: 'Advanced', kind: 'date' }),
    field('metadesk:approved', 'Approved', { tab: 'Advanced', kind: 'checkbox' }),
    field('metadesk:channels', 'Channels', { tab: 'Advanced', kind: 'dropdown', multiple: true, options: [{ value: 'web', text: 'Web' }, { value: 'print', text: 'Print' }] }),
  ],
  mimeForms: [{ mime: 'image/jpeg', fields: [field('photoshop:City', 'City', { tab: 'Location' }), field('dc:title', 'Title (JPEG)')] }],
};

const READ: FolderSchema = { folder: FOLDER, schema: SCHEMA, unavailable: null };
/** A folder's own assets, as the schema of a folder scope is asked for. */
/** The folder's own assets, as the page sends the scope whose schema it reads. */
const FOLDER_SCOPE = { connectionId: 'c1', scope: { kind: 'folder', folder: FOLDER, recursive: false }, name: null, formats: [] };

let store: BulkStore;

async function renderPage() {
  vi.mocked(listConnections).mockResolvedValue([connection()]);
  const model = new ConnectionsModel();
  await model.reload();
  const i18n = new I18n('en');
  store = new BulkStore(() => model.connections, i18n);
  render(BulkEditPage, { props: { store, connections: model, onGoToConnections: vi.fn() }, context: i18nContext(i18n) });
}

async function chooseFolder(user: ReturnType<typeof userEvent.setup>, path = FOLDER) {
  const input = await screen.findByTestId('folder-path-input');
  await user.clear(input);
  await user.type(input, `${path}{Enter}`);
}

function row(): HTMLElement {
  return screen.getAllByTestId('edit-row')[0]!;
}

/** The picker's options as shown, by group: "Basic: Title (dc:title)". */
function offered(): string[] {
  const select = within(row()).getByTestId('edit-property');
  return [...select.querySelectorAll('option')].map((o) => {
    const group = o.parentElement instanceof HTMLOptGroupElement ? `${o.parentElement.label}: ` : '';
    return `${group}${o.textContent?.trim()}`;
  });
}

beforeEach(() => {
  vi.mocked(listFolder).mockResolvedValue({ folder: '/content/dam', folders: [], assets: 0, total: 0, nextOffset: null });
  vi.mocked(completeFolderPath).mockResolvedValue([]);
  vi.mocked(countScope).mockResolvedValue(null);
  vi.mocked(listRuns).mockResolvedValue([]);
  vi.mocked(folderSchema).mockResolvedValue(READ);
});

afterEach(() => {
  store?.dispose();
  vi.clearAllMocks();
});

describe('the fields a change offers', () => {
  it('groups the fields by tab, leaves read-only ones out, and adds a sub-form’s new fields once', () => {
    const groups = pickerGroups(SCHEMA);
    expect(groups.map((g) => [g.tab, g.fields.map((f) => f.property)])).toEqual([
      ['Basic', ['dc:title', 'dc:rights', 'dc:language', 'cq:tags']],
      ['Advanced', ['xmp:Rating', 'prism:expirationDate', 'metadesk:approved', 'metadesk:channels']],
      ['Location', ['photoshop:City']],
    ]);
    expect(pickerGroups(null)).toEqual([]);
  });

  it('types a value as its field takes it', () => {
    const [title, , , language, tags, rating, expires, approved, channels] = SCHEMA.fields;
    expect(editorOf(title, false)).toBe('text');
    expect(editorOf(language, false)).toBe('choice');
    expect(editorOf(channels, true)).toBe('choices');
    expect(editorOf(tags, true)).toBe('tags');
    expect(editorOf(rating, false)).toBe('number');
    expect(editorOf(expires, false)).toBe('date');
    expect(editorOf(approved, false)).toBe('checkbox');
    expect(editorOf({ ...language!, options: [] }, false)).toBe('text');
    expect(editorOf(undefined, true)).toBe('lines');
    expect(toggleLine('web\nprint', 'web', false)).toBe('print');
    expect(toggleLine('print', 'web', true)).toBe('print\nweb');
  });
});

describe('a tag typed by its title', () => {
  const TAGS: Tag[] = [
    { ...tag('wknd:activity/surfing', 'Surfing', 'Surf'), trail: 'WKND › Activity › Surfing' },
    { ...tag('wknd:season/summer', 'Summer', 'Été'), trail: 'WKND › Season › Summer' },
    { ...tag('other:season/summer', 'Summer'), trail: 'Other › Season › Summer' },
  ];
  it('takes an id, a trail or a title in any language, and keeps what no single tag answers to', () => {
    expect(tagIdOf('wknd:activity/surfing', TAGS, 'en')).toBe('wknd:activity/surfing');
    expect(tagIdOf(' WKND › Activity › Surfing ', TAGS, 'en')).toBe('wknd:activity/surfing');
    expect(tagIdOf('activity › surfing', TAGS, 'en')).toBe('wknd:activity/surfing');
    expect(tagIdOf('surf', TAGS, 'fr')).toBe('wknd:activity/surfing');
    expect(tagIdOf('ete', TAGS, 'fr')).toBe('wknd:season/summer');
    // Two tags are called Summer: neither is taken for the other.
    expect(tagIdOf('Summer', TAGS, 'en')).toBe('Summer');
    expect(tagIdOf('Other › Season › Summer', TAGS, 'en')).toBe('other:season/summer');
    expect(tagIdOf('wknd:new/tag', TAGS, 'en')).toBe('wknd:new/tag');
  });
});

describe('a change row guided by the folder’s metadata schema', () => {
  it('lists the fields by label under their tabs, free names still possible', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseFolder(user);
    await waitFor(() => expect(offered()).toContain('Basic: Language (dc:language)'));
    expect(folderSchema).toHaveBeenCalledWith(FOLDER_SCOPE, false);
    expect(offered()).toEqual([
      'Basic: Title (dc:title)',
      'Basic: Copyright (dc:rights)',
      'Basic: Language (dc:language)',
      'Basic: Tags (cq:tags)',
      'Advanced: Rating (xmp:Rating)',
      'Advanced: Expires (prism:expirationDate)',
      'Advanced: Approved (metadesk:approved)',
      'Advanced: Channels (metadesk:channels)',
      'Location: City (photoshop:City)',
      'Other common properties: Description (dc:description)',
      'Other common properties: Keywords (dc:subject)',
      'Other common properties: Creator (dc:creator)',
      'Other common properties: Usage terms (xmpRights:UsageTerms)',
      'Another property…',
    ]);
    expect(offered().join()).not.toContain('dc:format');
    expect(screen.getByTestId('schema-in-use')).toHaveTextContent('metadesk-brand');

    // The chosen field's words, whole in the list's title should they not fit.
    const picker = screen.getAllByTestId('edit-property')[0]!;
    await user.selectOptions(picker, 'metadesk:approved');
    expect(picker).toHaveAttribute('title', 'Approved (metadesk:approved)');

    await user.click(screen.getByTestId('schema-refresh'));
    expect(folderSchema).toHaveBeenLastCalledWith(FOLDER_SCOPE, true);
  });

  it('offers a dropdown’s options, a number, a date, a checkbox, several choices and the tag picker', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseFolder(user);
    await waitFor(() => expect(offered()).toContain('Basic: Language (dc:language)'));
    const r = row();

    await user.selectOptions(within(r).getByTestId('edit-property'), 'dc:language');
    const language = within(r).getByTestId('edit-values');
    expect(language.tagName).toBe('SELECT');
    expect([...language.querySelectorAll('option:not([disabled])')].map((o) => o.textContent)).toEqual(['English (en)', 'de', 'fr', 'ja']);
    await user.selectOptions(language, 'fr');
    expect(store.setup.form.edits[0]!.text).toBe('fr');

    await user.selectOptions(within(r).getByTestId('edit-property'), 'xmp:Rating');
    const rating = within(r).getByTestId('edit-values');
    expect(rating).toHaveAttribute('type', 'number');
    // The range the form gives, on the box and in words.
    expect(rating).toHaveAttribute('min', '0');
    expect(rating).toHaveAttribute('max', '5');
    expect(r).toHaveTextContent('From 0 to 5.');
    await user.clear(rating);
    await user.type(rating, '4.5');
    // Kept as text, as every value of a row is (a number would break its checks).
    expect(store.setup.form.edits[0]!.text).toBe('4.5');
    await user.selectOptions(within(r).getByTestId('edit-property'), 'prism:expirationDate');
    expect(within(r).getByTestId('edit-values')).toHaveAttribute('type', 'date');

    await user.selectOptions(within(r).getByTestId('edit-property'), 'metadesk:approved');
    const approved = within(r).getByTestId('edit-values');
    expect(approved).toHaveAttribute('type', 'checkbox');
    expect(store.setup.form.edits[0]!.text).toBe('false');
    await user.click(approved);
    expect(store.setup.form.edits[0]!.text).toBe('true');

    await user.selectOptions(within(r).getByTestId('edit-property'), 'metadesk:channels');
    const channels = within(r).getByTestId('edit-choices');
    // The checkbox's value is not carried to the options, where it would not be one.
    expect(store.setup.form.edits[0]!.text).toBe('');
    expect(within(channels).queryByText(/not allowed here/)).toBeNull();
    await user.click(within(channels).getByLabelText('Print (print)'));
    await user.click(within(channels).getByLabelText('Web (web)'));
    expect(store.setup.form.edits[0]!.text).toBe('print\nweb');
    // Adding values is offered for a field of several values, not for Rating.
    expect([...within(r).getByTestId('edit-action').querySelectorAll('option')].map((o) => o.value)).toContain('append');

    await user.selectOptions(within(r).getByTestId('edit-property'), 'cq:tags');
    await user.clear(within(r).getByTestId('edit-values'));
    await user.type(within(r).getByTestId('edit-tag-input'), 'wknd:activity/surfing{Enter}');
    expect(within(r).getByTestId('edit-values')).toHaveValue('wknd:activity/surfing');

    await user.selectOptions(within(r).getByTestId('edit-property'), 'xmp:Rating');
    expect([...within(r).getByTestId('edit-action').querySelectorAll('option')].map((o) => o.value)).not.toContain('append');
  });

  it('keeps no value from an earlier property that the new one does not show', async () => {
    const user = userEvent.setup();
    await renderPage();
    await chooseFolder(user);
    await waitFor(() => expect(offered()).toContain('Basic: Language (dc:language)'));
    const r = row();
    const property = () => within(r).getByTestId('edit-property');
    await user.selectOptions(property(), 'dc:subject');
    await user.type(within(r).getByTestId('edit-values'), 'summer{Enter}hiking');
    // A number box cannot show two lines: they go, and nothing unseen holds the preview back.
    await user.selectOptions(property(), 'xmp:Rating');
    expect(within(r).getByTestId('edit-values')).toHaveValue(null);
    expect(store.setup.form.edits[0]!.text).toBe('');
    expect(r).not.toHaveTextContent('remove the extra lines');

    await user.selectOptions(property(), 'dc:title');
    await user.type(within(r).getByTestId('edit-values'), 'summer hiking');
    // An option list does not hold free text either.
    await user.selectOptions(property(), 'dc:language');
    expect(r).not.toHaveTextContent('not allowed here');
    expect(store.setup.form.edits[0]!.text).toBe('');
    // Text goes on to another text field, where it shows.
    await user.selectOptions(property(), 'dc:title');
    await user.type(within(r).getByTestId('edit-values'), 'Trail');
    await user.selectOptions(property(), 'dc:rights');
    expect(within(r).getByTestId('edit-values')).toHaveValue('Trail');
  });

  it('says beside the change what the schema refuses, and previews nothing', async () => {
    const user = userEvent.setup();
    const refusal = '“English” is not one of the values Language (dc:language) allows: “en”, “de”, “fr”, “ja”.';
    vi.mocked(schemaProblems).mockResolvedValue([[refusal]]);
    await renderPage();
    await chooseFolder(user);
    await waitFor(() => expect(offered()).toContain('Basic: Language (dc:language)'));
    const r = row();
    await user.selectOptions(within(r).getByTestId('edit-property'), '');
    await user.type(within(r).getByTestId('edit-property-custom'), 'dc:language');
    await user.type(within(r).getByTestId('edit-values'), 'English');
    await user.click(screen.getByTestId('preview-button'));

    await waitFor(() => expect(within(r).getByTestId('edit-values-problem')).toHaveTextContent(refusal));
    expect(schemaProblems).toHaveBeenCalledWith({ scope: FOLDER_SCOPE, edits: [{ property: 'dc:language', op: { kind: 'set', values: ['English'] } }] });
    expect(previewRun).not.toHaveBeenCalled();

    // Another value: the refusal is no longer true of the row.
    await user.clear(within(r).getByTestId('edit-values'));
    await user.type(within(r).getByTestId('edit-values'), 'en');
    expect(within(r).queryByTestId('edit-values-problem')).not.toBeInTheDocument();
  });

  it('picks tags from AEM’s tag tree for cq:tags even where no schema describes it', async () => {
    const user = userEvent.setup();
    vi.mocked(folderSchema).mockResolvedValue({ folder: FOLDER, schema: null, unavailable: null });
    await renderPage();
    await chooseFolder(user);
    await user.selectOptions(within(row()).getByTestId('edit-property'), 'cq:tags');
    await user.selectOptions(within(row()).getByTestId('edit-action'), 'remove');
    const input = await within(row()).findByTestId('edit-tag-input');
    await waitFor(() => expect(listTags).toHaveBeenCalledWith('c1'));
    // Offered by their titles; the one typed by its title is added by its id.
    await waitFor(() => expect(row().querySelector('datalist option[value="WKND › Activity › Surfing"]')).not.toBeNull());
    await user.type(input, 'surfing{Enter}');
    expect(within(row()).getByTestId('edit-values')).toHaveValue('wknd:activity/surfing');
    // Each tag chosen shows by its title, and goes with its ×; an id AEM lacks shows as typed.
    await user.type(input, 'wknd:season/gone{Enter}');
    const chips = () => within(row()).queryAllByTestId('edit-tag-chip');
    expect(chips().map((c) => [c.dataset.tag, c.textContent?.replace('×', '').trim()])).toEqual([
      ['wknd:activity/surfing', 'Surfing'],
      ['wknd:season/gone', 'wknd:season/gone'],
    ]);
    await user.click(within(chips()[0]!).getByRole('button', { name: /Remove .*Surfing/ }));
    expect(within(row()).getByTestId('edit-values')).toHaveValue('wknd:season/gone');
  });

  it('says once when the schema cannot be read, and the row works by property names', async () => {
    const user = userEvent.setup();
    const why = 'This connection may not read the metadata schema /conf/…/metadesk-brand (403).';
    vi.mocked(folderSchema).mockResolvedValue({ folder: FOLDER, schema: null, unavailable: why });
    await renderPage();
    await chooseFolder(user);
    await waitFor(() => expect(screen.getByTestId('schema-unavailable')).toHaveTextContent(why));
    expect(screen.getAllByTestId('schema-unavailable')).toHaveLength(1);
    await user.click(screen.getByTestId('add-edit'));
    expect(screen.getAllByTestId('schema-unavailable')).toHaveLength(1);
    expect(offered()).toEqual([
      'Title (dc:title)',
      'Description (dc:description)',
      'Copyright (dc:rights)',
      'Keywords (dc:subject)',
      'Creator (dc:creator)',
      'Usage terms (xmpRights:UsageTerms)',
      'Tags (cq:tags)',
      'Another property…',
    ]);
  });
});

describe('finding missing metadata', () => {
  const REPORT: MissingReport = {
    folder: FOLDER,
    assetsChecked: 12,
    fields: [
      {
        property: 'dc:rights',
        label: 'Copyright',
        tab: 'Basic',
        assets: [
          { path: `${FOLDER}/a.jpg`, name: 'a.jpg' },
          { path: `${FOLDER}/b.jpg`, name: 'b.jpg' },
        ],
      },
      { property: 'dc:title', label: 'Title', tab: 'Basic', assets: [{ path: `${FOLDER}/c.jpg`, name: 'c.jpg' }] },
    ],
    offSchema: [{ path: `${FOLDER}/d.jpg`, property: 'dc:language', label: 'Language', value: 'English', problem: '“English” is not allowed.' }],
    unavailable: [],
    unlistedFolders: [],
    unread: [],
  };

  it('lists who lacks what with thumbnails, and opens a bulk edit of just those assets', async () => {
    const user = userEvent.setup();
    let answer: (r: MissingReport) => void = () => {};
    vi.mocked(missingMetadata).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    vi.mocked(listEntries).mockImplementation(async (text: string) => text.split('\n'));
    await renderPage();
    await user.click(screen.getByTestId('mode-missing'));
    await chooseFolder(user);
    await user.click(screen.getByTestId('missing-run'));
    expect(screen.getByTestId('missing-run')).toBeDisabled();
    expect(screen.getByTestId('missing-run')).toHaveTextContent('Reading the assets…');
    answer(REPORT);

    await waitFor(() => expect(screen.getByTestId('missing-summary')).toHaveTextContent(`12 assets checked in ${FOLDER}.`));
    expect(missingMetadata).toHaveBeenCalledWith(FOLDER_SCOPE);
    expect(screen.getAllByTestId('missing-field').map((f) => f.textContent)).toEqual([
      '2 assets lack Copyright (required)',
      '1 asset lacks Title (required)',
    ]);
    const listed = screen.getAllByTestId('missing-asset');
    expect(listed.map((a) => a.dataset.path)).toEqual([`${FOLDER}/a.jpg`, `${FOLDER}/b.jpg`]);
    expect(within(listed[0]!).getByTestId('thumbnail')).toBeInTheDocument();
    // Each asset's state in the shared pill, amber (a value to fill, nothing failed), and the
    // shared legend under the table (issue 77). Seen failing before: names only, no legend.
    const state = within(listed[0]!).getByTestId('missing-state');
    expect(state).toHaveTextContent('To fill: Copyright');
    expect(state).toHaveAttribute('data-meaning', 'attention');
    expect(within(screen.getByTestId('missing-report')).getByTestId('outcome-legend')).toHaveTextContent('Needs your attention');
    expect(screen.getByTestId('missing-off-schema')).toHaveTextContent('1 value the metadata schema does not allow');

    await user.click(within(screen.getByTestId('missing-filter')).getByText(/Title/));
    expect(screen.getAllByTestId('missing-asset').map((a) => a.dataset.path)).toEqual([`${FOLDER}/c.jpg`]);
    await user.click(within(screen.getByTestId('missing-filter')).getByText(/Copyright/));

    await user.click(screen.getByTestId('missing-fill'));
    expect(store.setup.mode).toBe('same');
    expect(store.setup.choice.kind).toBe('list');
    expect(store.setup.choice.draft.listText).toBe(`${FOLDER}/a.jpg\n${FOLDER}/b.jpg`);
    expect(store.setup.form.edits).toHaveLength(1);
    await waitFor(() => expect(within(row()).getByTestId('edit-property')).toHaveValue('dc:rights'));
    // The list's schema is its assets' folder's (the core finds it from the entries), not the
    // DAM root's.
    const list = { kind: 'list', entries: [`${FOLDER}/a.jpg`, `${FOLDER}/b.jpg`] };
    await waitFor(() => expect(folderSchema).toHaveBeenLastCalledWith({ connectionId: 'c1', scope: list, name: null, formats: [] }, false));
  });

  it('opens a sheet of just those assets with that column, and exports the list', async () => {
    const user = userEvent.setup();
    vi.mocked(missingMetadata).mockResolvedValue(REPORT);
    vi.mocked(listEntries).mockImplementation(async (text: string) => text.split('\n'));
    vi.mocked(exportSheet).mockResolvedValue({ fileName: 'lacking.xlsx', export: sheetExport({ assets: 2 }) });
    await renderPage();
    await user.click(screen.getByTestId('mode-missing'));
    await chooseFolder(user);
    await user.click(screen.getByTestId('missing-run'));
    await user.click(await screen.findByTestId('missing-sheet'));

    expect(store.setup.mode).toBe('sheet');
    expect(store.setup.choice.kind).toBe('list');
    expect(store.sheets.draft.known).toEqual(['dc:rights']);
    expect(screen.getByTestId('sheet-prop-dc:rights')).toBeChecked();
    expect(screen.getByTestId('sheet-prop-dc:title')).not.toBeChecked();
    await user.click(screen.getByTestId('sheet-export-button'));
    await waitFor(() =>
      expect(exportSheet).toHaveBeenCalledWith({
        scope: expect.objectContaining({ connectionId: 'c1', scope: { kind: 'list', entries: [`${FOLDER}/a.jpg`, `${FOLDER}/b.jpg`] } }),
        properties: ['dc:rights'],
        format: 'xlsx',
      }),
    );
  });

  it('says when nothing is missing, and what stopped the report', async () => {
    const user = userEvent.setup();
    vi.mocked(missingMetadata).mockResolvedValueOnce({ ...REPORT, fields: [], offSchema: [] });
    await renderPage();
    await user.click(screen.getByTestId('mode-missing'));
    await user.click(screen.getByTestId('missing-run'));
    expect(screen.getByTestId('missing-problem')).toHaveTextContent(/folder/i);
    expect(missingMetadata).not.toHaveBeenCalled();

    await chooseFolder(user);
    await user.click(screen.getByTestId('missing-run'));
    await waitFor(() => expect(screen.getByTestId('missing-none')).toHaveTextContent('No required metadata is missing'));

    vi.mocked(missingMetadata).mockRejectedValueOnce({ code: 'not_found', message: 'The folder /content/dam/x does not exist.' });
    await user.click(screen.getByTestId('missing-run'));
    await waitFor(() => expect(screen.getByTestId('missing-error')).toHaveTextContent('does not exist'));
  });
});
