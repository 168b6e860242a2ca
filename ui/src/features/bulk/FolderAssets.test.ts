// The chosen folder's thumbnail strip: a list named after the folder, each asset with its name,
// title and a picture whose alt text names it; thumbnails asked for only for tiles in view and
// never for content fragments; "and N more" / "at least" said as the core reports them; a
// folder chosen meanwhile wins over a late answer; errors in words.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheckRequest } from '../../ipc/bindings/FormCheckRequest';
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';

vi.mock('../../ipc/commands', () => ({
  // The core's folder check (`check_folder`), as the tests' stand-in answers it.
  checkFolder: vi.fn((folder: string) => import('../../test-fixtures').then((m) => m.checkedFolder(folder))),
  // The core's form check (`check_form`): no problem, unless a test answers one.
  checkForm: vi.fn((request: FormCheckRequest) => import('../../test-fixtures').then((m) => m.noFormProblems(request))),
  runScope: vi.fn((request: ScopeRequest) => import('../../test-fixtures').then((m) => m.runScopeOf(request))), listFolderAssets: vi.fn() }));
vi.mock('../../ipc/thumbnails', () => ({
  thumbnailUrl: (connection: string, path: string) => `thumb://localhost/${encodeURIComponent(connection + path)}`,
}));

import { listFolderAssets } from '../../ipc/commands';
import type { FolderAssets as Listed } from '../../ipc/bindings/FolderAssets';
import FolderAssets from './FolderAssets.svelte';

type Callback = (entries: { target: Element; isIntersecting: boolean }[]) => void;
let observed: Element[] = [];
let callback: Callback = () => {};

class FakeObserver {
  constructor(cb: Callback) {
    callback = cb;
  }
  observe(el: Element) {
    observed.push(el);
  }
  unobserve(el: Element) {
    observed = observed.filter((e) => e !== el);
  }
  disconnect() {}
}

const FOLDER = '/content/dam/wknd/en';

function listing(over: Partial<Listed> = {}): Listed {
  return {
    folder: FOLDER,
    assets: [
      { path: `${FOLDER}/a.jpg`, name: 'a.jpg', title: 'Mountain Bike', thumbnail: true },
      { path: `${FOLDER}/b.pdf`, name: 'b.pdf', title: null, thumbnail: true },
      { path: `${FOLDER}/story`, name: 'story', title: 'A Story', thumbnail: false },
    ],
    more: 0,
    complete: true,
    ...over,
  };
}

async function tiles(): Promise<HTMLElement[]> {
  const list = await screen.findByRole('list', { name: `Assets in ${FOLDER}` });
  return within(list).getAllByRole('listitem');
}

function srcs(): (string | null)[] {
  return [...document.querySelectorAll('[data-testid="folder-asset"] img')].map((img) => img.getAttribute('src'));
}

