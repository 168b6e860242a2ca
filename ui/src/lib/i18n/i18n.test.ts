// The window's catalogue: every English message has a French twin with the same variables, no
// message is unused, and plurals, numbers, dates and durations follow each language.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';

import { I18n, SOURCES } from './i18n.svelte';

type Node = { type?: string; name?: string } & Record<string, unknown>;

/** Message id → the names of the variables it uses (walking Fluent's parsed patterns). */
function messages(source: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const resource = new FluentResource(source) as unknown as { body: { id: string; value: unknown }[] };
  for (const message of resource.body) {
    const vars = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const n = node as Node;
        if (n.type === 'var' && typeof n.name === 'string') vars.add(n.name);
        Object.values(n).forEach(walk);
      }
    };
    walk(message.value);
    expect(out.has(message.id), `${message.id} is defined twice`).toBe(false);
    out.set(message.id, vars);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the catalogue', () => {
  const en = messages(SOURCES.en);
  const fr = messages(SOURCES.fr);

  it('has a French twin with the same variables for every English message', () => {
    expect([...en.keys()].filter((id) => !fr.has(id))).toEqual([]);
    expect([...fr.keys()].filter((id) => !en.has(id))).toEqual([]);
    for (const [id, vars] of en) expect([...(fr.get(id) ?? [])].sort(), id).toEqual([...vars].sort());
  });

  it('has no message the window never asks for', () => {
    const code = sourceFiles(join(__dirname, '../..')).map((p) => readFileSync(p, 'utf8')).join('\n');
    // Ids built from a value: `kind-${kind}` (credential kinds), the words of a run's rows
    // done that its summary names (`count-…`, `RunSummary.done_words`) and message references.
    const dynamic = (id: string) => id.startsWith('kind-') || id.startsWith('count-');
    const referenced = (id: string) => SOURCES.en.includes(`{ ${id} }`);
    const unused = [...en.keys()].filter((id) => !dynamic(id) && !referenced(id) && !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('names each page in the sidebar as its title does, in every language', () => {
    for (const lang of ['en', 'fr'] as const) {
      const i18n = new I18n(lang);
      for (const page of ['connections', 'activity', 'console', 'settings']) {
        expect(i18n.t(`nav-${page}`), `${lang}: nav-${page}`).toBe(i18n.t(`${page}-title`));
      }
    }
  });

  it('uses French typography in French', () => {
    for (const line of SOURCES.fr.split('\n').filter((l) => !l.startsWith('#'))) {
      for (const mark of [' :', ' ;', ' !', ' ?', '« ', ' »']) expect(line, line).not.toContain(mark);
    }
  });
});

describe('formats', () => {
  const en = new I18n('en');
  const fr = new I18n('fr');

  it('chooses plurals by language (French “one” covers 0 and 1)', () => {
    expect(en.t('assets-count', { count: 0 })).toBe('0 assets');
    expect(en.t('assets-count', { count: 1 })).toBe('1 asset');
    expect(fr.t('assets-count', { count: 0 })).toBe('0 ressource');
    expect(fr.t('assets-count', { count: 1 })).toBe('1 ressource');
    expect(fr.t('assets-count', { count: 2 })).toBe('2 ressources');
    expect(fr.t('assets-count', { count: 1234 })).toBe('1\u202f234 ressources');
    expect(en.t('assets-count', { count: 1234 })).toBe('1,234 assets');
  });

  it('writes numbers, dates and durations for the language', () => {
    expect(en.number(1234567.5)).toBe('1,234,567.5');
    expect(fr.number(1234567.5)).toBe('1\u202f234\u202f567,5');
    const at = new Date(Date.UTC(2026, 1, 4, 12, 0));
    expect(fr.date(at)).toBe('4 févr. 2026');
    expect(en.date(at)).toBe('4 Feb 2026');
    expect(en.duration(200 * 60)).toBe('3 h 20 min');
    expect(fr.duration(30)).toBe('moins d’une minute');
    expect(fr.duration(3 * 86_400)).toBe('3 jours');
  });

  it('falls back to English, then to the id, never to nothing', () => {
    expect(fr.t('nav-settings')).toBe('Paramètres');
    expect(fr.t('no-such-message')).toBe('no-such-message');
  });
});

// Issue 77: one idiomatic French word for undo, used everywhere and never confused with Cancel
// ("Annuler"): "Revenir en arrière" (the action), "retour en arrière" (what it made). "Défaire"
// read as a translation, and "Rétablir" is Redo in French software.
describe('undo in French', () => {
  const fr = new I18n('fr');
  it('is “Revenir en arrière” on every undo button, the upload’s included', () => {
    for (const id of ['undo', 'bulk-undo-run', 'tags-import-undo', 'tags-rename-undo', 'upload-undo']) {
      expect(fr.t(id), id).toMatch(/^Revenir en arrière/);
    }
    expect(fr.t('bulk-apply-undo', { count: 3 })).toBe('Revenir en arrière sur 3 modifications');
  });

  it('never says défaire, nor Annuler for an undo, nor “Toute casse” or “heure de retrait”', () => {
    const messages = SOURCES.fr.split('\n').filter((line) => !line.startsWith('#'));
    expect(messages.filter((line) => /d[ée]fai[rst]/i.test(line))).toEqual([]);
    expect(fr.t('bulk-rule-ignore-case')).toBe('Ignorer la casse');
    expect(fr.t('health-count-with-off-time')).toBe('Retrait programmé');
    expect(fr.t('cancel')).toBe('Annuler');
  });
});
