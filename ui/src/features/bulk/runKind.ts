// The one file of the window that tells kinds of run apart (issue 75; tests/structure's
// run_kinds checks it): every other file asks a question here ("is it a publication?", "which
// run does it take back?") instead of reading a run's `kind.kind`, so a new kind of run is
// taught to the window here, once. What a kind says in words: `kindLine`, `runName`,
// `runTitle`.
// Plain functions, tested in format.test.ts and runKind.test.ts.
//
// Not here: a run's status (`runStatus.ts`), how runs link to their undos (`undoLinks.ts`).
import type { Agent } from '../../ipc/bindings/Agent';
import type { Replication } from '../../ipc/bindings/Replication';
import type { RunKind } from '../../ipc/bindings/RunKind';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { UploadUndoRow } from '../../ipc/bindings/UploadUndoRow';
import type { UploadView } from '../../ipc/bindings/UploadView';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import { runIdTime } from './format';

/** A run's kind, as its summary carries it. */
type Of = Pick<RunSummary, 'kind'>;

/** What a publication run does to each asset it changes: takes it off the website, publishes
 *  it back (the undo of an unpublish), republishes what an edit changed, or publishes it. */
export type Publication = 'publish' | 'unpublish' | 'publish-back' | 'republish';

/** Whether the run publishes or unpublishes, rather than edits values: its rows say where each
 *  asset stands on the website. */
export function isPublication(run: Of): boolean {
  return run.kind.kind === 'publish';
}

/** What a publication run does to its assets; null for a run that edits values. */
export function publicationOf(run: Of): Publication | null {
  const kind = run.kind;
  if (kind.kind !== 'publish') return null;
  if (kind.replication === 'unpublish') return 'unpublish';
  if (kind.from?.kind === 'undo') return 'publish-back';
  if (kind.from?.kind === 'republish') return 'republish';
  return 'publish';
}

/** A publication run's replication and tier; null for a run that edits values. */
export function replicationOf(run: Of): { replication: Replication; tier: Agent } | null {
  const kind = run.kind;
  return kind.kind === 'publish' ? { replication: kind.replication, tier: kind.agent } : null;
}

/** The run an undo undoes, as its summary says (the core's `RunKind::undo_of`): a plain
 *  undo's (of values, tags or files) or a move's undo's (a move back); null for any other run. */
export function undoOf(run: Pick<RunSummary, 'undoes'>): string | null {
  return run.undoes;
}

/** Whether the run is a plain undo: it puts values back (or deletes what an upload made). A
 *  move's undo is a move of its own, worded as one. */
export function isUndo(run: Of): boolean {
  return run.kind.kind === 'undo';
}

/** Whether the run retries what another one failed to do. */
export function isRetry(run: Of): boolean {
  return run.kind.kind === 'retry';
}

/** The run this one takes back once applied: a plain undo's, or a publication's undo's (the
 *  core's `RunKind::takes_back`); the run whose report rows it marks undone. */
export function takesBack(run: Of): string | null {
  const kind = run.kind;
  if (kind.kind === 'undo') return kind.of;
  if (kind.kind === 'publish' && kind.from?.kind === 'undo') return kind.from.of;
  return null;
}

/** Whether the run undoes another (values, files or a publication): its preview is worded as
 *  an undo. */
export function isUndoRun(run: Of): boolean {
  return takesBack(run) !== null;
}

/** Whether the run uploaded files. */
export function isUpload(run: Of): boolean {
  return run.kind.kind === 'upload';
}

/** Whether the run changed the taxonomy (a sheet imported, a tag renamed): shown, resumed and
 *  undone on the Tags page. */
export function isTaxonomyRun(run: Of): boolean {
  return run.kind.kind === 'tag_import' || run.kind.kind === 'tag_rename';
}

/** Whether the run's name already says what and where (an upload, a taxonomy sheet, a tag's
 *  rename): its title adds no count of assets. */
export function namesItself(run: Of): boolean {
  return isUpload(run) || isTaxonomyRun(run);
}

/** What an upload's run was to send and what it sent, when the run is one (its operation's
 *  view); null for any other run. */
export function uploadView(run: Pick<RunSummary, 'op'>): UploadView | null {
  return run.op?.op === 'upload' ? run.op : null;
}

/** The files of an upload's undo and where each stands, when the run is one (its operation's
 *  rows); none for any other run. */
export function uploadUndoRows(run: Pick<RunSummary, 'op'>): UploadUndoRow[] {
  return run.op?.op === 'upload_undo' ? run.op.rows : [];
}

/** What a kind of run is called in the catalogue's `what` choices (`edit`, `sheet`, `upload`…). */
function what(run: Of | null): string {
  return run?.kind.kind ?? 'run';
}

/** The sheet a sheet run or a tag import read; '' for any other run. */
function sheetFile(run: Of | null): string {
  return run?.kind.kind === 'sheet' || run?.kind.kind === 'tag_import' ? run.kind.file : '';
}

