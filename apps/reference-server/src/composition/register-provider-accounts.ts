import type { ProviderLog, Tessera } from "@tessera/core";
import type { Logger } from "../logging/logger";

/** The file under the data directory that keeps the credentials key when none is configured. */
export const credentialsKeyFileName = "credentials.key";

/** Provider accounts' gateways log through the server's logger, under their gateway id. */
export function providerLogOf(logger: Logger): ProviderLog {
  const log = logger.child({ component: "provider-account" });
  return (entry) => log[entry.level](entry.message, { ...entry.data });
}

/**
 * Registers every stored provider account as the server starts. One that does not open (a
 * wrong `TESSERA_CREDENTIALS_KEY`), whose kind this server lacks, or whose settings its kind
 * refuses is logged as a warning and skipped: the server and every other unit's account
 * start regardless, and its unit's methods answer "not configured" until it is fixed.
 */
export async function registerProviderAccounts(tessera: Tessera, logger: Logger): Promise<void> {
  const report = await tessera.providerAccounts.loadAll();
  for (const skipped of report.skipped) {
    logger.warn("provider account skipped", {
      gatewayId: skipped.id,
      unitId: skipped.unitId,
      kind: skipped.kind,
      reason: skipped.reason,
      problem: skipped.message,
    });
  }
  if (report.registered.length > 0 || report.resealed.length > 0) {
    logger.info("provider accounts registered", {
      registered: report.registered.length,
      resealed: report.resealed.length,
    });
  }
}
