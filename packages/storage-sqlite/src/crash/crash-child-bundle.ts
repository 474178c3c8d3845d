import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * Builds `crash-child.ts` once into one plain ES module, so each of the crash test's child
 * processes starts in about a tenth of a second instead of the second that compiling with
 * tsx on every start costs. Core and the storage come from their sources (the
 * `@tessera/source` condition, as in the tests); better-sqlite3 stays outside the bundle,
 * imported by absolute path, because its native binding is found relative to its own files.
 */
export async function bundleCrashChild(outDirectory: string): Promise<string> {
  const require = createRequire(import.meta.url);
  const outfile = join(outDirectory, "crash-child.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./crash-child.ts", import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@tessera/source"],
    logLevel: "warning",
    plugins: [
      {
        name: "native-driver-outside",
        setup(bundler) {
          bundler.onResolve({ filter: /^better-sqlite3$/ }, () => ({
            path: require.resolve("better-sqlite3"),
            external: true,
          }));
        },
      },
    ],
  });
  return outfile;
}
