import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "hono";
import { packageDirectory } from "../package-directory";

/** GET /assets/site.css — the one stylesheet, read once at start. */
export function stylesheetRoute() {
  const css = readFileSync(join(packageDirectory("assets"), "site.css"), "utf8");
  return (c: Context) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(css);
  };
}
