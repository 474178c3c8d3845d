import type { Gateway } from "./gateway";

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
