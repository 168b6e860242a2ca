// The console's pure helpers: where an error's line and column land in the editor, and the
// schema built from an introspection result (what completion uses).
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';

import { offsetOf, schemaFrom } from './editor';

describe('the GraphQL editor helpers', () => {
  it('puts a 1-based line and column at the right offset, clamped', () => {
    const doc = EditorState.create({ doc: '{\n  articleList {\n    items { titel }\n' }).doc;
    expect(doc.sliceString(offsetOf(doc, 3, 13), offsetOf(doc, 3, 18))).toBe('titel');
    expect(offsetOf(doc, 99, 1)).toBe(doc.line(doc.lines).from);
    expect(offsetOf(doc, 1, 99)).toBe(1);
  });

  it('builds a schema from introspection, or says why not', () => {
    const introspection = {
      __schema: {
        queryType: { name: 'Query' },
        mutationType: null,
        subscriptionType: null,
        directives: [],
        types: [
          {
            kind: 'OBJECT',
            name: 'Query',
            description: null,
            fields: [
              {
                name: 'title',
                description: null,
                args: [],
                type: { kind: 'SCALAR', name: 'String', ofType: null },
                isDeprecated: false,
                deprecationReason: null,
              },
            ],
            inputFields: null,
            interfaces: [],
            enumValues: null,
            possibleTypes: null,
          },
          { kind: 'SCALAR', name: 'String', description: null, fields: null, inputFields: null, interfaces: null, enumValues: null, possibleTypes: null },
        ],
      },
    };
    const schema = schemaFrom(introspection);
    expect(typeof schema).not.toBe('string');
    if (typeof schema !== 'string') expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(['title']);
    expect(typeof schemaFrom({})).toBe('string');
  });
});
