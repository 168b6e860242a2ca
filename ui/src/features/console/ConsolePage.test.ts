// The API console looks like every other page: its tabs are the shared tabs, its fields the
// shared `.input`, its buttons the shared `.btn` (it had bare browser controls), and the arrow
// keys move between its tabs.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { consoleEndpoints, consoleHistory, consolePersisted, consoleSaved, consoleSchema } from '../../ipc/commands';
import { connection } from '../../test-fixtures';
import ConsolePage from './ConsolePage.svelte';

vi.mock('../../ipc/commands', () => ({
  consoleCancel: vi.fn(),
  consoleCurl: vi.fn(),
  consoleDeleteSaved: vi.fn(),
  consoleEndpoints: vi.fn(),
  consoleExport: vi.fn(),
  consoleGraphql: vi.fn(),
  consoleHistory: vi.fn(),
  consolePersisted: vi.fn(),
  consoleRequest: vi.fn(),
  consoleRunPersisted: vi.fn(),
  consoleSavePersisted: vi.fn(),
  consoleSaveRequest: vi.fn(),
  consoleSaved: vi.fn(),
  consoleSchema: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

/** The controls of the page that do not use the window's shared look. */
function unlike(page: HTMLElement): string[] {
  const odd: string[] = [];
  for (const b of page.querySelectorAll('button')) {
    if (!b.classList.contains('btn') && !b.classList.contains('tab')) odd.push(`button "${b.textContent?.trim()}"`);
  }
  for (const field of page.querySelectorAll<HTMLElement>('select, textarea, input:not([type=checkbox]):not([type=radio])')) {
    if (!field.classList.contains('input')) odd.push(`${field.tagName.toLowerCase()} ${field.dataset.testid ?? field.getAttribute('aria-label') ?? ''}`);
  }
  return odd;
}

function mockConsole() {
  vi.mocked(consoleEndpoints).mockResolvedValue({ configs: ['global'], listed: true, note: null });
  vi.mocked(consoleSchema).mockRejectedValue({ code: 'not_found', message: 'no schema here' });
  vi.mocked(consolePersisted).mockResolvedValue([]);
  vi.mocked(consoleHistory).mockResolvedValue([]);
  vi.mocked(consoleSaved).mockResolvedValue([]);
}

describe('the API console', () => {
  it('uses the shared tabs, fields and buttons on both tabs', async () => {
    const user = userEvent.setup();
    mockConsole();
    const { container } = render(ConsolePage, { connections: [connection({ production: true })] });
    await waitFor(() => expect(consoleEndpoints).toHaveBeenCalled());

    const tabs = screen.getByRole('tablist');
    expect(tabs).toHaveClass('tabs');
    expect(screen.getAllByRole('tab').map((tab) => tab.className.split(' ').includes('tab'))).toEqual([true, true]);
    expect(screen.getByTestId('console-connection')).toHaveClass('input');
    expect(unlike(container)).toEqual([]);

    await user.click(screen.getByTestId('console-tab-requests'));
    expect(screen.getByTestId('console-tab-requests')).toHaveAttribute('aria-selected', 'true');
    await user.selectOptions(screen.getByTestId('request-method'), 'POST');
    expect(await screen.findByTestId('request-body')).toBeInTheDocument();
    expect(unlike(container)).toEqual([]);
  });

  it('moves between its tabs with the arrow keys', async () => {
    const user = userEvent.setup();
    mockConsole();
    render(ConsolePage, { connections: [connection()] });
    const graphql = screen.getByTestId('console-tab-graphql');
    graphql.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('console-tab-requests')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('console-tab-requests')).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'console-tab-requests');
    await user.keyboard('{ArrowLeft}');
    expect(graphql).toHaveAttribute('aria-selected', 'true');
  });

  it('says what it needs when there is no connection, with the way to Connections', async () => {
    const user = userEvent.setup();
    const onGoToConnections = vi.fn();
    render(ConsolePage, { connections: [], onGoToConnections });
    expect(screen.getByTestId('empty-console')).toHaveTextContent('calls AEM with a connection');
    await user.click(screen.getByRole('button', { name: 'Go to Connections' }));
    expect(onGoToConnections).toHaveBeenCalled();
  });
});
