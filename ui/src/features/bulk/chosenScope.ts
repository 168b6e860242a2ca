// The assets picked in Bulk edit's first step as the core takes them (the person's scope: a
// folder with its filters, a search, or a list, its entries read by the core first), or why
// they cannot be taken yet, in words. For the steps that read a scope without changing it (the
// required-metadata report, a sheet's export); a change's preview asks `SetupModel.request`.
import type { ScopeRequest } from '../../ipc/bindings/ScopeRequest';
import { folderProblem, type Translate } from './editForm';
import type { SetupModel } from './setup.svelte';

export type ChosenScope = ScopeRequest | { problem: string };

export async function chosenScope(setup: SetupModel, t: Translate): Promise<ChosenScope> {
  if (!setup.form.connectionId) return { problem: t('bulk-problem-connection') };
  if (setup.choice.kind !== 'list') {
    const answer = await setup.folderCheck.resolve(setup.form.folder);
    const wrong = folderProblem(t, setup.form.folder, answer);
    if (wrong) return { problem: wrong };
  }
  if (setup.choice.kind === 'list' && !(await setup.choice.readEntries())) {
    return { problem: setup.choice.error?.message ?? setup.choice.problem() ?? t('bulk-problem-list') };
  }
  const scope = await setup.scopeRequest();
  return scope ?? { problem: setup.choice.problem() ?? t('bulk-problem-folder') };
}
