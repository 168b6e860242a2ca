// The window's words: messages from the shared catalogue (`locales/<lang>/ui.ftl`, one file a
// page where a page has its own, such as `health.ftl`, and `properties.ftl`, the properties'
// titles the core's words use too; Fluent, read
// at build time), English for any message French lacks, and numbers, dates and durations
// through Intl for the language. One `I18n` per window, handed down through Svelte context
// (`provideI18n` in App.svelte, `useI18n` in components); nothing here is a module-level state.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { getContext, setContext } from 'svelte';

import type { Lang } from '../../ipc/bindings/Lang';
import { toDate } from './dates';
import enUi from '../../../../locales/en/ui.ftl?raw';
import frUi from '../../../../locales/fr/ui.ftl?raw';
import enHealth from '../../../../locales/en/health.ftl?raw';
import frHealth from '../../../../locales/fr/health.ftl?raw';
import enUpload from '../../../../locales/en/upload-window.ftl?raw';
import frUpload from '../../../../locales/fr/upload-window.ftl?raw';
import enProperties from '../../../../locales/en/properties.ftl?raw';
import frProperties from '../../../../locales/fr/properties.ftl?raw';

export type { Lang };
export type Args = Record<string, FluentVariable>;

/** The catalogue sources by language (tests check them against each other). */
export const SOURCES: Record<Lang, string> = {
  en: `${enUi}\n${enHealth}\n${enUpload}\n${enProperties}`,
  fr: `${frUi}\n${frHealth}\n${frUpload}\n${frProperties}`,
};

function bundle(lang: Lang): FluentBundle {
  // Isolation marks are for mixed-direction text; they would only get in the way here.
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(SOURCES[lang]));
  for (const error of errors) console.error(`ui.ftl (${lang}):`, error);
  return b;
}

export class I18n {
  lang = $state<Lang>('en');
  // Parsed on first use: an English window never parses the French catalogue.
  readonly #bundles: Partial<Record<Lang, FluentBundle>> = {};

  constructor(lang: Lang = 'en') {
    this.lang = lang;
  }

  #bundle(lang: Lang): FluentBundle {
    return (this.#bundles[lang] ??= bundle(lang));
  }

  /** The BCP 47 tag Intl and `<html lang>` use. */
  get locale(): string {
    return this.lang === 'fr' ? 'fr-FR' : 'en-GB';
  }

  /** The message `id` with `args`; English when this language lacks it, the id when no
   *  catalogue has it (the catalogue tests make sure that never ships). */
  t = (id: string, args?: Args): string => {
    for (const b of [this.#bundle(this.lang), this.#bundle('en')]) {
      const message = b.getMessage(id);
      if (message?.value) {
        const errors: Error[] = [];
        const text = b.formatPattern(message.value, args ?? null, errors);
        if (errors.length > 0) console.error(`message ${id}:`, errors);
        return text;
      }
    }
    console.error(`message ${id} is missing from every catalogue`);
    return id;
  };

  /** A number with the language's grouping and decimal separator. */
  number = (value: number, options?: Intl.NumberFormatOptions): string =>
    new Intl.NumberFormat(this.locale, options).format(value);

  /** A date and time in the user's time zone ("22 Nov 2026, 10:00"). */
  dateTime = (value: string | Date): string => {
    const date = toDate(value);
    if (!date) return String(value);
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  };

  /** A day ("22 Nov 2026"). */
  date = (value: string | Date): string => {
    const date = toDate(value);
    if (!date) return String(value);
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(date);
  };

  /** A length of time in words, to the precision that matters ("3 h 20 min", "2 days"). */
  duration = (seconds: number): string => {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return this.t('duration-seconds', { seconds: s });
    if (s >= 2 * 86_400) return this.t('duration-days', { days: Math.floor(s / 86_400) });
    return this.t('duration-hours-minutes', { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60) });
  };

  /** How long something took, to the second under an hour ("45 s", "2 min 5 s", "1 h 3 min"). */
  elapsed = (seconds: number | null): string => {
    if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
    const s = Math.round(seconds);
    if (s >= 3600) return this.t('elapsed-hours', { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60) });
    return this.t('elapsed-minutes', { minutes: Math.floor(s / 60), seconds: s % 60 });
  };
}

const KEY = Symbol('i18n');

/** Makes `i18n` the words of every component below the caller. */
export function provideI18n(i18n: I18n): I18n {
  setContext(KEY, i18n);
  return i18n;
}

/** The context `provideI18n` sets, for a component rendered on its own in another language
 *  (tests: `render(Component, { props, context: i18nContext(new I18n('fr')) })`). */
export function i18nContext(i18n: I18n): Map<symbol, I18n> {
  // A component's context is a plain Map, read once when it mounts: nothing here is reactive.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  return new Map([[KEY, i18n]]);
}

/** The window's `I18n`; a component rendered on its own (unit tests) gets English. */
export function useI18n(): I18n {
  return getContext<I18n | undefined>(KEY) ?? new I18n('en');
}
