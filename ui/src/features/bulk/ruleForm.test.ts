// Rules that compute, as typed in an edit row: a field not typed yet in words, the core's answer
// about the rest shown beside its row, and the rule sent.
import { describe, expect, it } from 'vitest';

import { emptyForm, formCheckOf, newEdit, toPreviewRequest, validate, type EditDraft } from './editForm';
import { newRule, ruleFieldMissing, ruleOp } from './ruleForm';
import { noFormProblems } from '../../test-fixtures';
import { I18n } from '../../lib/i18n/i18n.svelte';

const { t } = new I18n('en');
const fr = new I18n('fr').t;

function row(overrides: Partial<EditDraft>): EditDraft {
  return { ...newEdit(0), ...overrides };
}

describe('rules', () => {
  it('sends a regex replace with its options, limited to empty values when asked', () => {
    const rule = { ...newRule(), find: 'WKND (\\w+)', replace: 'Wknd $1', regex: true };
    expect(ruleOp('replace', rule)).toEqual({
      kind: 'replace',
      find: 'WKND (\\w+)',
      replace: 'Wknd $1',
      regex: true,
      ignoreCase: false,
      wholeWord: false,
    });
    expect(ruleOp('template', { ...newRule(), template: '{name}', where: 'empty' })).toEqual({
      kind: 'where',
      propertyIs: 'empty',
      op: { kind: 'template', template: '{name}' },
    });
  });

  it('says a field not typed yet in the window language; what is typed is left to the core', () => {
    expect(ruleFieldMissing(t, 'replace', newRule())).toBe('Type the text to find.');
    expect(ruleFieldMissing(t, 'template', { ...newRule(), template: '  ' })).toBe('Type the template.');
    expect(ruleFieldMissing(fr, 'from_name', newRule())).toBe('Saisissez le motif du nom de fichier.');
    expect(ruleFieldMissing(t, 'copy', { ...newRule(), from: ' ' })).toBe('Type the property to copy from.');
    // Typed, even wrongly: the core says (`checkForm`).
    expect(ruleFieldMissing(t, 'template', { ...newRule(), template: '{a/b}' })).toBeNull();
    expect(ruleFieldMissing(t, 'from_name', { ...newRule(), pattern: '(unclosed', template: '{name}' })).toBeNull();
    expect(ruleFieldMissing(t, 'copy', { ...newRule(), from: 'title' })).toBeNull();
    expect(ruleFieldMissing(t, 'shift_date', newRule())).toBeNull();
    expect(ruleFieldMissing(t, 'set_date', newRule())).toBeNull();
  });

  it('goes into the run request from an edit row, on a single-valued property too', () => {
    const form = {
      ...emptyForm('c1'),
      folder: '/content/dam/wknd',
      edits: [row({ picked: 'dc:title', action: 'replace', rule: { ...newRule(), find: 'a', replace: 'b' } })],
    };
    expect(validate(t, form).edits).toEqual({});
    expect(toPreviewRequest(t, form, '/content/dam/a').edits[0]).toEqual({
      property: 'dc:title',
      op: { kind: 'replace', find: 'a', replace: 'b', regex: false, ignoreCase: false, wholeWord: false },
    });
    const bad = { ...form, edits: [row({ action: 'template' })] };
    expect(validate(t, bad).edits[0]?.values).toBe('Type the template.');
  });

  it('builds each computing rule into the operation the core reads, limited to filled values when asked', () => {
    const base = newRule();
    expect(ruleOp('from_name', { ...base, pattern: '^(?<sku>\\d+)_', template: 'SKU {sku}', wholePath: true })).toEqual({
      kind: 'from_name',
      pattern: '^(?<sku>\\d+)_',
      template: 'SKU {sku}',
      wholePath: true,
    });
    expect(ruleOp('copy', { ...base, from: ' dc:description ' })).toEqual({ kind: 'copy', from: 'dc:description' });
    expect(ruleOp('case', { ...base, to: 'upper' })).toEqual({ kind: 'case', to: 'upper' });
    expect(ruleOp('trim', { ...base, collapse: false })).toEqual({ kind: 'trim', collapse: false });
    expect(ruleOp('shift_date', { ...base, by: ' -1w ' })).toEqual({ kind: 'shift_date', by: '-1w' });
    expect(ruleOp('set_date', { ...base, date: '2024-05-01', where: 'not_empty' })).toEqual({
      kind: 'where',
      propertyIs: 'not_empty',
      op: { kind: 'set_date', to: '2024-05-01' },
    });
  });

  it('shows the core’s answer about a rule beside its row, and a property on two rows beside the second', async () => {
    const form = {
      ...emptyForm('c1'),
      folder: '/content/dam/wknd',
      edits: [
        row({ key: 1, picked: 'dc:title', action: 'shift_date', rule: { ...newRule(), by: 'a week' } }),
        row({ key: 2, picked: 'dc:title', action: 'case' }),
      ],
    };
    const request = formCheckOf(form);
    expect(request.edits).toEqual([
      { property: 'dc:title', op: { kind: 'shift_date', by: 'a week' } },
      { property: 'dc:title', op: { kind: 'case', to: 'title' } },
    ]);
    // No answer yet: nothing said of what is typed.
    expect(validate(t, form).edits).toEqual({});
    const duration = 'The date shift of dc:title, "a week", is not a duration.';
    const twice = 'dc:title is edited twice in one run; combine the two edits into one.';
    const answer = { ...(await noFormProblems(request)), edits: [duration, null], repeated: [null, twice] };
    expect(validate(t, form, null, answer).edits).toEqual({ 1: { values: duration }, 2: { property: twice } });
  });
});
