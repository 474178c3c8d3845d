import { createTessera, type Payment } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createManualClock } from "@tessera/core/testing";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookRoutes } from "./webhook-route";

describe("the quickstart's Hono webhook route", () => {
  const clock = createManualClock();
  let close: () => Promise<void>;
  let setup: Awaited<ReturnType<typeof pendingPixSale>>;

  async function pendingPixSale() {
    const storage = await createSqliteStorage();
    close = () => storage.close();
    const sandbox = createSandboxGateway({ clock });
    const tessera = createTessera({ storage, gateways: [sandbox], clock });
    const studio = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
    const unit = await tessera.organizations.createUnit({
      organizationId: studio.id,
      name: "Paulista",
      slug: "aurora-paulista",
      paymentMethods: [{ method: "pix", gatewayId: "sandbox" }],
    });
    const plan = await tessera.plans.create({
      unitId: unit.id,
      name: "Mensal",
      price: { amount: 18990, currency: "BRL" },
      installmentCount: 1,
    });
    const outcome = await tessera.sales.start({
      unitId: unit.id,
      planId: plan.id,
      method: "pix",
      buyer: {
        name: "Maria Souza",
        email: "maria@example.com",
        document: { kind: "cpf", value: "52998224725" },
      },
      idempotencyKey: "order-2026-0002",
    });
    if (outcome.status !== "pending") throw new Error(`expected a pending PIX, got ${outcome.status}`);
    return { tessera, sandbox, payment: outcome.payment, app: webhookRoutes(tessera) };
  }

  const statusOf = async (payment: Payment) => (await setup.tessera.payments.get(payment.id))?.status;
  const post = (path: string, headers: Record<string, string>, body: string) =>
    setup.app.request(path, { method: "POST", headers, body });

  beforeEach(async () => {
    setup = await pendingPixSale();
  });
  afterEach(async () => {
    await close();
  });

  it("pays the sale from the provider's signed notification, and answers a replay as a duplicate", async () => {
    setup.sandbox.sandbox.pay(setup.payment.idempotencyKey);
    const [notification] = setup.sandbox.sandbox.takeNotifications();
    if (!notification) throw new Error("the sandbox sent no notification");

    const first = await post("/webhooks/sandbox", notification.headers, notification.rawBody);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: true, applied: 1, duplicates: 0, unmatched: 0 });
    expect(await statusOf(setup.payment)).toBe("succeeded");

    const again = await post("/webhooks/sandbox", notification.headers, notification.rawBody);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: true, applied: 0, duplicates: 1, unmatched: 0 });
  });

  it("refuses a notification whose body was changed after signing, and changes nothing", async () => {
    setup.sandbox.sandbox.pay(setup.payment.idempotencyKey);
    const [notification] = setup.sandbox.sandbox.takeNotifications();
    if (!notification) throw new Error("the sandbox sent no notification");
    // Re-serialized JSON is a different byte string: this is why the route reads the raw text.
    const reserialized = JSON.stringify(JSON.parse(notification.rawBody), null, 2);
    expect(reserialized).not.toBe(notification.rawBody);

    const forged = await post("/webhooks/sandbox", notification.headers, reserialized);
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ accepted: false });
    expect(await statusOf(setup.payment)).toBe("pending");
  });

  it("passes header names through whatever their case on the wire", async () => {
    setup.sandbox.sandbox.pay(setup.payment.idempotencyKey);
    const [notification] = setup.sandbox.sandbox.takeNotifications();
    if (!notification) throw new Error("the sandbox sent no notification");
    const shouted = Object.fromEntries(
      Object.entries(notification.headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    const response = await post("/webhooks/sandbox", shouted, notification.rawBody);
    expect(response.status).toBe(200);
    expect(await statusOf(setup.payment)).toBe("succeeded");
  });

  it("answers 404 for a gateway that is not configured", async () => {
    const response = await post("/webhooks/cielo", { "content-type": "application/json" }, "{}");
    expect(response.status).toBe(404);
  });
});
