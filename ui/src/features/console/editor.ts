// The GraphQL editor: CodeMirror 6 with cm6-graphql (GraphQL syntax, bracket matching,
// schema-aware completion and validation marks from the endpoint's introspection) and the
// answer's errors marked at their line and column. Loaded with a dynamic import by the
// console page, so the editor's code is fetched only when the console is opened.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { graphql, updateSchema } from 'cm6-graphql';
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';

export interface ErrorAt {
  message: string;
  line: number;
  column: number;
}

export interface GraphqlEditor {
  text(): string;
  setText(text: string): void;
  setSchema(introspection: unknown): string | null;
  markErrors(errors: ErrorAt[]): void;
  focus(): void;
  destroy(): void;
}

/** The schema from an introspection result's `data`, or the reason it cannot be built. */
export function schemaFrom(introspection: unknown): GraphQLSchema | string {
  try {
    return buildClientSchema(introspection as IntrospectionQuery);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The document offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: EditorState['doc'], line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

export function createGraphqlEditor(
  parent: HTMLElement,
  options: { text: string; label: string; onRun: () => void; onChange?: () => void },
): GraphqlEditor {
  const run = () => {
    options.onRun();
    return true;
  };
  // In a shadow root, CodeMirror's styles go to a constructed stylesheet (adoptedStyleSheets)
  // instead of a <style> element, which the app's Content Security Policy (style-src 'self')
  // refuses: the policy stays strict and the editor keeps its layout.
  const root = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        keymap.of([
          { key: 'Mod-Enter', run },
          { key: 'Ctrl-Enter', run },
        ]),
        lineNumbers(),
        history(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        graphql(undefined),
        autocompletion({ activateOnTyping: true }),
        lintGutter(),
        linter(null),
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'data-testid': 'graphql-editor' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange?.();
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setSchema(introspection) {
      const schema = schemaFrom(introspection);
      if (typeof schema === 'string') return schema;
      updateSchema(view, schema);
      return null;
    },
    markErrors(errors) {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = errors.map((e) => {
        const from = offsetOf(doc, e.line, e.column);
        // The whole rest of the line, at least one character, so the mark is visible.
        const to = Math.min(Math.max(doc.lineAt(from).to, from + 1), doc.length);
        return { from, to, severity: 'error', message: e.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
