import { expect, it } from "vitest";
import type { DomainEvent } from "../../events/domain-event";
import { definePlugin } from "../../plugins/define-plugin";
import type { Storage } from "../../ports/storage";
import { buyerAna, createScenarioEnv } from "./scenario-env";

/** Domain events delivered to plugins from the outbox. */
export function pluginScenarios(storage: () => Storage): void {
  it("delivers a sale's events to a plugin at least once, with ids to deduplicate by", async () => {
    const seen: DomainEvent[] = [];
    const recorder = definePlugin({
      name: "recorder",
      setup: (ctx) => {
        ctx.on("sale.completed", (event) => {
          seen.push(event);
        });
      },
    });
    const env = await createScenarioEnv(storage(), { plugins: [recorder], unitSlug: "plugin-recorder" });
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: "plugin-sale-0001",
    });
    const report = await env.tessera.events.deliverPending();
    expect(report.failed).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.payload).toMatchObject({
      contractId: outcome.contract.id,
      paymentId: outcome.payment!.id,
    });
    expect(seen[0]?.id).toMatch(/^evt_/);
    expect(await env.tessera.events.deliverPending()).toEqual({ delivered: 0, failed: 0 });
    expect(seen).toHaveLength(1);
  });

  it("retries a plugin that throws, with backoff, and never breaks the sale", async () => {
    let calls = 0;
    const flaky = definePlugin({
      name: "flaky",
      setup: (ctx) => {
        ctx.on("sale.completed", () => {
          calls++;
          if (calls < 3) throw new Error(`down (${calls})`);
        });
      },
    });
    const env = await createScenarioEnv(storage(), { plugins: [flaky], unitSlug: "plugin-flaky" });
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: "plugin-sale-0002",
    });
    expect(outcome.status).toBe("succeeded");

    expect((await env.tessera.events.deliverPending()).failed).toBe(1);
    const failed = (await env.storage.outbox.listUndelivered(200)).find(
      (e) => e.event.type === "sale.completed",
    );
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringContaining("flaky: down (1)") });
    // Not yet: the backoff has not passed.
    expect((await env.tessera.events.deliverPending()).failed).toBe(0);
    expect(calls).toBe(1);
    env.clock.advance(1_000);
    expect((await env.tessera.events.deliverPending()).failed).toBe(1);
    env.clock.advance(2_000);
    await env.tessera.events.deliverPending();
    expect(calls).toBe(3);
    expect(
      (await env.storage.outbox.listUndelivered(200)).some((e) => e.event.type === "sale.completed"),
    ).toBe(false);
  });
}
