import type { Customer, Id, Installment, Payment, SupportedLocale, Tessera, Unit } from "@tessera/core";
import { createTranslator, type Translate } from "../i18n/translator";

/** Who writes a mail: the unit, in its language, signed with its studio's name. */
export interface MailVoice {
  /** The unit's language: every mail about its sales, to the customer and to staff, is written in it. */
  locale: SupportedLocale;
  t: Translate;
  unit: Unit;
  /** The organization's name: the studio the customer knows ("Estúdio Aurora"). */
  studio: string;
}

/**
 * What any mail about paying something is written from — a contract's (`SaleMailFacts`) or a
 * one-off order's (`OrderMailFacts`): who pays, its lines, the attempt, and what it is called.
 * The blocks in `payment-mail-blocks.ts` read only this.
 */
export interface PaymentMailFacts extends MailVoice {
  customer: Customer;
  /** All of the contract's or the order's installments, in due order. */
  installments: Installment[];
  /** The attempt the mail is about; null for a mail about what is owed, or a sale with nothing to collect. */
  payment: Payment | null;
  /** What is paid for, as a mail names it: the plan ("Anual"), the order ("2× Camiseta + 1"). */
  title: string;
  /** The label `title` has among a mail's facts. */
  titleLabel: "mail.fact.plan" | "mail.fact.order";
  /**
   * True when it is paid in one installment: its only line is then named after `title`
   * ("Day pass"), not numbered.
   */
  singleInstallment: boolean;
}

/** The services a mail's voice reads; the whole `Tessera` fits. */
export type MailVoiceServices = Pick<Tessera, "organizations">;

/** Reads the unit and its organization. The unit must exist: nothing sold outlives its unit. */
export async function mailVoice(tessera: MailVoiceServices, unitId: Id<"unit">): Promise<MailVoice> {
  const unit = await tessera.organizations.getUnitOrThrow(unitId);
  const organization = await tessera.organizations.getOrganization(unit.organizationId);
  return {
    locale: unit.locale,
    t: createTranslator(unit.locale),
    unit,
    studio: organization?.name ?? unit.name,
  };
}
