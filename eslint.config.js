// Lint: typescript-eslint's type-checked rules, vitest's rules for tests, and the layer
// boundaries of the architecture (domain <- text <- corpus/scoring <- runner <- report <- cli),
// so a backwards import fails `npm run check` instead of waiting for a reviewer.
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * What each layer may import (production code; tests may reach further). Anything in src/
 * not listed is refused, src/testing/ above all. Read top to bottom, it is the architecture.
 */
const MAY_IMPORT = {
  domain: [],
  input: ['domain'],
  http: ['domain'],
  text: ['domain', 'input'],
  corpus: ['domain', 'input', 'text'],
  compliance: ['domain', 'input'],
  scoring: ['domain', 'input', 'text', 'config'],
  config: ['domain', 'input', 'text', 'http', 'backends', 'judge', 'compliance'],
  backends: ['domain', 'input', 'text', 'http', 'config'],
  judge: ['domain', 'input', 'http', 'backends', 'scoring'],
  store: ['domain'],
  runner: ['domain', 'input', 'text', 'http', 'config', 'backends', 'judge', 'compliance', 'scoring', 'store'],
  report: ['domain', 'input', 'text', 'config', 'compliance', 'scoring'],
  cli: ['domain', 'input', 'text', 'http', 'config', 'backends', 'judge', 'compliance', 'corpus', 'scoring', 'store', 'runner', 'report'],
  // Benchmarks drive the fake vendors of src/testing, like the tests do.
  bench: [
    'domain',
    'input',
    'text',
    'http',
    'config',
    'backends',
    'judge',
    'compliance',
    'corpus',
    'scoring',
    'store',
    'runner',
    'report',
    'testing',
  ],
};
const FOLDERS = [...Object.keys(MAY_IMPORT), 'testing'];
const LAYERS = Object.fromEntries(
  Object.entries(MAY_IMPORT).map(([layer, ok]) => [layer, FOLDERS.filter((f) => f !== layer && !ok.includes(f))]),
);

const boundaries = Object.entries(LAYERS).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.ts`],
  ignores: ['src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/${b}/*`, `**/${b}/**`],
          message: `src/${layer} sits below src/${b}: import in the other direction, or move the shared part down (README.md, Architecture: Layers).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', 'dist/', '.scratch/', 'rubrics/risk/schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Registries and fakes implement Promise-returning interfaces with bodies that happen
      // to be synchronous; a forgotten await is what no-floating-promises catches.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/**/*.test.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      // `check(...)` and `expectMention(...)` helpers assert; a setup hook may assert its fixture loaded.
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'check*'] }],
      'vitest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['beforeAll', 'beforeEach'] }],
      // expect(value, 'what went wrong') is vitest's own message form.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      // Asymmetric matchers (expect.objectContaining) are typed any by vitest itself.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  ...boundaries,
);
