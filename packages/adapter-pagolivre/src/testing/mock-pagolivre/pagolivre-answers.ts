import type { ServerResponse } from "node:http";

/**
 * What the mock writes back for one request, and PagoLivre's error bodies. Only the edge's
 * 403 (an HTML page from Cloudflare) is documented; the JSON error shapes are assumed:
 * `{ errors: [{ field, message }] }` for a refused body, `{ message }` otherwise.
 */
export interface PagoLivreAnswer {
  status: number;
  /** Written as JSON. */
  json?: unknown;
  /** Written as `text/html`. */
  html?: string;
  headers?: Record<string, string>;
}

export interface FieldError {
  field: string;
  message: string;
}

export const jsonAnswer = (status: number, json: unknown): PagoLivreAnswer => ({ status, json });

export const messageAnswer = (status: number, message: string, headers?: Record<string, string>) => ({
  status,
  json: { message },
  ...(headers === undefined ? {} : { headers }),
});

/** 400 (or `status`) with one entry per refused field. */
export const fieldErrorsAnswer = (errors: readonly FieldError[], status = 400): PagoLivreAnswer => ({
  status,
  json: { errors },
});

export const unauthorizedAnswer = () => messageAnswer(401, "Authorization has been denied for this request.");

export const notFoundAnswer = (message = "Resource not found.") => messageAnswer(404, message);

export const methodNotAllowedAnswer = (allowed: readonly string[]) =>
  messageAnswer(405, "Method not allowed.", { allow: allowed.join(", ") });

export const tooManyRequestsAnswer = (retryAfterSeconds: number) =>
  messageAnswer(429, "Too many requests. Try again later.", { "retry-after": String(retryAfterSeconds) });

/** The edge's refusal of a request without a User-Agent (documented: HTML, not JSON). */
export const noUserAgentAnswer = (): PagoLivreAnswer => ({
  status: 403,
  html:
    "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>" +
    "<body><h1>Sorry, you have been blocked</h1><p>You are unable to access pagolivre.com.br</p></body></html>",
});

export const emptyAnswer = (status: number): PagoLivreAnswer => ({ status });

export const redirectAnswer = (location: string): PagoLivreAnswer => ({ status: 303, headers: { location } });

export function writeAnswer(response: ServerResponse, answer: PagoLivreAnswer): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload = "";
  if (answer.html !== undefined) {
    headers["content-type"] = "text/html; charset=utf-8";
    payload = answer.html;
  } else if (answer.json !== undefined) {
    headers["content-type"] = "application/json; charset=utf-8";
    payload = JSON.stringify(answer.json);
  }
  headers["content-length"] = String(Buffer.byteLength(payload));
  response.writeHead(answer.status, headers);
  response.end(payload);
}
