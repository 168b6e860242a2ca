// What the Merge into…, Move… and Delete dialogs are made of: a tag's trail of titles in the
// reader's language, the tags a merge may go into, and the request the core checks and
// previews. Pure: no IPC. The core refuses what AEM would not do (its words are shown); this
// only offers sensible choices and says what is not filled in yet.
import type { Tag } from '../../ipc/bindings/Tag';
import type { TagChangeRequest } from '../../ipc/bindings/TagChangeRequest';
import { parentId, titleIn } from './taxonomyTree';

export type TagAction = 'merge' | 'move' | 'delete';

/** The dialog as filled in: the target is the tag merged into, or the new id of a move. */
export interface TagChangeForm {
  action: TagAction;
  tag: string;
  target: string;
  folder: string;
}

/** The titles from the namespace down to `id`, in `lang`; tags missing from the list are left
 *  out. */
export function titlesOf(id: string, byId: ReadonlyMap<string, Tag>, lang: string): string[] {
  const titles: string[] = [];
  for (let at: string | null = id; at !== null; at = parentId(at)) {
    const tag = byId.get(at);
    if (tag) titles.unshift(titleIn(tag, lang));
  }
  return titles;
}

/** "WKND Shared › Activity › Surfing": the titles from the namespace down, in `lang`; the id
 *  where none is known. */
export function trailOf(id: string, byId: ReadonlyMap<string, Tag>, lang: string): string {
  const titles = titlesOf(id, byId, lang);
  return titles.length > 0 ? titles.join(' › ') : id;
}

/** Whether `id` is `ancestor` or a tag below it. */
export function within(id: string, ancestor: string): boolean {
  if (id === ancestor) return true;
  return ancestor.endsWith(':') ? id.startsWith(ancestor) : id.startsWith(`${ancestor}/`);
}

/** The tags `tag` may be merged into, by trail: every tag but itself and those below it. */
export function mergeTargets(tags: readonly Tag[], tag: string, lang: string): { id: string; trail: string }[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  return tags
    .filter((t) => !within(t.id, tag))
    .map((t) => ({ id: t.id, trail: trailOf(t.id, byId, lang) }))
    .sort((a, b) => collator.compare(a.trail, b.trail));
}

/** A tag id as a move's picker shows it: the tag it is under (a namespace `wknd:` for a tag at
 *  the top; none for a namespace) and its own name. */
export function splitId(id: string): { parent: string; name: string } {
  const slash = id.lastIndexOf('/');
  if (slash >= 0) return { parent: id.slice(0, slash), name: id.slice(slash + 1) };
  const colon = id.indexOf(':');
  if (colon >= 0 && colon < id.length - 1) return { parent: id.slice(0, colon + 1), name: id.slice(colon + 1) };
  return { parent: '', name: id.replace(/:$/, '') };
}

/** The id of a tag named `name` under `parent` (a namespace or a tag); empty while either is. */
export function joinId(parent: string, name: string): string {
  const own = name.trim();
  if (!parent || !own) return '';
  return parent.endsWith(':') ? `${parent}${own}` : `${parent}/${own}`;
}

/** The message ids of what the form still lacks (a target, a folder), in the fields' order. */
export function missingOf(form: TagChangeForm): string[] {
  const missing: string[] = [];
  if (form.action === 'merge' && !form.target.trim()) missing.push('tags-change-need-into');
  if (form.action === 'move' && !form.target.trim()) missing.push('tags-change-need-to');
  if (!form.folder.trim()) missing.push('tags-change-need-folder');
  return missing;
}

/** The request the core checks and previews, or null while something is missing. */
export function requestOf(form: TagChangeForm, connectionId: string): TagChangeRequest | null {
  if (missingOf(form).length > 0) return null;
  const [tag, target, under] = [form.tag, form.target.trim(), form.folder.trim()];
  const change =
    form.action === 'merge'
      ? { kind: 'merge' as const, tag, into: target }
      : form.action === 'move'
        ? { kind: 'move' as const, tag, to: target }
        : { kind: 'delete' as const, tag };
  return { connectionId, change, under };
}
