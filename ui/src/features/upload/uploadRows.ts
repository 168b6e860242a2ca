// What an upload's preview shows of each file, in plain words: its size, what happens to it
// (new, already there and skipped, a different file there given a new version or replaced,
// refused and why), the pages that use an asset it replaces, its values from the sheet; and the
// preview's counts. Plain logic, tested in upload.test.ts.
import type { UploadFileState } from '../../ipc/bindings/UploadFileState';
import type { UploadIntent } from '../../ipc/bindings/UploadIntent';
import type { UploadPreview } from '../../ipc/bindings/UploadPreview';
import type { UploadPreviewFile } from '../../ipc/bindings/UploadPreviewFile';
import type { UploadReportRow } from '../../ipc/bindings/UploadReportRow';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import type { Outcome } from '../../lib/outcomes';
import { undoneOutcome } from '../bulk/runStatus';
import type { Translate } from '../bulk/editForm';
import { columnName } from '../bulk/rowNames';

/** The catalogue id of each intent's words. */
export const INTENT_WORDS: Record<UploadIntent, string> = {
  new: 'upload-intent-new',
  same: 'upload-intent-same',
  new_version: 'upload-intent-new-version',
  replace: 'upload-intent-replace',
  refused: 'upload-intent-refused',
};

/** What the preview says will happen to a file, as its pill says it: in a few words and the
 *  colour of what it means (lib/outcomes.ts): sent, green; the same file already there, left
 *  alone in grey (never amber: nothing is wrong); refused, red. The intent's sentence
 *  (`INTENT_WORDS`) says the rest beside it. */
export function intentOutcome(intent: UploadIntent): Outcome {
  switch (intent) {
    case 'new':
      return { word: 'upload-intent-new', meaning: 'done' };
    case 'same':
      return { word: 'upload-will-same', meaning: 'left-alone' };
    case 'new_version':
      return { word: 'upload-will-new-version', meaning: 'done' };
    case 'replace':
      return { word: 'upload-will-replace', meaning: 'done' };
    case 'refused':
      return { word: 'upload-intent-refused', meaning: 'failed' };
  }
}

/** The catalogue id of each state of a file in the report. */
export const STATE_WORDS: Record<UploadFileState, string> = {
  uploaded: 'upload-state-uploaded',
  pending: 'upload-state-pending',
  failed: 'upload-state-failed',
  left_alone: 'upload-state-left-alone',
};

/** What the report says happened to a file last: once the upload was undone, what its undo did
 *  (deleted, already gone, kept and why), else what the upload did; a colour of one meaning. */
export function uploadOutcome(row: Pick<UploadReportRow, 'state' | 'undone'>): Outcome {
  if (row.undone) return undoneOutcome({ kind: { kind: 'upload', folder: '', files: 0 } }, row.undone);
  const meaning = ({ uploaded: 'done', pending: 'attention', failed: 'failed', left_alone: 'left-alone' } as const)[row.state];
  return { word: STATE_WORDS[row.state], meaning };
}

/** A file's size for people: bytes, kB, MB, GB (decimal, as the system's file managers). */
export function sizeWords(i18n: Pick<I18n, 'number' | 't'>, bytes: number): string {
  // The units' letters are the catalogue's: French says ko, Mo, Go (issue 77).
  const units = ['upload-size-bytes', 'upload-size-kb', 'upload-size-mb', 'upload-size-gb'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = i18n.number(value, { maximumFractionDigits: unit === 0 ? 0 : 1 });
  return i18n.t(units[unit]!, { size: shown });
}

/** How many files of the preview go each way. */
export function intentCounts(preview: UploadPreview): Record<UploadIntent, number> {
  const counts: Record<UploadIntent, number> = { new: 0, same: 0, new_version: 0, replace: 0, refused: 0 };
  for (const file of preview.files) counts[file.intent] += 1;
  return counts;
}

/** The pages that use the asset `file` would replace (or give a new version to). */
export function pagesUsing(preview: UploadPreview, file: UploadPreviewFile): number {
  return preview.references?.assets.find((a) => a.path === file.aemPath)?.pages.length ?? 0;
}

/** A file's values from the sheet, one `Title: a | b` each: a property by its title where the
 *  window has one (issue 77: not "dc:title: Upload A"), else by its name. */
export function metadataLines(t: Translate, file: UploadPreviewFile): string[] {
  return Object.entries(file.metadata).map(([property, values]) =>
    t('upload-metadata-line', { property: columnName(t, undefined, property).label, values: (values ?? []).join(' | ') }),
  );
}

/** The path below the target folder, as the sheet's File column names it. */
export function belowFolder(preview: UploadPreview, file: UploadPreviewFile): string {
  const prefix = `${preview.folder}/`;
  return file.aemPath.startsWith(prefix) ? file.aemPath.slice(prefix.length) : file.aemPath;
}
