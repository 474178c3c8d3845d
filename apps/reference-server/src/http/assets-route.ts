import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "hono";
import { packageDirectory } from "../package-directory";

/** The files under `src/assets` the server serves, with their content types. */
const assetTypes = {
  "site.css": "text/css; charset=utf-8",
  "checkout.js": "text/javascript; charset=utf-8",
  "button-designer.js": "text/javascript; charset=utf-8",
} as const;

export type AssetName = keyof typeof assetTypes;
export const assetNames = Object.keys(assetTypes) as AssetName[];

/** GET /assets/<name> — one of the server's own static files, read once at start. */
export function assetRoute(name: AssetName) {
  const content = readFileSync(join(packageDirectory("assets"), name), "utf8");
  return (c: Context) => {
    c.header("Content-Type", assetTypes[name]);
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(content);
  };
}
