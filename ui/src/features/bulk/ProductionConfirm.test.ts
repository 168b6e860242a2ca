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

  it('ignores spaces around the typed name, never an empty name', () => {
    expect(nameMatches('  Prod ', 'Prod')).toBe(true);
    expect(nameMatches('prod', 'Prod')).toBe(false);
    expect(nameMatches('', '')).toBe(false);
  });
});
