// What becomes of the tag itself in a tag change's run, as the preview and the report say it:
// what AEM then does, that the tag is kept and why, what AEM did, why it refused or that its
// command was interrupted (Try again applies the run again, not while busy); and what the undo
// of a tag run did not take back.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { RunSummary } from '../../ipc/bindings/RunSummary';
import type { TagStepView } from '../../ipc/bindings/TagStepView';
import { I18n, i18nContext, type Lang } from '../../lib/i18n/i18n.svelte';
import { runSummary } from '../../test-fixtures';
import TagStepNote from './TagStepNote.svelte';

const MERGE: TagStepView = { command: 'merge', tag: 'wknd:season/winter', target: 'wknd:season/cold', activate: false, state: 'waiting', leftAlone: 0 };

function renderNote(run: RunSummary, { busy = false, offerAgain = true, lang = 'en' as Lang } = {}) {
  const onTryAgain = vi.fn();
  render(TagStepNote, { props: { run, busy, offerAgain, onTryAgain }, context: i18nContext(new I18n(lang)) });
  return onTryAgain;
}

const applied = (step: Partial<TagStepView>, status: RunSummary['status'] = 'completed') => runSummary({ status, tagStep: { ...MERGE, ...step } });

describe('a tag run’s step', () => {
  it('says on the preview what AEM then does to the tag, and that it is published too when it was on the website', () => {
    renderNote(runSummary({ tagStep: { ...MERGE, activate: true } }));
    expect(screen.getByTestId('tag-step')).toHaveTextContent(
      'Then AEM merges the tag wknd:season/winter into wknd:season/cold. It is on the website: its new place is published too.',
    );
  });

  it('says on the preview that AEM keeps a merged tag as a hidden pointer, and that an undo gives back the assets’ tags, not the tag', () => {
    renderNote(runSummary({ tagStep: MERGE }));
    expect(screen.getByTestId('tag-step')).toHaveTextContent(
      'Then AEM merges the tag wknd:season/winter into wknd:season/cold. AEM keeps wknd:season/winter as a hidden pointer to wknd:season/cold; an undo gives the assets their tags back, not the tag.',
    );
  });

  it('says it in French, and for a deletion that an undo does not bring the tag back', () => {
    renderNote(runSummary({ tagStep: { ...MERGE, command: 'delete', target: undefined } }), { lang: 'fr' });
    expect(screen.getByTestId('tag-step')).toHaveTextContent(
      'Puis AEM supprime la balise wknd:season/winter. Revenir en arrière rend aux ressources leurs balises, pas la balise.',
    );
  });

  it('says on the preview that the tag will be kept, with how many assets were left alone', () => {
    renderNote(runSummary({ tagStep: { ...MERGE, state: 'left_alone', leftAlone: 3 } }));
    expect(screen.getByTestId('tag-step')).toHaveTextContent('The tag wknd:season/winter will be kept: 3 assets that may hold it are left alone');
    expect(screen.queryByTestId('tag-step-again')).not.toBeInTheDocument();
  });

  it('says in French, with its typography, that the tag will be kept', () => {
    renderNote(runSummary({ tagStep: { ...MERGE, state: 'left_alone', leftAlone: 1 } }), { lang: 'fr' });
    expect(screen.getByTestId('tag-step').textContent).toContain('La balise wknd:season/winter sera conservée\u00a0: 1 ressource qui peut la porter est laissée de côté');
  });

  it.each([
    [{ command: 'merge' as const }, 'AEM merged the tag wknd:season/winter into wknd:season/cold.'],
    [{ command: 'move' as const, target: 'wknd:weather/winter', activate: true }, 'AEM moved the tag wknd:season/winter to wknd:weather/winter. It was on the website: its new place is published too.'],
    [{ command: 'delete' as const, target: undefined, activate: true }, 'AEM deleted the tag wknd:season/winter.'],
  ])('says on the report what AEM did (%o)', (step, words) => {
    renderNote(applied({ ...step, state: 'done' }));
    expect(screen.getByTestId('tag-step')).toHaveTextContent(words);
    expect(screen.getByTestId('tag-step')).toHaveAttribute('data-state', 'done');
  });

  it('says on the report that the tag was kept and that running the change again once the assets are fixed finishes it', () => {
    renderNote(applied({ state: 'left_alone', leftAlone: 1 }));
    expect(screen.getByTestId('tag-step')).toHaveTextContent(
      'The tag wknd:season/winter was kept: 1 asset that may hold it was not rewritten (left alone, not read or failed). Fix them, then run the change again: that finishes it.',
    );
    expect(screen.queryByTestId('tag-step-again')).not.toBeInTheDocument();
  });

  it('says why AEM refused, and tries again on request, never while busy', async () => {
    const reason = 'wknd:season/cold was removed from AEM since the preview: the merge of wknd:season/winter into it was not sent (a move would create it again).';
    const onTryAgain = renderNote(applied({ state: 'refused', reason }));
    const banner = screen.getByTestId('tag-step');
    expect(banner).toHaveTextContent('The assets are done, but the tag wknd:season/winter was not changed');
    expect(banner).toHaveTextContent(reason);
    await userEvent.setup().click(screen.getByTestId('tag-step-again'));
    expect(onTryAgain).toHaveBeenCalledTimes(1);
  });

  it('offers no Try again while the window is busy', () => {
    renderNote(applied({ state: 'refused', reason: 'AEM answered 500.' }), { busy: true });
    expect(screen.getByTestId('tag-step-again')).toBeDisabled();
  });

  it('says that the command was interrupted, with Try again', async () => {
    const onTryAgain = renderNote(applied({ state: 'in_doubt' }, 'interrupted'));
    expect(screen.getByTestId('tag-step')).toHaveTextContent('The change of the tag wknd:season/winter was interrupted');
    expect(screen.getByTestId('tag-step')).toHaveTextContent('Try again: only what is left of it is sent.');
    await userEvent.setup().click(screen.getByTestId('tag-step-again'));
    expect(onTryAgain).toHaveBeenCalledTimes(1);
  });

  it('leaves Try again to the page where it already offers to resume the run', () => {
    renderNote(applied({ state: 'in_doubt' }, 'interrupted'), { offerAgain: false });
    expect(screen.getByTestId('tag-step')).toHaveTextContent('was interrupted');
    expect(screen.queryByTestId('tag-step-again')).not.toBeInTheDocument();
  });

  it('says that a run stopped before its assets were done changes the tag once they are', () => {
    renderNote(applied({ state: 'waiting' }, 'cancelled'));
    expect(screen.getByTestId('tag-step')).toHaveTextContent('The tag wknd:season/winter is changed once every asset is done: resume the run to finish it.');
  });

  it.each([
    [{ command: 'merge' as const }, 'AEM keeps wknd:season/winter as a hidden pointer to wknd:season/cold: the merge itself is not undone'],
    [{ command: 'move' as const }, 'the move itself is not undone. To move the tag back, preview it as its own change on the Tags page'],
    [{ command: 'delete' as const, target: undefined }, 'but AEM deleted that tag'],
  ])('says on an undo what AEM kept of the tag (%o)', (step, words) => {
    renderNote(runSummary({ kind: { kind: 'undo', of: 'r0' }, undoesTagStep: { ...MERGE, ...step, state: 'done' } }));
    expect(screen.getByTestId('tag-step')).toHaveTextContent('The assets hold wknd:season/winter again');
    expect(screen.getByTestId('tag-step')).toHaveTextContent(words);
  });

  it('says nothing for a run that is not a tag change', () => {
    renderNote(runSummary());
    expect(screen.queryByTestId('tag-step')).not.toBeInTheDocument();
  });
});
