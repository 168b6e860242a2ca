// File kinds from names, and names shortened in their middle keeping the extension.
import { describe, expect, it } from 'vitest';

import { fileKind, shortenMiddle } from './fileKind';

describe('fileKind', () => {
  it('tells images, PDFs, videos, fragments and the rest apart by name', () => {
    expect(fileKind('/content/dam/wknd/en/alpine-lake.JPG')).toBe('image');
    expect(fileKind('/content/dam/wknd/en/brochure.pdf')).toBe('pdf');
    expect(fileKind('/content/dam/wknd/en/surf.mp4')).toBe('video');
    expect(fileKind('/content/dam/wknd/en/adventures/crimson-trail')).toBe('fragment');
    expect(fileKind('/content/dam/wknd/en/prices.xlsx')).toBe('other');
    // A dot in a folder's name does not make an extension.
    expect(fileKind('/content/dam/v1.2/trail')).toBe('fragment');
  });
});

describe('shortenMiddle', () => {
  it('leaves short text alone', () => {
    expect(shortenMiddle('alpine-lake.jpg', 20)).toBe('alpine-lake.jpg');
  });

  it('cuts the middle, keeping the start and the extension', () => {
    const short = shortenMiddle('napa-wine-tasting-dinner-at-the-vineyard-2026.jpeg', 24);
    expect([...short]).toHaveLength(24);
    expect(short.startsWith('napa-wine-')).toBe(true);
    expect(short.endsWith('2026.jpeg')).toBe(true);
    expect(short).toContain('…');
  });

  it('keeps a path’s last folders readable', () => {
    const short = shortenMiddle('/content/dam/wknd-shared/en/adventures/crimson-city/riverside', 32);
    expect([...short]).toHaveLength(32);
    expect(short.startsWith('/content/dam/')).toBe(true);
    expect(short.endsWith('/riverside')).toBe(true);
  });
});
