// The bulk edit form's rules: every bad input with the words shown next to its field, and the
// request a valid form becomes. The folder's rule is the core's: the form shows its answer.
import { describe, expect, it } from 'vitest';

import {
  actionsFor,
  MESSAGES,
  OTHER_PROPERTY,
  canChooseSeveral,
  emptyForm,
  formLabel,
  hasProblems,
  KNOWN_PROPERTIES,
  formCheckOf,
  newEdit,
  propertyLabel,
  STOCK_LABELS,
  takesSeveral,
  toPreviewRequest,
  validate,
  valuesOf,
  type EditDraft,
  type FormDraft,
} from './editForm';
import { I18n } from '../../lib/i18n/i18n.svelte';
import enProperties from '../../../../locales/en/properties.ftl?raw';

/** The English catalogue, the default in tests. */
const { t } = new I18n('en');

function edit(overrides: Partial<EditDraft> = {}): EditDraft {
  return { ...newEdit(overrides.key ?? 0), ...overrides };
}

function form(overrides: Partial<FormDraft> = {}): FormDraft {
  return {
    ...emptyForm('c1'),
    folder: '/content/dam/wknd-shared/en',
    edits: [edit({ picked: 'dc:rights', text: '© 2026 WKND' })],
    ...overrides,
  };
}

describe('validate', () => {
  it('accepts a complete form', () => {
    const problems = validate(t, form());
    expect(hasProblems(problems)).toBe(false);
    expect(problems.edits).toEqual({});
  });

  it('asks for a connection', () => {
    expect(validate(t, form({ connectionId: '' })).connection).toBe('Choose a connection.');
  });

  it('asks for a folder when none is chosen (spaces count as none)', () => {
    expect(validate(t, form({ folder: '' })).folder).toBe('Choose a folder in the tree, or type its path.');
    expect(validate(t, form({ folder: '   ' })).folder).toBe(t(MESSAGES.folder));
  });

  it('shows the core’s problem with the folder typed, in its words', () => {
    const problem = '"/content/sites/en" is not a DAM folder: it must start with /content/dam/.';
    expect(validate(t, form({ folder: '/content/sites/en' }), { problem }).folder).toBe(problem);
  });

  it('judges no folder form itself: the seed script’s form is the core’s to take', () => {
    // While the core is asked, nothing is said; once it took the folder, nothing either.
    expect(validate(t, form({ folder: '/wknd-shared/en' }), null).folder).toBeUndefined();
    expect(validate(t, form({ folder: 'wknd-shared/en' }), { folder: '/content/dam/wknd-shared/en' }).folder).toBeUndefined();
  });

  it('asks for a property when "Another property" is left empty', () => {
    const problems = validate(t, form({ edits: [edit({ picked: OTHER_PROPERTY, custom: '  ', text: 'x' })] }));
    expect(problems.edits[0]?.property).toBe('Choose a property, or type one such as dc:rights.');
  });

  it('accepts any prefix:name property, and the metadata/ form', () => {
    for (const custom of ['dc:language', 'xmpRights:WebStatement', 'my_ns:field-1.2', 'metadata/dc:rights']) {
      const problems = validate(t, form({ edits: [edit({ picked: OTHER_PROPERTY, custom, text: 'x' })] }));
      expect(problems.edits[0], custom).toBeUndefined();
    }
  });

  it('says the core’s answer about the same property twice beside the second row only', () => {
    const twice = 'dc:title is edited twice in one run; combine the two edits into one.';
    const f = form({
      edits: [
        edit({ key: 1, picked: 'dc:title', text: 'A' }),
        edit({ key: 2, picked: OTHER_PROPERTY, custom: 'dc:title', text: 'B' }),
      ],
    });
    // Not the window's to decide: nothing said until the core answers.
    expect(validate(t, f).edits).toEqual({});
    const answer = { properties: [null, null], edits: [null, null], repeated: [null, twice], name: null, conditions: [], list: null, sheetProperties: [] };
    const problems = validate(t, f, null, answer);
    expect(problems.edits[1]).toBeUndefined();
    expect(problems.edits[2]?.property).toBe(twice);
  });

  it('asks for a value except for Clear', () => {
    expect(validate(t, form({ edits: [edit({ picked: 'dc:title', text: '  ' })] })).edits[0]?.values).toBe(
      'Type the value to set.',
    );
    expect(validate(t, form({ edits: [edit({ picked: 'dc:subject', text: '\n \n' })] })).edits[0]?.values).toBe(
      'Type at least one value, one per line.',
    );
    expect(validate(t, form({ edits: [edit({ picked: 'dc:subject', action: 'append', text: '' })] })).edits[0]?.values).toBe(
      t(MESSAGES.values),
    );
    expect(validate(t, form({ edits: [edit({ picked: 'dc:title', action: 'clear', text: '' })] })).edits[0]).toBeUndefined();
  });

  it('asks for at least one change', () => {
    expect(validate(t, form({ edits: [] })).general).toBe('Add at least one change.');
  });
});

