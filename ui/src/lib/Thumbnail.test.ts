// The thumbnail of a table row: nothing is asked until the row comes into view, then the image
// comes from the `thumb:` address of the row's connection; a placeholder stays while it loads,
// when it fails (no thumbnail), and when the run has no stored connection.
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../ipc/thumbnails', () => ({
  thumbnailUrl: (connection: string, path: string) => `thumb://localhost/${encodeURIComponent(connection + path)}`,
}));

import Thumbnail from './Thumbnail.svelte';

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

function show(el: Element) {
  callback([{ target: el, isIntersecting: true }]);
}

describe('Thumbnail', () => {
  beforeEach(() => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for the image only once the row is in view, then shows it when loaded', async () => {
    render(Thumbnail, { connectionId: 'c-1', path: '/content/dam/a.jpg' });
    const thumb = screen.getByTestId('thumbnail');
    expect(thumb.querySelector('img')).toBeNull();
    expect(thumb.dataset.state).toBe('waiting');

    show(thumb);
    await Promise.resolve();
    const img = thumb.querySelector('img');
    expect(img?.getAttribute('src')).toBe('thumb://localhost/c-1%2Fcontent%2Fdam%2Fa.jpg');
    expect(img?.getAttribute('alt')).toBe('');
    expect(thumb.dataset.state).toBe('loading');
    expect(observed).not.toContain(thumb);

    img?.dispatchEvent(new Event('load'));
    await Promise.resolve();
    expect(thumb.dataset.state).toBe('loaded');
  });

  it('keeps the placeholder for an asset without a thumbnail', async () => {
    render(Thumbnail, { connectionId: 'c-1', path: '/content/dam/a.pdf' });
    const thumb = screen.getByTestId('thumbnail');
    show(thumb);
    await Promise.resolve();
    thumb.querySelector('img')?.dispatchEvent(new Event('error'));
    await Promise.resolve();
    expect(thumb.querySelector('img')).toBeNull();
    expect(thumb.dataset.state).toBe('none');
  });

  it('asks nothing for a run without a stored connection', async () => {
    render(Thumbnail, { connectionId: null, path: '/content/dam/a.jpg' });
    const thumb = screen.getByTestId('thumbnail');
    show(thumb);
    await Promise.resolve();
    expect(thumb.querySelector('img')).toBeNull();
  });

  it('stands in with an icon of what the asset is, over a shimmer while it is coming', async () => {
    const kinds: [string, string][] = [
      ['/content/dam/a.jpg', 'image'],
      ['/content/dam/guide.pdf', 'pdf'],
      ['/content/dam/surf.mp4', 'video'],
      ['/content/dam/adventures/crimson-trail', 'fragment'],
      ['/content/dam/prices.xlsx', 'other'],
    ];
    for (const [path, kind] of kinds) {
      const { unmount } = render(Thumbnail, { connectionId: 'c-1', path });
      const thumb = screen.getByTestId('thumbnail');
      expect(thumb.dataset.kind).toBe(kind);
      expect(thumb.querySelector('svg.icon')).not.toBeNull();
      expect(thumb).toHaveClass('waiting');
      unmount();
    }
    // No connection to fetch with: the icon stays, the shimmer stops (nothing is coming).
    render(Thumbnail, { connectionId: null, path: '/content/dam/guide.pdf' });
    const none = screen.getByTestId('thumbnail');
    show(none);
    await Promise.resolve();
    expect(none.dataset.state).toBe('none');
    expect(none).not.toHaveClass('waiting');
    expect(none.querySelector('svg.icon')).not.toBeNull();
  });
});
