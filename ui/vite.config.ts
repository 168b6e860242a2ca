import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// The production build: only index.html → src/main.ts. The mocked preview has its own config
// (vite.preview.config.ts) so no mock code can reach ui/dist.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // Tauri serves ui/dist itself; there is no dev server URL in tauri.conf.json.
  clearScreen: false,
  // The message catalogue lives at the top of the repository (`locales/`), shared with the
  // Rust side; the UI imports its .ftl files with `?raw`.
  server: { fs: { allow: ['.', '../locales'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebKitGTK / WebView2 are current engines; the polyfill would be dead weight.
    modulePreload: { polyfill: false },
    // Keep every asset a file: `data:` URLs for fonts/scripts would be refused by the CSP.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
