import { defineConfig } from "vitest/config";

// Own config, without the React Router plugin (it makes a run about 4× slower).
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "app/**/*.test.tsx", "server/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    environment: "node",
    // Generous: every database test file migrates PGlite (WASM) from scratch, and CI machines have 2 cores.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: "test" },
  },
});
