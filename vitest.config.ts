import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Outside Next's server bundle the marker would throw; tests import server modules directly.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    // Component tests (.tsx) set their own DOM environment in a docblock; the rest run in node.
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // One worker process runs many test files: lib, zod, pdf-lib, HarfBuzz and the parsed fonts
    // are imported once per worker instead of once per file (about 1 s per file on this 2-core
    // machine). Tests keep no state between files (env stubs are undone in afterEach).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
