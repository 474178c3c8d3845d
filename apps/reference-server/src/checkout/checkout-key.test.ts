import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { keyFileName, loadServerKey } from "./checkout-key";

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the server's key", () => {
  it("is made once, kept private, and read back the same", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-key-"));
    const first = await loadServerKey(dir);
    expect(first).toHaveLength(32);
    expect(await loadServerKey(dir)).toEqual(first);
    expect((await stat(join(dir, keyFileName))).mode & 0o077).toBe(0);
  });

  it("is one key when several starts race to make it", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-key-"));
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadServerKey(dir)));
    const stored = (await readFile(join(dir, keyFileName), "utf8")).trim();
    for (const key of keys) expect(Buffer.from(key).toString("hex")).toBe(stored);
  });
});
