// The production guard: the confirm button stays disabled until the connection's name is typed.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import ProductionConfirm, { nameMatches } from './ProductionConfirm.svelte';

describe('the production guard', () => {
  it('enables the confirmation only once the name matches, and passes what was typed', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(ProductionConfirm, { connectionName: 'Prod author', changes: 1200, onConfirm, onCancel: vi.fn() });

    const dialog = screen.getByTestId('production-dialog');
    expect(dialog).toHaveTextContent('1,200 assets');
    expect(dialog).toHaveTextContent('Prod author');
    const input = screen.getByTestId('production-confirm-input');
    const confirm = screen.getByTestId('production-confirm-button');
    expect(input).toHaveFocus();
    expect(confirm).toBeDisabled();

    await user.type(input, 'Prod');
    expect(confirm).toBeDisabled();
    await user.type(input, ' AUTHOR');
    expect(confirm).toBeDisabled(); // case matters
    await user.clear(input);
    await user.type(input, 'Prod author');
    expect(confirm).toBeEnabled();

    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('Prod author');
  });

  it('takes a name Metadesk made as shown in the reader\'s language or as stored, which the core takes both', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(ProductionConfirm, {
      connectionName: 'Programme 14726 · environnement 686683',
      storedName: 'Program 14726 · environment 686683',
      changes: 3,
      onConfirm,
      onCancel: vi.fn(),
    });
    const input = screen.getByTestId('production-confirm-input');
    const confirm = screen.getByTestId('production-confirm-button');
    await user.type(input, 'Program 14726 · environment 686683');
    expect(confirm).toBeEnabled();
    await user.clear(input);
    await user.type(input, 'Programme 14726 environnement 686683');
    expect(confirm).toBeEnabled();
    await user.clear(input);
    await user.type(input, 'Program 14726');
    expect(confirm).toBeDisabled();
  });

  it('does not confirm on Enter while the name is wrong; Escape cancels', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(ProductionConfirm, { connectionName: 'Prod', changes: 1, onConfirm, onCancel });
    await user.type(screen.getByTestId('production-confirm-input'), 'Pro{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('ignores spaces and punctuation, never the letters, their case or an empty name', () => {
    expect(nameMatches('  Prod ', 'Prod')).toBe(true);
    expect(nameMatches('prod', 'Prod')).toBe(false);
    expect(nameMatches('', '')).toBe(false);
    // An older default name's middle dot is on no keyboard: typed without it, it counts.
    for (const typed of ['p14726 e686683', 'p14726-e686683', 'p14726e686683', 'p14726 · e686683']) {
      expect(nameMatches(typed, 'p14726 · e686683')).toBe(true);
    }
    expect(nameMatches('p14726 e68668', 'p14726-e686683')).toBe(false);
    expect(nameMatches('Prod author 2', 'Prod author')).toBe(false);
    expect(nameMatches('Équipe Prod', 'équipe-prod')).toBe(false);
    expect(nameMatches('équipe prod', 'équipe-prod')).toBe(true);
    // A name of punctuation only is typed as it is.
    expect(nameMatches(' -·- ', '-·-')).toBe(true);
    expect(nameMatches('--', '-·-')).toBe(false);
  });

  it('enables the button on a name typed without its middle dot, says it matches, and passes what was typed', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(ProductionConfirm, { connectionName: 'p14726 · e686683', changes: 24, onConfirm, onCancel: vi.fn() });
    const confirm = screen.getByTestId('production-confirm-button');
    expect(screen.queryByTestId('production-name-ok')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('production-confirm-input'), 'p14726-e686683');
    expect(confirm).toBeEnabled();
    expect(screen.getByTestId('production-name-ok')).toHaveTextContent('The name matches.');
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('p14726-e686683');
  });

  it('repeats where the assets stand on the website and what is republished after', () => {
    render(ProductionConfirm, {
      connectionName: 'Prod',
      changes: 24,
      website: '18 never published · 6 changed since published',
      republishing: 'Then republishes the 6 that are on the website',
      onConfirm: vi.fn(),
      onCancel: vi.fn(),
    });
    const live = screen.getByTestId('production-website');
    expect(live).toHaveTextContent('On the website 18 never published · 6 changed since published');
    expect(screen.getByTestId('production-republish')).toHaveTextContent('Then republishes the 6 that are on the website');
  });
});
