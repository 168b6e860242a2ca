// The Connections page with the IPC seam mocked: the list, the results of imports (refusals
// with every reason, the pending-choice form), editing, delete with a confirmation, and the
// disabled states (keychain unavailable, an action running).
import { act, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  addLocalSdk,
  completeImport,
  deleteConnection,
  discardImport,
  importPastedJson,
  listConnections,
  connectionHealth,
  setPairedConnection,
  renameConnection,
  setConnectionProduction,
  setConnectionUrl,
  startSandbox,
  testConnection,
} from '../../ipc/commands';
import type { ConnectionHealth, ConnectionTestReport, ConnectionView, FileResult, ImportPreview } from '../../ipc/types';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection } from '../../test-fixtures';
import { ConnectionsModel } from './connections.svelte';
import ConnectionsPage from './ConnectionsPage.svelte';
import ImportResults from './ImportResults.svelte';

vi.mock('../../ipc/commands', () => ({
  listConnections: vi.fn(),
  sandboxStatus: vi.fn(),
  importPastedJson: vi.fn(),
  chooseCredentialFiles: vi.fn(),
  completeImport: vi.fn(),
  discardImport: vi.fn(),
  previewPendingChoice: vi.fn(),
  addLocalSdk: vi.fn(),
  renameConnection: vi.fn(),
  setConnectionUrl: vi.fn(),
  setConnectionProduction: vi.fn(),
  setPairedConnection: vi.fn(),
  openapiSearchAnswers: vi.fn(() => Promise.resolve(false)),
  deleteConnection: vi.fn(),
  startSandbox: vi.fn(),
  connectionHealth: vi.fn(() => Promise.resolve({})),
  testConnection: vi.fn(),
}));

const PREVIEW: ImportPreview = {
  kind: 'oauthServerToServer',
  kindLabel: 'OAuth Server-to-Server credential',
  summary: 'An OAuth Server-to-Server credential from the Adobe Developer Console.',
  capabilities: [],
  warnings: [],
  suggestedName: 'Project · Metadesk',
  aemUrl: null,
  needsAemUrl: true,
  imsBase: null,
  clientId: '0a1b2c3d',
  technicalAccountEmail: null,
  actsAs: null,
  expiresAt: null,
  secretHints: ['client secret ••••beef'],
  choices: [],
  choice: null,
};

async function renderPage(connections: ConnectionView[], keychainProblem: string | null = null) {
  vi.mocked(listConnections).mockResolvedValue(connections);
  const model = new ConnectionsModel();
  await model.reload();
  render(ConnectionsPage, { model, keychainProblem });
  return model;
}

beforeEach(() => {
  vi.mocked(discardImport).mockResolvedValue();
});

afterEach(() => {
  vi.clearAllMocks();
});

