// The folder tree's state: which folders are known, open, loading, and where each folder's next
// page of subfolders starts. Children are asked for only when a folder is opened, one page at
// a time ("Show more"). Kept by the bulk store, so the tree is as the user left it when they
// come back to the page.
import { listFolder } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import { DAM_ROOT } from './editForm';

export interface FolderNode {
  path: string;
  name: string;
  depth: number;
  parent: string | null;
  expanded: boolean;
  loading: boolean;
  /** Subfolder paths known so far (null until the first page arrived). */
  children: string[] | null;
  nextOffset: number | null;
  error: string | null;
}

/** One line of the tree as drawn: a folder, or the "Show more" line under a folder's children. */
export type TreeLine = { kind: 'folder'; node: FolderNode } | { kind: 'more'; parent: FolderNode };

function node(path: string, name: string, parent: FolderNode | null): FolderNode {
  return {
    path,
    name,
    depth: parent ? parent.depth + 1 : 0,
    parent: parent?.path ?? null,
    expanded: false,
    loading: false,
    children: null,
    nextOffset: null,
    error: null,
  };
}

export class FolderTree {
  connectionId = $state('');
  nodes = $state<Record<string, FolderNode>>({});
  /** The page each folder is loading, by path, for whoever needs its subfolders meanwhile
   *  (bookkeeping, not shown: nothing redraws when it changes). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #loads = new Map<string, Promise<void>>();

  /** The lines in display order: open folders show their children, then "Show more". */
  lines = $derived.by(() => {
    const out: TreeLine[] = [];
    const walk = (path: string) => {
      const n = this.nodes[path];
      if (!n) return;
      out.push({ kind: 'folder', node: n });
      if (!n.expanded || !n.children) return;
      for (const child of n.children) walk(child);
      if (n.nextOffset !== null) out.push({ kind: 'more', parent: n });
    };
    walk(DAM_ROOT);
    return out;
  });

  /** Starts over for `connectionId` with the DAM root open. */
  async reset(connectionId: string): Promise<void> {
    this.connectionId = connectionId;
    this.nodes = { [DAM_ROOT]: node(DAM_ROOT, 'dam', null) };
    if (connectionId) await this.expand(DAM_ROOT);
  }

  async expand(path: string): Promise<void> {
    const n = this.nodes[path];
    if (!n) return;
    n.expanded = true;
    // A folder already loading is waited for: a path typed while the tree's first page was
    // on its way would otherwise find no subfolders and stop opening (`reveal`).
    if (n.loading) await this.#loads.get(path);
    else if (n.children === null) await this.#load(n, 0);
  }

  collapse(path: string): void {
    const n = this.nodes[path];
    if (n) n.expanded = false;
  }

  async toggle(path: string): Promise<void> {
    if (this.nodes[path]?.expanded) this.collapse(path);
    else await this.expand(path);
  }

  /** Opens the folders above `path` (as far as they are listed), so a typed path shows in the tree. */
  async reveal(path: string): Promise<void> {
    if (!path.startsWith(`${DAM_ROOT}/`)) return;
    const parts = path.slice(DAM_ROOT.length + 1).split('/');
    let current = DAM_ROOT;
    for (const part of parts.slice(0, -1)) {
      await this.expand(current);
      current = `${current}/${part}`;
      if (!this.nodes[current]) return;
    }
    await this.expand(current);
  }

  /** Loads the next page of `path`'s subfolders. */
  async more(path: string): Promise<void> {
    const n = this.nodes[path];
    if (!n || n.loading || n.nextOffset === null) return;
    await this.#load(n, n.nextOffset);
  }

  /** Tries a folder whose listing failed again. */
  async retry(path: string): Promise<void> {
    const n = this.nodes[path];
    if (!n) return;
    n.error = null;
    await this.#load(n, n.children?.length ? (n.nextOffset ?? 0) : 0);
  }

  #load(n: FolderNode, offset: number): Promise<void> {
    const loading = this.#loadPage(n, offset).finally(() => {
      if (this.#loads.get(n.path) === loading) this.#loads.delete(n.path);
    });
    this.#loads.set(n.path, loading);
    return loading;
  }

  async #loadPage(n: FolderNode, offset: number): Promise<void> {
    const connectionId = this.connectionId;
    n.loading = true;
    n.error = null;
    try {
      const page = await listFolder(connectionId, n.path, offset);
      if (connectionId !== this.connectionId) return;
      const children = offset === 0 ? [] : [...(n.children ?? [])];
      for (const entry of page.folders) {
        if (!this.nodes[entry.path]) this.nodes[entry.path] = node(entry.path, entry.name, n);
        if (!children.includes(entry.path)) children.push(entry.path);
      }
      n.children = children;
      n.nextOffset = page.nextOffset;
    } catch (thrown) {
      if (connectionId === this.connectionId) n.error = toIpcError(thrown).message;
    } finally {
      n.loading = false;
    }
  }
}
