import { type ErrorCode, errorCatalog, TesseraError } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { errorMessageKeys, errorResponseFor } from "./error-responses";
import { memoryLogger, tesseraOverFailingStorage, testConfig } from "./test-app";

function appThrowing(error: unknown) {
  const log = memoryLogger();
  const tessera = tesseraOverFailingStorage(async () => {
    throw error;
  });
  return { app: createApp({ tessera, config: testConfig("/nonexistent"), logger: log.logger }), log };
}

describe("error mapping", () => {
  it("maps every TesseraError code to core's HTTP status and its own message key", () => {
    for (const code of Object.keys(errorCatalog) as ErrorCode[]) {
      const response = errorResponseFor(new TesseraError(code, "x"));
      expect(response, code).toEqual({
        status: errorCatalog[code].http,
        code,
        messageKey: errorMessageKeys[code],
      });
    }
  });

  it.each([
    ["not_found", 404, "Não encontramos o que você procurou."],
    ["validation_failed", 422, "Alguns dados estão incorretos."],
    ["conflict", 409, "Os dados mudaram enquanto você trabalhava."],
    ["storage_failure", 503, "O serviço está temporariamente indisponível."],
    ["gateway_authentication", 502, "A forma de pagamento está indisponível no momento."],
    ["gateway_unavailable", 503, "A forma de pagamento está indisponível no momento."],
  ] as const)("answers a thrown %s with %i and the catalog's message", async (code, status, message) => {
    const { app } = appThrowing(new TesseraError(code, "developer text with internals"));
    const res = await app.request("/");
    expect(res.status).toBe(status);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toContain(code);
    expect(html).not.toContain("developer text");
  });

  it("answers JSON clients with the code and the translated message", async () => {
    const { app } = appThrowing(new TesseraError("storage_failure", "db down"));
    const res = await app.request("/?lang=en", { headers: { accept: "application/json" } });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: "storage_failure",
        message: "The service is temporarily unavailable. Try again in a moment.",
      },
    });
  });

  it("answers an unexpected error with a 500 that hides its text, and logs it with its stack", async () => {
    const { app, log } = appThrowing(new Error("secret internals at line 42"));
    const res = await app.request("/", { headers: { "accept-language": "en" } });
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("An unexpected error happened.");
    expect(html).not.toContain("secret internals");
    const failure = log.records().find((r) => r["msg"] === "request failed");
    expect(failure).toMatchObject({ level: "error", status: 500, code: "internal", path: "/" });
    expect(JSON.stringify(failure)).toContain("secret internals at line 42");
  });
});

describe("pages", () => {
  it("answers an unknown address with a 404 page in the visitor's language", async () => {
    const { app } = appThrowing(new Error("unused"));
    const res = await app.request("/nope?lang=ru");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toMatch(/<html lang="ru">/);
    expect(html).toContain("Страница не найдена");
    expect(html).toContain("/nope");
  });
});

describe("request log", () => {
  it("writes one line per request with method, path, status and duration — never the query or body", async () => {
    const { app, log } = appThrowing(new Error("unused"));
    await app.request("/missing?token=abc123", {
      method: "POST",
      body: "card=4111111111111111&cvv=123",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const requests = log.records().filter((r) => r["msg"] === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ level: "info", method: "POST", path: "/missing", status: 404 });
    expect(typeof requests[0]?.["durationMs"]).toBe("number");
    expect(log.lines.join("\n")).not.toMatch(/abc123|4111|cvv/);
  });
});
