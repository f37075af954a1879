// @ts-check
/**
 * `pilotis/module-boundaries`: the layering of the Nx projects, enforced on every import.
 *
 * It takes the options of `@nx/enforce-module-boundaries` (`depConstraints` with `sourceTag` and
 * `onlyDependOnLibsWithTags`, and `allow`), reads the same tags (each `project.json`) and the same public
 * entry points (`paths` of tsconfig.base.json), and reports what that rule reports: a project depending on
 * one its tags forbid, an import of an application, a deep import into another project's files, a relative
 * import across projects, a project importing itself through its alias, and a circular dependency between
 * libraries. `@nx/eslint-plugin` is not among the dependencies; this rule stands in for it without a new
 * package, and the configuration carries over as is (see eslint.config.mjs).
 *
 * One addition: `testImports`, the files of another project that tests may still reach by a relative path
 * (the shared end-to-end helpers of apps/api/test/support, until they move to a library of their own).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKSPACE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const TEST_FILE = /(\.spec|\.e2e-spec)\.[cm]?[jt]sx?$|\/(test|e2e)\//;

/** @typedef {{ name: string, root: string, tags: string[], application: boolean }} Project */

/** @type {{ projects: Project[], aliases: Map<string, Project> } | undefined} */
let workspaceCache;

/** The projects (apps/*, libs/*) and the aliases that are their public entry points. */
function workspace() {
  if (workspaceCache) return workspaceCache;
  /** @type {Project[]} */
  const projects = [];
  for (const dir of ['apps', 'libs']) {
    const base = path.join(WORKSPACE, dir);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base)) {
      const file = path.join(base, entry, 'project.json');
      if (!existsSync(file)) continue;
      const json = JSON.parse(readFileSync(file, 'utf8'));
      projects.push({ name: json.name, root: `${dir}/${entry}`, tags: json.tags ?? [], application: json.projectType === 'application' });
    }
  }
  const paths = JSON.parse(readFileSync(path.join(WORKSPACE, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths ?? {};
  const aliases = new Map();
  for (const [alias, [target]] of Object.entries(paths)) {
    const owner = projectOf(projects, path.posix.normalize(target));
    if (owner) aliases.set(alias, owner);
  }
  workspaceCache = { projects, aliases };
  return workspaceCache;
}

/** The project a workspace-relative path belongs to, if any. */
function projectOf(projects, relative) {
  return projects.find((p) => relative === p.root || relative.startsWith(`${p.root}/`));
}

/** `@pilotis/actions/src/x` → `@pilotis/actions`: the package part of a scoped specifier. */
function packageOf(specifier) {
  return specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
  return new RegExp(`^${body}$`);
}

/** @type {Map<string, Set<string>> | undefined} */
let graphCache;

/** Which project depends on which, through the aliases, from every source file of every project. */
function projectGraph() {
  if (graphCache) return graphCache;
  const { projects, aliases } = workspace();
  const graph = new Map(projects.map((p) => [p.name, new Set()]));
  const importPattern = /(?:from|import|require\()\s*\(?\s*['"](@[^'"]+)['"]/g;
  const walk = (dir, visit) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry === 'dist' || entry === 'gql') continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full, visit);
      else if (SOURCE_FILE.test(entry)) visit(full);
    }
  };
  for (const project of projects) {
    walk(path.join(WORKSPACE, project.root), (file) => {
      for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
        const target = aliases.get(packageOf(match[1]));
        if (target && target !== project) graph.get(project.name)?.add(target.name);
      }
    });
  }
  graphCache = graph;
  return graph;
}

