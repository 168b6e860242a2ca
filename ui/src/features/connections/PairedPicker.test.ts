// "Paired connection" on an OAuth Server-to-Server card: only connections on the same AEM are
// offered, a choice is saved (or cleared), a refusal is shown, and without a candidate the card
// says what to import and why.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import { connection } from '../../test-fixtures';
import PairedPicker from './PairedPicker.svelte';

const oauth = connection({ id: 'o1', name: 'OAuth', kind: 'oauthServerToServer', host: 'author-p1-e2.adobeaemcloud.com' });
const service = connection({ id: 's1', name: 'Service', host: 'author-p1-e2.adobeaemcloud.com' });
const elsewhere = connection({ id: 's2', name: 'Other AEM', host: 'author-p9-e9.adobeaemcloud.com' });

describe('PairedPicker', () => {
  it('says what to import when AEM does not answer its OpenAPI search and no connection on the same AEM can find assets', async () => {
    const searchAnswers = vi.fn(() => Promise.resolve(false));
    render(PairedPicker, { connection: oauth, candidates: [elsewhere], busy: false, onSetPaired: vi.fn(), searchAnswers });
    const missing = await screen.findByTestId('paired-missing');
    expect(searchAnswers).toHaveBeenCalledWith('o1');
    expect(screen.queryByTestId('paired-search')).not.toBeInTheDocument();
    expect(missing).toHaveTextContent('Import AEM service credentials');
    expect(missing).toHaveTextContent('author-p1-e2.adobeaemcloud.com');
    // Browsing folders needs no pairing (the Folders API); finding assets does.
    expect(missing).toHaveTextContent("browse folders and change assets, but not list a folder's assets or search");
    expect(screen.queryByTestId('paired-select')).not.toBeInTheDocument();
  });

  it('does not ask to import anything when AEM answers its OpenAPI search, and says what it finds with', async () => {
    render(PairedPicker, { connection: oauth, candidates: [elsewhere], busy: false, onSetPaired: vi.fn(), searchAnswers: () => Promise.resolve(true) });
    expect(await screen.findByTestId('paired-search')).toHaveTextContent("This connection finds its assets with AEM’s OpenAPI search");
    expect(screen.queryByTestId('paired-missing')).not.toBeInTheDocument();
  });

  it('says what to import when asking AEM fails', async () => {
    render(PairedPicker, { connection: oauth, candidates: [], busy: false, onSetPaired: vi.fn(), searchAnswers: () => Promise.reject(new Error('offline')) });
    expect(await screen.findByTestId('paired-missing')).toHaveTextContent('Import AEM service credentials');
  });

  it('offers the connections on the same AEM and saves the choice, or none', async () => {
    const user = userEvent.setup();
    const onSetPaired = vi.fn(() => Promise.resolve());
    render(PairedPicker, { connection: oauth, candidates: [service, elsewhere], busy: false, onSetPaired, searchAnswers: () => Promise.resolve(false) });
    const select = screen.getByTestId('paired-select');
    const names = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(names).toHaveLength(2);
    expect(names[1]).toContain('Service');
    await user.selectOptions(select, 's1');
    expect(onSetPaired).toHaveBeenLastCalledWith('s1');
    await user.selectOptions(select, '');
    expect(onSetPaired).toHaveBeenLastCalledWith(null);
  });

  it('shows why a pairing was refused', async () => {
    const user = userEvent.setup();
    const onSetPaired = vi.fn(() => Promise.reject({ code: 'invalid_input', message: 'must be on the same AEM' }));
    render(PairedPicker, { connection: oauth, candidates: [service], busy: false, onSetPaired, searchAnswers: () => Promise.resolve(false) });
    await user.selectOptions(screen.getByTestId('paired-select'), 's1');
    await waitFor(() => expect(screen.getByTestId('paired-error')).toHaveTextContent('must be on the same AEM'));
  });

  it('shows the paired connection chosen', () => {
    render(PairedPicker, { connection: { ...oauth, pairedWith: 's1' }, candidates: [service], busy: false, onSetPaired: vi.fn(), searchAnswers: () => Promise.resolve(true) });
    expect(screen.getByTestId('paired-select')).toHaveValue('s1');
  });

  it('speaks French: the label, the empty choice, the kind of each candidate and what to import', async () => {
    const context = i18nContext(new I18n('fr'));
    const props = { connection: oauth, busy: false, onSetPaired: vi.fn(), searchAnswers: () => Promise.resolve(false) };
    const { unmount } = render(PairedPicker, { props: { ...props, candidates: [service] }, context });
    const select = await screen.findByTestId('paired-select');
    expect(screen.getByLabelText("Connexion associée")).toBe(select);
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([
      'Aucune connexion (Modification en masse ne peut pas trouver de ressources)',
      'Service · Identifiants de service AEM',
    ]);
    unmount();
    render(PairedPicker, { props: { ...props, candidates: [elsewhere] }, context });
    const missing = await screen.findByTestId('paired-missing');
    expect(missing).toHaveTextContent('Modification en masse ne peut pas encore trouver de ressources avec cette connexion.');
    expect(missing).toHaveTextContent('Importez des identifiants de service AEM');
    expect(missing).not.toHaveTextContent(/Import AEM|browse folders/);
  });
});
