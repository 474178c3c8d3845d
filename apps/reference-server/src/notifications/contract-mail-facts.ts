import type { ContractDetail, Id, Tessera } from "@tessera/core";
import { createTranslator } from "../i18n/translator";
import type { SaleMailFacts } from "./sale-mail-facts";

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
  const unit = await tessera.organizations.getUnitOrThrow(detail.contract.unitId);
  const organization = await tessera.organizations.getOrganization(unit.organizationId);
  return {
    detail,
    facts: {
      locale: unit.locale,
      t: createTranslator(unit.locale),
      unit,
      studio: organization?.name ?? unit.name,
      contract: detail.contract,
      customer: detail.customer,
      installments: detail.installments.map((entry) => entry.installment),
      payment: null,
      activationCode: null,
    },
  };
}
