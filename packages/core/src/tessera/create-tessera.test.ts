import { describe, expect, it } from "vitest";
import { TesseraError } from "../errors/tessera-error";
import type { Storage } from "../ports/storage";
import { createTessera } from "./create-tessera";

/** Enough of a storage to build an instance; these tests never reach the database. */
const storage = {
  transaction: async () => undefined,
  migrate: async () => undefined,
  close: async () => undefined,
} as Partial<Storage> as Storage;

function thrown(fn: () => unknown): TesseraError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TesseraError) return error;
    throw error;
  }
  throw new Error("expected a TesseraError to be thrown");
}

describe("createTessera", () => {
  it("refuses options without a storage, naming the field", () => {
    const error = thrown(() => createTessera({} as Parameters<typeof createTessera>[0]));
    expect(error.code).toBe("configuration_invalid");
    expect(error.details.issues?.[0]?.path).toEqual(["storage"]);
    expect(error.message).toContain("storage");
  });

  it("names the methods a port lacks", () => {
    const error = thrown(() => createTessera({ storage, clock: {} as { now: () => string } }));
    expect(error.details.issues?.[0]?.path).toEqual(["clock"]);
    expect(error.message).toContain("now");
  });

  it("registers the sandbox gateway when no gateway is given", () => {
    const tessera = createTessera({ storage });
    expect(tessera.gateways.list().map((g) => g.id)).toEqual(["sandbox"]);
    expect(thrown(() => tessera.gateways.get("cielo")).code).toBe("gateway_not_configured");
  });

  it("refuses two gateways with one id", () => {
    const tessera = createTessera({ storage });
    const sandbox = tessera.gateways.get("sandbox");
    expect(thrown(() => createTessera({ storage, gateways: [sandbox, sandbox] })).code).toBe(
      "configuration_invalid",
    );
  });

  it("keeps two instances apart: each has its own default gateway", () => {
    const one = createTessera({ storage });
    const two = createTessera({ storage });
    expect(one.gateways.get("sandbox")).not.toBe(two.gateways.get("sandbox"));
  });
});
