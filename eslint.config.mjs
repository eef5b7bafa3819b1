// The rules docs/architecture.md asks for: the layer boundaries (no-restricted-imports) and
// promises nobody waits for (no-floating-promises), on top of typescript-eslint's
// recommendedTypeChecked set (https://typescript-eslint.io/users/configs), for .ts/.tsx only:
// the two .mjs config files are outside the TS project, so they get no type-checked rules and
// need no disableTypeChecked. Formatting is Prettier's; taste is left to review.
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
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `async` with no await is how this code meets Promise-returning contracts (oidc-provider's Adapter, Next's headers(),
      // SCIM operations' run(), vi.mock fakes): dropping it would turn a throw into a synchronous one, a behaviour change.
      '@typescript-eslint/require-await': 'off',
      // `const { cursor: _cursor, ...filters } = query` is how the code omits keys; the rest sibling is what is used.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `String(row.col ?? '')` on driver rows, parsed JSON and argv: `unknown ?? ''` is typed `{}`, i.e. unknown minus null,
      // and unknown is exempt by default (checkUnknown: false). Classes and object literals are still caught; the name
      // also matches @types/node's File/Blob shims (their base is `{}`), so a posted File is checked by hand (invite action).
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', '{}'] }],
    },
  },
  // Vitest types its asymmetric matchers (expect.any, objectContaining, stringMatching) as `any`; in a
  // `toMatchObject({ message: expect.stringMatching(/…/) })` that is the documented pattern, not an unsafe value.
  { files: ['**/*.test.ts'], rules: { '@typescript-eslint/no-unsafe-assignment': 'off' } },
  // The leak guard saves console's and the streams' own methods, unbound, to call and restore them as they were.
  { files: ['test/no-secret-leaks.setup.ts'], rules: { '@typescript-eslint/unbound-method': 'off' } },
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
