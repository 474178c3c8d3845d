import { describe, expect, it } from "vitest";
import { GatewayTransportFailure, transportFailureOf } from "./gateway-transport-failure";

const fetchError = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: { code } });

describe("transportFailureOf", () => {
  it("calls a refused connection or an unknown host not_sent: the provider never saw the request", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]) {
      const failure = transportFailureOf(fetchError(code), "Cielo");
      expect(failure).toBeInstanceOf(GatewayTransportFailure);
      expect([failure.kind, failure.message]).toEqual(["not_sent", `Cielo could not be reached (${code})`]);
    }
  });

  it("calls a reset, a timeout or anything else unknown: the request may have arrived", () => {
    const timeout = Object.assign(new Error("timed out"), { name: "TimeoutError" });
    for (const error of [fetchError("ECONNRESET"), fetchError("UND_ERR_SOCKET"), timeout, "weird"]) {
      const failure = transportFailureOf(error, "PagoLivre");
      expect(failure.kind).toBe("unknown");
      expect(failure.cause).toBe(error);
    }
  });
});
