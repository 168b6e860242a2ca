// What the console's panels send and re-open, as pure functions (tested in compose.test.ts):
// the request built from the Requests form (a JSON/text body or form fields), the JSON body's
// check, and the GraphQL tab's history entries and how each re-opens in the editor.
// Not here: sending (the core does it, and URL-encodes form fields itself).
import type { ConsoleRequest } from '../../ipc/bindings/ConsoleRequest';
import type { Header } from '../../ipc/bindings/Header';
import type { HistoryEntry } from '../../ipc/bindings/HistoryEntry';

export type BodyMode = 'text' | 'form';

export interface RequestForm {
  method: string;
  path: string;
  headers: Header[];
  bodyMode: BodyMode;
  body: string;
  form: Header[];
}

/** True for methods that send a body (and, on production, ask for the connection's name). */
export function isWrite(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

/** The request the form describes: rows without a name are left out; GET/HEAD send no body. */
export function buildRequest(f: RequestForm): ConsoleRequest {
  const named = (rows: Header[]) => rows.filter((h) => h.name.trim() !== '');
  const writes = isWrite(f.method);
  const fields = named(f.form);
  return {
    method: f.method,
    path: f.path,
    headers: named(f.headers),
    body: writes && f.bodyMode === 'text' && f.body.trim() ? f.body : null,
    form: writes && f.bodyMode === 'form' && fields.length ? fields : null,
  };
}

/** The window's words (`I18n.t`). */
export type Words = (id: string, args?: Record<string, string | number>) => string;

/** Why a body that looks like JSON is not, or null. */
export function bodyProblem(body: string, t: Words): string | null {
  const text = body.trim();
  if (!text || !(text.startsWith('{') || text.startsWith('['))) return null;
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return t('console-not-json', { detail: e instanceof Error ? e.message : String(e) });
  }
}

/** Why the form fields cannot be sent, or null (a value without a name would be lost). */
export function formProblem(form: Header[], t: Words): string | null {
  const nameless = form.find((f) => f.name.trim() === '' && f.value !== '');
  return nameless ? t('console-field-without-name', { value: nameless.value }) : null;
}

/** The form back from a history entry or a saved request (form fields re-open as fields). */
export function formFrom(entry: HistoryEntry): RequestForm {
  const form = entry.form ?? [];
  return {
    method: entry.method,
    path: entry.path,
    headers: entry.headers.length ? entry.headers.map((h) => ({ ...h })) : [{ name: '', value: '' }],
    bodyMode: form.length ? 'form' : 'text',
    body: entry.body ?? '',
    form: form.length ? form.map((h) => ({ ...h })) : [{ name: '', value: '' }],
  };
}

/** The GraphQL tab's history: queries run, persisted queries run and saved, newest first. */
export function graphqlHistory(entries: HistoryEntry[]): HistoryEntry[] {
  return entries.filter((e) => e.kind !== 'request');
}

/** One line for a GraphQL history entry: when (`when`: in the user's time zone and words),
 *  what, where, how it went. */
export function describeGraphql(e: HistoryEntry, t: Words, when: (at: string) => string): string {
  const what =
    e.kind === 'persisted'
      ? t('console-history-persisted', { config: e.config ?? '', name: e.query ?? '' })
      : e.kind === 'save_persisted'
        ? t('console-history-saved-as', { path: e.path.replace('/graphql/persist.json/', '') })
        : firstLine(e.query ?? '');
  return `${when(e.at)} · ${what} · ${e.config ?? ''} · ${e.outcome}`;
}

function firstLine(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** What re-opening an entry puts back: the editor's text, or the persisted query to pick. */
export type Reopened =
  | { kind: 'query'; config: string; query: string; variables: string }
  | { kind: 'persisted'; config: string; shortPath: string; variables: string };

export function reopen(e: HistoryEntry): Reopened | null {
  const config = e.config ?? 'global';
  const variables = e.variables ? prettyJson(e.variables) : '';
  if (e.kind === 'persisted' && e.query) {
    return { kind: 'persisted', config, shortPath: `/${config}/${e.query}`, variables };
  }
  if ((e.kind === 'graphql' || e.kind === 'save_persisted') && e.query !== null) {
    return { kind: 'query', config, query: e.query, variables };
  }
  return null;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
