// Vitest projects: Node for services and shared code, happy-dom for renderer stores and components.
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          setupFiles: ['tests/setup/vitest-home-guard.ts'],
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: { '@renderer': fileURLToPath(new URL('./renderer/src', import.meta.url)) } },
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup/vitest-home-guard.ts'],
        },
      },
    ],
  },
});
