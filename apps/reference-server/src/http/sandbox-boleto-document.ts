import { idPrefixes, isId, type Payment, type Tessera } from "@tessera/core";
import type { SandboxGateway } from "@tessera/core/sandbox";
import type { BoletoDocument } from "../payment-step/boleto-pdf";

/**
 * What the PDF of the sandbox boleto `reference` (`sbxpay_…`) prints, or null when the
 * sandbox has no boleto by that reference, or Tessera no payment for it.
 *
 * Two sources, each for what it alone knows. The sandbox's books (`sandbox.ledger()`) give
 * what the provider issued: amount, due date, digitable line, barcode, description — the
 * boleto exactly as the payer's bank would read it. The sandbox keeps no payer, so the
 * names come from Tessera: the charge's idempotency key is our payment's reference at the
 * provider, which for the sandbox is the payment id without its underscore (core's
 * `newPaymentReference`: the id fits the sandbox's 26–35 characters), so the payment is one
 * `tessera.payments.get` away; it counts only when that payment is the sandbox's and carries
 * the same key. Its customer is the payer (their name and document as Tessera has them now)
 * and its unit's organization, the studio, is the beneficiary.
 */
export async function sandboxBoletoDocument(
  deps: { tessera: Tessera; sandbox: SandboxGateway },
  reference: string,
): Promise<BoletoDocument | null> {
  const charge = deps.sandbox.sandbox.ledger().charges.find((entry) => entry.reference === reference);
  if (charge === undefined || charge.action?.type !== "boleto") return null;
  const payment = await paymentKeyed(deps, charge.idempotencyKey);
  if (payment === null) return null;
  const customer = await deps.tessera.customers.get(payment.customerId);
  const unit = await deps.tessera.organizations.getUnit(payment.unitId);
  const studio = unit === null ? null : await deps.tessera.organizations.getOrganization(unit.organizationId);
  if (customer === null || studio === null) return null;
  return {
    beneficiary: studio.name,
    payer: { name: customer.name, document: customer.document },
    amount: charge.amount,
    dueDate: charge.action.dueDate,
    digitableLine: charge.action.digitableLine,
    barcode: charge.action.barcode,
    description: charge.description,
    sandbox: true,
  };
}

/** The sandbox payment whose reference at the provider is `idempotencyKey`, or null. */
async function paymentKeyed(
  deps: { tessera: Tessera; sandbox: SandboxGateway },
  idempotencyKey: string,
): Promise<Payment | null> {
  const prefix = idPrefixes.payment;
  const id = idempotencyKey.startsWith(prefix) ? `${prefix}_${idempotencyKey.slice(prefix.length)}` : "";
  if (!isId("payment", id)) return null;
  const payment = await deps.tessera.payments.get(id);
  return payment?.gatewayId === deps.sandbox.id && payment.idempotencyKey === idempotencyKey ? payment : null;
}
