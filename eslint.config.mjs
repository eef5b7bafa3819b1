// The rules docs/architecture.md asks for: the layer boundaries
// (no-restricted-imports) and promises nobody waits for (no-floating-promises, which needs
// type information). Formatting and taste are left to review.
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

const noNext = {
  group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react-dom', 'react/*'],
  message: 'lib/scim and db/ stay framework-free: they are tested with plain Requests (docs/architecture.md).',
};
const noAppOrTest = {
  group: ['@/app', '@/app/*', '@/app/**', '@/test', '@/test/*', '@/test/**'],
  message: 'Product code never imports routes (app/) or test harnesses (test/): the arrows run app → lib → db (docs/architecture.md).',
};
const noLib = {
  group: ['@/lib', '@/lib/*', '@/lib/**', '../lib', '../lib/*', '../lib/**'],
  message: 'db/ imports nothing from lib/ (issue 16): it receives its options (lib/database.ts reads them from the environment).',
};
const noScripts = {
  group: ['@/scripts', '@/scripts/*', '@/scripts/**', '**/scripts/*', '**/scripts/**'],
  message: 'test/ never imports scripts/: the arrows run scripts → test (fixtures, IdP descriptions) → lib (docs/architecture.md).',
};
const onlyTestDescriptions = {
  regex: '^@/test/(?!fixtures/|idp-behaviour/)',
  message: 'scripts/ take from test/ only the recorded IdP fixtures and descriptions (test/fixtures/idp, test/idp-behaviour): docs/architecture.md.',
};
const noDb = {
  allowTypeImports: true,
  group: ['@/db/*', '@/db/**', '**/db/client', '**/db/schema'],
  message: 'Pages and components reach the database through lib/ (docs/architecture.md).',
};

export default tseslint.config(
  { ignores: ['.next/**', 'dist/**', 'node_modules/**', '.data/**', 'test-results/**', 'bench-results/**', 'next-env.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  { files: ['lib/scim/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noNext] }] } },
  { files: ['db/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noNext, noLib] }] } },
  { files: ['lib/scim/**'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noNext, noAppOrTest] }] } },
  { files: ['db/**'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noNext, noAppOrTest, noLib] }] } },
  { files: ['lib/**', 'server/**'], ignores: ['lib/scim/**', '**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noAppOrTest] }] } },
  { files: ['app/**', 'components/**'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [noDb] }] } },
  { files: ['test/**'], rules: { 'no-restricted-imports': ['error', { patterns: [noScripts] }] } },
  { files: ['scripts/**'], ignores: ['**/*.test.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [onlyTestDescriptions] }] } },
  // Every Drizzle update and delete names its rows (create-t3-app's rule): a missing where() would
  // change every row of the table, every org's included.
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
);
