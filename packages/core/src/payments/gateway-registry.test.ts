import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { createSandboxGateway } from "../sandbox/sandbox-gateway";
import { createGatewayRegistry } from "./gateway-registry";

describe("the gateway registry", () => {
  it("refuses two gateways with one id at start-up", () => {
    expect(() => createGatewayRegistry([createSandboxGateway(), createSandboxGateway()])).toThrow(
      /share the id/,
    );
  });

  it("takes a unit's own provider account after start-up, and a replacement with renewed credentials", () => {
    const registry = createGatewayRegistry([createSandboxGateway()]);
    const centro = createSandboxGateway({ id: "sandbox-centro" });
    registry.register(centro);
    expect(registry.get("sandbox-centro")).toBe(centro);
    const renewed = createSandboxGateway({ id: "sandbox-centro" });
    registry.register(renewed);
    expect(registry.get("sandbox-centro")).toBe(renewed);
    expect(registry.list().map((g) => g.id)).toEqual(["sandbox", "sandbox-centro"]);
  });

  it("forgets a removed gateway, and names what is configured when asked for a missing one", () => {
    const registry = createGatewayRegistry([createSandboxGateway()]);
    expect(registry.remove("sandbox")).toBe(true);
    let error: unknown;
    try {
      registry.get("sandbox");
    } catch (caught) {
      error = caught;
    }
    expect(isTesseraError(error, "gateway_not_configured")).toBe(true);
  });
});