describe('actions', () => {
  it('offers only Set, Clear and the rules that compute for a property known to hold one value', () => {
    const kinds = (e: EditDraft) => actionsFor(e).map((a) => a.kind);
    const rules = ['replace', 'template', 'from_name', 'copy', 'case', 'trim', 'shift_date', 'set_date'];
    for (const picked of ['dc:title', 'dc:description', 'dc:rights', 'xmpRights:UsageTerms']) {
      expect(kinds(edit({ picked })), picked).toEqual(['set', 'clear', ...rules]);
    }
    for (const picked of ['dc:subject', 'dc:creator', 'cq:tags']) {
      expect(kinds(edit({ picked })), picked).toEqual(['set', 'append', 'remove', 'clear', ...rules]);
    }
    // A property typed in is the user's to know.
    expect(kinds(edit({ picked: OTHER_PROPERTY, custom: 'dam:keywords' }))).toEqual(['set', 'append', 'remove', 'clear', ...rules]);
    // Typed in, a known one keeps its rule.
    expect(kinds(edit({ picked: OTHER_PROPERTY, custom: 'metadata/dc:rights' }))).toEqual(['set', 'clear', ...rules]);
  });

  it('refuses adding or removing values of a property that holds one value, in words', () => {
    for (const action of ['append', 'remove'] as const) {
      const problems = validate(t, form({ edits: [edit({ picked: 'dc:rights', action, text: 'x' })] }));
      expect(problems.edits[0]?.values, action).toBe('Copyright holds one value: set it or clear it.');
    }
    const typed = validate(t, form({ edits: [edit({ picked: OTHER_PROPERTY, custom: 'dc:title', action: 'append', text: 'x' })] }));
    expect(typed.edits[0]?.values).toBe('Title holds one value: set it or clear it.');
  });
});

describe('values', () => {
  it('takes several values for multi-valued fields and for adding or removing', () => {
    expect(takesSeveral(edit({ picked: 'dc:subject' }))).toBe(true);
    expect(takesSeveral(edit({ picked: 'cq:tags' }))).toBe(true);
    expect(takesSeveral(edit({ picked: 'dc:creator' }))).toBe(true);
    expect(takesSeveral(edit({ picked: 'dc:title' }))).toBe(false);
    expect(takesSeveral(edit({ picked: 'dc:creator', action: 'append' }))).toBe(true);
    expect(takesSeveral(edit({ picked: OTHER_PROPERTY, custom: 'x:y', action: 'remove' }))).toBe(true);
  });

  it('lets a typed-in property take several values when ticked; adding or removing always does', () => {
    const typed = edit({ picked: OTHER_PROPERTY, custom: 'dc:language' });
    expect(takesSeveral(typed)).toBe(false);
    expect(canChooseSeveral(typed)).toBe(true);
    expect(takesSeveral({ ...typed, several: true })).toBe(true);
    for (const action of ['append', 'remove'] as const) {
      expect(takesSeveral({ ...typed, action })).toBe(true);
      expect(canChooseSeveral({ ...typed, action }), action).toBe(false);
    }
    expect(canChooseSeveral({ ...typed, action: 'clear' })).toBe(false);
    // A known property says it itself, typed in or picked: the tick is not asked for.
    expect(takesSeveral(edit({ picked: OTHER_PROPERTY, custom: 'dc:subject' }))).toBe(true);
    expect(canChooseSeveral(edit({ picked: OTHER_PROPERTY, custom: 'dc:subject' }))).toBe(false);
    expect(canChooseSeveral(edit({ picked: 'dc:title' }))).toBe(false);
    expect(takesSeveral(edit({ picked: 'dc:title', several: true })), 'only typed-in properties take the tick').toBe(false);
  });

  it('never sends several lines as one value', () => {
    const typed = edit({ picked: OTHER_PROPERTY, custom: 'dc:language', text: 'en\nde' });
    expect(validate(t, form({ edits: [typed] })).edits[0]?.values).toBe(t(MESSAGES.oneValueTyped));
    expect(() => toPreviewRequest(t, form({ edits: [typed] }), '/content/dam/wknd-shared/en')).toThrow();
    // Left over from "Add values" on a single-valued known property.
    expect(validate(t, form({ edits: [edit({ picked: 'dc:title', text: 'A\nB' })] })).edits[0]?.values).toBe(t(MESSAGES.oneValue));
    // Empty lines around one value are no extra values.
    expect(validate(t, form({ edits: [edit({ picked: 'dc:title', text: '\n A \n' })] })).edits[0]).toBeUndefined();
  });

  it('reads one value per line, trimmed, without empty lines', () => {
    expect(valuesOf(edit({ picked: 'dc:subject', text: ' summer \r\n\n  beach\n' }))).toEqual(['summer', 'beach']);
    expect(valuesOf(edit({ picked: 'dc:title', text: '  Hello world  ' }))).toEqual(['Hello world']);
    expect(valuesOf(edit({ picked: 'dc:title', action: 'clear', text: 'ignored' }))).toEqual([]);
  });
});

