import type { ContractDetail, Id, Tessera } from "@tessera/core";
import { mailVoice } from "./payment-mail-facts";
import { contractFacts, type SaleMailFacts } from "./sale-mail-facts";

/** The services the contract mails read; the whole `Tessera` fits. */
export type ContractMailServices = Pick<Tessera, "contracts" | "organizations" | "clock">;

/** A contract's mail facts (no payment: these mails are about what is owed), and its detail. */
export interface ContractMailFacts {
  facts: SaleMailFacts;
  detail: ContractDetail;
}

/**
 * Reads what the mails about a contract's collection (reminders, past due, its pay link) are
 * written from: the contract with its customer and installments, the unit and its
 * organization, in the unit's language — as the sale mails are. Null when the contract is gone.
 */
export async function contractMailFacts(
  tessera: ContractMailServices,
  contractId: Id<"contract">,
): Promise<ContractMailFacts | null> {
  const detail = await tessera.contracts.get(contractId);
  if (!detail) return null;
  return {
    detail,
    facts: contractFacts(await mailVoice(tessera, detail.contract.unitId), {
      contract: detail.contract,
      customer: detail.customer,
      installments: detail.installments.map((entry) => entry.installment),
      payment: null,
      activationCode: null,
    }),
  };
}
