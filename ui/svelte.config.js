import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // TypeScript in <script lang="ts">; component CSS stays in emitted .css files, which the
  // strict CSP (style-src 'self') allows, unlike injected <style> tags.
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
  },
};
