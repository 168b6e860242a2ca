// Tags by title in previews and reports: ids the taxonomy knows become their titles below the
// namespace in the reader's language; unknown ids, other properties and an unreadable taxonomy
// leave the values as AEM holds them.
import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

import type { Action } from '../../ipc/bindings/Action';
import type { PlanRow } from '../../ipc/bindings/PlanRow';
import type { Tag } from '../../ipc/bindings/Tag';
import { planRow, runSummary, tag } from '../../test-fixtures';
import { PagedRows } from './paged.svelte';
import PreviewTable from './PreviewTable.svelte';
import { TagTitles, asTitled, tagTitle } from './tagTitles.svelte';

const listTags = vi.fn<(connectionId: string) => Promise<Tag[]>>();
vi.mock('../../ipc/commands', () => ({ listTags: (id: string) => listTags(id) }));


const TAGS: Tag[] = [
  tag('wknd:', 'WKND'),
  tag('wknd:activity', 'Activity', 'Activité'),
  tag('wknd:activity/surfing', 'Surfing', 'Surf'),
  tag('wknd:activity/cycling', 'Cycling', 'Vélo'),
];
const byId = new Map(TAGS.map((t) => [t.id, t]));

describe('tags by title', () => {
  it('names a tag by its titles below the namespace, in the reader’s language', () => {
    expect(tagTitle('wknd:activity/surfing', byId, 'en')).toBe('Activity › Surfing');
    expect(tagTitle('wknd:activity/surfing', byId, 'fr')).toBe('Activité › Surf');
    expect(tagTitle('wknd:activity', byId, 'en')).toBe('Activity');
    expect(tagTitle('wknd:', byId, 'en')).toBe('WKND');
    expect(tagTitle('wknd:season/old', byId, 'en')).toBeNull();
    // Without its namespace (the tag picker's list), a tag keeps its parents' titles.
    const noNamespace = new Map(TAGS.filter((t) => t.id !== 'wknd:').map((t) => [t.id, t]));
    expect(tagTitle('wknd:activity/surfing', noNamespace, 'en')).toBe('Activity › Surfing');
  });

  it('shows cq:tags values by title, keeps unknown ids and other properties as they are', () => {
    const title = (id: string) => tagTitle(id, byId, 'en');
    expect(asTitled({ property: 'cq:tags', before: ['wknd:activity/surfing', 'wknd:season/old'], after: ['wknd:activity/cycling'] }, title)).toEqual({
      property: 'cq:tags',
      before: ['Activity › Surfing', 'wknd:season/old'],
      after: ['Activity › Cycling'],
    });
    const rights = { property: 'dc:rights', before: 'wknd:activity/surfing', after: null };
    expect(asTitled(rights, title)).toBe(rights);
  });

  it('a preview of a tag change shows the tags by title once the taxonomy is read, ids when it cannot be', async () => {
    const row = planRow({
      i: 0,
      path: '/content/dam/wknd/en/surf.jpg',
      changes: [{ property: 'cq:tags', before: ['wknd:activity/surfing'], after: ['wknd:activity/cycling'] }],
    });
    const open = async (tagTitles: TagTitles) => {
      const rows = new PagedRows<PlanRow, Action>(async () => ({ rows: [row], total: 1 }));
      await rows.open('r1', null);
      const counts = { assets: 1, changed: 0, unchanged: 0, skipped: 0, failed: 0, pending: 1 };
      return render(PreviewTable, { run: runSummary({ counts }), rows, busy: false, onApply: vi.fn(), tagTitles });
    };

    listTags.mockResolvedValueOnce(TAGS);
    const shown = await open(new TagTitles());
    await waitFor(() => expect(screen.getByTestId('value-removed').textContent).toContain('Activity › Surfing'));
    expect(screen.getByTestId('value-added').textContent).toContain('Activity › Cycling');
    expect(listTags).toHaveBeenCalledWith(runSummary().connectionId);
    shown.unmount();

    listTags.mockRejectedValueOnce({ code: 'network', message: 'AEM did not answer' });
    await open(new TagTitles());
    await waitFor(() => expect(listTags).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('value-removed').textContent).toContain('wknd:activity/surfing');
  });

  it('titles a tag only in the taxonomy of the run’s own connection', async () => {
    const titles = new TagTitles();
    expect(titles.title('wknd:activity/surfing', 'en', 'c1')).toBeNull();
    listTags.mockResolvedValueOnce(TAGS);
    await titles.need('c1');
    expect(titles.title('wknd:activity/surfing', 'fr', 'c1')).toBe('Activité › Surf');
    // Another connection's AEM may name the same id otherwise: its runs keep their ids.
    expect(titles.title('wknd:activity/surfing', 'en', 'c2')).toBeNull();
    expect(titles.title('wknd:activity/surfing', 'en', null)).toBeNull();
  });
});