describe('FolderAssets', () => {
  beforeEach(() => {
    observed = [];
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.mocked(listFolderAssets).mockReset();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the assets with names and titles, placeholders until each tile is in view', async () => {
    vi.mocked(listFolderAssets).mockResolvedValue(listing());
    render(FolderAssets, { connectionId: 'c-1', folder: FOLDER });
    expect(listFolderAssets).toHaveBeenCalledWith('c-1', FOLDER);
    const items = await tiles();
    expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'a.jpg Mountain Bike',
      'b.pdf',
      'story A Story',
    ]);
    // Nothing in view yet: no image asked for, a placeholder in every tile.
    expect(srcs()).toEqual([]);
    const [jpg, pdf, fragment] = items.map((li) => within(li).getByTestId('thumbnail')) as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect([jpg, pdf, fragment].map((t) => t.dataset.state)).toEqual(['waiting', 'waiting', 'waiting']);

    // Only the first tile scrolls into view: only its thumbnail is asked for.
    callback([{ target: jpg, isIntersecting: true }]);
    await waitFor(() => expect(srcs()).toEqual(['thumb://localhost/c-1%2Fcontent%2Fdam%2Fwknd%2Fen%2Fa.jpg']));
    expect(jpg.querySelector('img')?.getAttribute('alt')).toBe('Mountain Bike');

    // The PDF comes into view and AEM has no thumbnail of it: the placeholder stays.
    callback([{ target: pdf, isIntersecting: true }]);
    await waitFor(() => expect(pdf.querySelector('img')).not.toBeNull());
    expect(pdf.querySelector('img')?.getAttribute('alt')).toBe('b.pdf');
    pdf.querySelector('img')?.dispatchEvent(new Event('error'));
    await waitFor(() => expect(pdf.dataset.state).toBe('none'));

    // A content fragment is never asked for, even in view.
    callback([{ target: fragment, isIntersecting: true }]);
    await Promise.resolve();
    expect(fragment.querySelector('img')).toBeNull();
    await waitFor(() => expect(fragment.dataset.state).toBe('none'));
    expect(srcs()).toHaveLength(1);
    expect(screen.queryByTestId('folder-assets-rest')).toBeNull();
  });

  it('says how many more, exactly or as a lower bound', async () => {
    vi.mocked(listFolderAssets).mockResolvedValue(listing({ more: 1234, complete: true }));
    const { unmount } = render(FolderAssets, { connectionId: 'c-1', folder: FOLDER });
    expect((await screen.findByTestId('folder-assets-rest')).textContent).toBe('and 1,234 more');
    unmount();

    vi.mocked(listFolderAssets).mockResolvedValue(listing({ more: 52, complete: false }));
    const second = render(FolderAssets, { connectionId: 'c-1', folder: FOLDER });
    expect((await screen.findByTestId('folder-assets-rest')).textContent).toBe(
      'and at least 52 more: the folder was not read to its end',
    );
    second.unmount();

    vi.mocked(listFolderAssets).mockResolvedValue(listing({ more: 0, complete: false }));
    render(FolderAssets, { connectionId: 'c-1', folder: FOLDER });
    expect((await screen.findByTestId('folder-assets-rest')).textContent).toBe(
      'Not every asset is shown: the folder was not read to its end.',
    );
  });

  it('says when the folder has no assets of its own, and shows errors in words', async () => {
    vi.mocked(listFolderAssets).mockResolvedValue(listing({ assets: [] }));
    const { unmount } = render(FolderAssets, { connectionId: 'c-1', folder: FOLDER });
    expect((await screen.findByTestId('folder-assets-empty')).textContent).toBe('No assets directly in this folder.');
    unmount();

    vi.mocked(listFolderAssets).mockRejectedValue({ code: 'not_found', message: 'The folder /content/dam/x does not exist in AEM.' });
    render(FolderAssets, { connectionId: 'c-1', folder: '/content/dam/x' });
    const error = await screen.findByTestId('folder-assets-error');
    expect(error.textContent).toContain('The folder /content/dam/x does not exist in AEM.');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows the folder chosen last, whatever order the answers come in', async () => {
    let first: (value: Listed) => void = () => {};
    vi.mocked(listFolderAssets)
      .mockImplementationOnce(() => new Promise((resolve) => (first = resolve)))
      .mockResolvedValueOnce(listing());
    const view = render(FolderAssets, { connectionId: 'c-1', folder: '/content/dam/old' });
    expect(screen.getByTestId('folder-assets-loading')).toBeTruthy();
    await view.rerender({ connectionId: 'c-1', folder: FOLDER });
    await tiles();
    first(listing({ folder: '/content/dam/old', assets: [{ path: '/content/dam/old/z.jpg', name: 'z.jpg', title: null, thumbnail: true }] }));
    await Promise.resolve();
    await Promise.resolve();
    expect(screen.queryByText('z.jpg')).toBeNull();
    expect(await tiles()).toHaveLength(3);
  });

  it('asks nothing without a folder', () => {
    render(FolderAssets, { connectionId: 'c-1', folder: '' });
    expect(listFolderAssets).not.toHaveBeenCalled();
    expect(screen.queryByTestId('folder-assets')).toBeNull();
  });
});
