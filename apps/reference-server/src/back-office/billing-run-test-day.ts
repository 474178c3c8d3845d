import type { ManualClock } from "@tessera/core/testing";
import { type ComposedTestServer, testBuyer } from "../http/test-app";
import { buyerJoao } from "./reports/report-test-sales";

/** The day the tests start: 2026-01-15, 9:00 in São Paulo (the demo unit's timezone). */
export const billingTestStart = "2026-01-15T12:00:00.000Z";

const day = 24 * 3600_000;

/** The demo's Anual (12 monthly installments of R$ 159,90) sold by PIX today to `buyer`, and paid. */
async function paidAnnual(server: ComposedTestServer, buyer: typeof testBuyer, key: string) {
  const annual = server.plans.find((plan) => plan.name === "Anual");
  if (!annual) throw new Error("the demo has no Anual plan");
  const sale = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: annual.id,
    buyer,
    method: "pix",
    idempotencyKey: key,
    source: "online",
  });
  if (!sale.payment) throw new Error("the sale made no payment");
  server.sandbox.sandbox.pay(sale.payment.idempotencyKey);
  await server.tessera.payments.refresh(sale.payment.id);
  return sale;
}

/**
 * A month of the demo unit billed by one run of worker `owner`: Ana's and João's annual plans
 * sold and paid on `billingTestStart`, Ana's wallet credited enough for her second
 * installment; a month on (2026-02-15), the run pays Ana's from her balance and sends João a
 * PIX — a record with `paid: 1` and `link_issued: 1`.
 */
export async function billedMonth(server: ComposedTestServer, clock: ManualClock, owner: string) {
  const ana = await paidAnnual(server, testBuyer, `billing-day-ana-${owner}`);
  const joao = await paidAnnual(server, buyerJoao, `billing-day-joao-${owner}`);
  await server.tessera.wallet.credit({
    customerId: ana.customer.id,
    unitId: server.unit.id,
    amount: { amount: 20_000, currency: "BRL" },
    method: "cash",
    idempotencyKey: `billing-day-credit-${owner}`,
  });
  clock.advance(31 * day);
  const report = await server.tessera.billing.run({ unitId: server.unit.id, owner });
  return { ana: ana.contract, joao: joao.contract, report };
}
