/**
 * One vitest run for the whole tree: each workspace package is a project, and every
 * project resolves `@tessera/*` to its TypeScript source through the `@tessera/source`
 * export condition, so no test needs a build first.
 */
import { existsSync, readdirSync } from "node:fs";
import { defineConfig } from "vitest/config";

const conditions = ["@tessera/source", "node", "import", "module", "default"];
// Vitest hands the SSR conditions to the test workers as `node --conditions`; "import" there
// would make Node's own `require` pick a dual package's ESM build (pg → pg-pool breaks).
const ssrConditions = conditions.filter((condition) => condition !== "import");
const roots = ["packages", "apps"]
  .flatMap((dir) => readdirSync(dir).map((name) => `${dir}/${name}`))
  .concat(["examples"].filter((dir) => existsSync(dir)));

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: ssrConditions, externalConditions: ["@tessera/source"] } },
  test: {
    passWithNoTests: false,
    // Tests are sized by work, never by the clock; a timeout only catches a hang. Five seconds
    // (vitest's default) is crossed by an ordinary PostgreSQL test on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: [new URL("./vitest.setup.ts", import.meta.url).pathname],
    projects: roots.map((root) => ({
      extends: true as const,
      test: {
        name: root.split("/").pop(),
        root,
        include: ["**/*.test.ts"],
        exclude: ["**/node_modules/**", "**/dist/**"],
      },
    })),
  },
});
