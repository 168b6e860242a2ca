// The folder tree's model with the IPC seam mocked: a path typed while the tree's first page is
// still on its way opens the tree down to it once that page arrives.
import { describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

import { listFolder } from '../../ipc/commands';
import type { FolderPage } from '../../ipc/bindings/FolderPage';
import { FolderTree } from './folderTree.svelte';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))), listFolder: vi.fn() }));

const TARGET = '/content/dam/wknd/en/adventures';

/** The page of `folder`: its one subfolder on the way to TARGET, or none below it. */
function pageOf(folder: string): FolderPage {
  const next = TARGET.slice(folder.length + 1).split('/')[0];
  const folders = folder.length < TARGET.length && next ? [{ path: `${folder}/${next}`, name: next }] : [];
  return { folder, folders, assets: 0, total: folders.length, nextOffset: null } as FolderPage;
}

describe('the folder tree', () => {
  it('opens down to a path typed while its first page is still loading', async () => {
    let answerRoot: () => void = () => {};
    vi.mocked(listFolder).mockImplementation((_c, folder) =>
      folder === '/content/dam'
        ? new Promise((resolve) => (answerRoot = () => resolve(pageOf(folder))))
        : Promise.resolve(pageOf(folder)),
    );
    const tree = new FolderTree();
    const reset = tree.reset('c1');
    const revealed = tree.reveal(TARGET);
    answerRoot();
    await Promise.all([reset, revealed]);

    expect(tree.lines.map((l) => (l.kind === 'folder' ? l.node.path : 'more'))).toEqual([
      '/content/dam',
      '/content/dam/wknd',
      '/content/dam/wknd/en',
      '/content/dam/wknd/en/adventures',
    ]);
    // The root was asked for once: the reveal waited for the page on its way.
    expect(vi.mocked(listFolder).mock.calls.filter(([, f]) => f === '/content/dam')).toHaveLength(1);
  });
});
