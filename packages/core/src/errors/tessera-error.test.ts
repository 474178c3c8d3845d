import { describe, expect, it } from "vitest";
import { errorCatalog } from "./error-codes";
import { gatewayError } from "./gateway-error";
import { isTesseraError, TesseraError } from "./tessera-error";

describe("TesseraError", () => {
  it("carries a stable code, its details, and a message that ends with what to do", () => {
    const error = new TesseraError("not_found", "No contract ctr_1.", {
      details: { entity: "contract", id: "ctr_1" },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TesseraError");
    expect(error.code).toBe("not_found");
    expect(error.details).toEqual({ entity: "contract", id: "ctr_1" });
    expect(error.message).toBe(`No contract ctr_1. ${errorCatalog.not_found.hint}`);
    expect(error.stack).toContain("tessera-error.test.ts");
  });

  it("keeps the cause, and has none when none is given", () => {
    const cause = new Error("socket hang up");
    expect(new TesseraError("storage_failure", "Database down.", { cause }).cause).toBe(cause);
    expect("cause" in new TesseraError("storage_failure", "Database down.")).toBe(false);
    expect(new TesseraError("conflict", "Changed.").details).toEqual({});
  });

  it("isTesseraError tells the family and, optionally, the code", () => {
    const error = new TesseraError("conflict", "Changed.");
    expect(isTesseraError(error)).toBe(true);
    expect(isTesseraError(error, "conflict")).toBe(true);
    expect(isTesseraError(error, "not_found")).toBe(false);
    expect(isTesseraError(new Error("conflict"))).toBe(false);
    expect(isTesseraError({ code: "conflict", name: "TesseraError" })).toBe(false);
  });
});

describe("errorCatalog", () => {
  it("gives every code an HTTP error status and a hint that says what to do", () => {
    for (const [code, { http, hint }] of Object.entries(errorCatalog)) {
      expect(code).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
      expect(http >= 400 && http <= 599).toBe(true);
      expect(hint.length).toBeGreaterThan(10);
      expect(hint).toMatch(/\.$/);
    }
  });

  it("maps validation to 422, a missing record to 404 and a refused move to 409", () => {
    expect(errorCatalog.validation_failed.http).toBe(422);
    expect(errorCatalog.not_found.http).toBe(404);
    expect(errorCatalog.invalid_transition.http).toBe(409);
  });
});

describe("gatewayError", () => {
  it("names its origin in the message and the details", () => {
    const cause = new Error("401");
    const error = gatewayError("cielo", "gateway_authentication", "MerchantKey refused.", {
      details: { status: 401 },
      cause,
    });
    expect(error.code).toBe("gateway_authentication");
    expect(error.message.startsWith("[cielo] MerchantKey refused.")).toBe(true);
    expect(error.details).toEqual({ status: 401, origin: "cielo" });
    expect(error.cause).toBe(cause);
  });

  it("does not let details override the origin", () => {
    expect(
      gatewayError("inter", "gateway_invalid_request", "Bad.", { details: { origin: "elsewhere" } }).details
        .origin,
    ).toBe("inter");
  });
});
