// Connection facts in the window's language: the keychain hints a card shows instead of secrets.
import { describe, expect, it } from 'vitest';

import type { SecretHint } from '../../ipc/types';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { secretHint } from './wording';

const HINTS: SecretHint[] = [
  { kind: 'secret', field: 'clientSecret', hint: '••••1d47' },
  { kind: 'secret', field: 'developmentToken', hint: '••••' },
  { kind: 'secret', field: 'password', hint: '••••' },
  { kind: 'privateKey', bits: 2048 },
  { kind: 'words', text: 'a hint an older version stored' },
];

describe('secret hints', () => {
  it('are worded in English', () => {
    const en = new I18n('en');
    expect(HINTS.map((h) => secretHint(h, en))).toEqual([
      'client secret ••••1d47',
      'development token ••••',
      'password ••••',
      'private key (2048-bit RSA)',
      'a hint an older version stored',
    ]);
  });

  it('are worded in French, the key size not grouped, unrecognised words as stored', () => {
    const fr = new I18n('fr');
    expect(HINTS.map((h) => secretHint(h, fr))).toEqual([
      'secret client ••••1d47',
      'jeton de développement ••••',
      'mot de passe ••••',
      'clé privée (RSA 2048 bits)',
      'a hint an older version stored',
    ]);
  });
});