/** A path of dependencies from `from` to `to`, or undefined. */
function pathBetween(graph, from, to) {
  const seen = new Set([from]);
  const queue = [[from]];
  while (queue.length) {
    const trail = /** @type {string[]} */ (queue.shift());
    for (const next of graph.get(trail[trail.length - 1]) ?? []) {
      if (next === to) return [...trail, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the Nx layering: tags, public entry points, no cycles (the options of @nx/enforce-module-boundaries)' },
    schema: [
      {
        type: 'object',
        properties: {
          depConstraints: {
            type: 'array',
            items: {
              type: 'object',
              properties: { sourceTag: { type: 'string' }, onlyDependOnLibsWithTags: { type: 'array', items: { type: 'string' } } },
              required: ['sourceTag', 'onlyDependOnLibsWithTags'],
              additionalProperties: false,
            },
          },
          allow: { type: 'array', items: { type: 'string' } },
          testImports: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      notTagged: 'A project tagged with "{{sourceTag}}" can only depend on libs tagged with {{allowed}}: "{{target}}" is tagged {{targetTags}}.',
      appImport: 'Imports of apps are forbidden: "{{target}}" is an application.',
      deepImport: 'Deep import into another project: import "{{entry}}", its public entry point, not "{{specifier}}".',
      relativeImport: 'Projects cannot be imported by a relative path: import "{{entry}}" instead of "{{specifier}}".',
      escapingImport: 'A relative import cannot leave the project "{{project}}": "{{specifier}}".',
      selfImport: 'Projects should use relative imports to import from other files within the same project: "{{specifier}}".',
      circular: 'Circular dependency between "{{source}}" and "{{target}}": {{cycle}}.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    /** @type {{ sourceTag: string, onlyDependOnLibsWithTags: string[] }[]} */
    const constraints = options.depConstraints ?? [];
    const allow = new Set(options.allow ?? []);
    const testImports = (options.testImports ?? []).map(globToRegExp);

    const filename = path.relative(WORKSPACE, context.filename).split(path.sep).join('/');
    const { projects, aliases } = workspace();
    const source = projectOf(projects, filename);
    if (!source || filename.startsWith('..')) return {};
    const isTest = TEST_FILE.test(filename);

    /** The layering checks once the imported project is known. */
    const checkDependency = (node, target) => {
      if (target.application) {
        context.report({ node, messageId: 'appImport', data: { target: target.name } });
        return;
      }
      for (const { sourceTag, onlyDependOnLibsWithTags: allowed } of constraints) {
        if (!source.tags.includes(sourceTag)) continue;
        if (allowed.includes('*') || allowed.some((tag) => target.tags.includes(tag))) continue;
        context.report({
          node,
          messageId: 'notTagged',
          data: { sourceTag, allowed: allowed.map((t) => `"${t}"`).join(', '), target: target.name, targetTags: target.tags.map((t) => `"${t}"`).join(', ') || 'with nothing' },
        });
      }
      const cycle = pathBetween(projectGraph(), target.name, source.name);
      if (cycle) context.report({ node, messageId: 'circular', data: { source: source.name, target: target.name, cycle: [source.name, ...cycle].join(' → ') } });
    };

    const check = (node, specifier) => {
      if (typeof specifier !== 'string' || allow.has(specifier)) return;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const resolved = path.relative(WORKSPACE, path.resolve(path.dirname(context.filename), specifier)).split(path.sep).join('/');
        if (resolved === source.root || resolved.startsWith(`${source.root}/`)) return;
        if (isTest && testImports.some((pattern) => pattern.test(resolved.replace(/\.[cm]?[jt]sx?$/, '')))) return;
        const target = projectOf(projects, resolved);
        if (!target) {
          context.report({ node, messageId: 'escapingImport', data: { project: source.name, specifier } });
          return;
        }
        const entry = [...aliases].find(([, p]) => p === target)?.[0] ?? target.name;
        context.report({ node, messageId: target.application ? 'appImport' : 'relativeImport', data: { entry, specifier, target: target.name } });
        return;
      }
      const target = aliases.get(specifier) ?? aliases.get(packageOf(specifier));
      if (!target) return; // a package from node_modules
      if (!aliases.has(specifier)) {
        context.report({ node, messageId: 'deepImport', data: { entry: packageOf(specifier), specifier } });
        return;
      }
      if (target === source) {
        context.report({ node, messageId: 'selfImport', data: { specifier } });
        return;
      }
      checkDependency(node, target);
    };

    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      CallExpression: (node) => {
        const [arg] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && arg?.type === 'Literal') check(arg, arg.value);
      },
      /** `import x = require('…')` */
      TSExternalModuleReference: (node) => node.expression.type === 'Literal' && check(node.expression, node.expression.value),
    };
  },
};

export default { meta: { name: 'pilotis' }, rules: { 'module-boundaries': moduleBoundaries } };
