/**
 * The file store port: where attachments (a customer's documents) are kept. Keys are
 * opaque strings chosen by core; `get` returns null for a key never stored or deleted.
 */
export interface FileStore {
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ data: Uint8Array; contentType: string } | null>;
  delete(key: string): Promise<void>;
}
