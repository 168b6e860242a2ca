// "Save a report for support" on a connection's test: one save at a time, then what was saved
// (the file's name, how many reads, the differences in words) or why it could not be.
import { saveFieldReport } from '../../ipc/commands';
import { toIpcError } from '../../ipc/errors';
import type { FieldReportSaved, IpcError } from '../../ipc/types';

export class FieldReportModel {
  saving = $state(false);
  saved = $state<FieldReportSaved | null>(null);
  error = $state<IpcError | null>(null);

  /** Asks where to save and saves; a click while it runs does nothing, a cancelled dialog
   *  keeps what was shown. */
  async save(connectionId: string): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.error = null;
    try {
      const saved = await saveFieldReport(connectionId);
      if (saved) this.saved = saved;
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.saving = false;
    }
  }
}
