import { scrypt, timingSafeEqual } from "node:crypto";

/**
 * A client-area password as kept: `scrypt$<salt hex>$<hash hex>` — Node's scrypt, no extra
 * dependency. Asynchronous: scrypt takes tens of milliseconds on purpose, and run
 * synchronously it would stall every other request the server is handling meanwhile.
 */
export function hashPassword(password: string, salt: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, (error, hash) => {
      if (error) reject(error);
      else resolve(`scrypt$${Buffer.from(salt).toString("hex")}$${hash.toString("hex")}`);
    });
  });
}

const storedHash = /^scrypt\$([0-9a-f]{2,128})\$([0-9a-f]{64})$/;

/**
 * True when `password` is the one `stored` (a `hashPassword` result) was made from. Does the
 * same scrypt work as `hashPassword` whatever the answer, and compares in constant time; a
 * `stored` that is not such a hash answers false after the same work, so a caller can verify
 * against a placeholder to spend the time a real check takes.
 */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = storedHash.exec(stored);
  const salt = Buffer.from(match?.[1] ?? "00".repeat(16), "hex");
  const expected = Buffer.from(match?.[2] ?? "00".repeat(32), "hex");
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, (error, hash) => {
      if (error) reject(error);
      else resolve(match !== null && timingSafeEqual(hash, expected));
    });
  });
}