/** The tag a rename renamed; '' for any other run. */
function renamedTag(run: Of | null): string {
  return run?.kind.kind === 'tag_rename' ? run.kind.tag : '';
}

/** The facts of a run that say what it did, for its name. */
export type Named = Pick<RunSummary, 'kind' | 'folder'> & Partial<Pick<RunSummary, 'tagStep' | 'undoesTagStep' | 'fragments'>>;
/** The facts of the run an undo, a retry or a republish goes back to. */
export type Origin = Pick<RunSummary, 'kind' | 'created' | 'folder'> & Partial<Pick<RunSummary, 'tagStep' | 'fragments'>>;

/** What kind of run it is, in words: what an undo, a retry or a republish goes back to (what
 *  that run did and when it was made), never a run id; null for a plain edit. Its folder is the
 *  run's own (shown next to this line), so it is only named when it differs. `origin` is the run
 *  it goes back to, when the history has it; without it, an undo of a publication still says
 *  which (its own replication is the opposite one) and an undo of a tag run which tag (the
 *  core's `undoesTagStep`). */
export function kindLine(i18n: I18n, run: Named, origin: Origin | null = null): string | null {
  const kind: RunKind = run.kind;
  switch (kind.kind) {
    case 'edit':
      return null;
    case 'sheet':
      return i18n.t('bulk-kind-sheet', { file: kind.file });
    case 'tag_import':
      return i18n.t('bulk-kind-tag-import', { file: kind.file });
    case 'tag_rename':
      return i18n.t('bulk-kind-tag-rename', { tag: kind.tag, from: kind.from, to: kind.to });
    case 'upload':
      return i18n.t('bulk-kind-upload', { files: kind.files, folder: kind.folder });
    case 'move': {
      const { items, to, undo_of: undoOfMove } = kind;
      if (undoOfMove === undefined) return i18n.t('bulk-kind-move', { items, to: to ?? '' });
      const undone = origin?.created ?? runIdTime(undoOfMove);
      return i18n.t('bulk-kind-move-undo', { items, made: undone ? i18n.dateTime(undone) : 'none' });
    }
    case 'publish': {
      const made = madeWords(i18n, origin, kind.from?.of);
      const { replication, agent, from } = kind;
      if (from?.kind === 'undo') {
        const undone = origin ? publicationOf(origin) : null;
        // An undo publishes what its run unpublished, and the other way round.
        const was = undone === 'republish' ? 'republish' : undone === 'unpublish' ? 'unpublish' : undone ? 'publish' : null;
        return i18n.t('bulk-kind-publish-undo', { what: was ?? (replication === 'publish' ? 'unpublish' : 'publish'), made });
      }
      if (from?.kind === 'republish') return i18n.t('bulk-kind-republish', { what: what(origin), file: sheetFile(origin), made });
      return i18n.t('bulk-kind-publish', { what: replication, tier: agent });
    }
    case 'undo':
    case 'retry': {
      const step = origin ? origin.tagStep : run.undoesTagStep;
      const editOf = origin?.kind.kind === 'edit' && origin.fragments ? 'fragments' : what(origin);
      const args = {
        what: step && kind.kind === 'undo' ? step.command : editOf,
        file: sheetFile(origin),
        tag: step?.tag ?? renamedTag(origin),
        target: step?.target ?? '',
        made: madeWords(i18n, origin, kind.of),
        folder: origin && origin.folder !== run.folder ? origin.folder : 'none',
      };
      return i18n.t(kind.kind === 'undo' ? 'bulk-kind-undo' : 'bulk-kind-retry', args);
    }
  }
}

/** A run's name, as Activity heads its card: what it did (`kindLine`), else what kind of edit
 *  it was — a tag change by its tag, content fragments, or a bulk edit. */
export function runName(i18n: I18n, run: Named, origin: Origin | null = null): string {
  const kind = kindLine(i18n, run, origin);
  if (kind) return kind;
  const step = run.tagStep;
  if (step) return i18n.t('run-name-tag', { command: step.command, tag: step.tag, target: step.target ?? '' });
  return i18n.t(run.fragments ? 'run-name-fragments' : 'run-name-edit');
}

/** An Activity card's title: what the run did, on how many assets, where ("Bulk edit: 12 assets
 *  in /content/dam/wknd"); an upload's or a tag sheet's name already says what and where. The
 *  connection is the card's facts', said once. */
export function runTitle(i18n: I18n, run: Named & Pick<RunSummary, 'counts'>, origin: Origin | null = null): string {
  const name = runName(i18n, run, origin);
  if (namesItself(run)) return name;
  return i18n.t('run-title', { name, count: run.counts.assets, what: run.fragments ? 'fragments' : 'assets', folder: run.folder });
}

/** When the run `of` (the one `origin` holds, when the history has it) was made, in words. */
function madeWords(i18n: I18n, origin: Origin | null, of: string | undefined): string {
  const created = origin?.created ?? (of === undefined ? null : runIdTime(of));
  return created ? i18n.dateTime(created) : 'none';
}