describe('toPreviewRequest', () => {
  it('maps the form to the request the preview sends, on the folder the core took', () => {
    const request = toPreviewRequest(
      t,
      form({
        folder: ' /wknd-shared/en/ ',
        recursive: true,
        name: ' *.jpg ',
        formats: ['image/*', 'application/pdf'],
        edits: [
          edit({ key: 1, picked: 'dc:rights', text: '© 2026 WKND' }),
          edit({ key: 2, picked: 'dc:subject', action: 'append', text: 'summer\nbeach' }),
          edit({ key: 3, picked: OTHER_PROPERTY, custom: 'metadata/dc:language', action: 'remove', text: 'en' }),
          edit({ key: 4, picked: 'cq:tags', action: 'clear', text: 'left over' }),
          edit({ key: 5, picked: 'dc:creator', action: 'set', text: 'Ann\nBob' }),
        ],
      }),
      '/content/dam/wknd-shared/en',
    );
    expect(request).toEqual({
      scope: {
        connectionId: 'c1',
        scope: { kind: 'folder', folder: '/content/dam/wknd-shared/en', recursive: true },
        name: '*.jpg',
        formats: ['image/*', 'application/pdf'],
      },
      edits: [
        { property: 'dc:rights', op: { kind: 'set', values: ['© 2026 WKND'] } },
        { property: 'dc:subject', op: { kind: 'append', values: ['summer', 'beach'] } },
        { property: 'dc:language', op: { kind: 'remove', values: ['en'] } },
        { property: 'cq:tags', op: { kind: 'clear' } },
        { property: 'dc:creator', op: { kind: 'set', values: ['Ann', 'Bob'] } },
      ],
    });
  });

  it('maps a typed-in property with several values to a list, and without to one value', () => {
    const request = toPreviewRequest(
      t,
      form({
        edits: [
          edit({ key: 1, picked: OTHER_PROPERTY, custom: 'dc:language', several: true, text: ' en \n\nde\n' }),
          edit({ key: 2, picked: OTHER_PROPERTY, custom: 'xmp:Label', several: false, text: ' Approved ' }),
          edit({ key: 3, picked: OTHER_PROPERTY, custom: 'dam:keywords', several: false, action: 'append', text: 'a\nb' }),
          edit({ key: 4, picked: OTHER_PROPERTY, custom: 'dc:audience', several: true, text: 'staff' }),
        ],
      }),
      '/content/dam/wknd-shared/en',
    );
    expect(request.edits).toEqual([
      { property: 'dc:language', op: { kind: 'set', values: ['en', 'de'] } },
      { property: 'xmp:Label', op: { kind: 'set', values: ['Approved'] } },
      { property: 'dam:keywords', op: { kind: 'append', values: ['a', 'b'] } },
      { property: 'dc:audience', op: { kind: 'set', values: ['staff'] } },
    ]);
  });

  it('sends no name filter when the pattern is empty', () => {
    const { scope } = toPreviewRequest(t, form({ name: '  ' }), '/content/dam/wknd-shared/en');
    expect([scope.name, scope.formats]).toEqual([null, []]);
  });

  it('refuses a form with problems', () => {
    expect(() => toPreviewRequest(t, form({ folder: '' }), '')).toThrow();
  });

  it('shows the core’s answer about property names and the name pattern, in its words', () => {
    const f = form({ name: 'a/*.jpg', edits: [edit({ picked: OTHER_PROPERTY, custom: 'rights', text: 'x' })] });
    // Asked of the core: the edits' properties, one per row, and the name pattern.
    expect(formCheckOf(f)).toEqual({
      properties: ['rights'],
      edits: [{ property: 'rights', op: { kind: 'set', values: ['x'] } }],
      name: 'a/*.jpg',
      conditions: [],
      list: null,
      sheetProperties: [],
    });
    // No answer yet: nothing of the window's own about what is typed.
    expect(validate(t, f, { folder: '/content/dam/a' }).name).toBeUndefined();
    expect(validate(t, f, { folder: '/content/dam/a' }).edits[0]).toBeUndefined();
    const bad = '"rights" is not a metadata property name; use the prefix:name form.';
    const path = '"a/*.jpg" is a path: a name pattern matches file names only.';
    const answer = { properties: [bad], edits: [null], repeated: [null], name: path, conditions: [], list: null, sheetProperties: [] };
    const problems = validate(t, f, { folder: '/content/dam/a' }, answer);
    expect(problems.name).toBe(path);
    expect(problems.edits[0]?.property).toBe(bad);
  });
});

