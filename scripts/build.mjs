// Compiles apps/, libs/ and bench/ to dist/ with swc (a second or two on 2 cores, so `npm start`
// can always build first). Type checking is `npm run typecheck`; this only transpiles.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rename, rm, writeFile, cp } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Built aside and swapped in, so a process running from dist/ never sees it half-written.
const out = join(root, `dist.building-${process.pid}`);
const sourceDirs = ['apps', 'libs', 'bench'];
const isTest = (f) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(f) || f.includes('/testing/');
const tsconfig = JSON.parse((await import('node:fs')).readFileSync(join(root, 'tsconfig.json'), 'utf8'));

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const options = {
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    baseUrl: root,
    paths: tsconfig.compilerOptions.paths,
  },
};

const started = Date.now();
await rm(out, { recursive: true, force: true });
let count = 0;
const jobs = [];
for (const dir of sourceDirs) {
  for await (const file of walk(join(root, dir))) {
    const rel = relative(root, file);
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !isTest(rel)) {
      jobs.push(
        transformFile(file, { ...options, filename: file }).then(async ({ code, map }) => {
          const target = join(out, rel.replace(/\.ts$/, '.js'));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, code + `\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
          if (map) await writeFile(target + '.map', map);
          count++;
        }),
      );
    } else if (/\.(json|csv|graphql)$/.test(file)) {
      const target = join(out, rel);
      jobs.push(mkdir(dirname(target), { recursive: true }).then(() => cp(file, target)));
    }
  }
}
await Promise.all(jobs);
const old = join(root, `dist.old-${process.pid}`);
await rename(dist, old).catch(() => undefined);
await rename(out, dist);
await rm(old, { recursive: true, force: true });
if (!process.argv.includes('--quiet')) {
  console.error(`build: ${count} files in ${Date.now() - started} ms`);
}
