// "Used on N pages" in a preview: for the preview of an unpublish, a tag deletion or a tag
// merge, where its assets are used, asked of the core once a run (the core asks AEM once and
// keeps the answer for the run), and what the preview table shows of it: each asset's pages,
// and the warning before unpublishing assets that published pages use.
//
// Not here: asking AEM (`core/app/references.rs`), the table (`bulk/PreviewTable.svelte`).
import { previewReferences } from '../../ipc/commands';
import type { AssetUse } from '../../ipc/bindings/AssetUse';
import type { PreviewReferences } from '../../ipc/bindings/PreviewReferences';
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { toIpcError } from '../../ipc/errors';
import { publicationOf } from '../bulk/runKind';

/** Whether a run's preview says where its assets are used (the core's own rule: an unpublish,
 *  a tag deletion or merge), so that other previews do not ask. */
export function showsReferences(run: RunSummary): boolean {
  const unpublishes = publicationOf(run) === 'unpublish';
  const command = run.tagStep?.command;
  return unpublishes || command === 'delete' || command === 'merge';
}

/** The assets published pages use, when the run unpublishes them. */
export function warned(found: PreviewReferences): AssetUse[] {
  return found.unpublishes ? found.assets.filter((a) => a.publishedPages > 0) : [];
}

export class PreviewUses {
  /** The run asked about; its answer, once known. */
  runId = $state<string | null>(null);
  found = $state<PreviewReferences | null>(null);
  /** Why they could not be asked, in words. */
  error = $state<string | null>(null);

  /** Asks where `run`'s assets are used, once a run, when its kind of preview shows it. */
  async follow(run: RunSummary | null): Promise<void> {
    if (!run || run.status !== 'previewed' || !showsReferences(run)) {
      this.runId = null;
      this.found = null;
      this.error = null;
      return;
    }
    if (this.runId === run.id) return;
    this.runId = run.id;
    this.found = null;
    this.error = null;
    try {
      const found = await previewReferences(run.id);
      if (this.runId === run.id) this.found = found;
    } catch (thrown) {
      if (this.runId === run.id) this.error = toIpcError(thrown).message;
    }
  }

}