describe('one name per property, whichever list shows it', () => {
  it('titles well-known properties from properties.ftl, the one table the core names them by too', () => {
    const shared = [...enProperties.matchAll(/^(property-title-[a-z-]+) =/gm)].map((m) => m[1]);
    const window = [...KNOWN_PROPERTIES, ...STOCK_LABELS].map((p) => p.label);
    expect(window.sort()).toEqual(shared.sort());
    const fr = new I18n('fr');
    expect(propertyLabel(fr.t, 'xmpRights:UsageTerms')).toBe('Conditions d’utilisation (xmpRights:UsageTerms)');
    expect(propertyLabel(t, 'dc:rights')).toBe('Copyright (dc:rights)');
  });

  it('says a common property’s stock form label in the window’s words, and keeps a label the form chose', () => {
    const fr = new I18n('fr');
    expect(formLabel(fr.t, 'dc:title', 'Title')).toBe('Titre');
    expect(formLabel(fr.t, 'dc:subject', 'keywords')).toBe('Mots-clés');
    expect(formLabel(t, 'dc:title', 'Title')).toBe('Title');
    expect(formLabel(fr.t, 'dc:title', 'Headline')).toBe('Headline');
    expect(formLabel(fr.t, 'dc:language', 'Language')).toBe('Language');
  });

  it('says the Advanced tab’s "Expires" in French too, as AEM’s form gives no translation; a label of its own stays', () => {
    const fr = new I18n('fr');
    expect(formLabel(fr.t, 'prism:expirationDate', 'Expires')).toBe('Date d’expiration');
    expect(formLabel(t, 'prism:expirationDate', 'Expires')).toBe('Expires');
    expect(formLabel(fr.t, 'prism:expirationDate', 'Licence ends')).toBe('Licence ends');
    // Only for that property: another property labelled "Expires" is the form's own choice.
    expect(formLabel(fr.t, 'wknd:expires', 'Expires')).toBe('Expires');
  });

  it('agrees the French words with their numbers', () => {
    const fr = new I18n('fr');
    expect(fr.t('bulk-showing', { shown: 1, total: 1 })).toBe('1 affichée sur 1 ressource');
    expect(fr.t('bulk-showing', { shown: 3, total: 10 })).toBe('3 affichées sur 10 ressources');
  });
});
