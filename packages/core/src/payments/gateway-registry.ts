import { TesseraError } from "../errors/tessera-error";
import type { Gateway } from "../ports/gateway";

/** The gateways one Tessera instance was given, by id. */
export interface GatewayRegistry {
  /** The gateway with this id; throws `gateway_not_configured` when there is none. */
  get(id: string): Gateway;
  find(id: string): Gateway | null;
  list(): Gateway[];
}

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
  };
}
