// Tags by their titles where runs show them: a preview's or a report's `cq:tags` values are
// AEM's ids (`wknd-shared:activity/surfing`); people know them as "Activity › Surfing". The
// taxonomy is read once per connection, when a run that shows tags is on screen; until then, or
// when it cannot be read, the ids show as they are.
//
// Not here: the tag picker's list (scopeChoice.svelte.ts), the Tags page (features/tags).
import { SvelteMap } from 'svelte/reactivity';
import type { PropertyChange } from '../../ipc/bindings/PropertyChange';
import type { Tag } from '../../ipc/bindings/Tag';
import { listTags } from '../../ipc/commands';
import { titlesOf } from '../tags/tagChangeForm';

/** The property whose values are tag ids. */
export const TAGS_PROPERTY = 'cq:tags';

/** A tag's titles below its namespace in `lang` ("Activity › Surfing"): the namespace is the
 *  same for most tags and would only lengthen every cell. Null for an id the taxonomy lacks. */
export function tagTitle(id: string, byId: ReadonlyMap<string, Tag>, lang: string): string | null {
  if (!byId.has(id)) return null;
  const titles = titlesOf(id, byId, lang);
  // The namespace's title leads only where the namespace is known (the tag picker leaves
  // namespaces out).
  const namespace = id.slice(0, id.indexOf(':') + 1);
  return (byId.has(namespace) && titles.length > 1 ? titles.slice(1) : titles).join(' › ');
}

/** A `cq:tags` change with each id the taxonomy knows as its title; any other change as it is. */
export function asTitled(change: PropertyChange, title: (id: string) => string | null): PropertyChange {
  if (change.property !== TAGS_PROPERTY) return change;
  const shown = (v: PropertyChange['before']): PropertyChange['before'] => {
    if (Array.isArray(v)) return v.map((item) => (typeof item === 'string' ? (title(item) ?? item) : item));
    return typeof v === 'string' ? (title(v) ?? v) : v;
  };
  return { ...change, before: shown(change.before), after: shown(change.after) };
}

export class TagTitles {
  readonly #byId = new SvelteMap<string, Tag>();
  /** The connection whose taxonomy is asked for (plain: effects call `need`, and reading it
   *  there must not make them run again). */
  #for: string | null = null;
  /** The connection whose taxonomy `#byId` holds: what a title shown waits for. */
  #read = $state<string | null>(null);

  /** Reads `connectionId`'s taxonomy unless it is the one held (a failure keeps ids shown). */
  async need(connectionId: string | null): Promise<void> {
    if (!connectionId || this.#for === connectionId) return;
    this.#for = connectionId;
    this.#read = null;
    this.#byId.clear();
    try {
      const tags = await listTags(connectionId);
      if (this.#for !== connectionId) return;
      for (const tag of tags) this.#byId.set(tag.id, tag);
      this.#read = connectionId;
    } catch {
      // Ids stay shown: they are what AEM holds, only less friendly.
    }
  }

  /** A tag's title in `lang` ("Activity › Surfing") in `connectionId`'s taxonomy; null until
   *  that taxonomy is read, or for an id it lacks. */
  title(id: string, lang: string, connectionId: string | null): string | null {
    return connectionId !== null && connectionId === this.#read ? tagTitle(id, this.#byId, lang) : null;
  }

  /** The change as people read it: tag ids as titles in `lang` where known. */
  shown(change: PropertyChange, lang: string): PropertyChange {
    const byId = this.#byId;
    return byId.size === 0 ? change : asTitled(change, (id) => tagTitle(id, byId, lang));
  }
}
