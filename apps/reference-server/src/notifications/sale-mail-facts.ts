import type { ActivationCode, Contract, SaleOutcome, Tessera } from "@tessera/core";
import { type MailVoice, mailVoice, type PaymentMailFacts } from "./payment-mail-facts";

/** Everything the mails of one sale, or of its contract, are written from. */
export interface SaleMailFacts extends PaymentMailFacts {
  contract: Contract;
  activationCode: ActivationCode | null;
}

/** The services the sale mails read; the whole `Tessera` fits. */
export type SaleMailServices = Pick<Tessera, "sales" | "organizations">;

/** A contract's facts in its unit's voice: the plan is what is paid for. */
export function contractFacts(
  voice: MailVoice,
  records: Pick<SaleMailFacts, "contract" | "customer" | "installments" | "payment" | "activationCode">,
): SaleMailFacts {
  const { terms } = records.contract;
  return {
    ...voice,
    ...records,
    title: terms.planName,
    titleLabel: "mail.fact.plan",
    singleInstallment: terms.installmentCount === 1,
  };
}

/**
 * Reads a sale's facts from its outcome (`tessera.sales.outcome` or `contractOutcome`), plus
 * the unit and its organization. The unit must exist: a contract cannot outlive its unit.
 */
export async function saleMailFacts(tessera: SaleMailServices, outcome: SaleOutcome): Promise<SaleMailFacts> {
  return contractFacts(await mailVoice(tessera, outcome.contract.unitId), {
    contract: outcome.contract,
    customer: outcome.customer,
    installments: outcome.installments,
    payment: outcome.payment,
    activationCode: outcome.activationCode,
  });
}
