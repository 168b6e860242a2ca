// "Test connection" on an AEM that cannot be reached (issue 77): the panel says so once, in
// one line, and never as a permission problem.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

import type { ConnectionTestReport } from '../../ipc/types';
import { I18n, i18nContext } from '../../lib/i18n/i18n.svelte';
import TestReport from './TestReport.svelte';

vi.mock('../../ipc/commands', () => ({ saveFieldReport: vi.fn() }));

const UNREACHABLE: ConnectionTestReport = {
  ok: false,
  host: '127.0.0.1',
  api: 'classic',
  actingAs: null,
  tokenExpiresAt: null,
  tokenSecondsLeft: null,
  certificate: null,
  damReadable: null,
  steps: [
    { step: 'credentials', label: 'Get an access token', outcome: 'passed', detail: 'Token valid for 23 h.', code: null },
    {
      step: 'whoAmI',
      label: 'Ask AEM who we are',
      outcome: 'failed',
      detail: 'Could not reach 127.0.0.1: Connection refused (os error 111). Check the network connection (and any proxy), then try again.',
      code: 'network',
    },
    { step: 'readDam', label: 'Read the DAM root (/content/dam)', outcome: 'skipped', detail: 'Not tried: AEM could not be reached.', code: null },
  ],
  allows: [],
  canDo: [],
};

describe('an AEM that cannot be reached', () => {
  it('is said once, in one line', () => {
    render(TestReport, {
      props: { connectionId: 'c1', report: UNREACHABLE, error: null, now: 0, onClose: () => {} },
      context: i18nContext(new I18n('en')),
    });
    const panel = screen.getByTestId('test-report');
    const text = panel.textContent ?? '';
    expect(text.match(/Could not reach/g)).toHaveLength(1);
    expect(screen.queryByTestId('test-fact-host')).toBeNull();
    expect(text).not.toContain('lets this account read the DAM');
  });
});
