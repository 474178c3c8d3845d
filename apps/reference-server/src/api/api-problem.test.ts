import { TesseraError } from "@tessera/core";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { ApiProblem, problemOf, problemSchema } from "./api-problem";

const t = createTranslator("en");

describe("problemOf", () => {
  it("takes a TesseraError's status from core's catalog and its field issues as errors", () => {
    const error = new TesseraError("validation_failed", "Invalid plan: name: is required.", {
      details: { issues: [{ path: ["name"], code: "too_small", message: "is required" }] },
    });
    const answer = problemOf(error, t);
    expect(answer.status).toBe(422);
    expect(problemSchema.parse(answer.body)).toMatchObject({
      type: "urn:tessera:problem:validation_failed",
      status: 422,
      code: "validation_failed",
      errors: [{ path: ["name"], code: "too_small", message: "is required" }],
    });
    expect(answer.body.detail).toContain("Invalid plan: name");
  });

  it("tells a client when to retry a busy idempotency key and an unavailable provider", () => {
    const busy = problemOf(
      new TesseraError("idempotency_key_in_use", "Still running.", { details: { retryAfterSeconds: 2.5 } }),
      t,
    );
    expect(busy).toMatchObject({ status: 409, headers: { "Retry-After": "3" } });
    const down = problemOf(
      new TesseraError("gateway_unavailable", "Provider down at https://secret.internal", {
        details: { retryAfterSeconds: 30 },
      }),
      t,
    );
    expect(down).toMatchObject({ status: 503, headers: { "Retry-After": "30" } });
    // A server-side failure's message stays in the log; the client reads the catalog's hint.
    expect(down.body.detail).not.toContain("secret.internal");
    expect(problemOf(new TesseraError("conflict", "Changed."), t).headers).toEqual({});
  });

  it("answers the API's own refusals with their status, and a 401 with its challenge", () => {
    const answer = problemOf(new ApiProblem("unauthenticated", "No key."), t);
    expect(answer).toMatchObject({ status: 401, headers: { "WWW-Authenticate": 'Bearer realm="tessera"' } });
    expect(answer.body.title).toMatch(/API key/);
    expect(problemOf(new HTTPException(413, { message: "Too large." }), t)).toMatchObject({
      status: 413,
      body: { status: 413, code: "bad_request" },
    });
  });

  it("answers anything else as a 500 that says nothing of its cause", () => {
    const answer = problemOf(new Error("password=hunter2 at db"), t);
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain("hunter2");
  });
});
