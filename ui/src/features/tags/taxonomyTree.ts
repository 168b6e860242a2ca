// The taxonomy as people browse it: AEM's flat list of tags (ids `ns:a/b`) made a tree of
// titles in the reader's language, and the search that keeps what matches with the tags above
// it. Pure: no IPC.
import type { Tag } from '../../ipc/bindings/Tag';

export interface TagNode {
  tag: Tag;
  /** Its title in the reader's language (AEM's default title where it has none). */
  title: string;
  children: TagNode[];
}

/** A tag's title in `lang` (`fr`), else its title. */
export function titleIn(tag: Tag, lang: string): string {
  return tag.titles[lang] ?? tag.title;
}

/** The id of the tag directly above `id`, or null for a namespace. */
export function parentId(id: string): string | null {
  const colon = id.indexOf(':');
  if (colon < 0 || colon === id.length - 1) return null;
  const slash = id.lastIndexOf('/');
  return slash > colon ? id.slice(0, slash) : id.slice(0, colon + 1);
}

/** The tags as a tree, each level sorted by its title in `lang`. A tag whose parent is not in
 *  the list is shown at the top rather than lost. */
export function tagTree(tags: readonly Tag[], lang: string): TagNode[] {
  const nodes = new Map(tags.map((tag) => [tag.id, { tag, title: titleIn(tag, lang), children: [] } as TagNode]));
  const roots: TagNode[] = [];
  for (const node of nodes.values()) {
    const parent = parentId(node.tag.id);
    const above = parent === null ? undefined : nodes.get(parent);
    (above ? above.children : roots).push(node);
  }
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const sort = (list: TagNode[]) => {
    list.sort((a, b) => collator.compare(a.title, b.title));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The tree cut to the tags whose title (in any language), id or description holds `query`,
 *  with the tags above them; everything when the query is blank. */
export function searchTree(tree: readonly TagNode[], query: string): TagNode[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...tree];
  const matches = (n: TagNode) =>
    [n.title, n.tag.title, n.tag.id, n.tag.description ?? '', ...Object.values(n.tag.titles)].some((text) =>
      text.toLocaleLowerCase().includes(q),
    );
  const cut = (list: readonly TagNode[]): TagNode[] =>
    list.flatMap((n) => {
      const children = cut(n.children);
      return matches(n) || children.length > 0 ? [{ ...n, children }] : [];
    });
  return cut(tree);
}

/** How many tags a tree holds. */
export function countTags(tree: readonly TagNode[]): number {
  return tree.reduce((sum, n) => sum + 1 + countTags(n.children), 0);
}
