// The Settings page's language: a reading that failed is offered again; a choice that could not
// be saved says why and the select shows the language still in force.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getLanguageSettings, setLanguage } from '../../ipc/commands';
import { I18n } from '../../lib/i18n/i18n.svelte';
import SettingsPage from './SettingsPage.svelte';

vi.mock('../../ipc/commands', () => ({
  getLanguageSettings: vi.fn(),
  setLanguage: vi.fn(),
}));

afterEach(() => {
  vi.clearAllMocks();
});

const SYSTEM = { chosen: null, system: 'en' as const, effective: 'en' as const };

describe('the language setting', () => {
  it('reads the setting again when the first reading failed', async () => {
    vi.mocked(getLanguageSettings).mockRejectedValueOnce({ code: 'io', message: 'The settings file could not be read.' });
    render(SettingsPage, { i18n: new I18n('en') });
    expect(await screen.findByTestId('settings-error')).toHaveTextContent('The settings file could not be read.');
    vi.mocked(getLanguageSettings).mockResolvedValue(SYSTEM);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('language-select')).toBeEnabled());
    expect(screen.queryByTestId('settings-error')).toBeNull();
  });

  it('shows the language still in force when a choice could not be saved', async () => {
    vi.mocked(getLanguageSettings).mockResolvedValue(SYSTEM);
    vi.mocked(setLanguage).mockRejectedValue({ code: 'io', message: 'The settings file could not be written.' });
    const i18n = new I18n('en');
    render(SettingsPage, { i18n });
    const select = await screen.findByTestId('language-select');
    await waitFor(() => expect(select).toBeEnabled());
    await userEvent.selectOptions(select, 'fr');
    expect(await screen.findByTestId('settings-error')).toHaveTextContent('The settings file could not be written.');
    await waitFor(() => expect(select).toBeEnabled());
    expect(select).toHaveValue('system');
    expect(i18n.lang).toBe('en');
  });
});
