import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Dev server for the mocked preview (npm run preview:mock, then open /preview/index.html).
// Separate from vite.config.ts on purpose: nothing here is ever built into ui/dist.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5188, strictPort: true, host: '127.0.0.1', fs: { allow: ['.', '../locales'] } },
});
