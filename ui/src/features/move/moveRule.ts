// A move's rename rule: the simple controls the page shows (lowercase, spaces to dashes, find
// and replace, a prefix, a suffix, a number), the rule's text the core takes (`lowercase`,
// `dashes`, `replace:FROM=TO`, `prefix:TEXT`, `suffix:TEXT`, `number:START:DIGITS`, with `\`
// before a character kept as typed), and a live
// example of a name renamed, for display only: the core names each asset itself, and its
// preview is what will happen. Plain logic, tested in move.test.ts.

/** The rename controls, as the page holds them. */
export interface RenameChoice {
  lowercase: boolean;
  dashes: boolean;
  find: string;
  replaceWith: string;
  prefix: string;
  suffix: string;
  number: boolean;
  numberStart: number;
  numberDigits: number;
}

export function noRename(): RenameChoice {
  return { lowercase: false, dashes: false, find: '', replaceWith: '', prefix: '', suffix: '', number: false, numberStart: 1, numberDigits: 2 };
}

/** The rule's text the core takes, or null when nothing is asked (names kept). */
export function ruleText(choice: RenameChoice): string | null {
  const parts: string[] = [];
  if (choice.lowercase) parts.push('lowercase');
  if (choice.dashes) parts.push('dashes');
  if (choice.find !== '') parts.push(`replace:${kept(choice.find)}=${kept(choice.replaceWith)}`);
  if (choice.prefix !== '') parts.push(`prefix:${kept(choice.prefix)}`);
  if (choice.suffix !== '') parts.push(`suffix:${kept(choice.suffix)}`);
  if (choice.number) parts.push(`number:${wholeAtLeast(choice.numberStart, 0)}:${Math.min(12, wholeAtLeast(choice.numberDigits, 1))}`);
  return parts.length > 0 ? parts.join(',') : null;
}

/** `text` as the rule's text keeps it: a `\` before each comma, equals sign and backslash, and
 *  before a space at either end (the core trims loose spaces around each part). */
function kept(text: string): string {
  return text.replace(/[\\,=]/g, (c) => `\\${c}`).replace(/^\s|\s$/g, (c) => `\\${c}`);
}

function wholeAtLeast(n: number, min: number): number {
  return Number.isFinite(n) ? Math.max(min, Math.floor(n)) : min;
}

/** `name` renamed by `choice`, the `index`-th (from 0) of the assets moved: the example the page
 *  shows beside the controls. The extension keeps its place; lowercase lowers it too. */
export function renamedExample(name: string, choice: RenameChoice, index = 0): string {
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  let ext = dot > 0 ? name.slice(dot) : '';
  // The core's order: lowercase, spaces, replace, prefix, suffix, number.
  if (choice.lowercase) {
    stem = stem.toLowerCase();
    ext = ext.toLowerCase();
  }
  if (choice.dashes) stem = stem.trim().split(/\s+/).join('-');
  if (choice.find !== '') stem = stem.split(choice.find).join(choice.replaceWith);
  stem = `${choice.prefix}${stem}${choice.suffix}`;
  if (choice.number) {
    const n = wholeAtLeast(choice.numberStart, 0) + index;
    stem = `${stem}-${String(n).padStart(Math.min(12, wholeAtLeast(choice.numberDigits, 1)), '0')}`;
  }
  // A rule that leaves no name before the extension leaves no name (the core refuses it).
  return stem === '' ? '' : `${stem}${ext}`;
}
