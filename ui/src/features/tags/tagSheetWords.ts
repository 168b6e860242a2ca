// The words of a tag import's lines: which value of a tag (title, title in a language,
// description) and a value as the page quotes it. Message ids with their arguments, for t().
import type { ChangedSince } from '../../ipc/bindings/ChangedSince';
import type { LeftAloneReason } from '../../ipc/bindings/LeftAloneReason';
import type { TagImportApplied } from '../../ipc/bindings/TagImportApplied';
import type { TagImportUndone } from '../../ipc/bindings/TagImportUndone';
import type { Outcome } from '../../lib/outcomes';

export interface Words {
  id: string;
  args?: Record<string, string | number>;
}

/** `jcr:title` → the title, `jcr:title.fr` → the title (fr), `jcr:description` → the description. */
export function whatWords(property: string): Words {
  if (property.startsWith('jcr:title.')) return { id: 'tags-import-what-title-in', args: { lang: property.slice('jcr:title.'.length) } };
  if (property === 'jcr:description') return { id: 'tags-import-what-description' };
  return { id: 'tags-import-what-title' };
}

/** Why undo left a tag or a value alone, for the tag `tag`; `what` and `quoted` put a property
 *  and a value in words. A value changed since says what the import wrote, where it is known. */
export function keptWords(tag: string, reason: LeftAloneReason, what: (property: string) => string, quoted: (value: string | null) => string): Words {
  switch (reason.kind) {
    case 'valueChanged': {
      const wrote = typeof reason.preview === 'string' ? reason.preview : null;
      const now = typeof reason.now === 'string' ? reason.now : null;
      return { id: 'tags-import-kept-value', args: { tag, what: what(reason.property), known: wrote === null ? 'no' : 'yes', wrote: quoted(wrote), now: quoted(now) } };
    }
    case 'tagChanged':
      return { id: 'tags-import-kept-changed', args: { tag } };
    case 'hasChildren':
      return { id: 'tags-import-kept-children', args: { tag } };
    case 'holdsAssets':
      return { id: 'tags-import-kept-assets', args: { tag } };
    case 'usedByPages':
      return { id: 'tags-import-kept-pages', args: { tag, page: reason.page } };
    case 'unchecked':
      return { id: 'tags-import-kept-unchecked', args: { tag, detail: reason.detail } };
    case 'notDone':
      return { id: 'tags-import-not-done', args: { tag, detail: reason.detail } };
  }
}

/** What happened last to one row of an applied tag import (a tag created, `property` null, or
 *  a value changed): once undone, removed or given back unless the undo kept it (someone
 *  changed it since); else created or changed, unless left alone because AEM held something
 *  else than the preview showed. A colour of one meaning (lib/outcomes.ts). */
export function tagRowOutcome(
  id: string,
  property: string | null,
  applied: Pick<TagImportApplied, 'changedSince'> | null,
  undone: Pick<TagImportUndone, 'kept'> | null,
): Outcome {
  if (undone) {
    if (undone.kept.some((k) => k.id === id)) return { word: 'row-undone-kept', meaning: 'left-alone' };
    return { word: property === null ? 'row-tag-removed' : 'row-undone-given-back', meaning: 'done' };
  }
  if (applied?.changedSince.some((c) => c.id === id && (c.changed === null || c.changed.property === property))) {
    return { word: 'row-kept-changed-since', meaning: 'left-alone' };
  }
  return { word: property === null ? 'row-tag-created' : 'bulk-row-status-changed', meaning: 'done' };
}

/** A tag's value AEM held or the preview saw, as text (a title, a description); null when it
 *  had none. */
export function valueText(value: ChangedSince['now']): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
