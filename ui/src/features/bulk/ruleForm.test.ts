// Rules that compute, as typed in an edit row: their problems in words, and the rule sent.
import { describe, expect, it } from 'vitest';

import { emptyForm, newEdit, toRunRequest, validate, type EditDraft } from './editForm';
import { newRule, ruleOp, ruleProblem } from './ruleForm';
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
    expect(ruleOp('template', { ...newRule(), template: '{name}', onlyEmpty: true })).toEqual({
      kind: 'where',
      propertyIs: 'empty',
      op: { kind: 'template', template: '{name}' },
    });
  });

  it('names what is missing or unknown, in the window language', () => {
    expect(ruleProblem(t, 'replace', newRule())).toBe('Type the text to find.');
    expect(ruleProblem(t, 'template', newRule())).toBe('Type the template.');
    expect(ruleProblem(t, 'template', { ...newRule(), template: '{dc:title} {title}' })).toContain('{title} is no known field');
    expect(ruleProblem(fr, 'template', { ...newRule(), template: '{title}' })).toContain('n’est pas un champ connu');
    expect(ruleProblem(t, 'template', { ...newRule(), template: '{{literal}} {name} {dc:title}' })).toBeNull();
  });

  it('goes into the run request from an edit row, on a single-valued property too', () => {
    const form = {
      ...emptyForm('c1'),
      folder: '/content/dam/wknd',
      edits: [row({ picked: 'dc:title', action: 'replace', rule: { ...newRule(), find: 'a', replace: 'b' } })],
    };
    expect(validate(t, form).edits).toEqual({});
    expect(toRunRequest(t, form).edits[0]).toEqual({
      property: 'dc:title',
      op: { kind: 'replace', find: 'a', replace: 'b', regex: false, ignoreCase: false, wholeWord: false },
    });
    const bad = { ...form, edits: [row({ action: 'template' })] };
    expect(validate(t, bad).edits[0]?.values).toBe('Type the template.');
  });
});
