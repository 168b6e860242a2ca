import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Issue } from '../../ipc/bindings/Issue';
import SheetIssues from './SheetIssues.svelte';

/** A problem on each of `n` rows, every tenth a warning. */
function issues(n: number): Issue[] {
  return Array.from({ length: n }, (_, i) => ({
    severity: i % 10 === 0 ? 'warning' : 'error',
    row: i + 2,
    column: 'D (Title (dc:title))',
    message: `Row ${i + 2}, column D (Title (dc:title)): problem ${i}.`,
  }));
}

describe('SheetIssues', () => {
  it('puts only a window of 5,000 problems in the page, numbered as in the whole', async () => {
    render(SheetIssues, { issues: issues(5000), exported: null, onExport: vi.fn() });
    const table = screen.getByTestId('issue-table');
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const shown = () => screen.getAllByTestId('issue-row');
    expect(shown().length).toBeLessThan(100);
    expect(shown()[0]).toHaveAttribute('aria-rowindex', '2');

    const box = screen.getByRole('region', { name: 'The sheet’s problems' });
    Object.defineProperty(box, 'scrollTop', { configurable: true, value: 40 * 3000 });
    box.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(shown().some((r) => r.dataset.row === '3002')).toBe(true));
    expect(shown().length).toBeLessThan(100);
    expect(shown().find((r) => r.dataset.row === '3002')).toHaveAttribute('aria-rowindex', '3002');
  });

  it('filters the whole list, not only the rows in view', async () => {
    const user = userEvent.setup();
    render(SheetIssues, { issues: issues(5000), exported: null, onExport: vi.fn() });
    await user.type(screen.getByTestId('issue-search'), 'problem 4999.');
    await waitFor(() => expect(screen.getAllByTestId('issue-row')).toHaveLength(1));
    expect(screen.getByTestId('issue-row')).toHaveAttribute('data-row', '5001');
  });
});
