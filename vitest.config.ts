import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One Vitest project per library, per service and for the cross-service tests in test/, each named
// after its package (`npx vitest run --project @rlprune/nn`) and inheriting the settings below.
// RLPRUNE_VITEST_JSON=<file> adds a JSON report (read by .ci/run for its summary line).
const json = process.env.RLPRUNE_VITEST_JSON;

const projectDirs = ['libs', 'services', 'apps']
  .flatMap((group) => fs.readdirSync(group).map((d) => path.join(group, d)))
  .concat('test', 'deploy')
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
    projects: projectDirs.map((dir) => ({
      extends: true,
      root: dir,
      test: {
        name: (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name,
        // test/ starts real processes and kills them mid-flight on a shared 2-core machine; under CI a
        // lost race there gets one more try (a test that fails twice still fails; .ci/run names it)
        ...(dir === 'test' && process.env.CI ? { retry: 1 } : {}),
      },
    })),
  },
});
