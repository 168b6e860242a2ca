// Rules that compute, as typed in an edit row: their problems in words, and the rule sent.
import { describe, expect, it } from 'vitest';

import { emptyForm, newEdit, toPreviewRequest, validate, type EditDraft } from './editForm';
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
    expect(ruleOp('template', { ...newRule(), template: '{name}', where: 'empty' })).toEqual({
      kind: 'where',
      propertyIs: 'empty',
      op: { kind: 'template', template: '{name}' },
    });
  });

  it('names what is missing or unknown, in the window language', () => {
    expect(ruleProblem(t, 'replace', newRule())).toBe('Type the text to find.');
    expect(ruleProblem(t, 'template', newRule())).toBe('Type the template.');
    // A field's label is taken as the form shows it (the core finds its property, or says none has it).
    expect(ruleProblem(t, 'template', { ...newRule(), template: '{dc:title} {Title} {Usage terms}' })).toBeNull();
    expect(ruleProblem(t, 'template', { ...newRule(), template: '{dc:title} {a/b}' })).toContain('{a/b} is no field: use a field’s label such as {Title}');
    expect(ruleProblem(fr, 'template', { ...newRule(), template: '{a/b}' })).toContain('n’est pas un champ\u00a0: utilisez le libellé d’un champ');
    expect(ruleProblem(t, 'template', { ...newRule(), template: '{{literal}} {name} {dc:title}' })).toBeNull();
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

  it('refuses each bad computing rule in words, in English and French', () => {
    const base = newRule();
    expect(ruleProblem(t, 'from_name', base)).toBe('Type the file-name pattern.');
    expect(ruleProblem(t, 'from_name', { ...base, pattern: '(unclosed', template: '{name}' })).toContain('“(unclosed” is no regular expression');
    expect(ruleProblem(t, 'from_name', { ...base, pattern: '^(?<sku>\\d+)', template: '{code}' })).toContain('{code} is no field');
    expect(ruleProblem(t, 'from_name', { ...base, pattern: '^(?<sku>\\d+)_(.*)', template: '{sku} {2}' })).toBeNull();
    expect(ruleProblem(t, 'copy', base)).toBe('Type the property to copy from.');
    expect(ruleProblem(t, 'copy', { ...base, from: 'title' })).toContain('“title” is no property name');
    expect(ruleProblem(t, 'copy', { ...base, from: 'dc:title' }, 'dc:title')).toBe('dc:title cannot be copied onto itself.');
    expect(ruleProblem(fr, 'copy', { ...base, from: 'dc:title' }, 'dc:title')).toContain('sur elle-même');
    expect(ruleProblem(t, 'shift_date', { ...base, by: '7 days' })).toContain('“7 days” is no duration');
    expect(ruleProblem(fr, 'shift_date', { ...base, by: '7 jours' })).toContain('n’est pas une durée');
    for (const by of ['7d', '-1w', '+2h30m', '90 s']) expect(ruleProblem(t, 'shift_date', { ...base, by })).toBeNull();
    expect(ruleProblem(t, 'set_date', { ...base, date: '01/05/2024' })).toContain('“01/05/2024” is no date');
    expect(ruleProblem(fr, 'set_date', base)).toContain('n’est pas une date');
    for (const date of ['2024-05-01', '2024-05-01T09:00', '2024-05-01T09:00:00.000+02:00']) {
      expect(ruleProblem(t, 'set_date', { ...base, date })).toBeNull();
    }
    expect(ruleProblem(t, 'case', base)).toBeNull();
    expect(ruleProblem(t, 'trim', base)).toBeNull();
  });
});
