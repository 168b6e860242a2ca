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
  it('flow into as many columns as the card’s width holds, however long the connection’s name', () => {
    removeStyles = addComponentStyles('./RunFacts.svelte', import.meta.url);
    const name = 'Marketing production author (p12345 · e67890) — WKND shared assets, Europe and Americas';
    render(RunFacts, { run: runSummary({ connection: name, folder: '/content/dam/wknd-shared/en/adventures' }) });

    expect(screen.getByTestId('run-fact-list')).toHaveTextContent(name);
    const tracks = gridTracks(getComputedStyle(screen.getByTestId('run-fact-list')).gridTemplateColumns);
    // Not three fixed columns that leave a wide card's right third empty and push a fourth fact
    // to a row of its own: columns of a readable floor, as many as fit, sharing the row; a long
    // name wraps in its own column.
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatch(/^repeat\(auto-fit, minmax\(\d+(\.\d+)?rem, 1fr\)\)$/);
  });

  it('sit in the bulk edit page’s card with the whole width, its link below them, not in a column of its own', () => {
    removeStyles = addComponentStyles('./BulkEditPage.svelte', import.meta.url);
    const card = document.createElement('section');
    card.className = 'card run-facts';
    document.body.append(card);
    expect(gridTracks(getComputedStyle(card).gridTemplateColumns)).toEqual(['minmax(0, 1fr)']);
    card.remove();
  });

  it('(the bulk edit page’s four mode cards) sit two by two, never three and one alone on a row', () => {
    removeStyles = addComponentStyles('./BulkEditPage.svelte', import.meta.url);
    const modes = document.createElement('div');
    modes.className = 'modes';
    document.body.append(modes);
    expect(gridTracks(getComputedStyle(modes).gridTemplateColumns)).toEqual(['repeat(2, minmax(0, 1fr))']);
    modes.remove();
  });

  it('say which AEM environment the run was on, under the connection’s name (issue 68)', () => {
    render(RunFacts, { run: runSummary({ connection: 'p14726-e686683 (2)', aem: 'https://author-p14726-e686683.adobeaemcloud.com' }) });
    expect(screen.getByTestId('run-aem-place')).toHaveTextContent('Program 14726 · environment 686683');
  });

  it('say a list of content fragments as fragments, not as assets (issue 68)', () => {
    render(RunFacts, { run: runSummary({ fragments: { model: 'adventure' }, listEntries: 2 }) });
    const facts = screen.getByTestId('run-fact-list');
    expect(facts).toHaveTextContent('Fragments');
    expect(screen.getByTestId('run-selection')).toHaveTextContent('a list of 2 fragments');
    expect(facts).not.toHaveTextContent(/Assets|entries/);
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
