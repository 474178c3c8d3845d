import type {
  ActivationCode,
  Contract,
  Customer,
  Installment,
  Payment,
  SaleOutcome,
  SupportedLocale,
  Tessera,
  Unit,
} from "@tessera/core";
import { createTranslator, type Translate } from "../i18n/translator";

/** Everything the mails of one sale are written from, read through Tessera's services. */
export interface SaleMailFacts {
  /** The unit's language: every mail of a sale, to the buyer and to staff, is written in it. */
  locale: SupportedLocale;
  t: Translate;
  unit: Unit;
  /** The organization's name: the studio the buyer knows ("Estúdio Aurora"). */
  studio: string;
  contract: Contract;
  customer: Customer;
  /** All of the contract's installments, in due order. */
  installments: Installment[];
  /** The attempt the mail is about; null for a sale that had nothing to collect. */
  payment: Payment | null;
  activationCode: ActivationCode | null;
}

/** The services the sale mails read; the whole `Tessera` fits. */
export type SaleMailServices = Pick<Tessera, "sales" | "organizations">;

/**
 * Reads a sale's facts from its outcome (`tessera.sales.outcome` or `contractOutcome`), plus
 * the unit and its organization. The unit must exist: a contract cannot outlive its unit.
 */
export async function saleMailFacts(tessera: SaleMailServices, outcome: SaleOutcome): Promise<SaleMailFacts> {
  const unit = await tessera.organizations.getUnitOrThrow(outcome.contract.unitId);
  const organization = await tessera.organizations.getOrganization(unit.organizationId);
  return {
    locale: unit.locale,
    t: createTranslator(unit.locale),
    unit,
    studio: organization?.name ?? unit.name,
    contract: outcome.contract,
    customer: outcome.customer,
    installments: outcome.installments,
    payment: outcome.payment,
    activationCode: outcome.activationCode,
  };
}
