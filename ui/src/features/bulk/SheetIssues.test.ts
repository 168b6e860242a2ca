import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Issue } from '../../ipc/bindings/Issue';
import type { IssueFilter } from '../../ipc/bindings/IssueFilter';
import { PagedRows, type FetchPage } from './paged.svelte';
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

/** The problems of one check, the first `first` of them read, the others answered by `fetch`. */
function source(all: Issue[], first: number, fetch: FetchPage<Issue, IssueFilter> = vi.fn()) {
  const rows = new PagedRows<Issue, IssueFilter>(fetch);
  rows.show('import-1', all.slice(0, first), all.length);
  return rows;
}

function counts(all: Issue[]) {
  const warnings = all.filter((i) => i.severity === 'warning').length;
  return { errors: all.length - warnings, warnings, total: all.length };
}

describe('SheetIssues', () => {
  it('puts only a window of 5,000 problems in the page, numbered as in the whole', async () => {
    const all = issues(5000);
    render(SheetIssues, { source: source(all, 5000), counts: counts(all), exported: null, onExport: vi.fn() });
    const table = screen.getByTestId('issue-table');
    expect(table).toHaveAttribute('aria-rowcount', '5001');
    const shown = () => screen.getAllByTestId('issue-row');
    expect(shown().length).toBeLessThan(100);
    expect(shown()[0]).toHaveAttribute('aria-rowindex', '2');
    // Counted as problems, not as assets.
    expect(screen.getByText(/^Showing .+ of .+ problems$/)).toBeInTheDocument();

    const box = screen.getByRole('region', { name: 'The sheet’s problems' });
    // The page scrolled 3,000 rows down the table (it has no scroll box of its own).
    box.getBoundingClientRect = () => ({ top: -40 * 3000, height: 40 * 5000 }) as DOMRect;
    document.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(shown().some((r) => r.dataset.row === '3002')).toBe(true));
    expect(shown().length).toBeLessThan(100);
    expect(shown().find((r) => r.dataset.row === '3002')).toHaveAttribute('aria-rowindex', '3002');
  });

  it('finds text in every problem read, not only the rows in view', async () => {
    const user = userEvent.setup();
    const all = issues(5000);
    render(SheetIssues, { source: source(all, 5000), counts: counts(all), exported: null, onExport: vi.fn() });
    await user.type(screen.getByTestId('issue-search'), 'problem 4999.');
    await waitFor(() => expect(screen.getAllByTestId('issue-row')).toHaveLength(1));
    expect(screen.getByTestId('issue-row')).toHaveAttribute('data-row', '5001');
  });

  it('reads the next page on "Show more", and asks the core for the page of a severity', async () => {
    const user = userEvent.setup();
    const all = issues(1000);
    const fetch = vi.fn<FetchPage<Issue, IssueFilter>>((_id, filter, offset, limit) => {
      const kept = all.filter((i) => filter === null || filter === 'all' || i.severity === filter.slice(0, -1));
      return Promise.resolve({ rows: kept.slice(offset, offset + limit), total: kept.length });
    });
    const rows = source(all, 200, fetch);
    render(SheetIssues, { source: rows, counts: counts(all), exported: null, onExport: vi.fn() });
    const table = screen.getByTestId('issue-table');
    expect(table).toHaveAttribute('data-loaded', '200');
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    expect(screen.getByTestId('issue-filter').querySelector('[data-filter="warnings"]')).toHaveAttribute('data-count', '100');

    await user.click(screen.getByTestId('issues-more'));
    expect(fetch).toHaveBeenCalledWith('import-1', null, 200, expect.any(Number));
    await waitFor(() => expect(Number(table.getAttribute('data-loaded'))).toBeGreaterThan(200));
    expect(rows.rows.map((i) => i.row)).toEqual(all.slice(0, rows.rows.length).map((i) => i.row));

    // While finding, the search says it looks only through the problems read.
    await user.type(screen.getByTestId('issue-search'), 'problem 999.');
    expect(screen.getByTestId('issues-find-read')).toHaveTextContent(`Finds among the ${rows.rows.length} problems read of 1,000`);
    await user.clear(screen.getByTestId('issue-search'));

    await user.click(screen.getByTestId('issue-filter').querySelector('[data-filter="warnings"]')!);
    expect(fetch).toHaveBeenLastCalledWith('import-1', 'warnings', 0, expect.any(Number));
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '101'));
    const shown = screen.getAllByTestId('issue-row');
    expect(shown.every((r) => r.dataset.severity === 'warning')).toBe(true);
    expect(shown[0]).toHaveAttribute('data-row', '2');
  });
});
