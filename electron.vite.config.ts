// Build of the three Electron targets from this repository's folders: main (with the claims, import,
// compare and export workers, and the command line that serves the app to a browser), the sandboxed CommonJS
// preload, and the renderer.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['lowdb', 'steno'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'claims-worker': resolve(root, 'electron/services/claims/worker.ts'),
          'import-worker': resolve(root, 'electron/services/ingest/worker.ts'),
          'compare-worker': resolve(root, 'electron/services/compare/worker.ts'),
          'export-worker': resolve(root, 'electron/services/briefs/export/worker.ts'),
          cli: resolve(root, 'electron/cli/run.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [vue()],
    resolve: { alias: { '@renderer': resolve(root, 'renderer/src') } },
    build: {
      // electron-vite leaves bundles unminified; the renderer is the one that a cold start parses.
      minify: true,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
