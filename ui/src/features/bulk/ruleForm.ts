// The edits that compute, as typed in an edit row (find and replace, a template): the fields,
// their problems in the window's words, and the rule sent. No Svelte and no IPC here; the rule
// itself is checked again by the core (a pattern that does not read is refused with where).
import type { EditOp } from '../../ipc/bindings/EditOp';
import type { I18n } from '../../lib/i18n/i18n.svelte';

type Translate = I18n['t'];

/** The actions that compute their value per asset. */
export const RULE_ACTIONS = [
  { kind: 'replace', label: 'bulk-action-replace' },
  { kind: 'template', label: 'bulk-action-template' },
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
  /** Only on assets where the property is empty (fill the gaps). */
  onlyEmpty: boolean;
}

export function newRule(): RuleDraft {
  return { find: '', replace: '', regex: false, ignoreCase: false, wholeWord: false, template: '', onlyEmpty: false };
}

/** The fields of a template: `{dc:title}` or `{name}`. */
const FIELD = /\{([^{}]*)\}/g;
const ASSET_FIELDS = ['name', 'filename', 'extension', 'folder', 'path'];
const PROPERTY = /^[A-Za-z_][A-Za-z0-9_.-]*:[A-Za-z0-9_.-]+$/;

/** The first problem of a rule, in words, or null. */
export function ruleProblem(t: Translate, kind: RuleKind, rule: RuleDraft): string | null {
  if (kind === 'replace') return rule.find === '' ? t('bulk-rule-find-empty') : null;
  if (rule.template.trim() === '') return t('bulk-rule-template-empty');
  for (const [, field] of rule.template.replaceAll('{{', '').replaceAll('}}', '').matchAll(FIELD)) {
    const name = (field ?? '').trim();
    if (!ASSET_FIELDS.includes(name) && !PROPERTY.test(name)) return t('bulk-rule-template-field', { field: name });
  }
  return null;
}

/** The rule as sent. */
export function ruleOp(kind: RuleKind, rule: RuleDraft): EditOp {
  const op: EditOp =
    kind === 'replace'
      ? { kind, find: rule.find, replace: rule.replace, regex: rule.regex, ignoreCase: rule.ignoreCase, wholeWord: rule.wholeWord }
      : { kind, template: rule.template };
  return rule.onlyEmpty ? { kind: 'where', propertyIs: 'empty', op } : op;
}
