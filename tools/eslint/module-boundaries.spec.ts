import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The layering as `npm run lint` runs it: the workspace's own eslint.config.mjs (its tags, its constraints,
 * @nx/enforce-module-boundaries on the Nx project graph that the config computes), on snippets that break
 * it on purpose. Only the boundary rules run, without type information; ESLint's Node API loads an ES
 * module config, hence a child process.
 */
interface Message {
  ruleId: string | null;
  messageId?: string;
  message: string;
}

const WORKSPACE = path.resolve(__dirname, '..', '..');
const BOUNDARY_RULES = ['@nx/enforce-module-boundaries', 'no-restricted-imports'];

function lint(probes: Array<{ filePath: string; code: string }>): Message[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
      ruleFilter: ({ ruleId }) => ${JSON.stringify(BOUNDARY_RULES)}.includes(ruleId),
    });
    const probes = JSON.parse(process.env.PROBES);
    const out = [];
    for (const { filePath, code } of probes) {
      const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
      out.push(result.messages.map(({ ruleId, messageId, message }) => ({ ruleId, messageId, message })));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: WORKSPACE,
    env: { ...process.env, PROBES: JSON.stringify(probes) },
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Message[][];
}

describe('module boundaries (eslint.config.mjs)', () => {
  const probes = {
    utilImportsFeature: {
      filePath: 'libs/shared/src/boundary-probe.ts',
      code: "import { ActionsModule } from '@pilotis/actions';\nexport const m = ActionsModule;\n",
    },
    dataImportsFeature: {
      filePath: 'libs/mail/src/boundary-probe.ts',
      code: "import { TerritoiresModule } from '@pilotis/territoires';\nexport const t = TerritoiresModule;\n",
    },
    featureImportsComposition: {
      filePath: 'libs/dashboards/src/boundary-probe.ts',
      code: "import { ALL_ENTITIES } from '@pilotis/schema';\nexport const e = ALL_ENTITIES;\n",
    },
    featureImportsRuntime: {
      filePath: 'libs/actions/src/boundary-probe.ts',
      code: "import { createApp } from '@pilotis/api-server';\nexport const c = createApp;\n",
    },
    outsideContextMap: {
      filePath: 'libs/territoires/src/boundary-probe.ts',
      code: "import { Organisation } from '@pilotis/organisations';\nexport const o = Organisation;\n",
    },
    deepImport: {
      filePath: 'libs/comites/src/boundary-probe.ts',
      code: "import { Action } from '@pilotis/actions/src/action.entity';\nexport const a = Action;\n",
    },
    relativeAcrossLibs: {
      filePath: 'libs/comites/src/boundary-probe.ts',
      code: "import { Action } from '../../actions/src/action.entity';\nexport const a = Action;\n",
    },
    relativeFromTests: {
      filePath: 'apps/worker/test/boundary-probe.e2e-spec.ts',
      code: "import { createApp } from '../../../libs/api-server/src/app.factory';\nexport const c = createApp;\n",
    },
    relativeFromScript: {
      filePath: 'scripts/boundary-probe.ts',
      code: "import { verifyExport } from '../libs/audit/src/audit-chain';\nexport const v = verifyExport;\n",
    },
    libImportsApp: { filePath: 'libs/test-support/src/boundary-probe.ts', code: "import '../../../apps/api/src/main';\n" },
    cycle: {
      filePath: 'libs/actions/src/boundary-probe.ts',
      code: "import { ComitesModule } from '@pilotis/comites';\nexport const c = ComitesModule;\n",
    },
    runtimeImportsTestSupport: {
      filePath: 'libs/api-server/src/boundary-probe.ts',
      code: "import { gql } from '@pilotis/test-support';\nexport const g = gql;\n",
    },
    appSourceImportsTestSupport: {
      filePath: 'apps/api/src/boundary-probe.ts',
      code: "import { gql } from '@pilotis/test-support';\nexport const g = gql;\n",
    },
    scriptImportsTestSupport: {
      filePath: 'scripts/boundary-probe.ts',
      code: "import { gql } from '@pilotis/test-support';\nexport const g = gql;\n",
    },
    allowed: {
      filePath: 'libs/comites/src/boundary-probe.ts',
      code: "import { Action } from '@pilotis/actions';\nimport { Db } from '@pilotis/db';\nexport const x = [Action, Db];\n",
    },
    testImportsTestSupport: {
      filePath: 'apps/worker/test/boundary-probe.e2e-spec.ts',
      code: "import { startTestApp } from '@pilotis/test-support';\nimport { startWorker } from '@pilotis/worker-runtime';\nexport const s = [startTestApp, startWorker];\n",
    },
    appImportsRuntime: {
      filePath: 'apps/api/src/boundary-probe.ts',
      code: "import { createApp } from '@pilotis/api-server';\nexport const c = createApp;\n",
    },
    webEntryPoint: {
      filePath: 'apps/web/src/boundary-probe.ts',
      code: "import { spreadsheetCell } from '@pilotis/shared/spreadsheet';\nexport const s = spreadsheetCell;\n",
    },
  };
  let results: Record<keyof typeof probes, Message[]>;

  beforeAll(() => {
    const names = Object.keys(probes) as Array<keyof typeof probes>;
    const out = lint(names.map((n) => probes[n]));
    results = Object.fromEntries(names.map((n, i) => [n, out[i]])) as typeof results;
  }, 120_000);

  const ids = (name: keyof typeof probes) => results[name].map((m) => `${m.ruleId}:${m.messageId}`).sort();
  const text = (name: keyof typeof probes) => results[name].map((m) => m.message).join('\n');
  const NX = '@nx/enforce-module-boundaries';

  it('refuses a library depending on a lower layer than its own type allows', () => {
    // Every feature uses shared: Nx reports the cycle, which it checks before the tags.
    expect(ids('utilImportsFeature')).toEqual([`${NX}:noCircularDependencies`]);
    expect(text('dataImportsFeature')).toContain(
      'A project tagged with "type:data" can only depend on libs tagged with "type:data", "type:util"',
    );
  });

  it('refuses a feature library importing the composition root or a runtime library', () => {
    expect(ids('featureImportsComposition')).toContain(`${NX}:onlyTagsConstraintViolation`);
    expect(text('featureImportsComposition')).toContain(
      'A project tagged with "type:feature" can only depend on libs tagged with "type:feature", "type:data", "type:util"',
    );
    // The API server wires every feature: the cycle is what Nx reports first.
    expect(ids('featureImportsRuntime')).toEqual([`${NX}:noCircularDependencies`]);
  });

  it('refuses a dependency between contexts that the context map does not list', () => {
    expect(ids('outsideContextMap')).toEqual([`${NX}:onlyTagsConstraintViolation`]);
    expect(text('outsideContextMap')).toContain(
      'A project tagged with "scope:territoires" can only depend on libs tagged with "scope:territoires", "scope:shared"',
    );
  });

  it("refuses a deep import or a relative path into another project's files", () => {
    expect(ids('deepImport')).toEqual(['no-restricted-imports:patternWithCustomMessage']);
    expect(ids('relativeAcrossLibs')).toEqual([`${NX}:noRelativeOrAbsoluteImportsAcrossLibraries`]);
    expect(ids('relativeFromTests')).toContain(`${NX}:noRelativeOrAbsoluteImportsAcrossLibraries`);
    expect(ids('relativeFromScript')).toEqual(['no-restricted-imports:patternWithCustomMessage']);
  });

  it('refuses a library importing an application', () => {
    expect(ids('libImportsApp')).toContain(`${NX}:noRelativeOrAbsoluteImportsAcrossLibraries`);
  });

  it('refuses a circular dependency', () => {
    expect(ids('cycle')).toContain(`${NX}:noCircularDependencies`);
  });

  it('refuses the test library outside test files', () => {
    expect(ids('runtimeImportsTestSupport')).toContain('no-restricted-imports:patternWithCustomMessage');
    // The test library uses the API server, so the library graph refuses it too (as a cycle).
    expect(ids('runtimeImportsTestSupport')).toContain(`${NX}:noCircularDependencies`);
    expect(ids('appSourceImportsTestSupport')).toEqual(['no-restricted-imports:patternWithCustomMessage']);
    expect(ids('scriptImportsTestSupport')).toEqual(['no-restricted-imports:patternWithCustomMessage']);
    expect(text('appSourceImportsTestSupport')).toContain('The test library is for test files only');
  });

  it('accepts the allowed dependencies, the test library in tests and the declared entry points', () => {
    expect(results.allowed).toEqual([]);
    expect(results.testImportsTestSupport).toEqual([]);
    expect(results.appImportsRuntime).toEqual([]);
    expect(results.webEntryPoint).toEqual([]);
  });
});
