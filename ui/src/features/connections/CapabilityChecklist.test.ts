// "What this AEM allows" on the Test connection result: one line per path with its state (said
// to screen readers), the reason, and what the app does instead; nothing when the test was not
// deep; the catalogue's words in French.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import type { PathCheck } from '../../ipc/types';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import CapabilityChecklist from './CapabilityChecklist.svelte';

const checks: PathCheck[] = [
  { path: 'queryBuilder', label: 'Search (QueryBuilder)', allowed: 'ok', detail: 'QueryBuilder answers searches.', instead: null },
  {
    path: 'batchWrites',
    label: 'Batch writes',
    allowed: 'notAllowed',
    detail: 'AEM gives no CSRF token.',
    instead: 'Each asset is written on its own (slower).',
  },
  {
    path: 'graphqlEndpoints',
    label: 'GraphQL endpoints',
    allowed: 'unavailable',
    detail: 'AEM did not list its GraphQL endpoints.',
    instead: 'The API console offers "global".',
  },
];

describe('CapabilityChecklist', () => {
  it('shows each path with its state, its reason and what the app does instead', () => {
    render(CapabilityChecklist, { checks });
    const list = screen.getByRole('region', { name: 'What this AEM allows' });
    const lines = within(list).getAllByTestId('allows-check') as [HTMLElement, HTMLElement, HTMLElement];
    expect(lines.map((l) => l.dataset.path)).toEqual(['queryBuilder', 'batchWrites', 'graphqlEndpoints']);
    expect(lines.map((l) => l.dataset.allowed)).toEqual(['ok', 'notAllowed', 'unavailable']);
    expect(lines[0]).toHaveTextContent('✓ Search (QueryBuilder): allowed. QueryBuilder answers searches.');
    expect(within(lines[0]).queryByTestId('allows-instead')).not.toBeInTheDocument();
    expect(lines[1]).toHaveTextContent('Batch writes: not allowed.');
    expect(within(lines[1]).getByTestId('allows-detail')).toHaveTextContent('AEM gives no CSRF token.');
    expect(within(lines[1]).getByTestId('allows-instead')).toHaveTextContent('Instead: Each asset is written on its own (slower).');
    expect(within(lines[2]).getByTestId('allows-state')).toHaveTextContent(': unavailable.');
  });

  it('shows nothing when the test did not look at what AEM allows', () => {
    render(CapabilityChecklist, { checks: [] });
    expect(screen.queryByTestId('allows')).not.toBeInTheDocument();
  });

  it('speaks French in a French window', () => {
    const i18n = new I18n('fr');
    render(CapabilityChecklist, { props: { checks }, context: i18nContext(i18n) });
    expect(screen.getByRole('region', { name: 'Ce que cet AEM permet' })).toBeInTheDocument();
    const lines = screen.getAllByTestId('allows-check') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(lines[1]).getByTestId('allows-state')).toHaveTextContent('non permis.');
    expect(within(lines[1]).getByTestId('allows-instead').textContent).toBe('À la place\u00a0: Each asset is written on its own (slower).');
  });
});
