import { definePlugin } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  composedTestServer,
  demoPixSale,
  memoryLogger,
  type ComposedTestServer as Server,
} from "../http/test-app";
import { createScheduler } from "./scheduler";
import { schedulerTasks } from "./scheduler-tasks";

function schedulerOf(server: Server) {
  return createScheduler({
    tasks: schedulerTasks(server, server.log.logger),
    intervalMs: 5000,
    logger: server.log.logger,
  });
}

describe("the server's scheduled tasks", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  it("completes a PIX the sandbox auto-pays: its notification goes through the inbox", async () => {
    const clock = createManualClock();
    server = await composedTestServer({ sandboxAutoPayMs: 20_000 }, { clock });
    const payment = await demoPixSale(server, "scheduler-autopay-0001");
    const scheduler = schedulerOf(server);

    clock.advance(19_000);
    await scheduler.runOnce();
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("pending");

    clock.advance(2_000);
    const pass = await scheduler.runOnce();
    expect(pass["sandbox"]).toEqual({ ok: true, result: { received: 1, rejected: 0 } });
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("succeeded");
  });

  it("runs the billing run at most every ten minutes: a month after a PIX sale in installments, it sends the second one's PIX", async () => {
    const clock = createManualClock();
    server = await composedTestServer({}, { clock });
    const annual = server.plans.find((plan) => plan.installmentCount === 12);
    if (!annual) throw new Error("the demo has no plan in 12 monthly installments");
    const sale = await server.tessera.sales.start({
      unitId: server.unit.id,
      planId: annual.id,
      buyer: { name: "Ana Souza", email: "ana@example.com", document: { kind: "cpf", value: "52998224725" } },
      method: "pix",
      idempotencyKey: "scheduler-billing-0001",
      source: "online",
    });
    server.sandbox.sandbox.pay(sale.payment!.idempotencyKey);
    const scheduler = schedulerOf(server);
    await scheduler.runOnce();
    expect((await server.tessera.payments.get(sale.payment!.id))?.status).toBe("succeeded");

    clock.advance(32 * 24 * 3600_000);
    const pass = await scheduler.runOnce();
    expect(pass["billing.run"]).toMatchObject({
      ok: true,
      result: { periodsScheduled: 0, outcomes: { link_issued: 1, error: 0 } },
    });
    clock.advance(60_000);
    expect((await scheduler.runOnce())["billing.run"]).toEqual({
      ok: true,
      result: { skipped: "ran recently" },
    });
    const lines = await server.storage.installments.listByContract(sale.contract.id);
    const second = lines.filter((line) => line.sequence === 2);
    expect(second.length).toBeGreaterThan(0);
    const [link] = await server.storage.payments.listByInstallment(second[0]!.id);
    expect(link).toMatchObject({ method: "pix", status: "pending" });
  });

  it("settles a payment left unknown from the provider's record when no notification comes", async () => {
    const clock = createManualClock();
    server = await composedTestServer({}, { clock });
    // The provider made the charge, but its answer never came back.
    server.sandbox.sandbox.injectFault({ kind: "timeout", method: "pix", when: "after_charge" });
    const payment = await demoPixSale(server, "scheduler-unknown-0001");
    expect(payment.status).toBe("unknown");
    // The payer pays, and the provider's notification of it is lost too.
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    expect(server.sandbox.sandbox.takeNotifications()).toHaveLength(1);

    // Past recovery's grace period, so no request can still be in flight.
    clock.advance(3 * 60_000);
    const pass = await schedulerOf(server).runOnce();
    expect(pass["payments.recover"]).toMatchObject({ ok: true, result: { examined: 1, settled: 1 } });
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("succeeded");
  });

  it("delivers the events a sale emitted to a plugin's handler", async () => {
    const seen: string[] = [];
    const recorder = definePlugin({
      name: "recorder",
      setup(ctx) {
        ctx.on("payment.succeeded", (event) => {
          seen.push(event.payload.paymentId);
        });
      },
    });
    server = await composedTestServer({}, { plugins: [recorder] });
    const payment = await demoPixSale(server, "scheduler-events-0001");
    server.sandbox.sandbox.pay(payment.idempotencyKey);

    // One pass: the sandbox task brings the payment in, and delivery (last) hands on its event.
    const pass = await schedulerOf(server).runOnce();
    expect(pass["events.deliverPending"]).toMatchObject({ ok: true });
    expect(seen).toEqual([payment.id]);

    // Delivered once: the next pass finds nothing left for the handler.
    await schedulerOf(server).runOnce();
    expect(seen).toEqual([payment.id]);
  });

  it("runs no sandbox task when no sandbox is registered", async () => {
    server = await composedTestServer();
    const tasks = schedulerTasks({ tessera: server.tessera, sandbox: null }, memoryLogger().logger);
    expect(tasks.map((task) => task.name)).toEqual([
      "payments.recover",
      "refunds.recover",
      "billing.run",
      "events.deliverPending",
    ]);
  });
});
