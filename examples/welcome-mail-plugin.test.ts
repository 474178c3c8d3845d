import { createTessera, type OutgoingMessage } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { expect, it } from "vitest";
import { welcomeMail } from "./welcome-mail-plugin";

it("sends one welcome e-mail per completed sale, even when the event is delivered twice", async () => {
  const storage = await createSqliteStorage({ filename: ":memory:" });
  const outbox: OutgoingMessage[] = [];
  const notifier = {
    send: async (message: OutgoingMessage) => {
      outbox.push(message);
      return { messageId: String(outbox.length) };
    },
  };
  const sent = new Set<string>();
  const sandbox = createSandboxGateway();
  const tessera = createTessera({
    storage,
    gateways: [sandbox],
    plugins: [welcomeMail({ storage, notifier, sent })],
  });
  try {
    expect(tessera.plugins.checkoutFields().map((f) => f.key)).toEqual(["accepts_rules"]);
    const org = await tessera.organizations.createOrganization({ name: "Estúdio" });
    const unit = await tessera.organizations.createUnit({
      organizationId: org.id,
      name: "Centro",
      slug: "centro",
      paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
    });
    const plan = await tessera.plans.create({
      unitId: unit.id,
      name: "Mensal",
      price: { amount: 9900, currency: "BRL" },
    });
    const { token } = await sandbox.sandbox.tokenizeCard({
      number: "4111111111111111",
      holder: "ANA",
      expMonth: 1,
      expYear: 2031,
      cvc: "123",
    });
    await tessera.sales.start({
      unitId: unit.id,
      planId: plan.id,
      method: "card",
      card: { type: "token", token },
      // The plugin's checkbox is now part of every checkout form.
      buyer: { name: "Ana Souza", email: "ana@example.com", extraFields: { accepts_rules: "on" } },
      idempotencyKey: "welcome-0001",
    });
    await tessera.events.deliverPending();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ channel: "email", to: ["ana@example.com"] });

    // A second delivery of the same event (at least once) sends nothing more.
    const event = [...sent][0]!;
    const entry = await storage.outbox.findById(event as `evt_${string}`);
    const handler = welcomeMail({ storage, notifier, sent });
    const handlers: ((e: unknown) => Promise<void>)[] = [];
    handler.setup({
      on: (_type, h) => handlers.push(h as (e: unknown) => Promise<void>),
      addCheckoutField: () => {},
    });
    await handlers[0]!(entry!.event);
    expect(outbox).toHaveLength(1);
  } finally {
    await storage.close();
  }
});
