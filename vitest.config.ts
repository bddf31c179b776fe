import { defineConfig } from 'vitest/config';

// One Vitest project per library, per service and for the cross-service tests in test/.
export default defineConfig({
  test: {
    projects: ['libs/*', 'services/*', 'test'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
