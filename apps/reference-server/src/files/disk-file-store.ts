import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { type FileStore, TesseraError } from "@tessera/core";

export interface DiskFileStoreOptions {
  /** The directory files are kept in (the server's default: `<data dir>/files`); created on the first write. */
  directory: string;
}

/** The file store, and the directory it keeps its files in (resolved to an absolute path). */
export interface DiskFileStore extends FileStore {
  readonly directory: string;
}

const origin = "disk-file-store";

/**
 * What a key may be: segments of letters, digits, `_` and `-`, joined by `/` — the shape
 * of core's keys (`cus_<ULID>/att_<ULID>`). No dot, so no `.` or `..` segment and no key
 * that ends like the type file beside another one; no `\`, no leading `/`, no empty segment.
 */
const keyPattern = /^[A-Za-z0-9_-]{1,128}(?:\/[A-Za-z0-9_-]{1,128}){0,7}$/;

/** Beside each file, `<key>.meta.json`: its content type (and size, to tell a damaged pair). */
const metaSuffix = ".meta.json";

interface FileMeta {
  contentType: string;
  size: number;
}

function invalidKey(key: unknown, message: string): TesseraError {
  const shown = typeof key === "string" ? JSON.stringify(key.slice(0, 100)) : String(typeof key);
  return new TesseraError("validation_failed", `Invalid file key ${shown}: ${message}.`, {
    details: { origin, issues: [{ path: ["key"], code: "invalid_key", message }] },
  });
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** A file is not there: never stored, deleted, or the name is a directory of other keys. */
const absent = new Set(["ENOENT", "ENOTDIR", "EISDIR", "ERR_FS_EISDIR"]);

/**
 * Writes `data` to `target` so that a reader, or a crash, sees the old file or the new one
 * whole, never a part: into a temporary file beside it, flushed to disk, then renamed over
 * `target` (a rename within one directory is atomic on POSIX file systems).
 */
async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${target}.${randomBytes(8).toString("hex")}.tmp`;
  try {
    // 0o600: attachments are people's documents; only the server's user reads them.
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Flushes a directory's entries, so a rename survives a power cut: without it, the customer
 * could list a file whose name the disk never kept. Windows cannot open a directory for
 * this; there the rename is left to the file system.
 */
async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch (error) {
    if (process.platform !== "win32") throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * The `FileStore` port on a directory: each file under its key as a path
 * (`<directory>/cus_…/att_…`, the bytes as they came, so an operator can open or back
 * them up as they are), its content type beside it in `<key>.meta.json`.
 *
 * - Keys are checked before any path is built; one that could leave the directory (`..`,
 *   `/abs`, `a\b`) or does not have core's shape is refused with `validation_failed`.
 * - `put` is atomic (temporary file, flushed, renamed) and writes the type file first, so
 *   a file is never seen without its type; `delete` removes them in the other order.
 * - `get` of a key never stored, or deleted, is null; `delete` of one resolves.
 * - One directory per deployment: several server instances need one shared directory
 *   (a network file system), or each sees only the files it wrote itself.
 * - On a case-insensitive file system (macOS, Windows), keys differing only in case would
 *   share a file; core's keys are upper-case ULIDs, so they never do.
 *
 * @example
 * ```ts
 * const files = createDiskFileStore({ directory: join(config.dataDir, "files") });
 * const tessera = createTessera({ storage, files });
 * ```
 */
export function createDiskFileStore(options: DiskFileStoreOptions): DiskFileStore {
  const directory = resolve(options.directory);

  function pathOf(key: unknown): { data: string; meta: string } {
    if (typeof key !== "string" || key.length > 1024 || !keyPattern.test(key)) {
      throw invalidKey(key, "must be segments of letters, digits, _ and - joined by /");
    }
    const data = join(directory, ...key.split("/"));
    // The pattern already rules every escape out; this says so again on the path itself.
    const inside = relative(directory, data);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      throw invalidKey(key, "must stay inside the file store's directory");
    }
    return { data, meta: `${data}${metaSuffix}` };
  }

  return {
    directory,

    async put(key, data, contentType) {
      const path = pathOf(key);
      const folder = dirname(path.data);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const meta: FileMeta = { contentType, size: data.byteLength };
      await writeAtomically(path.meta, JSON.stringify(meta));
      await writeAtomically(path.data, data);
      await syncDirectory(folder);
    },

    async get(key) {
      const path = pathOf(key);
      let bytes: Buffer;
      try {
        bytes = await readFile(path.data);
      } catch (error) {
        if (absent.has(codeOf(error) ?? "")) return null;
        throw error;
      }
      let meta: FileMeta;
      try {
        meta = JSON.parse(await readFile(path.meta, "utf8")) as FileMeta;
      } catch (error) {
        throw new TesseraError(
          "storage_failure",
          `The file under ${key} has no readable ${metaSuffix} beside it in ${directory}: it was changed outside Tessera. Restore both from a backup.`,
          { details: { origin, fileKey: key }, cause: error },
        );
      }
      // A plain Uint8Array over the bytes read (a Buffer is one, but compares unlike one).
      return {
        data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        contentType: meta.contentType,
      };
    },

    async delete(key) {
      const path = pathOf(key);
      for (const file of [path.data, path.meta]) {
        try {
          await rm(file, { force: true });
        } catch (error) {
          if (!absent.has(codeOf(error) ?? "")) throw error;
        }
      }
    },
  };
}
