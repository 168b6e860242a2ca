// The edit rows' newest rules, rendered in the Bulk edit page with the IPC seam mocked: from the
// file name, copy, case, trim, moving and setting dates, and "only where not empty". Filled in,
// each is the rule Preview sends; the core's problem with a rule (`check_form`, answered here in
// fixed words) shows by its field once Preview is pressed, and nothing is sent.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import { checkForm, countScope, listConnections, listFolder, previewRun } from '../../ipc/commands';
import type { EditOp } from '../../ipc/bindings/EditOp';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection, noFormProblems } from '../../test-fixtures';
import { ConnectionsModel } from '../connections/connections.svelte';
import { BulkStore } from './bulk.svelte';
import BulkEditPage from './BulkEditPage.svelte';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))),
  ruleSample: vi.fn(() => new Promise(() => {})),
  listConnections: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  listFolder: vi.fn(),
  listFolderAssets: vi.fn((_c: string, folder: string) => Promise.resolve({ folder, assets: [], more: 0, complete: true })),
  completeFolderPath: vi.fn(() => Promise.resolve([])),
  countScope: vi.fn(),
  previewRun: vi.fn(),
  listRuns: vi.fn(() => Promise.resolve([])),
  reportRows: vi.fn(() => Promise.resolve({ rows: [], total: 0 })),
  previewRows: vi.fn(() => Promise.resolve({ rows: [], total: 0 })),
  localizedCsvHeaders: vi.fn(() => Promise.resolve(false)),
  savedScopes: vi.fn(() => Promise.resolve([])),
}));

const FOLDER = '/content/dam/wknd-shared/en';
type User = ReturnType<typeof userEvent.setup>;

let store: BulkStore;

beforeEach(async () => {
  // Back to the stand-in's answer (no problem) after a test that answered its own.
  vi.mocked(checkForm).mockImplementation(noFormProblems);
  vi.mocked(listConnections).mockResolvedValue([connection()]);
  vi.mocked(listFolder).mockImplementation(async (_c, folder) => ({ folder, folders: [], assets: 0, total: 0, nextOffset: null }));
  vi.mocked(countScope).mockResolvedValue({
    kind: 'folder',
    assets: 4,
    contentFragments: 0,
    filteredOut: 0,
    folders: 0,
    unlistedFolders: 0,
    subfolders: [],
    moreSubfolders: 0,
    done: true,
  });
  // The preview is never answered: what it was asked is what these tests check.
  vi.mocked(previewRun).mockImplementation(() => new Promise(() => {}));
  const i18n = new I18n('en');
  const model = new ConnectionsModel();
  await model.reload();
  store = new BulkStore(() => model.connections, i18n);
  render(BulkEditPage, { props: { store, connections: model, onGoToConnections: vi.fn() }, context: i18nContext(i18n) });
});

afterEach(() => {
  store?.dispose();
  vi.clearAllMocks();
});

/** The folder typed, then the first row's property and action picked; the row. */
async function rowFor(user: User, property: string, action: string): Promise<HTMLElement> {
  const input = await screen.findByTestId('folder-path-input');
  await user.type(input, `${FOLDER}{Enter}`);
  const row = screen.getAllByTestId('edit-row')[0]!;
  const known = within(row).getByTestId<HTMLSelectElement>('edit-property');
  if ([...known.options].some((o) => o.value === property)) {
    await user.selectOptions(known, property);
  } else {
    await user.selectOptions(known, '');
    await user.type(within(row).getByTestId('edit-property-custom'), property);
  }
  await user.selectOptions(within(row).getByTestId('edit-action'), action);
  return row;
}

/** Types text as it is: `{` and `[` are not key names here. */
async function typeIn(user: User, field: HTMLElement, text: string): Promise<void> {
  await user.clear(field);
  await user.click(field);
  await user.paste(text);
}

/** Presses Preview and returns the edits it sent. */
async function previewed(user: User): Promise<{ property: string; op: EditOp }[]> {
  await user.click(screen.getByTestId('preview-button'));
  await waitFor(() => expect(previewRun).toHaveBeenCalledTimes(1));
  const request = vi.mocked(previewRun).mock.calls[0]![0];
  expect(request.scope.scope).toMatchObject({ kind: 'folder', folder: FOLDER });
  return request.edits;
}

/** The core answers `words` about the first row's rule (fixed words: the rule is the core's). */
function coreRefuses(words: string): void {
  vi.mocked(checkForm).mockImplementation(async (request) => ({
    ...(await noFormProblems(request)),
    edits: request.edits.map((_, i) => (i === 0 ? words : null)),
  }));
}

/** Presses Preview: nothing is sent, and the row says `words`. */
async function refused(user: User, row: HTMLElement, words: string): Promise<void> {
  await user.click(screen.getByTestId('preview-button'));
  expect(await within(row).findByText(words)).toHaveClass('error-text');
  expect(screen.getByText('Fix the fields marked above first.')).toBeInTheDocument();
  expect(previewRun).not.toHaveBeenCalled();
}

