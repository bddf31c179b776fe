// The PyTorch PPO reference (../shared/bench/ppo_torch.py on native MuJoCo), built and run as
// ../shared/bench/README.md says: on a built copy of ../shared (shared/ may be read-only), with the
// Debian python that has torch, and OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for that command only.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const SHARED_DIR = path.resolve(__dirname, '../../../shared');

export interface ReferenceRun {
  steps: number;
  seconds: number;
  sps: number;
  final_return_mean_last10: number;
}

let built: string | null = null;

/** A built copy of ../shared (or `given`, already built); copied and built once per process. */
export function referenceDir(given?: string): string {
  if (given) return given;
  if (built) return built;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rlprune-ppo-ref-'));
  cpSync(SHARED_DIR, path.join(tmp, 'shared'), { recursive: true });
  const make = spawnSync('make', ['-C', path.join(tmp, 'shared', 'bench', 'mujoco_native', 'envs')], { encoding: 'utf8' });
  if (make.status !== 0) throw new Error(`building the reference envs failed:\n${make.stderr}`);
  return (built = path.join(tmp, 'shared'));
}

/** One ppo_torch.py run (env id like 'Hopper-v4'); resolves with its final JSON line. */
export function runPpoTorch(refDir: string, envId: string, steps: number, seed: number): Promise<ReferenceRun> {
  const script = path.join(refDir, 'bench', 'ppo_torch.py');
  if (!existsSync(script)) return Promise.reject(new Error(`no reference at ${script}`));
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const name = envId.replace(/-v\d+$/, '');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [script, '--env', name, '--total-steps', String(steps), '--seed', String(seed), '--quiet'], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ppo_torch.py failed (${code}):\n${err}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ReferenceRun);
    });
  });
}
