// The Health page's counts as cards, each with its bars per subfolder and the fixes it leads
// to, and what each fix prefills in Bulk edit (the list of its assets, the property and the
// rule). Pure: the page's state is health.svelte.ts, the counting is the core's
// (`core/app/health.rs`).
import type { AssetUse } from '../../ipc/bindings/AssetUse';
import type { HealthList } from '../../ipc/bindings/HealthList';
import type { HealthReport } from '../../ipc/bindings/HealthReport';
import type { PageUse } from '../../ipc/bindings/PageUse';
import type { RuleDraft } from '../bulk/ruleForm';
import { countBars, type FolderBar } from '../../lib/folderBars';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import type { Outcome } from '../../lib/outcomes';

/** The report's counts, by their JSON keys. */
export type CountKey =
  | 'assets'
  | 'without_description'
  | 'expired'
  | 'expiring'
  | 'with_off_time'
  | 'used_on_pages'
  | 'used_nowhere'
  | 'references_unknown'
  | 'changed_since_publication'
  | 'missing_required';

/** The fixes a count leads to, each a previewed run of Bulk edit. */
export type FixKind = 'fill-descriptions' | 'extend-expiry' | 'unpublish-expired' | 'republish-changed';

/** How a card reads: a problem to fix, one to watch, or a plain fact. */
export type Tone = 'fact' | 'watch' | 'problem';

interface CountDef {
  key: CountKey;
  /** The catalogue id of its name. */
  label: string;
  tone: Tone;
  fixes: FixKind[];
}

/** The cards, in the page's order. */
export const COUNTS: readonly CountDef[] = [
  { key: 'assets', label: 'health-count-assets', tone: 'fact', fixes: [] },
  { key: 'without_description', label: 'health-count-without-description', tone: 'problem', fixes: ['fill-descriptions'] },
  { key: 'expired', label: 'health-count-expired', tone: 'problem', fixes: ['extend-expiry', 'unpublish-expired'] },
  { key: 'expiring', label: 'health-count-expiring', tone: 'watch', fixes: ['extend-expiry'] },
  // Scheduled to go offline: a plan someone made, a fact rather than something to watch (issue 77).
  { key: 'with_off_time', label: 'health-count-with-off-time', tone: 'fact', fixes: [] },
  { key: 'used_on_pages', label: 'health-count-used-on-pages', tone: 'fact', fixes: [] },
  { key: 'used_nowhere', label: 'health-count-used-nowhere', tone: 'fact', fixes: [] },
  { key: 'references_unknown', label: 'health-count-references-unknown', tone: 'watch', fixes: [] },
  { key: 'changed_since_publication', label: 'health-count-changed', tone: 'watch', fixes: ['republish-changed'] },
  { key: 'missing_required', label: 'health-count-missing-required', tone: 'problem', fixes: [] },
];

/** The catalogue id of each fix's button. */
export const FIX_LABELS: Record<FixKind, string> = {
  'fill-descriptions': 'health-fix-fill-descriptions',
  'extend-expiry': 'health-fix-extend-expiry',
  'unpublish-expired': 'health-fix-unpublish-expired',
  'republish-changed': 'health-fix-republish-changed',
};

export interface HealthCard {
  key: CountKey;
  /** The catalogue id of its name (`health-count-…`). */
  label: string;
  count: number;
  /** A problem or a thing to watch with none found reads as good news. */
  tone: Tone | 'good';
  fixes: FixKind[];
  bars: FolderBar[];
  /** Subfolders the bars leave out. */
  more: number;
}

/** The report's counts as cards; a fix is offered only where it has assets to work on. */
export function healthCards(i18n: I18n, report: HealthReport): HealthCard[] {
  return COUNTS.map(({ key, label, tone, fixes }) => {
    const list: HealthList = report[key];
    return {
      key,
      label,
      count: list.count,
      tone: list.count === 0 && tone !== 'fact' ? 'good' : tone,
      fixes: list.count > 0 ? fixes : [],
      bars: countBars(i18n, list.folders),
      more: list.more_folders,
    };
  });
}

