import { isTesseraError } from "../errors/tessera-error";
import { credentialsKeyId, sealedKeyId } from "./credentials-cipher";
import type { ProviderAccountRecord } from "./provider-account";
import {
  buildGateway,
  openOptions,
  type ProviderAccountContext,
  sealOptions,
} from "./provider-account-context";

/** Why an account was not registered at start-up. */
export type ProviderAccountSkipReason =
  /** createTessera was given no credentials key. */
  | "no_key"
  /** Its settings were sealed under a key this installation was not given, or do not open. */
  | "does_not_open"
  /** No registered `GatewayProvider` has its kind. */
  | "unknown_kind"
  /** Its kind no longer accepts the stored settings, or refused to build the gateway. */
  | "invalid_options";

export interface SkippedProviderAccount {
  id: string;
  unitId: string;
  kind: string;
  reason: ProviderAccountSkipReason;
  /** What went wrong, for the log: never a credential. */
  message: string;
}

/** What `providerAccounts.loadAll` did. */
export interface ProviderAccountLoadReport {
  registered: string[];
  skipped: SkippedProviderAccount[];
  /** Accounts that were sealed under a previous key and are now sealed under the current one. */
  resealed: string[];
}

const pageSize = 200;

/**
 * Opens and registers every stored account, a page at a time. Each account stands alone: one
 * that fails is skipped and reported, so a wrong key or a retired adapter never keeps the
 * server — or another unit's account — from starting.
 */
export async function loadProviderAccounts(
  context: ProviderAccountContext,
): Promise<ProviderAccountLoadReport> {
  const report: ProviderAccountLoadReport = { registered: [], skipped: [], resealed: [] };
  const currentKeyId = context.keyring ? credentialsKeyId(context.keyring.current) : null;
  const skip = (account: ProviderAccountRecord, reason: ProviderAccountSkipReason, message: string) =>
    report.skipped.push({ id: account.id, unitId: account.unitId, kind: account.kind, reason, message });
  let after: string | undefined;
  for (;;) {
    const page = await context.ctx.storage.providerAccounts.list({
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
    });
    for (const account of page.items) {
      if (!context.keyring) {
        skip(account, "no_key", "no credentials key was given");
        continue;
      }
      const provider = context.providers.get(account.kind);
      if (!provider) {
        skip(account, "unknown_kind", `no provider of kind "${account.kind}" is registered`);
        continue;
      }
      let opened: Record<string, unknown>;
      try {
        opened = openOptions(context, account);
      } catch (error) {
        if (!isTesseraError(error, "configuration_invalid")) throw error;
        skip(account, "does_not_open", error.message);
        continue;
      }
      const parsed = provider.optionsSchema.safeParse(opened);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(options)").join(", ");
        skip(
          account,
          "invalid_options",
          `the ${account.kind} provider refuses the stored settings (${fields})`,
        );
        continue;
      }
      try {
        context.ctx.gateways.register(buildGateway(context, provider, account.id, parsed.data));
      } catch (error) {
        if (!isTesseraError(error)) throw error;
        skip(account, "invalid_options", error.message);
        continue;
      }
      report.registered.push(account.id);
      if (sealedKeyId(account.sealedOptions) !== currentKeyId) {
        // Rotation: the row opened under a previous key; from now on it opens under the current one.
        try {
          await context.ctx.storage.providerAccounts.update({
            ...account,
            sealedOptions: sealOptions(context, account, opened),
            updatedAt: context.ctx.clock.now(),
          });
          report.resealed.push(account.id);
        } catch (error) {
          // Someone saved it meanwhile, which sealed it under the current key already.
          if (!isTesseraError(error, "conflict") && !isTesseraError(error, "not_found")) throw error;
        }
      }
    }
    if (page.nextCursor === null) break;
    after = page.nextCursor;
  }
  return report;
}
