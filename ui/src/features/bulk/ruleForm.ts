// The edits that compute, as typed in an edit row (find and replace, a template, the file name,
// a copy, a case change, trimming, dates): the fields, the one left to type, and the rule sent.
// No Svelte and no IPC here; whether what is typed reads is the core's to say (`checkForm`, as
// the preview: a pattern that does not read is refused with where).
import type { Case } from '../../ipc/bindings/Case';
import type { EditOp } from '../../ipc/bindings/EditOp';
import type { Emptiness } from '../../ipc/bindings/Emptiness';
import type { I18n } from '../../lib/i18n/i18n.svelte';

type Translate = I18n['t'];

/** The actions that compute their value per asset. */
export const RULE_ACTIONS = [
  { kind: 'replace', label: 'bulk-action-replace' },
  { kind: 'template', label: 'bulk-action-template' },
  { kind: 'from_name', label: 'bulk-action-from-name' },
  { kind: 'copy', label: 'bulk-action-copy' },
  { kind: 'case', label: 'bulk-action-case' },
  { kind: 'trim', label: 'bulk-action-trim' },
  { kind: 'shift_date', label: 'bulk-action-shift-date' },
  { kind: 'set_date', label: 'bulk-action-set-date' },
] as const;

export type RuleKind = (typeof RULE_ACTIONS)[number]['kind'];

export function isRule(kind: string): kind is RuleKind {
  return RULE_ACTIONS.some((a) => a.kind === kind);
}

/** What a row's rule fields hold. */
export interface RuleDraft {
  find: string;
  replace: string;
  regex: boolean;
  ignoreCase: boolean;
  wholeWord: boolean;
  template: string;
  /** From the file name: a regular expression with named groups, over the name or the whole path. */
  pattern: string;
  wholePath: boolean;
  /** Copy: the property read. */
  from: string;
  to: Case;
  /** Trim: also turn runs of spaces inside into one. */
  collapse: boolean;
  /** Shift dates: a duration such as `7d`, `-1w`, `+2h30m`. */
  by: string;
  /** Set dates: `2024-05-01` or `2024-05-01T09:00`. */
  date: string;
  /** Only on assets where the property is empty (fill the gaps), or not empty; '' for all. */
  where: Emptiness | '';
}

export function newRule(): RuleDraft {
  return {
    find: '',
    replace: '',
    regex: false,
    ignoreCase: false,
    wholeWord: false,
    template: '',
    pattern: '',
    wholePath: false,
    from: '',
    to: 'title',
    collapse: true,
    by: '',
    date: '',
    where: '',
  };
}

/** The rule's field with nothing typed yet, said in the window's words (as "Type the value to
 *  set."), or null: what is typed is the core's to check. */
export function ruleFieldMissing(t: Translate, kind: RuleKind, rule: RuleDraft): string | null {
  switch (kind) {
    case 'replace':
      return rule.find === '' ? t('bulk-rule-find-empty') : null;
    case 'template':
      return rule.template.trim() === '' ? t('bulk-rule-template-empty') : null;
    case 'from_name':
      if (rule.pattern === '') return t('bulk-rule-pattern-empty');
      return rule.template.trim() === '' ? t('bulk-rule-template-empty') : null;
    case 'copy':
      return rule.from.trim() === '' ? t('bulk-rule-copy-empty') : null;
    default:
      return null;
  }
}

function bareOp(kind: RuleKind, rule: RuleDraft): EditOp {
  switch (kind) {
    case 'replace':
      return { kind, find: rule.find, replace: rule.replace, regex: rule.regex, ignoreCase: rule.ignoreCase, wholeWord: rule.wholeWord };
    case 'template':
      return { kind, template: rule.template };
    case 'from_name':
      return { kind, pattern: rule.pattern, template: rule.template, wholePath: rule.wholePath };
    case 'copy':
      return { kind, from: rule.from.trim() };
    case 'case':
      return { kind, to: rule.to };
    case 'trim':
      return { kind, collapse: rule.collapse };
    case 'shift_date':
      return { kind, by: rule.by.trim() };
    case 'set_date':
      return { kind, to: rule.date.trim() };
  }
}

/** The rule as sent. */
export function ruleOp(kind: RuleKind, rule: RuleDraft): EditOp {
  const op = bareOp(kind, rule);
  return rule.where ? { kind: 'where', propertyIs: rule.where, op } : op;
}
