// A run's status, and a report row's, in the window's words: the one map from status to message
// id (the report, the preview's title, Activity's pills and the chart all read it), how alarming
// a status is (its colour), and the sentence on where a run stands. Plain functions, tested in
// format.test.ts.
import type { ReportRow } from '../../ipc/bindings/ReportRow';
import type { ReportStatus } from '../../ipc/bindings/ReportStatus';
import type { RowUndone } from '../../ipc/bindings/RowUndone';
import type { RunStatus } from '../../ipc/bindings/RunStatus';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import type { Outcome } from '../../lib/outcomes';
import { isUndo, isUpload, replicationOf } from './runKind';

/** A run's status as message ids (the words are in the catalogue). */
export const STATUS_WORDS: Record<RunStatus, string> = {
  preview_incomplete: 'run-status-preview-incomplete',
  previewed: 'run-status-previewed',
  interrupted: 'run-status-interrupted',
  cancelled: 'run-status-cancelled',
  stopped: 'run-status-stopped',
  completed: 'run-status-completed',
};

/** The status in words, saying so when a completed run has failures; `running` when this
 *  window is applying it right now. */
export function statusWords(i18n: I18n, run: Pick<RunSummary, 'status' | 'counts'>, running = false): string {
  if (running) return i18n.t('run-status-running');
  if (run.status === 'completed' && run.counts.failed > 0) return i18n.t('run-status-completed-with-failures');
  return i18n.t(STATUS_WORDS[run.status]);
}

/** How alarming a run's status is: green only when everything went through. */
export type StatusTone = 'success' | 'warning' | 'danger' | 'info' | 'neutral';

export function statusTone(run: Pick<RunSummary, 'status' | 'counts'>, running = false): StatusTone {
  if (running) return 'info';
  switch (run.status) {
    case 'completed':
      return run.counts.failed > 0 ? 'warning' : 'success';
    case 'stopped':
    case 'interrupted':
      return 'danger';
    case 'cancelled':
    case 'preview_incomplete':
      return 'warning';
    case 'previewed':
      return 'info';
  }
}

/** One sentence on where a run stands and what can be done about it. */
export function statusSentence(i18n: I18n, run: RunSummary): string {
  switch (run.status) {
    case 'preview_incomplete':
      return i18n.t('bulk-sentence-preview-incomplete');
    case 'previewed':
      return i18n.t('bulk-sentence-previewed');
    case 'interrupted':
      return i18n.t('bulk-sentence-interrupted');
    case 'cancelled':
      return run.counts.pending > 0
        ? i18n.t('bulk-sentence-cancelled-pending', { count: run.counts.pending })
        : i18n.t('bulk-sentence-cancelled');
    case 'stopped':
      return i18n.t('bulk-sentence-stopped');
    case 'completed':
      if (isUndo(run)) return i18n.t(run.counts.failed > 0 ? 'bulk-sentence-undone-failures' : 'bulk-sentence-undone');
      return i18n.t(run.counts.failed > 0 ? 'bulk-sentence-completed-failures' : 'bulk-sentence-completed');
  }
}

/** Report rows' statuses as message ids, for a count of them (filters, the chart's legend). */
export const REPORT_STATUS_WORDS: Record<ReportStatus, string> = {
  changed: 'bulk-outcome-changed',
  unchanged: 'bulk-outcome-unchanged',
  skipped: 'bulk-outcome-skipped',
  failed: 'bulk-outcome-failed',
  pending: 'bulk-outcome-pending',
};

/** One report row's status as message ids (one asset: French agrees in the singular). */
export const ROW_STATUS_WORDS: Record<ReportStatus, string> = {
  changed: 'bulk-row-status-changed',
  unchanged: 'bulk-row-status-unchanged',
  skipped: 'bulk-row-status-skipped',
  failed: 'bulk-row-status-failed',
  pending: 'bulk-row-status-pending',
};

/** What one report row says happened to its asset last, in words and a colour of one meaning
 *  (lib/outcomes.ts): once the run was undone, what its undo did (`row.undone`, the core's),
 *  else what the run did. A publish run's row says what it did on the website; an asset left
 *  alone (already as wanted, kept because someone changed it since, not in the run's reach) is
 *  grey, never the amber of what needs a look. */
export function rowOutcome(run: Pick<RunSummary, 'kind'>, row: Pick<ReportRow, 'status' | 'changedSince' | 'undone'>): Outcome {
  if (row.undone) return undoneOutcome(run, row.undone);
  switch (row.status) {
    case 'changed':
      return { word: changedWord(run), meaning: 'done' };
    case 'unchanged':
      return { word: 'bulk-row-status-unchanged', meaning: 'left-alone' };
    case 'skipped':
      return { word: row.changedSince.length > 0 ? 'row-kept-changed-since' : 'bulk-row-status-left-alone', meaning: 'left-alone' };
    case 'failed':
      return { word: 'bulk-row-status-failed', meaning: 'failed' };
    case 'pending':
      return { word: 'bulk-row-status-pending', meaning: 'attention' };
  }
}

/** What a run's row that was written is called: published, unpublished, put back, changed. */
function changedWord(run: Pick<RunSummary, 'kind'>): string {
  const publication = replicationOf(run);
  if (publication) return publication.replication === 'publish' ? 'bulk-row-status-published' : 'bulk-row-status-unpublished';
  if (isUndo(run)) return 'bulk-row-status-put-back';
  return 'bulk-row-status-changed';
}

/** What the undo of `run` did to one of its rows: given back (a publication taken back), already
 *  as before, kept because someone changed it since, refused, not done yet. */
export function undoneOutcome(run: Pick<RunSummary, 'kind'>, undone: Pick<RowUndone, 'status'>): Outcome {
  switch (undone.status) {
    case 'changed': {
      const publication = replicationOf(run);
      if (publication) return { word: publication.replication === 'publish' ? 'row-undone-unpublished' : 'row-undone-published', meaning: 'done' };
      if (isUpload(run)) return { word: 'row-undone-deleted', meaning: 'done' };
      return { word: 'row-undone-given-back', meaning: 'done' };
    }
    case 'unchanged':
      return { word: isUpload(run) ? 'row-undone-gone' : 'row-undone-already', meaning: 'left-alone' };
    case 'skipped':
      return { word: 'row-undone-kept', meaning: 'left-alone' };
    case 'failed':
      return { word: 'row-undone-failed', meaning: 'failed' };
    case 'pending':
      return { word: 'row-undone-pending', meaning: 'attention' };
  }
}
