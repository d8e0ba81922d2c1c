import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the fast loop (pure code, no processes, no browser, no loopback
// vendors, no whole-corpus scoring) and `e2e` drives the CLI, fake vendors on 127.0.0.1,
// Chromium, and every reference scribe over the whole corpus (*.corpus.test.ts).
// `npm test` runs both; `npm run test:unit` is the one to keep under 20 s.
const E2E = ['src/**/*.e2e.test.ts', 'src/**/*.browser.test.ts', 'src/**/*.corpus.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      // Unit files share one module graph (isolate: false): loading the NLP model and the
      // risk rules once instead of once per file is most of the speed.
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: E2E, isolate: false } },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
