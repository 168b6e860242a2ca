// What a preview's Apply will do, said in words above its table before anything is written:
// "18 assets will be taken off the website", "24 assets will get new values. 6 of them are on
// the website, which keeps showing their old values until they are republished." A tag's own
// fate (merged, kept as a hidden pointer) is the tag step's note (TagStepNote.svelte). Plain
// logic, tested through PreviewTable.test.ts ("what will happen, in words, before Apply").
import type { RunSummary } from '../../ipc/bindings/RunSummary';
import { willChange } from './format';
import { republishTick } from './publication';
import { isUndo, publicationOf, replicationOf, type Publication } from './runKind';

type Translate = (id: string, args?: Record<string, string | number>) => string;

/** What a publication run's Apply will do, in words. */
const WILL_PUBLISH: Record<Publication, string> = {
  publish: 'bulk-will-publish',
  unpublish: 'bulk-will-unpublish',
  'publish-back': 'bulk-will-publish-back',
  republish: 'bulk-will-republish',
};

/** What applying `run`'s preview will do, in sentences; null when nothing will change (the
 *  Apply hint says so). `republish`: "Then republish" is ticked. */
export function previewOutcome(t: Translate, run: RunSummary, republish: boolean): string | null {
  const count = willChange(run.counts);
  if (count === 0) return null;
  const publication = publicationOf(run);
  if (publication) return t(WILL_PUBLISH[publication], { count, tier: replicationOf(run)?.tier ?? 'publish' });
  const step = run.tagStep;
  const what = step
    ? step.target
      ? t('bulk-will-retag', { count, tag: step.tag, target: step.target })
      : t('bulk-will-untag', { count, tag: step.tag })
    : t(isUndo(run) ? 'bulk-will-undo' : run.fragments ? 'bulk-will-change-fragments' : 'bulk-will-change', { count });
  const live = republishTick(run)?.count ?? 0;
  if (live === 0) return what;
  // Content fragments are "live" as AEM's Sites console says it.
  const stays = run.fragments ? 'bulk-will-stay-old-fragments' : 'bulk-will-stay-old';
  return `${what} ${t(republish ? 'bulk-will-republish-after' : stays, { count: live })}`;
}
