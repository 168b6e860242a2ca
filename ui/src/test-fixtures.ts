// Sample values of the Rust-side types, shared by the UI's tests.
import type { CheckedForm } from './ipc/bindings/CheckedForm';
import type { FormCheckRequest } from './ipc/bindings/FormCheckRequest';
import type { PlanRow } from './ipc/bindings/PlanRow';
import type { Progress } from './ipc/bindings/Progress';
import type { RunScope } from './ipc/bindings/RunScope';
import type { RunSummary } from './ipc/bindings/RunSummary';
import type { ScopeRequest } from './ipc/bindings/ScopeRequest';
import type { SheetExport } from './ipc/bindings/SheetExport';
import type { Tag } from './ipc/bindings/Tag';
import type { UndoLinks } from './ipc/bindings/UndoLinks';
import type { ConnectionView } from './ipc/types';

/** A saved connection as `list_connections` returns it; override what a test cares about. */
export function connection(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    id: 'c1',
    name: 'p12345 · e67890',
    kind: 'serviceCredentials',
    aemUrl: 'https://author-p12345-e67890.adobeaemcloud.com',
    host: 'author-p12345-e67890.adobeaemcloud.com',
    imsBase: 'https://ims-na1.adobelogin.com',
    imsHost: 'ims-na1.adobelogin.com',
    clientId: 'cm-p12345-e67890-integration',
    technicalAccountEmail: 'abc@techacct.adobe.com',
    actsAs: null,
    org: 'X@AdobeOrg',
    scopes: ['ent_aem_cloud_api'],
    certificateExpiresAt: '2026-02-14T00:00:00Z',
    tokenExpiresAt: null,
    production: false,
    sandbox: false,
    status: { state: 'expiresSoon', days: 12 },
    secretHints: [
      { kind: 'secret', field: 'clientSecret', hint: '••••1d47' },
      { kind: 'privateKey', bits: 2048 },
    ],
    importedAt: '2025-01-01T00:00:00Z',
    pairedWith: null,
    untrustedHost: null,
    // As the core says it (`CredentialKind::edits_fragments`): only OAuth Server-to-Server.
    editsFragments: overrides.kind === 'oauthServerToServer',
    // The person's own name unless a test gives Metadesk's (issue 77).
    autoName: null,
    ...overrides,
  };
}

/** A run as `list_runs` / `run_summary` return it; override what a test cares about. */
export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  const kind = overrides.kind ?? { kind: 'edit' };
  return {
    goesBackTo: sentBack(kind),
    undoes: undone(kind),
    opens: opensOn(kind, overrides.id ?? 'r1'),
    // An edit's words; a test of another run gives the core's (`RunSummary.done_words`).
    doneWords: 'count-changed',
    id: 'r1',
    created: '2026-03-02T09:15:00Z',
    connection: 'p12345 · e67890',
    connectionId: 'c1',
    aem: 'https://author-p12345-e67890.adobeaemcloud.com',
    family: 'classic',
    folder: '/content/dam/wknd-shared/en',
    recursive: false,
    scope: 'the assets of /content/dam/wknd-shared/en',
    listEntries: null,
    conditions: null,
    kind: { kind: 'edit' },
    edits: ['dc:rights: set "© 2026 WKND"'],
    editDetails: [{ property: 'dc:rights', op: { kind: 'set', values: ['© 2026 WKND'] } }],
    status: 'previewed',
    counts: { assets: 3, changed: 0, unchanged: 1, skipped: 1, failed: 0, pending: 1 },
    durationSecs: 4,
    reason: null,
    writeNotice: null,
    unindexed: 0,
    searchedAt: null,
    indexNotice: null,
    previewedAt: '2026-03-02T09:15:04Z',
    appliedAt: null,
    previewFreshUntil: null,
    emptiedRequired: [],
    ...overrides,
    resumable: overrides.resumable ?? resumedAsTheCoreSays(overrides),
    undoLinks: overrides.undoLinks ?? alone(overrides.counts?.changed ?? 0, undone(kind)),
  };
}

/** A run's links to its undos as the core sends them (`UndoLinks`); nothing but `overrides`. */
export function undoLinks(overrides: Partial<UndoLinks> = {}): UndoLinks {
  return { undoneBy: null, redo: false, undoAction: null, whollyUndone: false, lastUndo: null, ...overrides };
}

/** How a run stands to its undos when the history holds no other run of them, as the core's
 *  `run_undone::link` sends it: an undo would redo, any other run be undone, if it changed
 *  something. A test of runs linked to each other gives the links the core would. */
function alone(changed: number, undoes: string | null): UndoLinks {
  return {
    undoneBy: null,
    redo: false,
    undoAction: changed > 0 ? (undoes === null ? 'undo' : 'redo') : null,
    whollyUndone: false,
    lastUndo: null,
  };
}

/** Whether a resume has something to do, as the core's `RunSummary::resumable` sends it: an
 *  apply interrupted, or one stopped or cancelled with rows left (an operation's refused rows
 *  too). A test of the window's own choice gives `resumable` itself. */
function resumedAsTheCoreSays(run: Partial<RunSummary>): boolean {
  const status = run.status ?? 'previewed';
  const counts = run.counts ?? { pending: 1, failed: 0 };
  if (status === 'interrupted') return true;
  if (status !== 'stopped' && status !== 'cancelled') return false;
  return counts.pending > 0 || (run.op !== undefined && counts.failed > 0);
}