describe('the list', () => {
  it('notes the JWT migration on service credentials, and pairs an OAuth connection with one on its AEM', async () => {
    const user = userEvent.setup();
    const service = connection({ id: 's1', name: 'Service', host: 'author-p1-e2.adobeaemcloud.com' });
    const oauth = connection({ id: 'o1', name: 'OAuth', kind: 'oauthServerToServer', host: 'author-p1-e2.adobeaemcloud.com' });
    vi.mocked(setPairedConnection).mockResolvedValue({ ...oauth, pairedWith: 's1' });
    await renderPage([service, oauth]);
    const cards = await screen.findAllByTestId('connection');
    const [serviceCard, oauthCard] = cards as [HTMLElement, HTMLElement];
    expect(within(serviceCard).getByTestId('jwt-note')).toHaveTextContent('legacy');
    // Credential internals (legacy JWT, IMS, the technical account) wait under a closed
    // "Technical details": the card's first read is its kind and its AEM.
    const technical = within(serviceCard).getByTestId('connection-technical');
    expect(technical).not.toHaveAttribute('open');
    expect(technical).toContainElement(within(serviceCard).getByTestId('jwt-note'));
    expect(within(technical).getByText('Technical details')).toBeInTheDocument();
    expect(within(oauthCard).queryByTestId('jwt-note')).not.toBeInTheDocument();
    await user.selectOptions(within(oauthCard).getByTestId('paired-select'), 's1');
    expect(setPairedConnection).toHaveBeenCalledWith({ id: 'o1', paired: 's1' });
    await waitFor(() => expect(within(oauthCard).getByTestId('paired-select')).toHaveValue('s1'));
  });

  it('shows each connection with its kind, host, status in words and the AEM user', async () => {
    await renderPage([
      connection(),
      connection({
        id: 'c2',
        name: 'Prod',
        production: true,
        status: { state: 'expired' },
        // The status is worded from the date, in the window's language.
        certificateExpiresAt: '2025-01-01T12:00:00Z',
      }),
      connection({
        id: 'c3',
        name: 'Token',
        kind: 'localDevToken',
        certificateExpiresAt: null,
        tokenExpiresAt: '2026-05-14T14:05:00Z',
        actsAs: 'dev.user@example.com',
        technicalAccountEmail: null,
        status: { state: 'ok' },
      }),
    ]);
    const [first, second, third] = screen.getAllByTestId('connection') as [HTMLElement, HTMLElement, HTMLElement];
    expect(screen.getAllByTestId('connection')).toHaveLength(3);
    expect(first).toHaveTextContent('AEM service credentials');
    expect(first).toHaveTextContent('author-p12345-e67890.adobeaemcloud.com');
    expect(within(first).getByTestId('connection-status')).toHaveTextContent('Certificate expires in 12 days');
    expect(first).toHaveTextContent('The AEM user to give permissions to');
    expect(first).toHaveTextContent('abc@techacct.adobe.com');
    expect(first).toHaveTextContent('client secret ••••1d47');
    expect(within(second).getByTestId('badge-production')).toHaveTextContent('Production');
    expect(within(second).getByTestId('connection-status')).toHaveTextContent('Certificate expired on 1 Jan 2025');
    expect(within(third).getByTestId('connection-status')).toHaveTextContent(/Acts as dev.user@example.com · token ends/);
    expect(screen.queryByTestId('empty-connections')).not.toBeInTheDocument();
  });

  it('says which environment each connection is on, under its name, where the address says it (issue 68)', async () => {
    await renderPage([
      connection({ name: 'p12345-e67890' }),
      connection({ id: 'c2', name: 'p12345-e67890 (2)' }),
      connection({ id: 'c3', name: 'Local', aemUrl: 'http://localhost:4502', host: 'localhost:4502' }),
      connection({ id: 'c4', name: 'Program 12345 · environment 67890' }),
    ]);
    const [first, second, third, fourth] = screen.getAllByTestId('connection') as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    // A name that is those very words (the default name) is not followed by them again.
    expect(within(fourth).queryByTestId('connection-place')).toBeNull();
    expect(within(first).getByTestId('connection-place')).toHaveTextContent('Program 12345 · environment 67890');
    expect(within(second).getByTestId('connection-place')).toHaveTextContent('Program 12345 · environment 67890');
    expect(within(third).queryByTestId('connection-place')).toBeNull();
  });

  it('shows production as a badge, and changes it only through a menu item that asks first (issue 68)', async () => {
    const user = userEvent.setup();
    vi.mocked(setConnectionProduction).mockResolvedValue(undefined as never);
    await renderPage([connection({ name: 'WKND Prod', production: true })]);
    const card = screen.getByTestId('connection');
    expect(within(card).getByTestId('badge-production')).toHaveTextContent('Production');
    // The state is the badge alone: no button on the card says it.
    expect(within(card).queryByTestId('toggle-production')).toBeNull();
    const more = within(card).getByTestId('connection-menu');
    expect(more).toHaveAttribute('aria-haspopup', 'menu');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    // An action, worded as one, in a menu, and not as a pressed state.
    const action = within(card).getByRole('menuitem', { name: 'Remove the production mark…' });
    expect(action).toHaveAttribute('data-testid', 'toggle-production');
    expect(action).not.toHaveAttribute('aria-pressed');
    // The first item has the focus; the arrows go round.
    expect(within(card).getByRole('menuitem', { name: 'Edit address' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(action).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(card).getByRole('menuitem', { name: 'Edit address' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(card).queryByRole('menu')).toBeNull();
    expect(more).toHaveFocus();
    await user.click(more);
    await user.click(within(card).getByTestId('toggle-production'));
    expect(within(card).queryByRole('menu')).toBeNull();
    const dialog = screen.getByTestId('production-change-dialog');
    expect(dialog).toHaveTextContent('Stop treating WKND Prod as production?');
    expect(setConnectionProduction).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(setConnectionProduction).not.toHaveBeenCalled();
    await user.click(more);
    await user.click(within(card).getByTestId('toggle-production'));
    expect(screen.getByTestId('production-change-confirm')).toHaveTextContent('Remove the mark');
    await user.click(screen.getByTestId('production-change-confirm'));
    await waitFor(() => expect(setConnectionProduction).toHaveBeenCalledWith({ id: 'c1', production: false }));
  });

  it('asks before marking a connection production, saying what changes then', async () => {
    const user = userEvent.setup();
    vi.mocked(setConnectionProduction).mockResolvedValue(undefined as never);
    await renderPage([connection({ name: 'WKND Prod', production: false })]);
    await user.click(screen.getByTestId('connection-menu'));
    expect(screen.getByRole('menuitem', { name: 'Mark as production…' })).toBeInTheDocument();
    await user.click(screen.getByTestId('toggle-production'));
    expect(screen.getByTestId('production-change-dialog')).toHaveTextContent('Mark WKND Prod as production?');
    expect(screen.getByTestId('production-change-dialog')).toHaveTextContent('type its name');
    await user.click(screen.getByTestId('production-change-confirm'));
    await waitFor(() => expect(setConnectionProduction).toHaveBeenCalledWith({ id: 'c1', production: true }));
  });

  it('marks the sandbox connection as such and offers no production switch for it', async () => {
    const model = await renderPage([connection({ id: 's', name: 'Sandbox', sandbox: true, host: '127.0.0.1:4567' })]);
    model.setSandbox({ state: 'running', url: 'http://127.0.0.1:4567' });
    const card = screen.getByTestId('connection');
    expect(within(card).getByTestId('badge-sandbox')).toBeInTheDocument();
    expect(card).toHaveTextContent('Sandbox — a simulated AEM on this computer');
    await waitFor(() => expect(within(card).getByTestId('sandbox-state')).toHaveTextContent('Running on this computer'));
    expect(within(card).queryByTestId('connection-menu')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('toggle-production')).not.toBeInTheDocument();
    // One sandbox is enough: the button to add another is gone.
    expect(screen.queryByTestId('try-sandbox')).not.toBeInTheDocument();
  });

  it('checks an edited address before sending it, and shows the app core’s words', async () => {
    const user = userEvent.setup();
    await renderPage([connection()]);
    await user.click(screen.getByTestId('connection-menu'));
    await user.click(screen.getByRole('menuitem', { name: 'Edit address' }));
    const input = screen.getByLabelText('AEM author address');
    await user.clear(input);
    await user.type(input, 'http://aem.example.com');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByTestId('edit-error')).toHaveTextContent('Use an https address');
    expect(setConnectionUrl).not.toHaveBeenCalled();

    vi.mocked(setConnectionUrl).mockRejectedValue({ code: 'invalid_input', message: 'The AEM address is not usable: it has a path.' });
    await user.clear(input);
    await user.type(input, 'https://aem.example.com/x');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('edit-error')).toHaveTextContent('it has a path'));
  });
});

describe('delete', () => {
  it('asks first, naming the connection; Escape cancels; confirming deletes', async () => {
    const user = userEvent.setup();
    await renderPage([connection()]);
    vi.mocked(deleteConnection).mockResolvedValue();

    await user.click(screen.getByTestId('delete-connection'));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Delete “p12345 · e67890”?');
    expect(dialog).toHaveTextContent('removes its secrets from your keychain');
    expect(screen.getByTestId('delete-cancel')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(deleteConnection).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('delete-connection'));
    vi.mocked(listConnections).mockResolvedValue([]);
    await user.click(screen.getByTestId('delete-confirm'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(deleteConnection).toHaveBeenCalledWith('c1');
    expect(await screen.findByTestId('empty-connections')).toBeInTheDocument();
    // The card and its Delete button are gone: focus lands on the page's heading, not nowhere.
    expect(screen.getByRole('heading', { level: 1, name: 'Connections' })).toHaveFocus();
  });
});

describe('ways in', () => {
  it('are all disabled with the keychain’s reason when it cannot be used', async () => {
    await renderPage([], 'The system keychain is locked. Unlock it and try again.');
    for (const id of ['choose-file', 'paste-json', 'add-sdk', 'try-sandbox']) {
      expect(screen.getByTestId(id)).toBeDisabled();
    }
    expect(screen.getByTestId('import-blocked')).toHaveTextContent('The system keychain is locked.');
  });

  it('are disabled while the sandbox starts, with progress in words', async () => {
    const user = userEvent.setup();
    let finish!: (view: ConnectionView) => void;
    vi.mocked(startSandbox).mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    await renderPage([]);
    await user.click(screen.getByTestId('try-sandbox'));
    expect(screen.getByTestId('try-sandbox')).toHaveTextContent('Starting the sandbox…');
    expect(screen.getByTestId('sandbox-starting')).toBeInTheDocument();
    for (const id of ['choose-file', 'paste-json', 'add-sdk', 'try-sandbox']) {
      expect(screen.getByTestId(id)).toBeDisabled();
    }
    vi.mocked(listConnections).mockResolvedValue([connection({ sandbox: true, name: 'Sandbox' })]);
    await act(() => finish(connection({ sandbox: true })));
    expect(await screen.findByTestId('connection')).toHaveTextContent('Sandbox');
  });

  it('pastes JSON in a dialog; Import stays off until there is text', async () => {
    const user = userEvent.setup();
    const model = await renderPage([]);
    vi.mocked(importPastedJson).mockResolvedValue({
      file: 'Pasted text',
      result: { state: 'refused', code: 'credential_refused', problems: ['Not a credential.'] },
    });
    await user.click(screen.getByTestId('paste-json'));
    expect(screen.getByTestId('paste-submit')).toBeDisabled();
    await user.type(screen.getByTestId('paste-text'), '{{"a": 1}');
    await user.click(screen.getByTestId('paste-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(importPastedJson).toHaveBeenCalledWith('{"a": 1}');
    expect(model.rows[0]?.result?.state).toBe('refused');
  });

  it('adds a local SDK: names every missing field at once, sends the password once', async () => {
    const user = userEvent.setup();
    await renderPage([]);
    vi.mocked(addLocalSdk).mockResolvedValue({ state: 'imported', connection: connection({ kind: 'localSdk' }) });
    await user.click(screen.getByTestId('add-sdk'));
    expect(screen.getByLabelText('AEM author address')).toHaveValue('http://localhost:4502');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    const errors = screen.getByTestId('sdk-errors');
    expect(errors).toHaveTextContent('Type the user name.');
    expect(errors).toHaveTextContent('Type the password.');
    expect(addLocalSdk).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('User name'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(addLocalSdk).toHaveBeenCalledWith({ url: 'http://localhost:4502', user: 'admin', password: 'pw' });
  });
});

describe('file results', () => {
  function showResult(result: FileResult, file = 'a.json') {
    const model = new ConnectionsModel();
    model.received({ file, result });
    render(ImportResults, { model });
    return model;
  }

  it('lets the person give a dropped file’s connection their own name where it was added (issue 68)', async () => {
    const user = userEvent.setup();
    const added = connection({ id: 'c9', name: 'Program 14726 · environment 686683' });
    vi.mocked(listConnections).mockResolvedValue([added]);
    vi.mocked(renameConnection).mockResolvedValue({ ...added, name: 'WKND Prod' });
    showResult({ state: 'imported', connection: added }, 'service.json');
    const form = screen.getByTestId('name-after-import');
    const input = within(form).getByLabelText('Its name');
    expect(input).toHaveValue('Program 14726 · environment 686683');
    const save = within(form).getByRole('button', { name: 'Save the name' });
    expect(save).toBeDisabled();
    await user.clear(input);
    await user.click(save);
    expect(renameConnection).not.toHaveBeenCalled();
    await user.type(input, '  WKND Prod ');
    await user.click(save);
    await waitFor(() => expect(renameConnection).toHaveBeenCalledWith({ id: 'c9', name: 'WKND Prod' }));
    await waitFor(() => expect(save).toBeDisabled());
    // The core's refusal, in its words: nothing else is said to have happened.
    vi.mocked(renameConnection).mockRejectedValue({ code: 'invalid_input', message: 'There is already a connection called "Stage".' });
    await user.clear(input);
    await user.type(input, 'Stage');
    await user.click(save);
    await waitFor(() => expect(within(form).getByTestId('name-after-import-error')).toHaveTextContent('already a connection called'));
  });

  it('takes the “added … Save the name” line away when that connection is deleted (issue 77)', async () => {
    const added = connection({ id: 'c9', name: 'Program 14726 · environment 686683' });
    vi.mocked(listConnections).mockResolvedValue([]);
    vi.mocked(deleteConnection).mockResolvedValue(undefined);
    const model = showResult({ state: 'imported', connection: added }, 'service.json');
    model.received({ file: 'other.json', result: { state: 'imported', connection: connection({ id: 'c8', name: 'Other' }) } });
    await waitFor(() => expect(screen.getAllByTestId('name-after-import')).toHaveLength(2));
    await model.remove('c9');
    await waitFor(() => expect(screen.getAllByTestId('name-after-import')).toHaveLength(1));
    expect(screen.getByTestId('drop-results')).not.toHaveTextContent('service.json');
  });

  it('lists every reason a file was refused', () => {
    showResult({
      state: 'refused',
      code: 'credential_refused',
      problems: ['The file has no client secret (integration.technicalAccount.clientSecret).', 'The private key is cut short.'],
    });
    const row = screen.getByTestId('drop-result');
    expect(row).toHaveAttribute('data-outcome', 'refused');
    expect(row).toHaveTextContent('a.json was not imported');
    const problems = within(screen.getByTestId('refusal-problems')).getAllByRole('listitem');
    expect(problems.map((p) => p.textContent)).toEqual([
      'The file has no client secret (integration.technicalAccount.clientSecret).',
      'The private key is cut short.',
    ]);
  });

  it('asks for the AEM address before importing a file that names none', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([]);
    showResult({ state: 'needsChoice', pendingId: 'pending-1', preview: PREVIEW }, 'oauth.json');
    const form = screen.getByTestId('pending-form');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    expect(screen.getByTestId('pending-url-error')).toHaveTextContent('Type the AEM author address');
    expect(completeImport).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('pending-url'), 'http://aem.example.com');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    expect(screen.getByTestId('pending-url-error')).toHaveTextContent('Use an https address');

    vi.mocked(completeImport).mockRejectedValue({ code: 'keychain_locked', message: 'The system keychain is locked.' });
    await user.clear(screen.getByTestId('pending-url'));
    await user.type(screen.getByTestId('pending-url'), 'https://author-p1-e2.adobeaemcloud.com');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('pending-error')).toHaveTextContent('keychain is locked'));

    vi.mocked(completeImport).mockResolvedValue({ state: 'imported', connection: connection({ name: 'Project · Metadesk' }) });
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('drop-result')).toHaveAttribute('data-outcome', 'imported'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-1',
      options: { aemUrl: 'https://author-p1-e2.adobeaemcloud.com', name: 'Project · Metadesk', choice: undefined },
    });
  });

  it('shows a host that is not Adobe’s and imports only once the user trusts it by name', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([]);
    showResult({ state: 'needsChoice', pendingId: 'pending-3', preview: PREVIEW }, 'token.json');
    const form = screen.getByTestId('pending-form');
    vi.mocked(completeImport).mockRejectedValueOnce({
      code: 'untrusted_host',
      message: 'author-p1-e2.adobeaemcloud.com.evil.test is not one of Adobe’s AEM hosts',
    });
    await user.type(screen.getByTestId('pending-url'), 'https://author-p1-e2.adobeaemcloud.com.evil.test');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    const warning = await screen.findByTestId('pending-untrusted');
    expect(warning).toHaveTextContent('author-p1-e2.adobeaemcloud.com.evil.test is not one of Adobe’s AEM hosts.');
    expect(warning).toHaveTextContent('token would be sent to it');
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-3',
      options: expect.objectContaining({ trustHost: undefined }),
    });

    vi.mocked(completeImport).mockResolvedValue({ state: 'imported', connection: connection({ name: 'Token' }) });
    await user.click(
      within(form).getByRole('button', { name: 'Trust author-p1-e2.adobeaemcloud.com.evil.test and import' }),
    );
    await waitFor(() => expect(screen.getByTestId('drop-result')).toHaveAttribute('data-outcome', 'imported'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-3',
      options: expect.objectContaining({
        aemUrl: 'https://author-p1-e2.adobeaemcloud.com.evil.test',
        trustHost: 'author-p1-e2.adobeaemcloud.com.evil.test',
      }),
    });
  });

  it('lets the user pick one of several credentials, or not import at all', async () => {
    const user = userEvent.setup();
    const model = showResult({
      state: 'needsChoice',
      pendingId: 'pending-2',
      preview: {
        ...PREVIEW,
        choices: [
          { key: '1', label: 'Metadesk (client id 0a1b)' },
          { key: '2', label: 'Reports (client id 9f8e)' },
        ],
        choice: '1',
      },
    });
    expect(screen.getByRole('radio', { name: 'Metadesk (client id 0a1b)' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Don’t import' }));
    expect(discardImport).toHaveBeenCalledWith('pending-2');
    expect(model.rows).toHaveLength(0);
  });
});

describe('where secrets go', () => {
  function showResult(result: FileResult, file = 'a.json') {
    const model = new ConnectionsModel();
    model.received({ file, result });
    render(ImportResults, { model });
    return model;
  }

  it('shows on each card the IMS host its secrets go to', async () => {
    await renderPage([connection({ imsHost: 'ims-na1-stg1.adobelogin.com' })]);
    expect(within(screen.getByTestId('connection')).getByTestId('connection-ims')).toHaveTextContent(
      'ims-na1-stg1.adobelogin.com',
    );
  });

  it('takes the Adobe IMS address of an OAuth project, and shows the app core’s refusal', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([]);
    showResult({ state: 'needsChoice', pendingId: 'pending-3', preview: PREVIEW }, 'oauth.json');
    const form = screen.getByTestId('pending-form');
    await user.type(screen.getByTestId('pending-url'), 'https://author-p1-e2.adobeaemcloud.com');
    await user.type(screen.getByTestId('pending-ims'), 'https://adobelogin.com.evil.test');
    vi.mocked(completeImport).mockRejectedValue({
      code: 'invalid_input',
      message: 'The IMS address is not usable: "https://adobelogin.com.evil.test" is not Adobe IMS.',
    });
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('pending-error')).toHaveTextContent('is not Adobe IMS'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-3',
      options: expect.objectContaining({ imsUrl: 'https://adobelogin.com.evil.test', replace: undefined }),
    });

    vi.mocked(completeImport).mockResolvedValue({ state: 'imported', connection: connection() });
    await user.clear(screen.getByTestId('pending-ims'));
    await user.type(screen.getByTestId('pending-ims'), 'ims-na1-stg1.adobelogin.com');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('drop-result')).toHaveAttribute('data-outcome', 'imported'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-3',
      options: expect.objectContaining({ imsUrl: 'ims-na1-stg1.adobelogin.com' }),
    });
  });

  it('offers no IMS field for kinds whose file names their IMS', () => {
    showResult({
      state: 'needsChoice',
      pendingId: 'pending-4',
      preview: { ...PREVIEW, kind: 'localDevToken', kindLabel: 'AEM local development token' },
    });
    expect(screen.queryByTestId('pending-ims')).not.toBeInTheDocument();
  });

  it('asks before replacing a connection with the same client id but another key, naming both', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([]);
    showResult(
      {
        state: 'needsChoice',
        pendingId: 'pending-5',
        // The file names no AEM address, but the connection it replaces has one.
        preview: PREVIEW,
        replaces: {
          connectionId: 'c1',
          connectionName: 'Marketing prod',
          differences: ['Its private key is different.', 'It uses the IMS at ims-na1-stg1.adobelogin.com, not ims-na1.adobelogin.com.'],
        },
      },
      'rotated.json',
    );
    expect(screen.getByTestId('drop-result')).toHaveTextContent('with the client id of Marketing prod');
    expect(screen.getByLabelText('AEM author address (optional)')).toHaveValue('');
    const notice = screen.getByTestId('pending-replace');
    expect(notice).toHaveTextContent('This file would replace “Marketing prod”');
    expect(notice).toHaveTextContent('Its private key is different.');
    expect(notice).toHaveTextContent('It uses the IMS at ims-na1-stg1.adobelogin.com');
    expect(screen.queryByRole('button', { name: 'Import' })).not.toBeInTheDocument();

    vi.mocked(completeImport).mockResolvedValue({ state: 'updated', connection: connection({ name: 'Marketing prod' }) });
    await user.click(screen.getByRole('button', { name: 'Replace “Marketing prod”' }));
    await waitFor(() => expect(screen.getByTestId('drop-result')).toHaveAttribute('data-outcome', 'updated'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-5',
      options: expect.objectContaining({ replace: true }),
    });
  });

  it('shows the confirmation when completing an import turns out to replace a connection', async () => {
    const user = userEvent.setup();
    vi.mocked(listConnections).mockResolvedValue([]);
    showResult({ state: 'needsChoice', pendingId: 'pending-6', preview: PREVIEW }, 'oauth.json');
    await user.type(screen.getByTestId('pending-url'), 'https://author-p1-e2.adobeaemcloud.com');
    vi.mocked(completeImport).mockResolvedValueOnce({
      state: 'needsChoice',
      pendingId: 'pending-6',
      preview: PREVIEW,
      replaces: { connectionId: 'c1', connectionName: 'Reports', differences: ['Its client secret is different.'] },
    });
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('pending-replace')).toHaveTextContent('Its client secret is different.'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-6',
      options: expect.objectContaining({ replace: undefined }),
    });
    vi.mocked(completeImport).mockResolvedValueOnce({ state: 'updated', connection: connection({ name: 'Reports' }) });
    await user.click(screen.getByRole('button', { name: 'Replace “Reports”' }));
    await waitFor(() => expect(screen.getByTestId('drop-result')).toHaveAttribute('data-outcome', 'updated'));
    expect(completeImport).toHaveBeenLastCalledWith({
      pendingId: 'pending-6',
      options: expect.objectContaining({ aemUrl: 'https://author-p1-e2.adobeaemcloud.com', replace: true }),
    });
  });
});

