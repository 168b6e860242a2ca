import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

import svelteConfig from './svelte.config.js';

// Only ui/src/ipc/ talks to Tauri; everything else goes through its typed functions, so the
// seam can be mocked in tests and reviewed in one place.
const tauriOnlyInIpc = {
  patterns: [
    {
      group: ['@tauri-apps/*'],
      message: 'Import Tauri only in src/ipc/ (use the typed functions in src/ipc/commands.ts and events.ts).',
    },
  ],
};

// The CSP has no 'unsafe-inline' for styles: a style="" attribute or setAttribute('style')
// is refused at run time. Svelte's style: directive sets CSSOM properties and is allowed.
const noInlineStyles = [
  {
    selector: 'SvelteAttribute[key.name="style"]',
    message: 'Inline style attributes are blocked by the CSP; use a class or the style: directive.',
  },
  {
    selector: 'CallExpression[callee.property.name="setAttribute"][arguments.0.value="style"]',
    message: 'Inline styles are blocked by the CSP; use a class or element.style.setProperty.',
  },
];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'src/ipc/bindings/'] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', tauriOnlyInIpc],
      'no-restricted-syntax': ['error', ...noInlineStyles],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig,
      },
    },
  },
  {
    // The seam itself, and the dev-only mocked preview that fakes the Tauri side.
    files: ['src/ipc/**', 'preview/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['*.config.{js,ts}', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
