import type { Storage } from "@tessera/core";

/**
 * What every dialect package does when it opens a storage: migrate unless told not to, and
 * on a failed migration release the connections before rethrowing, so a bad start leaves
 * no pool or file handle behind.
 */
export async function migrateOnOpen(storage: Storage, migrate = true): Promise<Storage> {
  if (!migrate) return storage;
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
