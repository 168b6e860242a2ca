// The assets picked in Bulk edit's first step as the core takes them (a folder and filters):
// the folder's own assets, a search's, or a list's (its entries read by the core first), or why
// they cannot be taken yet, in words. For the steps that read a scope without changing it (the
// required-metadata report, a sheet's export); a change's preview asks `SetupModel.request`.
import type { Filters } from '../../ipc/bindings/Filters';
import { filtersOf, folderProblem, normalizeFolder, type Translate } from './editForm';
import { runPartsOf } from './scopeForm';
import type { SetupModel } from './setup.svelte';

export type ChosenScope = { folder: string; filters: Filters } | { problem: string };

export async function chosenScope(setup: SetupModel, t: Translate): Promise<ChosenScope> {
  if (!setup.form.connectionId) return { problem: t('bulk-problem-connection') };
  if (setup.pick.kind === 'folder') {
    const folder = normalizeFolder(setup.form.folder);
    const wrong = folderProblem(t, folder);
    return wrong ? { problem: wrong } : { folder, filters: filtersOf(setup.form) };
  }
  if (setup.pick.kind === 'list' && !(await setup.pick.readEntries())) {
    return { problem: setup.pick.error?.message ?? t(setup.pick.problem() ?? 'bulk-problem-list') };
  }
  const scope = setup.pick.scope();
  if (!scope) return { problem: t(setup.pick.problem() ?? 'bulk-problem-folder') };
  return runPartsOf(scope);
}
