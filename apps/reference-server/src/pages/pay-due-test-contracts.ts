/**
 * @module Contracts with lines due, as the billing run leaves them, for the tests of the pay
 * link, its e-mails and its place in the back office. Made through the services a studio's
 * server runs — a sale, the sandbox's payment, billing runs on a manual clock — never by
 * writing rows.
 */
import type { Contract, Id } from "@tessera/core";
import type { ManualClock } from "@tessera/core/testing";
import { createPayLinks } from "../checkout/pay-link";
import { type ComposedTestServer, testBuyer } from "../http/test-app";

/** 2026-01-15, 9:00 in São Paulo: the day the tests' sales are made (the manual clock's start). */
export const saleDay = "2026-01-15T12:00:00.000Z";

/** The pay link's path the app answers for this contract (signed with the composed server's key). */
export function payPathOf(server: Pick<ComposedTestServer, "serverKey">, contractId: Id<"contract">): string {
  return createPayLinks(server.serverKey).pathOf(contractId);
}

/** The demo's Anual (12 monthly installments of R$ 159,90) sold online by PIX on the clock's day, and paid. */
export async function paidAnnual(
  server: ComposedTestServer,
  key: string,
  buyer: typeof testBuyer = testBuyer,
): Promise<Contract> {
  const annual = server.plans.find((plan) => plan.name === "Anual");
  if (!annual) throw new Error("the demo has no Anual");
  const sale = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: annual.id,
    buyer,
    method: "pix",
    idempotencyKey: key,
    source: "online",
  });
  if (!sale.payment) throw new Error(`the Anual sale answered ${sale.status} without a payment`);
  server.sandbox.sandbox.pay(sale.payment.idempotencyKey);
  await server.tessera.payments.refresh(sale.payment.id);
  return sale.contract;
}

/** Runs the billing run at noon UTC (9:00 in São Paulo) of `day`. */
export async function billOn(server: ComposedTestServer, clock: ManualClock, day: string) {
  clock.set(`${day}T12:00:00.000Z`);
  return server.tessera.billing.run({ unitId: server.unit.id });
}

/**
 * An Anual paid on 2026-01-15 whose second month (due 2026-02-15) was never paid: with the
 * unit retrying nothing, the PIX the run issued that day is dropped, the run of 02-16 marks the
 * contract past due (the customer blocked), and on 2026-03-16 its third month is due too and
 * held. The clock is left on 2026-03-16: two lines due, R$ 319,80.
 */
export async function pastDueAnnual(server: ComposedTestServer, clock: ManualClock, key: string) {
  await server.tessera.organizations.updateUnit(server.unit.id, { dunningRetryDays: [] });
  const contract = await paidAnnual(server, key);
  const issued = await billOn(server, clock, "2026-02-15");
  if (issued.outcomes.link_issued !== 1) throw new Error("the run issued no PIX for the second month");
  for (const line of await server.storage.installments.listByContract(contract.id)) {
    for (const attempt of await server.storage.payments.listByInstallment(line.id)) {
      if (attempt.status === "pending") await server.tessera.payments.cancelAttempt(attempt.id);
    }
  }
  if ((await billOn(server, clock, "2026-02-16")).outcomes.past_due !== 1)
    throw new Error("the contract did not become past due");
  if ((await billOn(server, clock, "2026-03-16")).outcomes.held !== 1)
    throw new Error("the third month was not held");
  return { contract, payPath: payPathOf(server, contract.id) };
}
