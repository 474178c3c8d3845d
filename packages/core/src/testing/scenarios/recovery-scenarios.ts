import { expect, it } from "vitest";
import type { SaleInput } from "../../checkout/sale-input";
import { buyerAna, type ScenarioEnv } from "./scenario-env";

/** Unknown outcomes and their recovery by our idempotency key. */
export function recoveryScenarios(current: () => ScenarioEnv): void {
  const sale = async (
    card: "timeoutAfterCharge" | "timeoutBeforeReceipt" | "approvedVisa",
  ): Promise<SaleInput> => {
    const env = current();
    return {
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card(card),
      idempotencyKey: `recovery-${card}`,
      source: "api",
    };
  };

  it("reports a timeout as unknown, never as failed, and recovery finds the charge the provider made", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(await sale("timeoutAfterCharge"));
    expect(outcome.status).toBe("unknown");
    expect(outcome.customer.status).toBe("active");
    expect(outcome.contract.paymentIssue).toBeNull();

    expect(await env.tessera.payments.recover()).toMatchObject({ examined: 0 });
    env.clock.advance(121_000);
    const report = await env.tessera.payments.recover();
    expect(report).toMatchObject({ examined: 1, settled: 1, neverReceived: 0 });
    const after = await env.tessera.sales.outcome(outcome.payment!.id);
    expect(after.status).toBe("succeeded");
    expect(after.contract.status).toBe("active");
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("marks a payment the provider never received as failed, so it can be tried again under a new key", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(await sale("timeoutBeforeReceipt"));
    expect(outcome.status).toBe("unknown");
    env.clock.advance(121_000);
    expect(await env.tessera.payments.recover()).toMatchObject({ examined: 1, neverReceived: 1 });
    const after = await env.tessera.payments.get(outcome.payment!.id);
    expect(after).toMatchObject({ status: "failed", failureCode: "never_received" });
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(0);
    const retried = await env.tessera.payments.retry({
      contractId: outcome.contract.id,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: "recovery-retry-0001",
    });
    expect(retried.status).toBe("succeeded");
    expect(retried.payment!.idempotencyKey).not.toBe(outcome.payment!.idempotencyKey);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("is safe to run from several processes at once: each payment settles once", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(await sale("timeoutAfterCharge"));
    env.clock.advance(121_000);
    await Promise.all([
      env.tessera.payments.recover(),
      env.tessera.payments.recover(),
      env.tessera.payments.recover(),
    ]);
    const events = (await env.storage.outbox.listUndelivered(200)).filter(
      (e) => e.event.type === "sale.completed" && e.event.payload.paymentId === outcome.payment!.id,
    );
    expect(events).toHaveLength(1);
    expect((await env.tessera.payments.get(outcome.payment!.id))?.status).toBe("succeeded");
  });

  it("reaches a charge left unknown behind a full page of payments still waiting on their payers", async () => {
    const env = current();
    for (const n of [1, 2, 3]) {
      await env.tessera.sales.start({
        unitId: env.unit.id,
        planId: env.monthly.id,
        buyer: buyerAna,
        method: "pix",
        idempotencyKey: `recovery-waiting-pix-${n}`,
        source: "api",
      });
      env.clock.advance(1_000);
    }
    const lost = await env.tessera.sales.start(await sale("timeoutAfterCharge"));
    expect(lost.status).toBe("unknown");
    env.clock.advance(121_000);

    // Each pass takes the two oldest; the unpaid PIX must not take every pass.
    expect(await env.tessera.payments.recover({ limit: 2 })).toMatchObject({ examined: 2, stillOpen: 2 });
    expect(await env.tessera.payments.recover({ limit: 2 })).toMatchObject({ examined: 2, settled: 1 });
    expect((await env.tessera.sales.outcome(lost.payment!.id)).status).toBe("succeeded");
  });

  it("finishes a crashed first call when the same key comes back after the grace period", async () => {
    const env = current();
    const input = await sale("timeoutAfterCharge");
    const first = await env.tessera.sales.start(input);
    expect(first.status).toBe("unknown");
    env.clock.advance(121_000);
    const again = await env.tessera.sales.start(input);
    expect(again.replayed).toBe(true);
    expect(again.status).toBe("succeeded");
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });
}
