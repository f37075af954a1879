import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The layering rule as `npm run lint` runs it: the workspace's own eslint.config.mjs (its tags, its
 * constraints), on snippets that break it on purpose. Only that rule runs, without type information, so the
 * check takes a second; ESLint's Node API loads an ES module config, hence a child process.
 */
interface Message {
  ruleId: string | null;
  messageId?: string;
  message: string;
}

const WORKSPACE = path.resolve(__dirname, '..', '..');

function lint(probes: Array<{ filePath: string; code: string }>): Message[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
      ruleFilter: ({ ruleId }) => ruleId === 'pilotis/module-boundaries',
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

describe('pilotis/module-boundaries (eslint.config.mjs)', () => {
  const probes = {
    utilImportsFeature: { filePath: 'libs/shared/src/boundary-probe.ts', code: "import { ActionsModule } from '@pilotis/actions';\nexport const m = ActionsModule;\n" },
    dataImportsFeature: { filePath: 'libs/audit/src/boundary-probe.ts', code: "import { Organisation } from '@pilotis/organisations';\nexport const o = Organisation;\n" },
    deepImport: { filePath: 'libs/comites/src/boundary-probe.ts', code: "import { Action } from '@pilotis/actions/src/action.entity';\nexport const a = Action;\n" },
    relativeAcrossLibs: { filePath: 'libs/comites/src/boundary-probe.ts', code: "import { Action } from '../../actions/src/action.entity';\nexport const a = Action;\n" },
    outsideContextMap: { filePath: 'libs/territoires/src/boundary-probe.ts', code: "import { Organisation } from '@pilotis/organisations';\nexport const o = Organisation;\n" },
    cycle: { filePath: 'libs/actions/src/boundary-probe.ts', code: "import { ComitesModule } from '@pilotis/comites';\nexport const c = ComitesModule;\n" },
    appImport: { filePath: 'libs/actions/src/boundary-probe.ts', code: "import { createApp } from '../../../apps/api/src/app.factory';\nexport const c = createApp;\n" },
    libImportsComposition: { filePath: 'libs/dashboards/src/boundary-probe.ts', code: "import { ALL_ENTITIES } from '@pilotis/schema';\nexport const e = ALL_ENTITIES;\n" },
    selfImport: { filePath: 'libs/actions/src/boundary-probe.ts', code: "import { ActionsModule } from '@pilotis/actions';\nexport const m = ActionsModule;\n" },
    allowed: { filePath: 'libs/comites/src/boundary-probe.ts', code: "import { Action } from '@pilotis/actions';\nimport { Db } from '@pilotis/db';\nexport const x = [Action, Db];\n" },
    testSupport: { filePath: 'apps/worker/test/boundary-probe.e2e-spec.ts', code: "import { startTestApp } from '../../api/test/support/test-app';\nexport const s = startTestApp;\n" },
    webEntryPoint: { filePath: 'apps/web/src/boundary-probe.ts', code: "import { spreadsheetCell } from '@pilotis/shared/spreadsheet';\nexport const s = spreadsheetCell;\n" },
  };
  let results: Record<keyof typeof probes, Message[]>;

  beforeAll(() => {
    const names = Object.keys(probes) as Array<keyof typeof probes>;
    const out = lint(names.map((n) => probes[n]));
    results = Object.fromEntries(names.map((n, i) => [n, out[i]])) as typeof results;
  }, 60_000);

  const ids = (name: keyof typeof probes) => results[name].map((m) => `${m.ruleId}:${m.messageId}`).sort();

  it('refuses a util library importing a feature library', () => {
    // The type and the scope both forbid it, and actions already depends on shared: a cycle as well.
    expect(ids('utilImportsFeature')).toEqual(['pilotis/module-boundaries:circular', 'pilotis/module-boundaries:notTagged', 'pilotis/module-boundaries:notTagged']);
    expect(results.utilImportsFeature.map((m) => m.message).join('\n')).toContain(
      'A project tagged with "type:util" can only depend on libs tagged with "type:util": "actions" is tagged "type:feature", "scope:actions".',
    );
  });

  it('refuses a data library importing a feature library', () => {
    expect(results.dataImportsFeature.map((m) => m.message).join('\n')).toContain('A project tagged with "type:data" can only depend on libs tagged with "type:data", "type:util"');
  });

  it("refuses a deep import or a relative path into another library's files", () => {
    expect(ids('deepImport')).toEqual(['pilotis/module-boundaries:deepImport']);
    expect(results.deepImport[0].message).toContain('import "@pilotis/actions", its public entry point');
    expect(ids('relativeAcrossLibs')).toEqual(['pilotis/module-boundaries:relativeImport']);
  });

  it('refuses a dependency between contexts that the context map does not list', () => {
    expect(ids('outsideContextMap')).toEqual(['pilotis/module-boundaries:notTagged']);
    expect(results.outsideContextMap[0].message).toContain('A project tagged with "scope:territoires" can only depend on libs tagged with "scope:territoires", "scope:shared"');
  });

  it('refuses a circular dependency', () => {
    expect(ids('cycle')).toContain('pilotis/module-boundaries:circular');
    expect(results.cycle.find((m) => m.messageId === 'circular')?.message).toMatch(/^Circular dependency between "actions" and "comites": actions → comites → .*actions\.$/);
  });

  it('refuses importing an application, or the composition root from a library', () => {
    expect(ids('appImport')).toEqual(['pilotis/module-boundaries:appImport']);
    expect(ids('libImportsComposition')).toEqual(['pilotis/module-boundaries:notTagged', 'pilotis/module-boundaries:notTagged']);
  });

  it('refuses a library importing itself through its alias', () => {
    expect(ids('selfImport')).toEqual(['pilotis/module-boundaries:selfImport']);
  });

  it("accepts the allowed dependencies, the tests' shared helpers and the declared entry points", () => {
    expect(results.allowed).toEqual([]);
    expect(results.testSupport).toEqual([]);
    expect(results.webEntryPoint).toEqual([]);
  });
});
