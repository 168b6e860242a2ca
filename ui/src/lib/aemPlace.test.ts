// Which AEM a connection or a run is on, in words (issue 68): AEM as a Cloud Service names its
// environments by program and environment numbers only, so a card and a report say them as such
// beside the name, rather than leaving "p14726-e686683" and "p14726-e686683 (2)" to be decoded.
import { describe, expect, it } from 'vitest';

import { I18n } from './i18n/i18n.svelte';
import { aemPlace, aemPlaceWords } from './aemPlace';

const en = new I18n('en');
const fr = new I18n('fr');

describe('which AEM, in words', () => {
  it('reads the program and environment of a Cloud Service address', () => {
    expect(aemPlace('https://author-p14726-e686683.adobeaemcloud.com')).toEqual({ program: '14726', environment: '686683', tier: 'author' });
    expect(aemPlace('https://publish-p1-e2.adobeaemcloud.com/')).toEqual({ program: '1', environment: '2', tier: 'publish' });
    expect(aemPlace('author-p14726-e686683-cmstg.adobeaemcloud.net')).toEqual({ program: '14726', environment: '686683', tier: 'author' });
  });

  it('says nothing of an address that is not AEM as a Cloud Service', () => {
    expect(aemPlace('http://localhost:4502')).toBeNull();
    expect(aemPlace('https://author-p1-e2.example.com')).toBeNull();
    expect(aemPlace('not a url')).toBeNull();
  });

  it('says it in both languages', () => {
    expect(aemPlaceWords(en.t, 'https://author-p14726-e686683.adobeaemcloud.com')).toBe('Program 14726 · environment 686683');
    expect(aemPlaceWords(fr.t, 'https://author-p14726-e686683.adobeaemcloud.com')).toBe('Programme 14726 · environnement 686683');
    expect(aemPlaceWords(en.t, 'http://localhost:4502')).toBeNull();
  });
});
