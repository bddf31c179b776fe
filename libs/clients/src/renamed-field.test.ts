// A renamed proto field must break the build wherever the field is used. This compiles the clients
// (the real files) against a copy of @rlprune/proto whose generated types have two fields renamed,
// as `npm run gen:proto` would write them after a rename in the .proto: a request field the
// orchestrator client writes and a response field the simulator client reads. The build must fail
// at exactly those two uses, and nowhere else (so the failure is the rename's, not the harness's).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const generated = 'src/generated/rlprune';

/** Renames `from` to `to` in a generated type file of the proto copy (both its input and output types). */
function rename(protoCopy: string, file: string, from: string, to: string): void {
  const p = path.join(protoCopy, generated, file);
  const text = fs.readFileSync(p, 'utf8');
  expect(text).toContain(`'${from}'`);
  fs.writeFileSync(p, text.split(`'${from}'`).join(`'${to}'`));
}

/** tsc's diagnostics for the clients compiled against the proto copy (empty when it compiles). */
function compileClients(protoCopy: string, dir: string): string[] {
  const tsconfig = path.join(dir, 'tsconfig.json');
  fs.writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: path.join(repo, 'tsconfig.base.json'),
      compilerOptions: {
        typeRoots: [path.join(repo, 'node_modules/@types')],
        // the copy's own imports (grpc, protobufjs, @rlprune/errors) resolve in the repository's node_modules
        paths: { '@rlprune/proto': [path.join(protoCopy, 'src/index.ts')], '*': [path.join(repo, 'node_modules/*')] },
      },
      files: [path.join(repo, 'libs/clients/src/index.ts')],
    }),
  );
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig, '--noEmit', '--pretty', 'false'], { encoding: 'utf8' });
    return [];
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err)
      .split('\n')
      .filter((l) => /error TS\d+/.test(l));
  }
}

describe('a renamed proto field', () => {
  it('fails the typecheck where the clients write or read it, and nowhere else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlprune-renamed-field-'));
    try {
      const protoCopy = path.join(dir, 'proto');
      fs.cpSync(path.join(repo, 'libs/proto/src'), path.join(protoCopy, 'src'), { recursive: true });
      rename(protoCopy, 'orchestrator/v1/SubmitExperimentRequest.ts', 'specYaml', 'specText');
      rename(protoCopy, 'common/v1/EnvSpec.ts', 'defaultAttackEpsilon', 'attackEpsilon');
      const errors = compileClients(protoCopy, dir);
      expect(errors.some((e) => e.includes('libs/clients/src/orchestrator-client.ts') && e.includes("'specYaml'"))).toBe(true);
      expect(errors.some((e) => e.includes('libs/clients/src/simulator-client.ts') && e.includes("'defaultAttackEpsilon'"))).toBe(true);
      expect(errors.filter((e) => !e.includes("'specYaml'") && !e.includes("'defaultAttackEpsilon'"))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