describe('tokens', () => {
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
  const valid = (seconds: number): ConnectionHealth => ({
    level: 'ok',
    summary: '',
    token: { state: 'valid', expiresAt: inSeconds(seconds), secondsLeft: seconds },
    certificate: { expiresAt: inSeconds(200 * 86_400), daysLeft: 200, level: 'ok', message: 'The certificate is valid.' },
    advice: null,
  });
  const REPORT: ConnectionTestReport = {
    ok: true,
    host: 'author-p12345-e67890.adobeaemcloud.com',
    api: 'classic',
    actingAs: 'abc@techacct.adobe.com',
    tokenExpiresAt: inSeconds(23 * 3600 + 12 * 60 + 30),
    tokenSecondsLeft: 23 * 3600 + 12 * 60,
    certificate: null,
    damReadable: true,
    steps: [
      { step: 'readDam', label: 'Get an access token', outcome: 'passed', detail: 'Token valid for 23 h 12 min.', code: null },
      { step: 'readDam', label: 'Ask AEM who we are', outcome: 'passed', detail: 'AEM knows this connection as abc@techacct.adobe.com.', code: null },
      { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'passed', detail: 'The DAM root can be read.', code: null },
    ],
    allows: [
      {
        path: 'batchWrites',
        label: 'Batch writes',
        allowed: 'notAllowed',
        detail: 'AEM gives no CSRF token.',
        instead: 'Each asset is written on its own (slower).',
      },
    ],
    canDo: [
      { ability: 'metadata', can: 'yes', text: 'Can read and change metadata' },
      { ability: 'graphql', can: 'no', text: 'Cannot run GraphQL queries' },
    ],
  };

  it('keeps the token line’s place while the status is still being read', async () => {
    vi.mocked(connectionHealth).mockReturnValue(new Promise(() => {}));
    await renderPage([connection()]);
    const line = screen.getByTestId('token-status');
    expect(line).toHaveTextContent('checking the token…');
    expect(line).toHaveAttribute('data-state', 'unknown');
  });

  it('shows each card’s token status, with what to do when a development token has ended', async () => {
    vi.mocked(connectionHealth).mockResolvedValue({
      c1: valid(23 * 3600 + 12 * 60 + 30),
      c2: { level: 'busy', summary: '', token: { state: 'renewing' }, certificate: null, advice: null },
      c3: {
        level: 'error',
        summary: '',
        token: { state: 'devToken', expiresAt: inSeconds(-60), secondsLeft: 0, expired: true },
        certificate: null,
        advice: null,
      },
    });
    await renderPage([
      connection({ status: { state: 'ok' } }),
      connection({ id: 'c2', name: 'Two' }),
      connection({ id: 'c3', name: 'Dev', kind: 'localDevToken', certificateExpiresAt: null, tokenExpiresAt: inSeconds(-60) }),
    ]);
    const [first, second, third] = screen.getAllByTestId('connection') as [HTMLElement, HTMLElement, HTMLElement];
    await waitFor(() => expect(within(first).getByTestId('token-status')).toHaveTextContent('token valid 23 h 12 min'));
    expect(within(first).getByTestId('connection-status')).toHaveTextContent(/^Certificate valid until/);
    expect(within(second).getByTestId('token-status')).toHaveTextContent('renewing…');
    expect(within(third).getByTestId('token-status')).toHaveTextContent('development token ended');
    expect(within(third).getByTestId('health-advice')).toHaveTextContent(/Local token.*drop the downloaded file on this window/);
  });

  it('tests a connection: “Testing…” while it runs, then every step and what was found', async () => {
    const user = userEvent.setup();
    let finish!: (report: ConnectionTestReport) => void;
    vi.mocked(testConnection).mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    vi.mocked(connectionHealth).mockResolvedValue({});
    await renderPage([connection()]);
    const button = screen.getByTestId('test-connection');
    button.focus();
    await user.keyboard('{Enter}');
    expect(testConnection).toHaveBeenCalledWith('c1');
    expect(button).toHaveTextContent('Testing…');
    expect(button).toBeDisabled();

    vi.mocked(connectionHealth).mockResolvedValue({ c1: valid(23 * 3600 + 12 * 60 + 30) });
    await act(() => finish(REPORT));
    const panel = await screen.findByTestId('test-report');
    expect(panel).toHaveAttribute('data-ok', 'true');
    expect(within(panel).getByTestId('test-verdict')).toHaveTextContent('The connection works.');
    // What it can do, in plain words, first; the steps that passed fold under "Technical details".
    const can = within(panel).getByTestId('test-can-do');
    const [metadata, graphql] = within(can).getAllByTestId('test-can') as [HTMLElement, HTMLElement];
    expect(metadata).toHaveTextContent('✓ Can read and change metadata: allowed.');
    expect(graphql).toHaveTextContent('✗ Cannot run GraphQL queries: not allowed.');
    const technical = within(panel).getByTestId('test-technical');
    expect(technical).not.toHaveAttribute('open');
    expect(within(technical).getAllByTestId('test-step').map((s) => s.getAttribute('data-outcome'))).toEqual(['passed', 'passed', 'passed']);
    expect(within(panel).getAllByTestId('test-step')).toHaveLength(3);
    // The account and the token's time left are said once, as facts.
    const outside = panel.textContent!.replace(technical.textContent!, '');
    expect(outside).not.toContain('abc@techacct.adobe.com');
    expect(outside).not.toContain('23 h 12 min');
    expect(within(panel).getByTestId('test-fact-host')).toHaveTextContent('Reached AEM at author-p12345-e67890.adobeaemcloud.com');
    // The card names the AEM user and the token's time left: the test does not say them again.
    expect(within(panel).queryByTestId('test-fact-account')).not.toBeInTheDocument();
    expect(within(panel).queryByTestId('test-fact-token')).not.toBeInTheDocument();
    expect(within(panel).getByTestId('test-fact-dam')).toHaveTextContent('The DAM can be read');
    // What this AEM allows, path by path, is a technical detail.
    const allows = within(technical).getByTestId('allows');
    expect(within(allows).getByTestId('allows-check')).toHaveTextContent('Batch writes: not allowed. AEM gives no CSRF token.');
    expect(within(allows).getByTestId('allows-instead')).toHaveTextContent('Instead: Each asset is written on its own (slower).');
    expect(button).toHaveTextContent('Test connection');
    // The status is asked again after a test.
    await waitFor(() => expect(screen.getByTestId('token-status')).toHaveTextContent('token valid 23 h 12 min'));

    await user.click(within(panel).getByTestId('test-close'));
    expect(screen.queryByTestId('test-report')).not.toBeInTheDocument();
  });

  it('shows a name Metadesk made in the reader’s language, a second one by its account, and stores nothing for it (issue 77)', async () => {
    const user = userEvent.setup();
    const auto = { program: '14726', environment: '686683', oauth: false, account: null };
    vi.mocked(listConnections).mockResolvedValue([
      connection({ id: 'c1', name: 'Program 14726 · environment 686683', autoName: { ...auto, account: 'ab12cd34' } }),
      connection({ id: 'c2', name: 'Program 14726 · environment 686683 (2)', autoName: { ...auto, account: 'c9adf360' } }),
      connection({ id: 'c3', name: 'WKND Prod' }),
    ]);
    const model = new ConnectionsModel();
    await model.reload();
    const i18n = new I18n('fr');
    render(ConnectionsPage, { props: { model, keychainProblem: null }, context: i18nContext(i18n) });
    // Seen failing before: "Program 14726 · environment 686683 (2)" in a French window.
    const names = () => screen.getAllByTestId('connection-name').map((h) => h.textContent);
    expect(names()).toEqual([
      'Programme 14726 · environnement 686683 · compte ab12cd34',
      'Programme 14726 · environnement 686683 · compte c9adf360',
      'WKND Prod',
    ]);
    await act(() => (i18n.lang = 'en'));
    expect(names()[1]).toBe('Program 14726 · environment 686683 · account c9adf360');
    // Rename opens on the name shown; saved unchanged, nothing is stored (it stays Metadesk's).
    await user.click(screen.getAllByTestId('rename-connection')[1]!);
    const field = screen.getByLabelText('Name');
    expect(field).toHaveValue('Program 14726 · environment 686683 · account c9adf360');
    await user.type(field, '{Enter}');
    expect(renameConnection).not.toHaveBeenCalled();
  });

  it('words a test result again in the language the window switches to', async () => {
    const user = userEvent.setup();
    vi.mocked(connectionHealth).mockResolvedValue({});
    vi.mocked(testConnection).mockResolvedValue(REPORT);
    vi.mocked(listConnections).mockResolvedValue([connection()]);
    const model = new ConnectionsModel();
    await model.reload();
    const i18n = new I18n('en');
    render(ConnectionsPage, { props: { model, keychainProblem: null }, context: i18nContext(i18n) });
    await user.click(screen.getByTestId('test-connection'));
    await screen.findByTestId('test-report');
    expect(testConnection).toHaveBeenCalledTimes(1);
    const french = { ...REPORT, canDo: [{ ability: 'metadata' as const, can: 'yes' as const, text: 'Peut lire et modifier les métadonnées' }] };
    vi.mocked(testConnection).mockResolvedValue(french);
    await act(() => (i18n.lang = 'fr'));
    await waitFor(() => expect(screen.getByTestId('test-can-do')).toHaveTextContent('Peut lire et modifier les métadonnées'));
    expect(testConnection).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('test-verdict')).toHaveTextContent('La connexion fonctionne.');
  });

  it('shows a failed step with its reason, and a connection that could not be tested', async () => {
    const user = userEvent.setup();
    vi.mocked(connectionHealth).mockResolvedValue({});
    vi.mocked(testConnection).mockResolvedValue({
      ...REPORT,
      ok: false,
      actingAs: null,
      tokenExpiresAt: null,
      tokenSecondsLeft: null,
      damReadable: null,
      steps: [
        {
          step: 'readDam', label: 'Get an access token',
          outcome: 'failed',
          detail: 'Adobe IMS refused the client id: the environment has not allow-listed it.',
          code: 'auth',
        },
        { step: 'readDam', label: 'Ask AEM who we are', outcome: 'skipped', detail: 'Not tried: the credentials are not usable.', code: null },
      ],
      allows: [],
      canDo: [],
    });
    await renderPage([connection()]);
    await user.click(screen.getByTestId('test-connection'));
    const panel = await screen.findByTestId('test-report');
    expect(panel).toHaveAttribute('data-ok', 'false');
    expect(within(panel).getByTestId('test-verdict')).toHaveTextContent('does not work yet');
    const [token, who] = within(panel).getAllByTestId('test-step') as [HTMLElement, HTMLElement];
    expect(token).toHaveAttribute('data-outcome', 'failed');
    expect(token).toHaveTextContent('✗');
    expect(token).toHaveTextContent('has not allow-listed it');
    expect(who).toHaveAttribute('data-outcome', 'skipped');
    expect(within(panel).getByTestId('test-fact-host')).toHaveTextContent('was not tried');

    vi.mocked(testConnection).mockRejectedValue({ code: 'not_found', message: 'That connection no longer exists.' });
    await user.click(screen.getByTestId('test-connection'));
    await waitFor(() => expect(screen.getByTestId('test-verdict')).toHaveTextContent('could not be tested: That connection no longer exists.'));
  });

  it('shows an auxiliary step AEM does not answer as a warning of a connection that works', async () => {
    const user = userEvent.setup();
    vi.mocked(connectionHealth).mockResolvedValue({});
    vi.mocked(testConnection).mockResolvedValue({
      ...REPORT,
      actingAs: null,
      steps: [
        { step: 'readDam', label: 'Get an access token', outcome: 'passed', detail: 'Token valid for 23 h.', code: null },
        {
          step: 'readDam', label: 'Ask AEM who we are',
          outcome: 'warning',
          detail: 'AEM answered 404 for the current user. This does not stop Metadesk: the DAM can be read.',
          code: null,
        },
        { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'passed', detail: 'The DAM can be read.', code: null },
      ],
      allows: [],
      canDo: [],
    });
    await renderPage([connection()]);
    await user.click(screen.getByTestId('test-connection'));
    const panel = await screen.findByTestId('test-report');
    expect(panel).toHaveAttribute('data-ok', 'true');
    expect(within(panel).getByTestId('test-verdict')).toHaveTextContent('The connection works, with a warning.');
    // In view, above the facts; the steps that passed fold away.
    const [who] = within(panel).getAllByTestId('test-step') as [HTMLElement];
    expect(who).toHaveAttribute('data-outcome', 'warning');
    expect(within(panel).getByTestId('test-technical')).not.toContainElement(who);
    expect(who).toHaveTextContent('!');
    expect(who).toHaveTextContent('does not stop Metadesk');
  });
});
