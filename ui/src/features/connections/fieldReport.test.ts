// "Save a report for support" under a connection's test result: the button is busy while the
// report is made, then says what was saved and each difference in words; a cancelled dialog
// says nothing; a failure is said; French in a French window.
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { saveFieldReport } from '../../ipc/commands';
import type { ConnectionTestReport, FieldReportSaved } from '../../ipc/types';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import TestReport from './TestReport.svelte';

vi.mock('../../ipc/commands', () => ({ saveFieldReport: vi.fn() }));

const REPORT: ConnectionTestReport = {
  ok: true,
  host: '127.0.0.1:4502',
  api: 'classic',
  actingAs: null,
  tokenExpiresAt: null,
  tokenSecondsLeft: null,
  certificate: null,
  damReadable: true,
  steps: [],
  allows: [],
  canDo: [],
};

const SAVED: FieldReportSaved = {
  file: 'metadesk-field-report.json',
  reads: 19,
  differing: 1,
  differences: ['GET /bin/wcm/references.json?path={asset}: (answer) is a list where Metadesk reads an object.'],
};

function show(lang: Lang = 'en') {
  render(TestReport, {
    props: { connectionId: 'c1', report: REPORT, error: null, now: 0, onClose: () => {} },
    context: i18nContext(new I18n(lang)),
  });
}

describe('Save a report for support', () => {
  beforeEach(() => vi.mocked(saveFieldReport).mockReset());

  it('is busy while the report is made, then says what was saved and how it differs', async () => {
    let finish: (saved: FieldReportSaved) => void = () => {};
    vi.mocked(saveFieldReport).mockReturnValue(new Promise((resolve) => (finish = resolve)));
    show();
    const button = screen.getByTestId('field-report-save');
    expect(button).toHaveTextContent('Save a report for support');
    await userEvent.click(button);
    expect(saveFieldReport).toHaveBeenCalledWith('c1');
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Saving the report…');
    finish(SAVED);
    await waitFor(() => expect(button).toBeEnabled());
    expect(screen.getByTestId('field-report-saved')).toHaveTextContent(
      'metadesk-field-report.json saved: 19 reads, one not answered as Metadesk expects:',
    );
    expect(screen.getByTestId('field-report-differences')).toHaveTextContent('(answer) is a list where Metadesk reads an object.');
  });

  it('says nothing when the dialog is cancelled, and the failure when it could not be saved', async () => {
    vi.mocked(saveFieldReport).mockResolvedValueOnce(null);
    show();
    await userEvent.click(screen.getByTestId('field-report-save'));
    await waitFor(() => expect(screen.getByTestId('field-report-save')).toBeEnabled());
    expect(screen.queryByTestId('field-report-saved')).not.toBeInTheDocument();
    vi.mocked(saveFieldReport).mockRejectedValueOnce({ code: 'io', message: 'The disk is full.' });
    await userEvent.click(screen.getByTestId('field-report-save'));
    expect(await screen.findByTestId('field-report-error')).toHaveTextContent('The report could not be saved: The disk is full.');
  });

  it('speaks French in a French window', async () => {
    vi.mocked(saveFieldReport).mockResolvedValueOnce({ ...SAVED, differing: 0, differences: [] });
    show('fr');
    await userEvent.click(screen.getByTestId('field-report-save'));
    const saved = await screen.findByTestId('field-report-saved');
    expect(saved.textContent?.trim()).toBe('metadesk-field-report.json enregistré\u00a0: 19 lectures, toutes avec la réponse attendue par Metadesk.');
  });
});
