import { defineConfig } from 'vitest/config';

// One Vitest project per library, per service and for the cross-service tests in test/.
// RLPRUNE_VITEST_JSON=<file> adds a JSON report (read by .ci/run for its summary line).
const json = process.env.RLPRUNE_VITEST_JSON;

export default defineConfig({
  test: {
    projects: ['libs/*', 'services/*', 'test'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: json ? ['default', 'json'] : ['default'],
    ...(json ? { outputFile: { json } } : {}),
  },
});
