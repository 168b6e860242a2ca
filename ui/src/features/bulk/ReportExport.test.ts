// Export CSV on a run's report, whichever page shows it: the file saved says where, a closed
// dialog says nothing, a failure says why on the report it was asked from, one export at a time,
// and the column headers choice is the window's one.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { exportReportCsv, setLocalizedCsvHeaders } from '../../ipc/commands';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import ReportExport from './ReportExport.svelte';
import { ReportExport as Exporter } from './reportExport.svelte';

vi.mock('../../ipc/commands', () => ({
  exportReportCsv: vi.fn(),
  localizedCsvHeaders: vi.fn(() => Promise.resolve(false)),
  setLocalizedCsvHeaders: vi.fn((localized: boolean) => Promise.resolve(localized)),
}));

afterEach(() => {
  vi.clearAllMocks();
});

function show(exporter: Exporter, runId: string, lang: Lang = 'en') {
  return render(ReportExport, { props: { exporter, runId }, context: i18nContext(new I18n(lang)) });
}

describe('Export CSV on a report', () => {
  it('says where the file went, and nothing when the dialog was closed', async () => {
    const exporter = new Exporter();
    show(exporter, 'r7');
    vi.mocked(exportReportCsv).mockResolvedValueOnce(null);
    await userEvent.click(screen.getByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenCalledWith('r7', true);
    expect(screen.queryByTestId('export-result')).toBeNull();
    expect(screen.queryByTestId('export-error')).toBeNull();

    vi.mocked(exportReportCsv).mockResolvedValueOnce('uploads.csv');
    await userEvent.click(screen.getByTestId('export-csv'));
    expect(await screen.findByTestId('export-result')).toHaveTextContent('Saved uploads.csv');
  });

  it('says why the file could not be saved, in the reader’s language, on the report it was asked from', async () => {
    const exporter = new Exporter();
    show(exporter, 'r7', 'fr');
    vi.mocked(exportReportCsv).mockRejectedValueOnce({ code: 'io', message: 'Le disque est plein.' });
    await userEvent.click(screen.getByTestId('export-csv'));
    // French puts a no-break space before a colon.
    expect((await screen.findByTestId('export-error')).textContent).toBe('Le rapport n’a pas pu être enregistré en CSV\u00a0: Le disque est plein.');
    expect(exporter.failedFor('r8')).toBeNull();
  });

  it('holds the button while a report is being saved, on every page', async () => {
    const exporter = new Exporter();
    let finish: (path: string | null) => void = () => {};
    vi.mocked(exportReportCsv).mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
    show(exporter, 'r7');
    await userEvent.click(screen.getByTestId('export-csv'));
    expect(screen.getByTestId('export-csv')).toBeDisabled();
    expect(screen.getByTestId('export-csv')).toHaveTextContent('Saving…');
    void exporter.exportCsv('r8');
    expect(exportReportCsv).toHaveBeenCalledTimes(1);
    finish('a.csv');
    await vi.waitFor(() => expect(screen.getByTestId('export-csv')).toBeEnabled());
    // The saved line is of this run's report, not of the next one shown.
    expect(exporter.savedFor('r7')).toBe('a.csv');
    expect(exporter.savedFor('r8')).toBeNull();
  });

  it('keeps one column headers choice for every page, and saves it', async () => {
    const exporter = new Exporter();
    await exporter.loadSettings();
    show(exporter, 'r7');
    expect(screen.getByTestId('export-localized-headers')).not.toBeChecked();
    await userEvent.click(screen.getByTestId('export-localized-headers'));
    expect(setLocalizedCsvHeaders).toHaveBeenCalledWith(true);
    vi.mocked(exportReportCsv).mockResolvedValueOnce(null);
    await userEvent.click(screen.getByTestId('export-csv'));
    expect(exportReportCsv).toHaveBeenCalledWith('r7', true);
  });
});
