import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "hono";
import { packageDirectory } from "../package-directory";
import { buttonDesignLimits } from "./button-design-limits";

/**
 * GET /embed/button.js — the buy button's script (`assets/embed-button.js`) with the bounds of
 * every size put in from core's schema, so the page that pastes it checks a design against
 * the same rules the server saved it by. Built once at start; cacheable by anyone.
 */
export function embedScriptRoute() {
  const source = readFileSync(join(packageDirectory("assets"), "embed-button.js"), "utf8");
  const script = source.replace("/*TESSERA_LIMITS*/ null", JSON.stringify(buttonDesignLimits));
  if (script === source) throw new Error("embed-button.js lost its /*TESSERA_LIMITS*/ placeholder");
  return (c: Context) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(script);
  };
}