/** What a card's colour means, as its pill says it (lib/outcomes.ts, issue 77: one meaning per
 *  colour on every table): a problem or a thing to watch with assets, amber, to look at (none
 *  is a failure: red is for what failed or was refused); with none, green, as wanted; a plain
 *  fact, no colour at all. */
export function cardOutcome(card: Pick<HealthCard, 'tone'>): Outcome | null {
  switch (card.tone) {
    case 'good':
      return { word: 'health-none', meaning: 'done' };
    case 'problem':
    case 'watch':
      return { word: 'health-to-look-at', meaning: 'attention' };
    case 'fact':
      return null;
  }
}

/** Each asset's pill in the list of a card to look at: what it is in a few words (amber). */
const ROW_WORDS: Partial<Record<CountKey, string>> = {
  without_description: 'health-row-without-description',
  expired: 'health-row-expired',
  expiring: 'health-row-expiring',
  references_unknown: 'health-row-references-unknown',
  changed_since_publication: 'health-row-changed',
  missing_required: 'health-row-missing-required',
};

/** The pill of each asset listed under `card`, the same for all of them; `null` for a card of
 *  plain facts (its list has no state column). */
export function listedOutcome(card: Pick<HealthCard, 'key' | 'tone'>): Outcome | null {
  const word = ROW_WORDS[card.key];
  return word && (card.tone === 'problem' || card.tone === 'watch') ? { word, meaning: 'attention' } : null;
}

/** The one scale every card's bars are drawn against: the biggest subfolder count of any card
 *  (issue 77: scaled per card, 2 expired assets looked as big as 16 assets). */
export function barScale(cards: readonly Pick<HealthCard, 'bars'>[]): number {
  return Math.max(1, ...cards.flatMap((card) => card.bars.map((bar) => bar.total)));
}

/** The assets a fix works on: the images without a description, the expired (and, to extend,
 *  the expiring) assets, the assets changed since their publication. */
export function fixPaths(report: HealthReport, fix: FixKind): string[] {
  switch (fix) {
    case 'fill-descriptions':
      return report.without_description.paths;
    case 'extend-expiry':
      return [...new Set([...report.expired.paths, ...report.expiring.paths])].sort();
    case 'unpublish-expired':
      return report.expired.paths;
    case 'republish-changed':
      return report.changed_since_publication.paths;
  }
}

/** What a fix's edit row is prefilled with in Bulk edit. */
export interface FixEdit {
  property: string;
  action: 'template' | 'shift_date';
  rule: Partial<RuleDraft>;
}

/** A fix that edits metadata: its edit row; a fix that publishes or unpublishes: which. */
export function fixRun(fix: FixKind): { edit: FixEdit } | { replication: 'publish' | 'unpublish' } {
  switch (fix) {
    case 'fill-descriptions':
      // The page's alt text from the title, only where the description is empty (an asset
      // without a title is skipped by the preview, with why).
      return { edit: { property: 'dc:description', action: 'template', rule: { template: '{dc:title}', where: 'empty' } } };
    case 'extend-expiry':
      // A year later, a value the user changes before previewing if the licence says otherwise.
      return { edit: { property: 'prism:expirationDate', action: 'shift_date', rule: { by: '52w' } } };
    case 'unpublish-expired':
      return { replication: 'unpublish' };
    case 'republish-changed':
      return { replication: 'publish' };
  }
}

/** The columns of "Fill from a sheet": the title beside the description, empty for these
 *  images, to type in Excel (the sheet's first columns are always the path and the name). */
export const DESCRIPTION_SHEET_PROPERTIES: readonly string[] = ['dc:title', 'dc:description'];

/** A row of a count's list: the asset, and the pages that use it (none: no page does). */
export interface ListedAsset {
  path: string;
  use: AssetUse | undefined;
}

/** The assets behind `key`, with the pages that use each. */
export function listedAssets(report: HealthReport, key: CountKey): ListedAsset[] {
  const pages = new Map<string, PageUse[]>();
  for (const use of report.pages) pages.set(use.asset, [...(pages.get(use.asset) ?? []), use]);
  return report[key].paths.map((path) => {
    const used = pages.get(path);
    const use = used && { path, pages: used, publishedPages: used.filter((p) => p.published !== false).length };
    return { path, use };
  });
}
