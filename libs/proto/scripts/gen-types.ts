// Regenerates libs/proto/src/generated from proto/ with proto-loader-gen-types; with --check, fails
// (exit 1) when the committed types differ from what the protos generate, so stale types cannot land.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GEN_TYPES_FLAGS, PROTO_FILES, PROTO_ROOT } from '../src/load-options';

const check = process.argv.includes('--check');
const target = path.resolve(__dirname, '../src/generated');
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-proto-')) : target;
const bin = require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');

if (!check) fs.rmSync(target, { recursive: true, force: true });
execFileSync(process.execPath, [bin, ...GEN_TYPES_FLAGS, `--includeDirs=${PROTO_ROOT}`, `--outDir=${out}`, ...PROTO_FILES], {
  stdio: 'inherit',
});

// The generator writes each proto's absolute path into a comment; make it relative so the output
// does not depend on where the repository is cloned.
for (const f of listFiles(out)) {
  const file = path.join(out, f);
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.split(`${PROTO_ROOT}${path.sep}`).join('proto/'));
}

// One module re-exporting every message, client, handler and definition type, so code imports them
// from '@rlprune/proto' (the generator writes one file per type; no two share a name).
const typeFiles = listFiles(path.join(out, 'rlprune')).sort();
fs.writeFileSync(
  path.join(out, 'types.ts'),
  `// Every generated type of proto/, re-exported by gen-types.ts (npm run gen:proto).\n${typeFiles
    .map((f) => `export type * from './rlprune/${f.replace(/\\/g, '/').replace(/\.ts$/, '')}';\n`)
    .join('')}`,
);

if (check) {
  const diff = compareTrees(out, target);
  fs.rmSync(out, { recursive: true, force: true });
  if (diff.length > 0) {
    console.error(`generated proto types are stale (${diff.join(', ')}); run: npm run gen:proto`);
    process.exit(1);
  }
  console.log('generated proto types are up to date');
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), path.join(prefix, e.name)) : [path.join(prefix, e.name)],
  );
}

function compareTrees(a: string, b: string): string[] {
  const files = new Set([...listFiles(a), ...listFiles(b)]);
  return [...files].filter((f) => {
    const pa = path.join(a, f);
    const pb = path.join(b, f);
    return !fs.existsSync(pa) || !fs.existsSync(pb) || !fs.readFileSync(pa).equals(fs.readFileSync(pb));
  });
}
