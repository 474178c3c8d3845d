import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isTesseraError } from "@tessera/core";
import { rejection, runFileStoreConformance } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDiskFileStore } from "./disk-file-store";

runFileStoreConformance({
  name: "disk",
  async createFileStore() {
    const directory = await mkdtemp(join(tmpdir(), "tessera-files-"));
    return {
      store: createDiskFileStore({ directory: join(directory, "files") }),
      cleanup: () => rm(directory, { recursive: true, force: true }),
    };
  },
});

const key = "cus_01JQ8Z6X4N3S8Y0XK2H7ZB6W9R/att_01JQ8Z7A0000000000000000001";
const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0xff, 0x00]);

/** Every file under `directory`, as paths relative to it. */
async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}

describe("createDiskFileStore", () => {
  let root: string;
  let directory: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "tessera-files-"));
    directory = join(root, "data", "files");
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("keeps each file on disk as its bytes under its key, its content type beside it", async () => {
    const store = createDiskFileStore({ directory });
    await store.put(key, pdf, "application/pdf");
    // Read through the file system, not through the store.
    expect(await filesUnder(directory)).toEqual([key, `${key}.meta.json`]);
    expect(new Uint8Array(await readFile(join(directory, key)))).toEqual(pdf);
    expect(JSON.parse(await readFile(join(directory, `${key}.meta.json`), "utf8"))).toEqual({
      contentType: "application/pdf",
      size: pdf.byteLength,
    });
    await store.delete(key);
    expect(await filesUnder(directory)).toEqual([]);
  });

  it("refuses every key that could leave its directory, or is not core's shape, and touches nothing", async () => {
    const store = createDiskFileStore({ directory });
    await store.put(key, pdf, "application/pdf");
    const outside = join(root, "data", "secret.txt");
    await writeFile(outside, "not for you");
    const hostile = [
      "../secret.txt",
      "../../data/secret.txt",
      "cus_1/../../secret.txt",
      "/etc/passwd",
      `${root}/data/secret.txt`,
      "..\\secret.txt",
      "cus_1\\..\\..\\secret.txt",
      "C:\\Windows\\win.ini",
      "..",
      ".",
      "cus_1/./att_1",
      "cus_1//att_1",
      "/cus_1",
      "cus_1/",
      "",
      "%2e%2e/secret.txt",
      "cus_1/att_1\u0000.pdf",
      `${key}.meta.json`,
      "a".repeat(129),
    ];
    for (const bad of hostile) {
      for (const attempt of [
        () => store.put(bad, new Uint8Array([1]), "text/plain"),
        () => store.get(bad),
        () => store.delete(bad),
      ]) {
        const error = await rejection(attempt());
        expect(error.code, JSON.stringify(bad)).toBe("validation_failed");
        expect(error.details).toMatchObject({ origin: "disk-file-store", issues: [{ code: "invalid_key" }] });
      }
    }
    expect(await rejection(store.get(42 as unknown as string))).toMatchObject({ code: "validation_failed" });
    expect(await readFile(outside, "utf8")).toBe("not for you");
    expect(await filesUnder(root)).toEqual(
      ["data/files/" + key, `data/files/${key}.meta.json`, "data/secret.txt"].sort(),
    );
  });

  it("creates its directory on the first write, readable by the server's user only", async () => {
    const store = createDiskFileStore({ directory });
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
    await expect(stat(directory)).rejects.toThrow(/ENOENT/);
    await store.put(key, pdf, "application/pdf");
    if (process.platform !== "win32") {
      expect((await stat(join(directory, key))).mode & 0o777).toBe(0o600);
      expect((await stat(join(directory, `${key}.meta.json`))).mode & 0o777).toBe(0o600);
    }
  });

  it("leaves no temporary file behind when a write fails", async () => {
    const store = createDiskFileStore({ directory });
    // A directory where the file would go: the final rename fails.
    await mkdir(join(directory, "cus_1", "att_1"), { recursive: true });
    await expect(store.put("cus_1/att_1", pdf, "application/pdf")).rejects.toThrow();
    expect((await filesUnder(directory)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(await store.get("cus_1/att_1")).toBeNull();
    await expect(store.delete("cus_1/att_1")).resolves.toBeUndefined();
  });

  it("reports a file whose type file was removed by hand as storage_failure", async () => {
    const store = createDiskFileStore({ directory });
    await store.put(key, pdf, "application/pdf");
    await rm(join(directory, `${key}.meta.json`));
    const error = await rejection(store.get(key));
    expect(error.code).toBe("storage_failure");
    expect(error.details).toMatchObject({ origin: "disk-file-store", fileKey: key });
  });

  it("shares its files with every store on the same directory: what several instances need", async () => {
    const one = createDiskFileStore({ directory });
    const two = createDiskFileStore({ directory: join(root, "data", ".", "files") });
    await one.put(key, pdf, "application/pdf");
    expect(await two.get(key)).toEqual({ data: pdf, contentType: "application/pdf" });
    await two.delete(key);
    expect(await one.get(key)).toBeNull();
    expect(isTesseraError(await rejection(one.get("../x")), "validation_failed")).toBe(true);
  });
});
