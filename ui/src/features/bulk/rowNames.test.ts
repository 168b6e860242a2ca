// A content fragment's run names its rows fragments, its columns by the fields' labels, and its
// values as the person picked them; an asset run's words stay as they are. A column names its
// property by the form's label with the id beside it, the folder's schema serving an asset run.
import { afterEach, describe, expect, it } from 'vitest';

import type { SchemaField } from '../../ipc/bindings/SchemaField';
import { I18n } from '../../lib/i18n/i18n.svelte';
import { runSummary } from '../../test-fixtures';
import { BulkStore } from './bulk.svelte';
import { asPicked, columnName, labelledField, pickedText, rowWords } from './rowNames';

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

describe('a column’s name', () => {
  const { t } = new I18n('en');
  const rights: SchemaField = { ...difficulty, property: 'dc:rights', label: 'Copyright', kind: 'text', options: [] };
  const custom: SchemaField = { ...difficulty, property: 'wknd:difficulty' };

  it('is the form’s label with the id beside it, a common property’s own label, else the id alone', () => {
    expect(columnName(t, [custom], 'wknd:difficulty')).toEqual({ label: 'Difficulty', id: 'wknd:difficulty' });
    expect(columnName(new I18n('fr').t, [rights], 'dc:rights')).toEqual({ label: 'Copyright', id: 'dc:rights' });
    expect(columnName(t, [], 'dc:subject')).toEqual({ label: 'Keywords', id: 'dc:subject' });
    expect(columnName(t, undefined, 'xmp:Rating')).toEqual({ label: 'xmp:Rating', id: null });
    // A fragment's field by its label alone.
    expect(columnName(t, [difficulty], 'difficulty', true)).toEqual({ label: 'Difficulty', id: null });
  });

  describe('an asset run’s labels', () => {
    const store = new BulkStore(() => []);
    afterEach(() => store.dispose());

    it('come from the folder’s schema on the run’s connection, never another connection’s', () => {
      store.setup.form.connectionId = 'c1';
      store.setup.fields.current = { folder: '/content/dam/wknd', schema: { form: 'default', mappedOn: null, fields: [custom], mimeForms: [] }, unavailable: null };
      expect(store.setup.schemaFieldsOf(runSummary({ connectionId: 'c1' }))).toEqual([custom]);
      expect(store.setup.schemaFieldsOf(runSummary({ connectionId: 'c2' }))).toBeUndefined();
      expect(store.setup.schemaFieldsOf(null)).toBeUndefined();
    });
  });
});
