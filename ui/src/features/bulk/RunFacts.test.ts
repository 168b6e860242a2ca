// A run's facts (connection, folder, changes) side by side: a long connection name wraps in its
// own column instead of taking the row's width from the folder.
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Tag } from '../../ipc/bindings/Tag';
import { runSummary, tag } from '../../test-fixtures';
import { addComponentStyles, gridTracks } from '../../test-styles';
import RunFacts from './RunFacts.svelte';
import { TagTitles } from './tagTitles.svelte';

const listTags = vi.fn<(connectionId: string) => Promise<Tag[]>>();
vi.mock('../../ipc/commands', () => ({ listTags: (id: string) => listTags(id) }));

let removeStyles: () => void = () => {};

afterEach(() => removeStyles());

describe('the run facts', () => {
  it('give the folder its share of the row, however long the connection’s name', () => {
    removeStyles = addComponentStyles('./RunFacts.svelte', import.meta.url);
    const name = 'Marketing production author (p12345 · e67890) — WKND shared assets, Europe and Americas';
    render(RunFacts, { run: runSummary({ connection: name, folder: '/content/dam/wknd-shared/en/adventures' }) });

    expect(screen.getByTestId('run-fact-list')).toHaveTextContent(name);
    const tracks = gridTracks(getComputedStyle(screen.getByTestId('run-fact-list')).gridTemplateColumns);
    expect(tracks).toHaveLength(3);
    // No column takes the width of its content (a long name would squeeze the others to a few
    // characters): each is a share of the row, with a floor.
    for (const track of tracks) expect(track).toMatch(/^minmax\((0|\d+(\.\d+)?rem), \d+(\.\d+)?fr\)$/);
    // The folder's floor is wide enough for a folder's name.
    expect(tracks[1]).not.toMatch(/^minmax\(0/);
  });

  it('say a tag change by the tags’ titles once the run’s connection’s taxonomy is read', async () => {
    listTags.mockResolvedValueOnce([tag('wknd:', 'WKND'), tag('wknd:activity', 'Activity'), tag('wknd:activity/surfing', 'Surfing'), tag('wknd:activity/cycling', 'Cycling')]);
    const run = runSummary({ editDetails: [{ property: 'cq:tags', op: { kind: 'retag', from: 'wknd:activity/surfing', to: 'wknd:activity/cycling' } }] });
    render(RunFacts, { run, tagTitles: new TagTitles() });
    await waitFor(() =>
      expect(screen.getByTestId('run-fact-list')).toHaveTextContent('Activity › Surfing and the tags below it become Activity › Cycling'),
    );
    expect(listTags).toHaveBeenCalledWith(run.connectionId);
  });
});
