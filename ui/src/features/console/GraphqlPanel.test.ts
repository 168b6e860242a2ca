// The GraphQL tab: its history (what was sent for this connection, newest first; an entry
// re-opens its query and variables in the editor, or chooses its persisted query) and the
// configuration field, which the listed configurations never overwrite while the user types.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { HistoryEntry } from '../../ipc/bindings/HistoryEntry';
import { consoleEndpoints, consoleHistory, consolePersisted, consoleSavePersisted, consoleSchema } from '../../ipc/commands';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { connection } from '../../test-fixtures';
import GraphqlPanel from './GraphqlPanel.svelte';

vi.mock('../../ipc/commands', () => ({
  consoleCancel: vi.fn(),
  consoleEndpoints: vi.fn(),
  consoleExport: vi.fn(),
  consoleGraphql: vi.fn(),
  consoleHistory: vi.fn(),
  consolePersisted: vi.fn(),
  consoleRunPersisted: vi.fn(),
  consoleSavePersisted: vi.fn(),
  consoleSchema: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const entry = (o: Partial<HistoryEntry>): HistoryEntry => ({
  at: '2026-11-22T21:00:05Z',
  kind: 'graphql',
  method: 'POST',
  path: '/content/_cq_graphql/metadesk/endpoint.json',
  config: 'metadesk',
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

/** When the entries were sent, as the window says a time: in the user's zone and words. */
const shownAt = new I18n('en').dateTime('2026-11-22T21:00:05Z');

function editorText(): string {
  return screen.getByTestId('graphql-editor-host').shadowRoot?.querySelector('.cm-content')?.textContent ?? '';
}

describe('the GraphQL history', () => {
  it('lists what was sent and re-opens an entry in the editor', async () => {
    const user = userEvent.setup();
    vi.mocked(consoleEndpoints).mockResolvedValue({ configs: ['global', 'metadesk'], listed: true, note: null });
    vi.mocked(consoleSchema).mockRejectedValue({ code: 'not_found', message: 'no schema here' });
    vi.mocked(consolePersisted).mockResolvedValue([
      { config: 'metadesk', name: 'article-by-path', short_path: '/metadesk/article-by-path', query: '{ x }' },
    ]);
    vi.mocked(consoleHistory).mockResolvedValue([
      entry({ kind: 'request', method: 'GET', path: '/content/dam.1.json', config: null }),
      entry({ query: '{ articleList { items { author } } }', variables: '{"n":1}', outcome: '1 GraphQL error' }),
      entry({ kind: 'persisted', method: 'GET', query: 'article-by-path', variables: '{"path":"/x"}' }),
    ]);
    render(GraphqlPanel, { connection: connection() });

    await waitFor(() => expect(editorText()).toContain('articleList'));
    const items = await screen.findAllByTestId('graphql-history-entry');
    const [query, persisted] = items;
    if (!query || !persisted) throw new Error('two entries expected');
    expect(items.map((i) => i.textContent?.trim())).toEqual([
      `${shownAt} · { articleList { items { author } } } · metadesk · 1 GraphQL error`,
      `${shownAt} · persisted metadesk/article-by-path · metadesk · 200`,
    ]);
    expect(consoleHistory).toHaveBeenCalledWith('c1');

    await user.click(query);
    expect(editorText()).toBe('{ articleList { items { author } } }');
    expect(screen.getByTestId('graphql-variables')).toHaveValue('{\n  "n": 1\n}');
    expect(screen.getByTestId('graphql-endpoint')).toHaveValue('metadesk');

    await user.click(persisted);
    expect(screen.getByTestId('persisted-select')).toHaveValue('/metadesk/article-by-path');
    expect(screen.getByTestId('graphql-variables')).toHaveValue('{\n  "path": "/x"\n}');
  });
});

describe('the GraphQL configuration field', () => {
  it('keeps what the user is typing when the listed configurations arrive', async () => {
    const user = userEvent.setup();
    let list!: (value: { configs: string[]; listed: boolean; note: null }) => void;
    vi.mocked(consoleEndpoints).mockReturnValue(new Promise((resolve) => (list = resolve)));
    vi.mocked(consoleSchema).mockRejectedValue({ code: 'not_found', message: 'no schema here' });
    vi.mocked(consolePersisted).mockResolvedValue([]);
    vi.mocked(consoleHistory).mockResolvedValue([]);
    render(GraphqlPanel, { connection: connection() });

    const field = screen.getByTestId('graphql-endpoint');
    await waitFor(() => expect(consoleEndpoints).toHaveBeenCalled());
    await user.clear(field);
    await user.type(field, 'metad');
    // Half-typed, the name is not one of the listed ones: it is still the user's.
    list({ configs: ['global', 'metadesk'], listed: true, note: null });
    await waitFor(() => expect(consolePersisted).toHaveBeenCalled());
    await user.type(field, 'esk');
    expect(field).toHaveValue('metadesk');
  });

  it('starts on the first listed configuration when the default is not listed', async () => {
    vi.mocked(consoleEndpoints).mockResolvedValue({ configs: ['wknd', 'metadesk'], listed: true, note: null });
    vi.mocked(consoleSchema).mockRejectedValue({ code: 'not_found', message: 'no schema here' });
    vi.mocked(consolePersisted).mockResolvedValue([]);
    vi.mocked(consoleHistory).mockResolvedValue([]);
    render(GraphqlPanel, { connection: connection() });

    await waitFor(() => expect(screen.getByTestId('graphql-endpoint')).toHaveValue('wknd'));
  });
});

describe('saving a persisted query', () => {
  it('is sent once: Save is disabled while AEM answers, and says what was saved', async () => {
    const user = userEvent.setup();
    vi.mocked(consoleEndpoints).mockResolvedValue({ configs: ['metadesk'], listed: true, note: null });
    vi.mocked(consoleSchema).mockRejectedValue({ code: 'not_found', message: 'no schema here' });
    vi.mocked(consolePersisted).mockResolvedValue([]);
    vi.mocked(consoleHistory).mockResolvedValue([]);
    let answer!: (saved: { created: boolean; short_path: string }) => void;
    vi.mocked(consoleSavePersisted).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(GraphqlPanel, { connection: connection() });
    await user.type(screen.getByTestId('persisted-save-name'), 'articles');
    const save = screen.getByTestId('persisted-save');
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    expect(save).toBeDisabled();
    await user.click(save);
    answer({ created: true, short_path: 'metadesk/articles' });
    await waitFor(() => expect(screen.getByTestId('persisted-save-note')).toHaveTextContent('metadesk/articles'));
    expect(consoleSavePersisted).toHaveBeenCalledTimes(1);
    expect(save).toBeEnabled();
  });
});
