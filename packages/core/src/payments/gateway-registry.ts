import { TesseraError } from "../errors/tessera-error";
import type { Gateway } from "../ports/gateway";

/**
 * The gateways one Tessera instance collects through, by id. Not fixed at start-up: each
 * unit may have its own provider account (its own credentials), registered under an id of
 * its own (`inter-centro`) that the unit's payment methods name, and replaced when staff
 * renew the credentials.
 */
export interface GatewayRegistry {
  /** The gateway with this id; throws `gateway_not_configured` when there is none. */
  get(id: string): Gateway;
  find(id: string): Gateway | null;
  list(): Gateway[];
  /**
   * Adds a gateway, or replaces the one with the same id (new credentials). Payments already
   * made through the old one are looked up through the new one, so both must reach the same
   * provider account.
   */
  register(gateway: Gateway): void;
  /** Forgets a gateway; its payments can no longer be refreshed or recovered until it returns. */
  remove(id: string): boolean;
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
