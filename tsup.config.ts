/**
 * The one build configuration every package uses (`tsup --config ../../tsup.config.ts`).
 * Entries are read from the package's own `exports` map (the `@tessera/source` condition),
 * so a new entry point needs no build change: ESM + declarations into `dist/`.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "tsup";

type ExportTarget = { "@tessera/source"?: string };
const pkg = JSON.parse(readFileSync(resolve(process.cwd(), "package.json"), "utf8")) as {
  exports?: Record<string, ExportTarget>;
  bin?: Record<string, string>;
};

const entry: Record<string, string> = {};
for (const target of Object.values(pkg.exports ?? {})) {
  const source = target["@tessera/source"];
  if (source) entry[source.replace(/^\.\/src\//, "").replace(/\.ts$/, "")] = source;
}

export default defineConfig({
  entry,
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  tsconfig: "tsconfig.json",
});
