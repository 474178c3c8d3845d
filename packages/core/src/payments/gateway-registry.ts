import { TesseraError } from "../errors/tessera-error";
import type { Gateway } from "../ports/gateway";
import type { GatewayRegistry } from "../ports/gateway-registry";

export function createGatewayRegistry(gateways: readonly Gateway[]): GatewayRegistry {
  const byId = new Map<string, Gateway>();
  for (const gateway of gateways) {
    if (byId.has(gateway.id)) {
      throw new TesseraError("configuration_invalid", `Two gateways share the id "${gateway.id}".`, {
        details: {
          issues: [{ path: ["gateways"], code: "duplicate", message: `duplicate gateway ${gateway.id}` }],
        },
      });
    }
    byId.set(gateway.id, gateway);
  }
  return {
    get(id) {
      const gateway = byId.get(id);
      if (!gateway) {
        throw new TesseraError("gateway_not_configured", `No gateway "${id}" is configured.`, {
          details: { id, configured: [...byId.keys()] },
        });
      }
      return gateway;
    },
    find: (id) => byId.get(id) ?? null,
    list: () => [...byId.values()],
    register(gateway) {
      if (typeof gateway?.id !== "string" || !/^[a-z][a-z0-9_-]*$/.test(gateway.id)) {
        throw new TesseraError(
          "configuration_invalid",
          "A gateway needs an id of lower-case letters, digits, _ or -.",
          {
            details: {
              issues: [{ path: ["id"], code: "invalid_id", message: "lower-case letters, digits, _ or -" }],
            },
          },
        );
      }
      byId.set(gateway.id, gateway);
    },
    remove: (id) => byId.delete(id),
  };
}
