import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'training/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Files share a worker's modules instead of each loading tfjs again: 141 s → 65 s here. Every
    // file still checks its own tensors (before/after, not against zero) and picks its own backend.
    isolate: false,
    setupFiles: ['src/testing/each-file-starts-on-cpu.ts'],
  },
});
