// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import pilotis from './tools/eslint/module-boundaries.mjs';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * The layering of the Nx projects (tags in each project.json). Types: an app depends on the composition
 * root (libs/schema), feature libraries (a bounded context: resolvers, services, entities), data
 * libraries (db, audit, jobs, mail: persistence and I/O every context uses) and util libraries (shared,
 * access: no I/O); a feature on features, data and util; data on data and util; util on util only.
 * Scopes: the platform libraries are `scope:shared` and depend on nothing else; each bounded context
 * names the contexts it may use — the context map, which grows only by a deliberate edit here; no library
 * depends on the composition root. Cycles are refused whatever the tags.
 */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:composition', 'type:feature', 'type:data', 'type:util'] },
  { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...Object.entries({
    organisations: [],
    territoires: [],
    auth: [],
    contrats: ['organisations', 'territoires'],
    tenancy: ['auth', 'organisations', 'territoires'],
    integrations: ['auth', 'organisations'],
    actions: ['contrats', 'organisations', 'tenancy', 'territoires'],
    conventions: ['actions', 'organisations'],
    finance: ['actions', 'organisations'],
    instruction: ['actions', 'organisations'],
    deadlines: ['actions', 'contrats', 'organisations'],
    reports: ['actions', 'conventions'],
    comites: ['actions', 'contrats', 'conventions', 'finance', 'organisations'],
    dashboards: ['actions', 'comites', 'deadlines', 'organisations', 'tenancy'],
  }).map(([scope, uses]) => ({ sourceTag: `scope:${scope}`, onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared', ...uses.map((u) => `scope:${u}`)] })),
  { sourceTag: 'scope:schema', onlyDependOnLibsWithTags: ['*'] },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tmp/**', '**/*.js', '**/*.mjs', 'apps/web/dist/**', 'apps/web/src/gql/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/support/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The same check as @nx/eslint-plugin's, which is not a dependency. With it: `plugins: { '@nx': nx }` and
    // `'@nx/enforce-module-boundaries': ['error', { allow: [], depConstraints }]`; it has no testImports, so
    // the tests' relative imports of apps/api/test/support would fail until those helpers move to a library.
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.{ts,tsx}'],
    plugins: { pilotis },
    rules: {
      'pilotis/module-boundaries': [
        'error',
        {
          depConstraints,
          // The end-to-end helpers that tests of other apps still reach by a relative path, until they move
          // to a library of their own.
          testImports: ['apps/api/test/support/*', 'apps/api/src/web', 'apps/worker/src/worker.factory', 'scripts/seed-demo', 'migrations/support/*'],
        },
      ],
    },
  },
  {
    // The rules of hooks, and the React Compiler's checks of components (effects that only copy state, refs
    // read while rendering, impure renders), on the web app's components and hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
);
