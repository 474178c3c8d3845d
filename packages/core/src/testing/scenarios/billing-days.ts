import type { BillingRunReport } from "../../billing/billing-report";
import type { Installment } from "../../installments/installment";
import { buyerAna, createScenarioEnv, type ScenarioEnv } from "./scenario-env";

/** A day of the scenarios' manual clock. */
export const dayMs = 24 * 3600_000;

let units = 0;

/** A studio whose provider does not charge by itself: Tessera bills every month (a saved card, or a link). */
export function billingEnv(current: () => ScenarioEnv, slug = "aurora-cobranca"): Promise<ScenarioEnv> {
  return createScenarioEnv(current().storage, {
    unitSlug: `${slug}-${++units}`,
    sandbox: { providerRecurrence: false },
  });
}

/** Moves the clock a day at a time, running the billing run each day; `before(day)` runs first. */
export async function runDays(
  env: ScenarioEnv,
  days: number,
  before: (day: string) => void | Promise<void> = () => {},
): Promise<BillingRunReport[]> {
  const reports: BillingRunReport[] = [];
  for (let index = 0; index < days; index++) {
    env.clock.advance(dayMs);
    await before(env.clock.now().slice(0, 10));
    reports.push(await env.tessera.billing.run({ unitId: env.unit.id, owner: "scenario-worker" }));
  }
  return reports;
}

/** The sum over the runs of one of their counts. */
export function totalOf(
  reports: readonly BillingRunReport[],
  count: (report: BillingRunReport) => number,
): number {
  return reports.reduce((sum, report) => sum + count(report), 0);
}

/** A card sale of `planId` (the monthly plan when left out) whose card is kept for renewals. */
export async function cardSale(env: ScenarioEnv, planId: string = env.monthly.id) {
  const card = await env.card("approvedVisa");
  if (card.type !== "token") throw new Error("the scenario's cards are tokens");
  const outcome = await env.tessera.sales.start({
    unitId: env.unit.id,
    planId,
    buyer: buyerAna,
    method: "card",
    card: { type: "token", token: card.token, saveForRenewals: true },
    idempotencyKey: `billing-sale-${Math.random().toString(36).slice(2)}`,
    source: "online",
  });
  if (outcome.status !== "succeeded") throw new Error(`expected a paid sale, got ${outcome.status}`);
  return outcome;
}

/** A contract's period lines (not its fees), in sequence order. */
export async function periodsOf(
  env: ScenarioEnv,
  contractId: Installment["contractId"],
): Promise<Installment[]> {
  return (await env.storage.installments.listByContract(contractId!)).filter(
    (line) => line.kind === "period",
  );
}
