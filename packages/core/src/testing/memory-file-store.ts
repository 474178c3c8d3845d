import type { FileStore } from "../ports/file-store";

/** A file store in memory, for tests; `keys()` lists what it holds. */
export interface MemoryFileStore extends FileStore {
  keys(): string[];
}

/**
 * The file store port over a Map: copies in and out, so a caller's buffer and the stored
 * file never share memory. Nothing survives the process; for tests and trying things out.
 */
export function createMemoryFileStore(): MemoryFileStore {
  const files = new Map<string, { data: Uint8Array; contentType: string }>();
  return {
    async put(key, data, contentType) {
      files.set(key, { data: data.slice(), contentType });
    },
    async get(key) {
      const file = files.get(key);
      return file ? { data: file.data.slice(), contentType: file.contentType } : null;
    },
    async delete(key) {
      files.delete(key);
    },
    keys: () => [...files.keys()],
  };
}
