// One meaning per colour (issue 77): what each row of every table says and how it is coloured.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { rowOutcome, undoneOutcome } from '../features/bulk/runStatus';
import { tagRowOutcome } from '../features/tags/tagSheetWords';
import { uploadOutcome } from '../features/upload/uploadRows';
import { I18n, i18nContext } from './i18n/i18n.svelte';
import OutcomeLegend from './OutcomeLegend.svelte';
import OutcomePill from './OutcomePill.svelte';
import { meaningsOf, MEANING_TONES } from './outcomes';

const edit = { kind: { kind: 'edit' } } as const;
const row = (status: 'changed' | 'unchanged' | 'skipped' | 'failed' | 'pending', more = {}) => ({ status, changedSince: [], ...more });

describe('a row’s outcome', () => {
  it('is green when done, grey when left alone on purpose, amber when it needs a look, red when it failed', () => {
    expect(rowOutcome(edit, row('changed'))).toEqual({ word: 'bulk-row-status-changed', meaning: 'done' });
    expect(rowOutcome(edit, row('unchanged')).meaning).toBe('left-alone');
    // An edit's asset left alone is never an amber "Skipped".
    expect(rowOutcome(edit, row('skipped'))).toEqual({ word: 'bulk-row-status-left-alone', meaning: 'left-alone' });
    expect(rowOutcome(edit, row('pending')).meaning).toBe('attention');
    expect(rowOutcome(edit, row('failed')).meaning).toBe('failed');
    expect(MEANING_TONES).toEqual({ done: 'success', 'left-alone': 'neutral', attention: 'warning', failed: 'danger' });
  });

  it('says what the latest undo did, once the run was undone', () => {
    expect(rowOutcome(edit, row('changed', { undone: { status: 'changed', reason: null } })).word).toBe('row-undone-given-back');
    expect(rowOutcome(edit, row('changed', { undone: { status: 'skipped', reason: 'x' } }))).toEqual({ word: 'row-undone-kept', meaning: 'left-alone' });
    expect(rowOutcome(edit, row('changed', { undone: { status: 'failed', reason: 'x' } })).meaning).toBe('failed');
    const publish = { kind: { kind: 'publish', replication: 'publish', agent: 'publish' } } as const;
    expect(undoneOutcome(publish, { status: 'changed' }).word).toBe('row-undone-unpublished');
    expect(uploadOutcome({ state: 'uploaded', undone: { status: 'changed', reason: null } })).toEqual({ word: 'row-undone-deleted', meaning: 'done' });
    expect(uploadOutcome({ state: 'uploaded' })).toEqual({ word: 'upload-state-uploaded', meaning: 'done' });
    expect(uploadOutcome({ state: 'left_alone' }).meaning).toBe('left-alone');
    expect(tagRowOutcome('t', null, { changedSince: [] }, { kept: [] }).word).toBe('row-tag-removed');
    expect(tagRowOutcome('t', 'jcr:title', { changedSince: [] }, null).word).toBe('bulk-row-status-changed');
  });

  it('is drawn by one pill and one legend that names only the colours shown', () => {
    const en = new I18n('en');
    render(OutcomePill, { props: { outcome: { word: 'row-undone-given-back', meaning: 'done' }, testId: 'pill' }, context: i18nContext(en) });
    expect(screen.getByTestId('pill')).toHaveTextContent('Given back');
    expect(screen.getByTestId('pill')).toHaveClass('pill-success');
    const meanings = meaningsOf([rowOutcome(edit, row('failed')), rowOutcome(edit, row('changed'))]);
    expect(meanings).toEqual(['done', 'failed']);
    render(OutcomeLegend, { props: { meanings }, context: i18nContext(en) });
    expect(screen.getByTestId('outcome-legend').textContent).toBe('Done or as wantedFailed or refused');
  });
});
