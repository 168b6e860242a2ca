// A connection's name as the window shows it (issue 77): Metadesk's own in the reader's
// language, a second one to the same environment told apart by its account, the person's own
// as they wrote it; and what the production guard asks to type agrees with the core's words.
import { describe, expect, it } from 'vitest';

import enCore from '../../../locales/en/core.ftl?raw';
import frCore from '../../../locales/fr/core.ftl?raw';
import { connection } from '../test-fixtures';
import { connectionName, isTypedName, typedName } from './connectionName';
import { I18n } from './i18n/i18n.svelte';

const en = new I18n('en');
const fr = new I18n('fr');
const auto = { program: '14726', environment: '686683', oauth: false, account: null };
const stored = 'Program 14726 · environment 686683';

describe('a connection’s name', () => {
  it('is Metadesk’s own in the reader’s language, the stored words left as they are', () => {
    const c = connection({ name: stored, autoName: auto });
    // Seen failing before: the French window showed the stored English words.
    expect(connectionName(c, fr.t)).toBe('Programme 14726 · environnement 686683');
    expect(connectionName(c, en.t)).toBe(stored);
    expect(c.name).toBe(stored);
    const oauth = connection({ name: `${stored} (OAuth)`, autoName: { ...auto, oauth: true } });
    expect(connectionName(oauth, fr.t)).toBe('Programme 14726 · environnement 686683 (OAuth)');
  });

  it('tells a second connection to one environment apart by its account, not “(2)”', () => {
    const second = connection({ name: `${stored} (2)`, autoName: { ...auto, account: 'c9adf360' } });
    expect(connectionName(second, en.t)).toBe('Program 14726 · environment 686683 · account c9adf360');
    expect(connectionName(second, fr.t)).toBe('Programme 14726 · environnement 686683 · compte c9adf360');
    // The guard asks for the environment's words, which the core takes in either language.
    expect(typedName(second, fr.t)).toBe('Programme 14726 · environnement 686683');
    expect(isTypedName(' Programme 14726 · environnement 686683 ', second, fr.t)).toBe(true);
    expect(isTypedName(`${stored} (2)`, second, fr.t)).toBe(true);
    expect(isTypedName('Programme 14726', second, fr.t)).toBe(false);
  });

  it('is the person’s own, as they wrote it', () => {
    const c = connection({ name: 'WKND Prod', autoName: null });
    expect(connectionName(c, fr.t)).toBe('WKND Prod');
    expect(typedName(c, fr.t)).toBe('WKND Prod');
  });

  it('is worded as the core suggests it, so what the window asks to type is what the core takes', () => {
    for (const [i18n, core] of [
      [en, enCore],
      [fr, frCore],
    ] as const) {
      for (const [id, oauth] of [
        ['name-suggestion-cloud', false],
        ['name-suggestion-cloud-oauth', true],
      ] as const) {
        const pattern = new RegExp(`^${id} = (.*)$`, 'm').exec(core)?.[1];
        const words = pattern?.replace('{ $program }', '14726').replace('{ $environment }', '686683');
        expect(typedName(connection({ autoName: { ...auto, oauth } }), i18n.t), id).toBe(words);
      }
    }
  });
});
