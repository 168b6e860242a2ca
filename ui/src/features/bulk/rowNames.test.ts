// A content fragment's run names its rows fragments, its columns by the fields' labels, and its
// values as the person picked them; an asset run's words stay as they are.
import { describe, expect, it } from 'vitest';

import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { asPicked, labelledField, pickedText, rowWords } from './rowNames';

const difficulty: SchemaField = {
  property: 'difficulty',
  label: 'Difficulty',
  tab: '',
  kind: 'dropdown',
  multiple: false,
  options: [
    { value: 'easy', text: 'Easy' },
    { value: 'challenging', text: 'Challenging' },
  ],
  required: false,
  readOnly: false,
  min: null,
  max: null,
};
const unlabelled: SchemaField = { ...difficulty, property: 'price', label: 'price', kind: 'number', options: [] };

describe('what a run calls its rows', () => {
  it('calls a fragments run’s rows fragments, any other run’s assets', () => {
    expect(rowWords({ fragments: {} }).column).toBe('bulk-col-fragment');
    expect(rowWords({ fragments: {} }).count).toBe('fragments-count');
    expect(rowWords({}).column).toBe('bulk-col-asset');
    expect(rowWords(null).count).toBe('assets-count');
  });
});

describe('a field by its label, a value as picked', () => {
  it('finds the field of a property only when it has a label of its own', () => {
    expect(labelledField([difficulty, unlabelled], 'difficulty')?.label).toBe('Difficulty');
    expect(labelledField([difficulty, unlabelled], 'price')).toBeNull();
    expect(labelledField(undefined, 'difficulty')).toBeNull();
  });

  it('shows a choice’s text for its stored value, any other value as it is', () => {
    expect(pickedText(difficulty, 'challenging')).toBe('Challenging');
    expect(pickedText(difficulty, 'extreme')).toBe('extreme');
    expect(pickedText(null, 'challenging')).toBe('challenging');
  });

  it('words both sides of a change as picked, lists value by value, and keeps the property', () => {
    expect(asPicked({ property: 'difficulty', before: 'easy', after: 'challenging' }, difficulty)).toEqual({
      property: 'difficulty',
      before: 'Easy',
      after: 'Challenging',
    });
    expect(asPicked({ property: 'difficulty', before: ['easy'], after: null }, difficulty)).toEqual({
      property: 'difficulty',
      before: ['Easy'],
      after: null,
    });
    const plain = { property: 'price', before: '3', after: '4' };
    expect(asPicked(plain, unlabelled)).toBe(plain);
  });
});
