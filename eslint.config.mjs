// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import { createProjectGraphAsync } from '@nx/devkit';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';

// @nx/enforce-module-boundaries reads the project graph that Nx caches in .nx/workspace-data and silently
// skips every check when there is none (a fresh clone, `npx eslint` before any `nx` command; nx.json turns
// the daemon off). Computing it here makes the rule hold wherever ESLint starts; an unchanged workspace
// costs a hash of its files. A lint task that Nx runs (NX_TASK_TARGET_PROJECT) already has a fresh graph,
// and parallel tasks must not all rewrite it.
if (!process.env.NX_TASK_TARGET_PROJECT) await createProjectGraphAsync({ exitOnError: true });

/**
 * The layering of the Nx projects (tags in each project.json). Types: an app (apps/*: a thin main.ts, its
 * tests) depends on runtime libraries (libs/api-server, libs/worker-runtime, libs/demo-seed: what a
 * process runs — the API's Nest application and its HTTP wiring, the worker's, the demo data's loader),
 * which depend on the composition root (libs/schema: every entity, the migrations), feature libraries (a
 * bounded context: resolvers, services, entities), data libraries (db, audit, jobs, mail: persistence and
 * I/O every context uses) and util libraries (shared, access: no I/O); a feature on features, data and
 * util; data on data and util; util on util only. The test library (libs/test-support: the end-to-end
 * helpers every app's tests share) may depend on any library, and only test files may import it (the
 * no-restricted-imports block below). No library imports an app, and no project reaches into another by
 * a relative path or past its entry point (`@pilotis/<lib>`, or a sub-entry point declared in
 * tsconfig.base.json).
 * Scopes: the platform libraries are `scope:shared` and depend on nothing else; each bounded context
 * names the contexts it may use — the context map, which grows only by a deliberate edit here; no library
 * but a runtime one depends on the composition root. Cycles are refused whatever the tags.
 */
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:runtime', 'type:composition', 'type:feature', 'type:data', 'type:util', 'type:test'],
  },
  { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:composition', 'type:feature', 'type:data', 'type:util'] },
  { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data', 'type:util'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:data', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  {
    sourceTag: 'type:test',
    onlyDependOnLibsWithTags: ['type:runtime', 'type:composition', 'type:feature', 'type:data', 'type:util', 'type:test'],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...Object.entries({
    organisations: [],
    territoires: [],
    auth: [],
    contrats: ['organisations', 'territoires'],
    appels: ['auth', 'contrats', 'organisations', 'territoires'],
    tenancy: ['auth', 'organisations', 'territoires'],
    integrations: ['auth', 'organisations'],
    actions: ['appels', 'contrats', 'organisations', 'tenancy', 'territoires'],
    conventions: ['actions', 'organisations'],
    finance: ['actions', 'organisations'],
    instruction: ['actions', 'organisations'],
    deadlines: ['actions', 'contrats', 'organisations'],
    reports: ['actions', 'conventions'],
    comites: ['actions', 'contrats', 'conventions', 'finance', 'organisations'],
    dashboards: ['actions', 'comites', 'deadlines', 'organisations', 'tenancy', 'territoires'],
    documents: ['actions', 'appels', 'comites', 'conventions', 'deadlines'],
    bilans: ['actions', 'contrats', 'deadlines', 'organisations', 'territoires'],
  }).map(([scope, uses]) => ({
    sourceTag: `scope:${scope}`,
    onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared', ...uses.map((u) => `scope:${u}`)],
  })),
  { sourceTag: 'scope:schema', onlyDependOnLibsWithTags: ['*'] },
];

/** Files that may import the test library: tests, their helpers, and the library itself. */
const TEST_FILES = [
  '**/*.spec.ts',
  '**/*.e2e-spec.ts',
  'apps/*/test/**',
  'apps/web/e2e/**',
  'libs/test-support/**',
  // The cluster's test (a script: it runs outside jest), with the test SMTP server and the process helpers.
  'scripts/cluster/test-cluster.ts',
];

/**
 * A project is reached through its entry point only. @nx/enforce-module-boundaries refuses a relative path
 * into another project's files, but neither `@pilotis/<lib>/src/...` (no alias maps it: Nx sees an unknown
 * package) nor a relative path from the files outside every project (scripts, bench, migrations, tools).
 */
const ENTRY_POINTS_ONLY = [
  {
    regex: '^@pilotis/[^/]+/src(/|$)',
    message: 'Import the library through its alias (@pilotis/<lib>, or a sub-entry point listed in tsconfig.base.json), not its files.',
  },
  { regex: '^(\\.\\./)+(apps|libs)/', message: 'Import a library through its alias; apps export nothing.' },
];
const TEST_SUPPORT = {
  regex: '^@pilotis/test-support(/|$)',
  message: 'The test library is for test files only (*.spec.ts, *.e2e-spec.ts, apps/*/test, apps/web/e2e, the cluster test).',
};

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
    files: TEST_FILES,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...ENTRY_POINTS_ONLY, TEST_SUPPORT] }] },
  },
  {
    files: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: ENTRY_POINTS_ONLY }] },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.{ts,tsx}'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        // Node loads every library the same way, static or `await import(...)` (a few tests do): the check
        // for statically importing a library that is lazy-loaded elsewhere is for split browser bundles.
        { allow: [], depConstraints, checkDynamicDependenciesExceptions: ['@pilotis/*'] },
      ],
    },
  },
  {
    // The rules of hooks, and the React Compiler's checks of components (effects that only copy state, refs
    // read while rendering, impure renders), on the web app's components and hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // One import order everywhere (fixable: `npm run format`): side effects first, then Node's modules,
    // packages, the workspace's libraries, relative files. Layout itself is Prettier's (.prettierrc.json),
    // checked by `npm run lint`.
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': ['error', { groups: [['^\\u0000'], ['^node:'], ['^@?\\w'], ['^@pilotis(/.*)?$'], ['^\\.']] }],
    },
  },
);