describe('from the file name', () => {
  it('sends the pattern, the template and "whole path"', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:description', 'from_name');
    await typeIn(user, within(row).getByTestId('rule-pattern'), '^(?<sku>\\d+)_');
    await typeIn(user, within(row).getByTestId('rule-template'), '{sku} — {name}');
    await user.click(within(row).getByTestId('rule-whole-path'));
    expect(await previewed(user)).toEqual([
      { property: 'dc:description', op: { kind: 'from_name', pattern: '^(?<sku>\\d+)_', template: '{sku} — {name}', wholePath: true } },
    ]);
  });

  it('shows the core’s problem with the rule beside its row and previews nothing until the core takes it', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:description', 'from_name');
    await typeIn(user, within(row).getByTestId('rule-pattern'), '^(\\d+');
    await typeIn(user, within(row).getByTestId('rule-template'), '{sku}');
    const problem = 'The pattern of dc:description, "^(\\d+", is not a valid regular expression.';
    coreRefuses(problem);
    await refused(user, row, problem);
    expect(checkForm).toHaveBeenCalledWith(
      expect.objectContaining({ edits: [{ property: 'dc:description', op: { kind: 'from_name', pattern: '^(\\d+', template: '{sku}', wholePath: false } }] }),
    );
    expect(within(row).getByTestId('rule-pattern')).toHaveAttribute('aria-invalid', 'true');
    // Taken by the core once fixed: the problem goes, and Preview sends the rule.
    vi.mocked(checkForm).mockImplementation(noFormProblems);
    await typeIn(user, within(row).getByTestId('rule-pattern'), '^(?<sku>\\d+)_');
    await waitFor(() => expect(within(row).queryByText(problem)).not.toBeInTheDocument());
    expect((await previewed(user))[0]?.op).toMatchObject({ kind: 'from_name', pattern: '^(?<sku>\\d+)_' });
  });
});

describe('copy', () => {
  it('sends the property copied from, trimmed', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:description', 'copy');
    await typeIn(user, within(row).getByTestId('rule-from'), ' dc:title ');
    expect(await previewed(user)).toEqual([{ property: 'dc:description', op: { kind: 'copy', from: 'dc:title' } }]);
  });

  it('says the core’s problem with a copy', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:description', 'copy');
    await typeIn(user, within(row).getByTestId('rule-from'), 'dc:description');
    coreRefuses('dc:description cannot be copied into itself; choose another property to copy.');
    await refused(user, row, 'dc:description cannot be copied into itself; choose another property to copy.');
  });
});

describe('case and trim', () => {
  it('sends the case picked', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:title', 'case');
    await user.selectOptions(within(row).getByTestId('rule-case'), 'upper');
    expect(await previewed(user)).toEqual([{ property: 'dc:title', op: { kind: 'case', to: 'upper' } }]);
  });

  it('sends trimming with or without collapsing the spaces inside', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:title', 'trim');
    const collapse = within(row).getByTestId('rule-collapse');
    expect(collapse).toBeChecked();
    await user.click(collapse);
    expect(await previewed(user)).toEqual([{ property: 'dc:title', op: { kind: 'trim', collapse: false } }]);
  });
});

describe('dates', () => {
  it('sends a shift by a duration', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'prism:expirationDate', 'shift_date');
    await typeIn(user, within(row).getByTestId('rule-by'), ' -1w ');
    expect(await previewed(user)).toEqual([{ property: 'prism:expirationDate', op: { kind: 'shift_date', by: '-1w' } }]);
  });

  it('says a duration that does not read', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'prism:expirationDate', 'shift_date');
    await typeIn(user, within(row).getByTestId('rule-by'), 'a week');
    coreRefuses('The date shift of prism:expirationDate, "a week", is not a duration.');
    await refused(user, row, 'The date shift of prism:expirationDate, "a week", is not a duration.');
    expect(within(row).getByTestId('rule-by')).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends a new date, and says one that does not read', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'prism:expirationDate', 'set_date');
    await typeIn(user, within(row).getByTestId('rule-date'), '31/01/2025');
    coreRefuses('The date for prism:expirationDate, "31/01/2025", is not a date.');
    await refused(user, row, 'The date for prism:expirationDate, "31/01/2025", is not a date.');
    vi.mocked(checkForm).mockImplementation(noFormProblems);
    await typeIn(user, within(row).getByTestId('rule-date'), '2025-01-31T09:00');
    expect(await previewed(user)).toEqual([{ property: 'prism:expirationDate', op: { kind: 'set_date', to: '2025-01-31T09:00' } }]);
  });
});

describe('only where not empty', () => {
  it('wraps the rule of the row', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:title', 'case');
    await user.selectOptions(within(row).getByTestId('rule-case'), 'lower');
    await user.selectOptions(within(row).getByTestId('rule-where'), 'not_empty');
    expect(await previewed(user)).toEqual([
      { property: 'dc:title', op: { kind: 'where', propertyIs: 'not_empty', op: { kind: 'case', to: 'lower' } } },
    ]);
  });

  it('still says the wrapped rule’s problem', async () => {
    const user = userEvent.setup();
    const row = await rowFor(user, 'dc:description', 'copy');
    await user.selectOptions(within(row).getByTestId('rule-where'), 'not_empty');
    await refused(user, row, 'Type the property to copy from.');
  });
});
