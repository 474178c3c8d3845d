import type { Contract, Installment, Tessera, Unit } from "@tessera/core";

/** Contracts read at most, per page shown, to find the installments a run's errors name. */
export const errorContractScanLimit = 200;

/** Read first: where the billing run works, so where its errors are. */
const collectingStatuses = ["past_due", "active"] as const;

/**
 * The contract of each installment a billing run's errors name, for the ones found among the
 * unit's contracts: `BillingRunReport.errors` keeps only the installment's id, and core hands
 * out no lookup by it (the storage stays behind the services). So this opens the unit's
 * contracts that still collect, newest first, then the rest, and stops once every id is found
 * or after `errorContractScanLimit` contracts — an installment of an older contract is shown
 * without a link. It reads nothing when there are no errors, which is the usual day.
 */
export async function contractsOfInstallments(
  tessera: Tessera,
  unit: Unit,
  installmentIds: ReadonlySet<Installment["id"]>,
): Promise<Map<Installment["id"], Contract["id"]>> {
  const found = new Map<Installment["id"], Contract["id"]>();
  if (installmentIds.size === 0) return found;
  const opened = new Set<Contract["id"]>();
  for (const status of [...collectingStatuses, undefined]) {
    let cursor: string | null = null;
    do {
      const page = await tessera.contracts.list({
        unitId: unit.id,
        limit: 50,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      });
      for (const contract of page.items) {
        if (opened.has(contract.id)) continue;
        if (opened.size >= errorContractScanLimit) return found;
        opened.add(contract.id);
        const detail = await tessera.contracts.get(contract.id);
        for (const { installment } of detail?.installments ?? []) {
          if (installmentIds.has(installment.id)) found.set(installment.id, contract.id);
        }
        if (found.size === installmentIds.size) return found;
      }
      cursor = page.nextCursor;
    } while (cursor);
  }
  return found;
}