/** The run `kind` goes back to, as the core's `RunKind::goes_back_to` sends it with a summary. */
function sentBack(kind: RunSummary['kind']): string | null {
  switch (kind.kind) {
    case 'undo':
    case 'retry':
      return kind.of;
    case 'publish':
      return kind.from?.of ?? null;
    case 'move':
      return kind.undo_of ?? null;
    default:
      return null;
  }
}

/** The run `kind` undoes, as the core's `RunKind::undo_of` sends it with a summary. */
function undone(kind: RunSummary['kind']): string | null {
  if (kind.kind === 'undo') return kind.of;
  if (kind.kind === 'move') return kind.undo_of ?? null;
  return null;
}

/** Where run `id` of `kind` is shown, as the core's `RunKind::page` sends it with a summary
 *  (an undo of an upload or a tag import says its page in `overrides`: its operation's). */
function opensOn(kind: RunSummary['kind'], id: string): RunSummary['opens'] {
  switch (kind.kind) {
    case 'tag_import':
    case 'tag_rename':
      return { page: 'tags', run: id };
    case 'upload':
      return { page: 'upload', run: id };
    case 'move':
      return { page: 'move' };
    default:
      return { page: 'report' };
  }
}

/** A move of one asset that completed (its one row moved, its view in `op`), as the core sums
 *  it up; override what a test cares about. */
export function movedOne(overrides: Partial<RunSummary> = {}): RunSummary {
  const view = {
    counts: { planned: 1, done: 1, leftAlone: 0, failed: 0, refused: 0, pending: 0, inDoubt: 0 },
    foldersMade: 0,
    republish: false,
    pages: 0,
    pagesLeft: 0,
    rows: [{ from: '/content/dam/a/x.jpg', to: '/content/dam/b/x.jpg', folder: false, published: false, pages: [], state: 'moved' as const, reason: null }],
  };
  return runSummary({
    id: 'm1',
    status: 'completed',
    kind: { kind: 'move', items: 1, to: '/content/dam/b' },
    op: { op: 'move', ...view },
    doneWords: 'count-moved',
    counts: { assets: 1, changed: 1, unchanged: 0, skipped: 0, failed: 0, pending: 0 },
    ...overrides,
  });
}

/** What a sheet export wrote; override what a test cares about. */
export function sheetExport(overrides: Partial<SheetExport> = {}): SheetExport {
  return { assets: 0, unlistedFolders: [], unread: [], unindexed: 0, searchedAt: null, indexNotice: null, ...overrides };
}

/** One preview row; override what a test cares about. */
export function planRow(overrides: Partial<PlanRow> = {}): PlanRow {
  return {
    i: 0,
    path: '/content/dam/wknd-shared/en/alpine-lake.jpg',
    action: 'change',
    changes: [{ property: 'dc:rights', before: 'Royalty-free', after: '© 2026 WKND' }],
    ...overrides,
  };
}

/** A progress event; override what a test cares about. */
export function progress(overrides: Partial<Progress> = {}): Progress {
  return {
    runId: 'r1',
    phase: 'apply',
    done: 0,
    total: 0,
    totalKnown: true,
    changed: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    rate: 0,
    etaSecs: null,
    concurrency: 4,
    paused: false,
    throttled: 0,
    finished: false,
    ...overrides,
  };
}

/** A stand-in for the core's `check_folder` in the tests that mock the commands: the folders
 *  the tests type under `/content/dam` are taken as they are (a trailing slash dropped), the
 *  seed script's `/wknd-shared/…` form gains `/content/dam`, anything else is refused in the
 *  core's English words. The rule itself is the core's (`assets::folders::normalize_folder`). */
export async function checkedFolder(folder: string): Promise<string> {
  const typed = folder.trim().replace(/(.)\/+$/, '$1');
  if (typed === '/content/dam' || typed.startsWith('/content/dam/')) return typed;
  if (typed.startsWith('/wknd-shared/')) return `/content/dam${typed}`;
  throw { code: 'invalid_input', message: `"${folder}" is not a DAM folder: it must start with /content/dam/.` };
}

/** A stand-in for the core's `check_form` in the tests that mock the commands: no problem in
 *  any field. A test that shows one answers it itself, with the core's words
 *  (`vi.mocked(checkForm).mockResolvedValue…`); the rules are the core's alone. */
export async function noFormProblems(request: FormCheckRequest): Promise<CheckedForm> {
  return {
    properties: request.properties.map(() => null),
    edits: request.edits.map(() => null),
    repeated: request.edits.map(() => null),
    name: null,
    conditions: request.conditions.map(() => null),
    list: null,
    sheetProperties: request.sheetProperties.map(() => null),
  };
}

/** A stand-in for the core's `run_scope` in the tests that mock the commands: the run's folder
 *  and filters the core makes of a scope (`Scope::into_run_scope_with`). */
export async function runScopeOf(request: ScopeRequest): Promise<RunScope> {
  const { scope, name, formats } = request;
  switch (scope.kind) {
    case 'folder':
      return { folder: scope.folder, filters: { recursive: scope.recursive, name, formats } };
    case 'search':
      return {
        folder: scope.under,
        filters: { recursive: scope.recursive, name, formats, selection: { kind: 'search', conditions: scope.conditions, combine: scope.combine } },
      };
    case 'list':
      return { folder: '/content/dam', filters: { recursive: false, name, formats, selection: { kind: 'list', entries: scope.entries } } };
  }
}

/** A tag of the taxonomy with its title, its French title when given, and a description. */
export function tag(id: string, title: string, fr?: string, description: string | null = null): Tag {
  return { id, title, trail: title, titles: fr ? { fr } : {}, description, published: false };
}
