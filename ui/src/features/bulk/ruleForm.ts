// The edits that compute, as typed in an edit row (find and replace, a template, the file name,
// a copy, a case change, trimming, dates): the fields,
// their problems in the window's words, and the rule sent. No Svelte and no IPC here; the rule
// itself is checked again by the core (a pattern that does not read is refused with where).
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

/** The fields of a template: `{dc:title}` or `{name}`. */
const FIELD = /\{([^{}]*)\}/g;
const ASSET_FIELDS = ['name', 'filename', 'extension', 'folder', 'path'];
const PROPERTY = /^[A-Za-z_][A-Za-z0-9_.-]*:[A-Za-z0-9_.-]+$/;
// A field's label as the form shows it ("Title", "Usage terms"): the core finds its property, or
// says it knows no such field (the rule's sample shows that as the user types).
const LABEL = /^\p{L}[\p{L}\p{N} ._'’-]*$/u;

// Same readings as the core (compute/dates.rs): a signed sum of amounts with units; a day, a
// local time, or a time with its zone.
const DURATION = /^[+-]?(\d+[wdhms])+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function templateProblem(t: Translate, template: string, groups: string[], labels = false): string | null {
  if (template.trim() === '') return t('bulk-rule-template-empty');
  for (const [, field] of template.replaceAll('{{', '').replaceAll('}}', '').matchAll(FIELD)) {
    const name = (field ?? '').trim();
    if (!ASSET_FIELDS.includes(name) && !groups.includes(name) && !PROPERTY.test(name) && !(labels && LABEL.test(name))) {
      return t('bulk-rule-template-field', { field: name });
    }
  }
  return null;
}

/** The group names (and numbers) of a file-name pattern, or null when it does not read. */
function patternGroups(pattern: string): string[] | null {
  try {
    const re = new RegExp(pattern);
    const names = [...pattern.matchAll(/\(\?(?:P)?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] ?? '');
    const count = new RegExp(`${re.source}|`).exec('')?.length ?? 1;
    return [...names, ...Array.from({ length: count }, (_, i) => String(i))];
  } catch {
    return null;
  }
}

/** The first problem of a rule on `property` (the row's, for a copy from itself), in words, or null. */
export function ruleProblem(t: Translate, kind: RuleKind, rule: RuleDraft, property = ''): string | null {
  switch (kind) {
    case 'replace':
      return rule.find === '' ? t('bulk-rule-find-empty') : null;
    case 'template':
      return templateProblem(t, rule.template, [], true);
    case 'from_name': {
      if (rule.pattern === '') return t('bulk-rule-pattern-empty');
      // The core reads Rust regex syntax; `(?P<name>…)` is also written `(?<name>…)` here.
      const groups = patternGroups(rule.pattern.replaceAll('(?P<', '(?<'));
      if (!groups) return t('bulk-rule-pattern-bad', { pattern: rule.pattern });
      return templateProblem(t, rule.template, groups);
    }
    case 'copy': {
      const from = rule.from.trim();
      if (from === '') return t('bulk-rule-copy-empty');
      if (!PROPERTY.test(from)) return t('bulk-rule-copy-bad', { from });
      return from === property ? t('bulk-rule-copy-itself', { from }) : null;
    }
    case 'shift_date':
      return DURATION.test(rule.by.replaceAll(/\s/g, '')) ? null : t('bulk-rule-duration-bad', { by: rule.by.trim() });
    case 'set_date':
      return DATE.test(rule.date.trim()) ? null : t('bulk-rule-date-bad', { date: rule.date.trim() });
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
