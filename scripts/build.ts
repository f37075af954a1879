/**
 * Compiles one project's sources (`apps/api`, `libs/shared`, …) to JavaScript under dist/, at the same place
 * in the tree (`apps/api/src/main.ts` → `dist/apps/api/src/main.js`), with the same swc settings that run
 * the sources today (.swcrc: legacy decorators and their metadata, CommonJS). The `@pilotis/*` aliases
 * become relative paths, which hold in dist/ since the tree is the same; paths computed from `__dirname`
 * hold too (the API finds the web build in dist/apps/web/dist). Tests are not compiled.
 *
 * Called by each project's Nx `build` target (`npx nx run-many -t build`, which `npm run build` runs): an
 * app's build depends on its libraries' builds. Run the result from the workspace (its node_modules):
 * `node --enable-source-maps dist/apps/api/src/main.js`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { type Options, transformFile } from '@swc/core';

const WORKSPACE = path.resolve(__dirname, '..');
const TEST = /\.(spec|e2e-spec)\.ts$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'test' ? [] : sources(full);
    return entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !TEST.test(entry) ? [full] : [];
  });
}

async function main(): Promise<void> {
  const projectRoot = process.argv[2];
  if (!projectRoot || !/^(apps|libs)\/[\w-]+$/.test(projectRoot)) throw new Error('usage: build.ts <apps/x|libs/x>');
  const srcRoot = path.join(WORKSPACE, projectRoot, 'src');
  const outRoot = path.join(WORKSPACE, 'dist', projectRoot);

  const swcrc = JSON.parse(readFileSync(path.join(WORKSPACE, '.swcrc'), 'utf8')) as Options & { $schema?: string };
  delete swcrc.$schema;
  const paths = (
    JSON.parse(readFileSync(path.join(WORKSPACE, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } }
  ).compilerOptions.paths;

  rmSync(outRoot, { recursive: true, force: true });
  const files = sources(srcRoot);
  for (const file of files) {
    const relative = path.relative(WORKSPACE, file);
    const target = path.join(WORKSPACE, 'dist', relative.replace(/\.ts$/, '.js'));
    const output = await transformFile(file, {
      ...swcrc,
      swcrc: false,
      filename: file,
      sourceFileName: path.relative(path.dirname(target), file),
      sourceMaps: true,
      jsc: { ...swcrc.jsc, baseUrl: WORKSPACE, paths },
    });
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${output.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (output.map) writeFileSync(`${target}.map`, output.map);
  }
  console.log(`${projectRoot}: ${files.length} files → ${path.relative(WORKSPACE, outRoot)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
