import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The absolute path of one of the package's non-code folders (`views`, `assets`). From
 * source this module sits in `src/`, beside them; built, it is bundled into `dist/`, so
 * they are found in `../src/`.
 */
export function packageDirectory(name: "views" | "assets"): string {
  const candidates = [
    new URL(`./${name}/`, import.meta.url),
    new URL(`../src/${name}/`, import.meta.url),
  ].map((url) => fileURLToPath(url));
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(`The server's ${name} folder is missing; looked in ${candidates.join(" and ")}.`);
  return found;
}
