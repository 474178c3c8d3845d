import type { IncomingMessage } from "node:http";

/** Reading a request on the mock's plain HTTP server: its body (bounded) and its headers. */

/** The most a body may hold; larger ones are refused unread (413). */
export const maxBodyBytes = 1_000_000;

/** The body as text, or null when larger than `maxBodyBytes`. */
export function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Headers as single strings (repeated ones joined), names lower-case. */
export function headersOf(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(", ") : String(value ?? ""),
    ]),
  );
}

/** JSON text parsed, or null when it is not JSON (an empty body is not). */
export function parseJson(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}
