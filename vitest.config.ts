import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Own config, without the React Router plugin (it makes a run about 4× slower).
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "app/**/*.test.tsx", "server/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine. The
    // database tests wait on the database much of the time, so two workers pay even there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Migrations run once per dialect here; each database test file copies the template.
    globalSetup: ["app/db/test-maler.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
