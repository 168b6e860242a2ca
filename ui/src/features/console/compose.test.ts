// The console's requests and history: form fields go as fields (never with a body), GET sends
// nothing, history entries re-open as they were sent; and the Requests tab sends what its form
// field editor holds.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { HistoryEntry } from '../../ipc/bindings/HistoryEntry';
import { consoleHistory, consoleRequest, consoleSaved } from '../../ipc/commands';
import { connection } from '../../test-fixtures';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { buildRequest, describeGraphql, formFrom, formProblem, graphqlHistory, reopen } from './compose';

const { t, dateTime } = new I18n('en');
const fr = new I18n('fr').t;
import RequestPanel from './RequestPanel.svelte';

vi.mock('../../ipc/commands', () => ({
  consoleCurl: vi.fn(),
  consoleDeleteSaved: vi.fn(),
  consoleHistory: vi.fn(),
  consoleRequest: vi.fn(),
  consoleSaveRequest: vi.fn(),
  consoleSaved: vi.fn(),
}));

/** The i-th element with a test id (failing the test when there is none). */
function nth(id: string, i: number): HTMLElement {
  const found = screen.getAllByTestId(id)[i];
  if (!found) throw new Error(`no ${id} number ${i}`);
  return found;
}

afterEach(() => {
  vi.clearAllMocks();
});

const entry = (o: Partial<HistoryEntry>): HistoryEntry => ({
  at: '2026-11-22T21:00:05Z',
  kind: 'request',
  method: 'GET',
  path: '/x',
  config: null,
  query: null,
  variables: null,
  headers: [],
  body: null,
  form: null,
  status: 200,
  millis: 12,
  outcome: '200',
  ...o,
});

describe('building a request', () => {
  const base = { method: 'POST', path: '/content/dam/a.jpg/jcr:content/metadata', headers: [{ name: '', value: '' }], body: '{"a":1}' };

  it('sends form fields instead of the body, without nameless rows', () => {
    const r = buildRequest({
      ...base,
      bodyMode: 'form',
      form: [
        { name: './dc:title', value: 'a & b' },
        { name: ' ', value: '' },
      ],
    });
    expect(r.form).toEqual([{ name: './dc:title', value: 'a & b' }]);
    expect(r.body).toBeNull();
    expect(r.headers).toEqual([]);
  });

  it('sends the body in text mode, and nothing for GET', () => {
    expect(buildRequest({ ...base, bodyMode: 'text', form: [{ name: 'x', value: '1' }] })).toMatchObject({ body: '{"a":1}', form: null });
    expect(buildRequest({ ...base, method: 'GET', bodyMode: 'form', form: [{ name: 'x', value: '1' }] })).toMatchObject({ body: null, form: null });
  });

  it('says when a value has no field name', () => {
    expect(formProblem([{ name: '', value: 'lost' }], t)).toContain('“lost” has no field name');
    expect(formProblem([{ name: '', value: 'lost' }], fr)).toBe('La valeur «\u00a0lost\u00a0» n’a pas de nom de champ.');
    expect(formProblem([{ name: '', value: '' }], t)).toBeNull();
  });

  it('re-opens form fields as fields', () => {
    const f = formFrom(entry({ method: 'POST', form: [{ name: 'a', value: '1' }] }));
    expect(f.bodyMode).toBe('form');
    expect(f.form).toEqual([{ name: 'a', value: '1' }]);
    expect(formFrom(entry({ body: 'x' })).bodyMode).toBe('text');
  });
});

