// A run's facts (connection, folder, changes) side by side: a long connection name wraps in its
// own column instead of taking the row's width from the folder.
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';

import { runSummary } from '../../test-fixtures';
import { addComponentStyles, gridTracks } from '../../test-styles';
import RunFacts from './RunFacts.svelte';

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
});
