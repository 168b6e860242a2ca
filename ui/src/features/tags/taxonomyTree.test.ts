import { describe, expect, it } from 'vitest';
import type { Tag } from '../../ipc/bindings/Tag';
import { tag } from '../../test-fixtures';
import { countTags, parentId, searchTree, tagTree } from './taxonomyTree';


const TAGS: Tag[] = [
  tag('wknd:', 'WKND'),
  tag('wknd:season', 'Season', 'Saison'),
  tag('wknd:season/winter', 'Winter', 'Hiver'),
  tag('wknd:season/summer', 'Summer', 'Été', 'June to August'),
  tag('wknd:activity', 'Activity', 'Activité'),
  tag('lost:orphan/child', 'Orphan child'),
];

describe('the taxonomy tree', () => {
  it('knows each tag’s parent', () => {
    expect(parentId('wknd:season/winter')).toBe('wknd:season');
    expect(parentId('wknd:season')).toBe('wknd:');
    expect(parentId('wknd:')).toBeNull();
  });

  it('nests tags under their parents, sorted by title in the reader’s language', () => {
    const fr = tagTree(TAGS, 'fr');
    const wknd = fr.find((n) => n.tag.id === 'wknd:');
    expect(wknd?.children.map((n) => n.title)).toEqual(['Activité', 'Saison']);
    expect(wknd?.children[1]?.children.map((n) => n.title)).toEqual(['Été', 'Hiver']);
    const en = tagTree(TAGS, 'en');
    expect(en.find((n) => n.tag.id === 'wknd:')?.children[1]?.children.map((n) => n.title)).toEqual(['Summer', 'Winter']);
    // A tag whose parent is missing is still shown.
    expect(en.map((n) => n.tag.id)).toContain('lost:orphan/child');
    expect(countTags(en)).toBe(TAGS.length);
  });

  it('searches titles in every language, ids and descriptions, keeping the tags above', () => {
    const tree = tagTree(TAGS, 'en');
    const hiver = searchTree(tree, 'hiver');
    expect(countTags(hiver)).toBe(3);
    expect(hiver[0]?.children[0]?.children.map((n) => n.tag.id)).toEqual(['wknd:season/winter']);
    expect(countTags(searchTree(tree, 'AUGUST'))).toBe(3);
    expect(countTags(searchTree(tree, 'season/'))).toBe(4);
    expect(searchTree(tree, 'nothing like it')).toEqual([]);
    expect(countTags(searchTree(tree, '  '))).toBe(TAGS.length);
  });
});
