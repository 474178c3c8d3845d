import { scrypt } from "node:crypto";

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
