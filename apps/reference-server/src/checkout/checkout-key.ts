import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The file under the data directory that keeps the server's key when none is configured. */
export const keyFileName = "secret.key";

/**
 * The key the server signs buyers' checkout links with: read from `<dataDir>/secret.key`,
 * made (32 random bytes, readable by this user only) on the first start; `fileName` names
 * another key kept the same way (`credentials.key`). Two processes
 * starting at once both end with the key the first one made: each writes a file of its own
 * and links it into place, and a link never replaces a file that exists, so nobody reads a
 * half-written key. Several instances on one PostgreSQL need the same file on each machine.
 */
export async function loadServerKey(dataDir: string, fileName = keyFileName): Promise<Uint8Array> {
  const path = join(dataDir, fileName);
  const read = async () => {
    const hex = (await readFile(path, "utf8")).trim();
    if (!/^[0-9a-f]{64}$/.test(hex))
      throw new Error(`${path} does not hold a 64-digit hex key; delete it to make a new one.`);
    return new Uint8Array(Buffer.from(hex, "hex"));
  };
  try {
    return await read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return read();
}
