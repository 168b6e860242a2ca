import { describe, expect, it } from 'vitest';
import type { Tag } from '../../ipc/bindings/Tag';
import { tag } from '../../test-fixtures';
import { joinId, mergeTargets, missingOf, requestOf, splitId, trailOf, within } from './tagChangeForm';


const TAGS: Tag[] = [
  tag('wknd:', 'WKND'),
  tag('wknd:activity', 'Activity', 'Activité'),
  tag('wknd:activity/surfing', 'Surfing', 'Surf'),
  tag('wknd:activity/surfing/big-wave', 'Big wave', 'Grosse vague'),
  tag('wknd:activity/swimming', 'Swimming', 'Natation'),
  tag('wknd:activity-log', 'Activity log'),
];

describe('the tag change dialog', () => {
  it('shows a tag by its trail of titles in the reader’s language', () => {
    const byId = new Map(TAGS.map((t) => [t.id, t]));
    expect(trailOf('wknd:activity/surfing', byId, 'en')).toBe('WKND › Activity › Surfing');
    expect(trailOf('wknd:activity/surfing', byId, 'fr')).toBe('WKND › Activité › Surf');
    expect(trailOf('gone:tag', byId, 'en')).toBe('gone:tag');
  });

  it('knows a tag’s children from a tag whose id merely starts the same', () => {
    expect(within('wknd:activity/surfing', 'wknd:activity')).toBe(true);
    expect(within('wknd:activity', 'wknd:activity')).toBe(true);
    expect(within('wknd:activity-log', 'wknd:activity')).toBe(false);
    expect(within('wknd:activity', 'wknd:')).toBe(true);
    expect(within('other:activity', 'wknd:')).toBe(false);
  });

  it('offers every tag but the tag itself and its children to merge into, by trail', () => {
    const targets = mergeTargets(TAGS, 'wknd:activity/surfing', 'en');
    expect(targets.map((t) => t.id)).toEqual([
      'wknd:',
      'wknd:activity',
      'wknd:activity/swimming',
      'wknd:activity-log',
    ]);
    expect(targets[2]?.trail).toBe('WKND › Activity › Swimming');
  });

  it('says what is missing, and makes no request until it is filled in', () => {
    const form = { action: 'merge' as const, tag: 'wknd:activity/surfing', target: ' ', folder: '' };
    expect(missingOf(form)).toEqual(['tags-change-need-into', 'tags-change-need-folder']);
    expect(requestOf(form, 'c1')).toBeNull();
    expect(missingOf({ ...form, action: 'move' })).toEqual(['tags-change-need-to', 'tags-change-need-folder']);
    expect(missingOf({ ...form, action: 'delete' })).toEqual(['tags-change-need-folder']);
  });

  it('makes the core’s request of each action, trimmed', () => {
    const base = { tag: 'wknd:activity/surfing', folder: ' /content/dam/wknd ' };
    expect(requestOf({ ...base, action: 'merge', target: 'wknd:activity/swimming ' }, 'c1')).toEqual({
      connectionId: 'c1',
      change: { kind: 'merge', tag: 'wknd:activity/surfing', into: 'wknd:activity/swimming' },
      under: '/content/dam/wknd',
    });
    expect(requestOf({ ...base, action: 'move', target: 'wknd:sport/surfing' }, 'c1')?.change).toEqual({
      kind: 'move',
      tag: 'wknd:activity/surfing',
      to: 'wknd:sport/surfing',
    });
    expect(requestOf({ ...base, action: 'delete', target: '' }, 'c1')?.change).toEqual({
      kind: 'delete',
      tag: 'wknd:activity/surfing',
    });
  });
});

describe('a move’s parent picker (issue 68)', () => {
  it('splits an id into its parent and its name, and puts them back together', () => {
    expect(splitId('wknd:season/summer')).toEqual({ parent: 'wknd:season', name: 'summer' });
    expect(splitId('wknd:season')).toEqual({ parent: 'wknd:', name: 'season' });
    expect(splitId('wknd:')).toEqual({ parent: '', name: 'wknd' });
    expect(joinId('wknd:season', 'summer')).toBe('wknd:season/summer');
    expect(joinId('wknd:', 'summer')).toBe('wknd:summer');
    expect(joinId('wknd:season', ' high summer ')).toBe('wknd:season/high summer');
    expect(joinId('', 'summer')).toBe('');
  });
});
