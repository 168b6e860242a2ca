// "Find missing metadata": the required-metadata report of the scope picked in Bulk edit (a
// folder, a search, a list), the field whose assets are listed, and the ways to fill them: a
// bulk edit of just those assets (a list) with that property, ready for its value, or a sheet
// of just those assets with that column, ready to export.
//
// Not here: the scope itself (setup.svelte.ts, scopeChoice.svelte.ts), the report's reading
// (the core's `missing_metadata`).
import { missingMetadata } from '../../ipc/commands';
import type { MissingField } from '../../ipc/bindings/MissingField';
import type { MissingReport } from '../../ipc/bindings/MissingReport';
import { toIpcError } from '../../ipc/errors';
import type { IpcError } from '../../ipc/types';
import type { I18n } from '../../lib/i18n/i18n.svelte';
import { chosenScope } from './chosenScope';
import { knownProperty } from './editForm';
import type { SheetsModel } from './sheets.svelte';
import type { SetupModel } from './setup.svelte';

export class MissingModel {
  report = $state<MissingReport | null>(null);
  running = $state(false);
  error = $state<IpcError | null>(null);
  /** Why the scope cannot be checked yet, in words. */
  problem = $state<string | null>(null);
  /** The field whose assets are listed (its property). */
  shown = $state<string | null>(null);
  /** The connection the report on hand was made with (another one picked: not shown). */
  connectionId = $state('');

  #i18n: I18n;
  #setup: SetupModel;
  #sheets: SheetsModel;
  #busy: () => boolean;

  /** `busy`: whether a preview or an apply runs (a report would stop it: none is started). */
  constructor(i18n: I18n, setup: SetupModel, sheets: SheetsModel, busy: () => boolean) {
    this.#i18n = i18n;
    this.#setup = setup;
    this.#sheets = sheets;
    this.#busy = busy;
  }

  /** The field listed now, if the report has it. */
  get field(): MissingField | null {
    return this.report?.fields.find((f) => f.property === this.shown) ?? this.report?.fields[0] ?? null;
  }

  /** "Find missing metadata": reads every asset of the scope and judges it by its folder's
   *  metadata schema. A count waiting to start is held (it would stop the report). */
  async run(): Promise<void> {
    if (this.running || this.#busy()) return;
    this.problem = null;
    this.error = null;
    const scope = await chosenScope(this.#setup, this.#i18n.t);
    if ('problem' in scope) {
      this.problem = scope.problem;
      return;
    }
    this.#setup.holdCount();
    this.running = true;
    const { connectionId } = scope;
    try {
      const report = await missingMetadata(scope);
      this.report = report;
      this.connectionId = connectionId;
      this.shown = report.fields[0]?.property ?? null;
    } catch (thrown) {
      this.error = toIpcError(thrown);
    } finally {
      this.running = false;
      // The report stopped any count that was running.
      this.#setup.scheduleCount();
    }
  }

  /** The list scope holds just the assets that lack `field`, in `mode`. */
  #pickThose(field: MissingField, mode: 'same' | 'sheet'): void {
    const setup = this.#setup;
    setup.setMode(mode);
    setup.choice.setKind('list');
    setup.choice.draft.listText = field.assets.map((a) => a.path).join('\n');
    setup.choice.schedule();
  }

  /** A bulk edit of just the assets that lack `field`, with that property picked: the list
   *  scope holds their paths, one change row waits for the value. */
  fill(field: MissingField): void {
    if (this.#busy()) return;
    const setup = this.#setup;
    this.#pickThose(field, 'same');
    setup.form.edits = [];
    setup.addEdit();
    const edit = setup.form.edits[0];
    if (!edit) return;
    // A property the list's schema does not have is still offered, by its name.
    edit.picked = field.property;
  }

  /** A sheet of just the assets that lack `field`, with that property as its only column (a
   *  value per asset, typed in Excel): the sheet step, ready to export. */
  sheet(field: MissingField): void {
    if (this.#busy()) return;
    this.#pickThose(field, 'sheet');
    const known = knownProperty(field.property);
    this.#sheets.draft.known = known ? [known.property] : [];
    this.#sheets.draft.others = known ? '' : field.property;
  }
}
