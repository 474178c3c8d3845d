/**
 * The file store port: where attachments (the documents customers hand over) are kept.
 * The reference server keeps them in a directory (`createDiskFileStore`); an integrator may
 * put them in an object store or a database. `@tessera/core/testing` has the suite every
 * implementation runs (`runFileStoreConformance`) and an in-memory store for tests.
 *
 * Keys are chosen by core: segments of letters, digits, `_` and `-`, joined by `/` (today
 * `cus_<ULID>/att_<ULID>`). An implementation may refuse any other key; it must never let
 * one reach outside its own space (`../`, an absolute path).
 *
 * When core calls each method, and what it must guarantee:
 * - `put` — once per new attachment, after its size and type were checked and before the
 *   customer records it. Resolves once the file is kept; atomic: a `get` meanwhile finds
 *   the file whole or not at all, never a part. Putting a key again replaces its file.
 * - `get` — when someone asks for an attachment's bytes. The bytes and the type exactly
 *   as put, in a buffer of the caller's own; null for a key never stored, or deleted.
 * - `delete` — when the customer could not be updated after `put`, so no file stays that no
 *   customer lists. Idempotent: deleting a missing key resolves.
 *
 * @example
 * ```ts
 * // The whole port over a Map (`createMemoryFileStore` in `@tessera/core/testing`):
 * const files = new Map<string, { data: Uint8Array; contentType: string }>();
 * const store: FileStore = {
 *   put: async (key, data, contentType) => void files.set(key, { data: data.slice(), contentType }),
 *   get: async (key) => {
 *     const file = files.get(key);
 *     return file ? { data: file.data.slice(), contentType: file.contentType } : null;
 *   },
 *   delete: async (key) => void files.delete(key),
 * };
 * ```
 */
export interface FileStore {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
}
