// The questions the window asks of a run's kind (runKind.ts), each against every kind that
// answers it differently.
import { describe, expect, it } from 'vitest';

import type { RunKind } from '../../ipc/bindings/RunKind';
import { runSummary } from '../../test-fixtures';
import { isUndo, isUndoRun, namesItself, publicationOf, takesBack, undoOf, uploadUndoRows } from './runKind';

const of = (kind: RunKind) => runSummary({ kind });
const publish = (replication: 'publish' | 'unpublish', from?: { kind: 'undo' | 'republish'; of: string }): RunKind => ({
  kind: 'publish',
  replication,
  agent: 'publish',
  ...(from ? { from } : {}),
});

describe('a run kind, asked', () => {
  it('says what a publication does to each asset, and nothing for an edit', () => {
    expect(publicationOf(of(publish('publish')))).toBe('publish');
    expect(publicationOf(of(publish('unpublish')))).toBe('unpublish');
    expect(publicationOf(of(publish('publish', { kind: 'undo', of: 'a' })))).toBe('publish-back');
    expect(publicationOf(of(publish('publish', { kind: 'republish', of: 'a' })))).toBe('republish');
    expect(publicationOf(of({ kind: 'edit' }))).toBeNull();
  });

  it('tells a plain undo from the undo of a publication, and a retry from both', () => {
    const undo = of({ kind: 'undo', of: 'a' });
    const publishBack = of(publish('publish', { kind: 'undo', of: 'b' }));
    expect([undoOf(undo), takesBack(undo), isUndoRun(undo)]).toEqual(['a', 'a', true]);
    expect([undoOf(publishBack), takesBack(publishBack), isUndoRun(publishBack)]).toEqual([null, 'b', true]);
    const retry = of({ kind: 'retry', of: 'c' });
    expect([undoOf(retry), takesBack(retry), isUndoRun(retry)]).toEqual([null, null, false]);
    // A republish goes back to its edit, but takes nothing back.
    expect(takesBack(of(publish('publish', { kind: 'republish', of: 'd' })))).toBeNull();
  });

  it("names the move a move's undo takes back, as the core does, though it is worded as a move", () => {
    const back = of({ kind: 'move', items: 2, undo_of: 'm' });
    expect([undoOf(back), isUndo(back), takesBack(back)]).toEqual(['m', false, null]);
    expect(undoOf(of({ kind: 'move', items: 2 }))).toBeNull();
  });

  it('knows which runs say what and where in their name alone', () => {
    expect(namesItself(of({ kind: 'tag_import', file: 't.xlsx' }))).toBe(true);
    expect(namesItself(of({ kind: 'tag_rename', tag: 'ns:a', from: 'A', to: 'B' }))).toBe(true);
    expect(namesItself(of({ kind: 'edit' }))).toBe(false);
  });

  it("reads an upload undo's files from its operation, and none from any other run", () => {
    const rows = [{ path: '/content/dam/a/x.jpg', state: 'planned' as const, reason: null }];
    const counts = { planned: 1, done: 0, leftAlone: 0, failed: 0, refused: 0, pending: 1, inDoubt: 0 };
    const undo = runSummary({ kind: { kind: 'undo', of: 'u' }, op: { op: 'upload_undo', upload: 'u', counts, rows } });
    expect(uploadUndoRows(undo)).toEqual(rows);
    expect(uploadUndoRows(of({ kind: 'undo', of: 'e' }))).toEqual([]);
  });
});
