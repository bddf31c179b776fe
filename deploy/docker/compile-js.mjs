// Compiles the workspace's TypeScript to CommonJS for the images, so services start from JavaScript
// instead of through tsx: every libs/*/src and services/*/src .ts (tests excepted) becomes a .js
// beside it. Beside it, not in a dist/ folder: the code finds its .proto files, MuJoCo models and
// native addon relative to __dirname, and that layout stays as it is. Each workspace package's
// "main" is pointed at the .js, so `require('@rlprune/x')` loads JavaScript; extensionless relative
// imports ('./server') resolve to the .js by Node's own rules.
// Transpile only (esbuild, no bundling, no type check: CI's typecheck does that), as tsx does at run
// time today, so the compiled code behaves as the tested code.
//
//   node deploy/docker/compile-js.mjs [root] [--drop-ts]
//     root       the repository (default: the current directory)
//     --drop-ts  delete the compiled .ts sources afterwards (proves nothing needs them)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const WORKSPACE_GROUPS = ['libs', 'services'];

function sourcesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesUnder(p));
    else if (/\.ts$/.test(entry.name) && !/\.(test|spec|d)\.ts$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** Compiles every workspace's src/ in place; returns the packages and files it compiled. */
export async function compileWorkspace(root, { dropTs = false } = {}) {
  // esbuild comes with tsx, a runtime dependency of the repository
  const esbuild = createRequire(path.join(root, 'package.json'))('esbuild');
  const packages = [];
  const files = [];
  for (const group of WORKSPACE_GROUPS) {
    for (const name of fs.readdirSync(path.join(root, group)).sort()) {
      const dir = path.join(root, group, name);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest) || !fs.existsSync(path.join(dir, 'src'))) continue;
      const entryPoints = sourcesUnder(path.join(dir, 'src'));
      await esbuild.build({
        entryPoints,
        outdir: path.join(dir, 'src'),
        outbase: path.join(dir, 'src'),
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        bundle: false,
        // import('./server') becomes a require: a native import() of an extensionless path fails
        supported: { 'dynamic-import': false },
        logLevel: 'warning',
      });
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      // a service's "main" may name no file (nothing imports a service as a package): left as it is
      if (typeof pkg.main === 'string' && entryPoints.includes(path.join(dir, pkg.main))) {
        pkg.main = pkg.main.replace(/\.ts$/, '.js');
        fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
      }
      if (dropTs) for (const f of entryPoints) fs.rmSync(f);
      packages.push(pkg.name);
      files.push(...entryPoints);
    }
  }
  return { packages, files };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
  const { packages, files } = await compileWorkspace(root, { dropTs: args.includes('--drop-ts') });
  process.stdout.write(`compiled ${files.length} files in ${packages.length} packages to JavaScript\n`);
}