describe('the GraphQL history', () => {
  const query = entry({ kind: 'graphql', method: 'POST', config: 'metadesk', query: '{\n  articleList { items { title } }\n}', variables: '{"a":1}', outcome: '1 GraphQL error' });
  const persisted = entry({ kind: 'persisted', config: 'metadesk', query: 'article-by-path', variables: '{"path":"/x"}' });
  const saved = entry({ kind: 'save_persisted', method: 'PUT', path: '/graphql/persist.json/metadesk/titles', config: 'metadesk', query: '{ a }', outcome: 'created' });

  it('keeps GraphQL entries only and describes each', () => {
    expect(graphqlHistory([entry({}), query, persisted, saved])).toEqual([query, persisted, saved]);
    expect(describeGraphql(query, t, dateTime)).toBe(`${dateTime('2026-11-22T21:00:05Z')} · { articleList { items { title } } } · metadesk · 1 GraphQL error`);
    expect(describeGraphql(persisted, t, dateTime)).toContain('persisted metadesk/article-by-path');
    expect(describeGraphql(persisted, fr, dateTime)).toContain('requête persistante metadesk/article-by-path');
    expect(describeGraphql(saved, t, dateTime)).toContain('saved as metadesk/titles · metadesk · created');
    expect(describeGraphql(saved, fr, dateTime)).toContain('enregistrée sous metadesk/titles');
  });

  it('re-opens a query in the editor and a persisted query by its short path', () => {
    expect(reopen(query)).toEqual({ kind: 'query', config: 'metadesk', query: query.query, variables: '{\n  "a": 1\n}' });
    expect(reopen(persisted)).toEqual({ kind: 'persisted', config: 'metadesk', shortPath: '/metadesk/article-by-path', variables: '{\n  "path": "/x"\n}' });
    expect(reopen(saved)).toMatchObject({ kind: 'query', query: '{ a }', variables: '' });
    expect(reopen(entry({}))).toBeNull();
  });
});

describe('the Requests tab', () => {
  it('sends the form fields typed in its editor, and re-opens them from the history', async () => {
    const user = userEvent.setup();
    const sent = entry({ method: 'POST', path: '/content/dam/a.jpg/jcr:content/metadata', form: [{ name: './dc:title', value: 'Été & co' }] });
    vi.mocked(consoleHistory).mockResolvedValueOnce([]).mockResolvedValue([sent]);
    vi.mocked(consoleSaved).mockResolvedValue([]);
    vi.mocked(consoleRequest).mockResolvedValue({ status: 200, millis: 3, headers: [], content_type: 'text/html', size: 0, truncated: false, body: { kind: 'empty' } });
    render(RequestPanel, { connection: connection() });

    await user.selectOptions(screen.getByTestId('request-method'), 'POST');
    const path = screen.getByTestId('request-path');
    await user.clear(path);
    await user.type(path, '/content/dam/a.jpg/jcr:content/metadata');
    await user.click(screen.getByTestId('request-body-form'));
    await user.type(nth('request-form-name', 0), './dc:title');
    await user.type(nth('request-form-value', 0), 'Été & co');
    await user.click(screen.getByTestId('request-form-add'));
    await user.type(nth('request-form-value', 1), 'orphan');
    expect(screen.getByRole('alert')).toHaveTextContent('“orphan” has no field name');
    expect(screen.getByTestId('request-send')).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Remove field 2' }));
    await user.click(screen.getByTestId('request-send'));

    expect(consoleRequest).toHaveBeenCalledWith({
      connection: 'c1',
      request: {
        method: 'POST',
        path: '/content/dam/a.jpg/jcr:content/metadata',
        headers: [{ name: 'Accept', value: 'application/json' }],
        body: null,
        form: [{ name: './dc:title', value: 'Été & co' }],
      },
      typed: null,
      callId: null,
    });
    await waitFor(() => expect(screen.getByTestId('request-status')).toHaveTextContent('200'));

    // Back to a JSON body, then the history entry brings the form fields back.
    await user.click(screen.getByTestId('request-body-text'));
    await user.click(await screen.findByRole('button', { name: /POST \/content\/dam\/a\.jpg/ }));
    expect(screen.getByTestId('request-body-form')).toBeChecked();
    expect(nth('request-form-value', 0)).toHaveValue('Été & co');
  });
});
