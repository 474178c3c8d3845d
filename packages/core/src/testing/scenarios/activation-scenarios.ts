import { expect, it } from "vitest";
import { activationAlphabet } from "../../activation/activation-code-alphabet";
import { buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/** Passes sold online and attached by staff (Otmechalka seed). */
export function activationScenarios(current: () => ScenarioEnv): void {
  const buyPass = async (key: string) => {
    const env = current();
    return env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.pass.id,
      buyer: { name: "Ana Souza", email: "ana@example.com" },
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: key,
      source: "online",
    });
  };

  it("gives a paid pass a short unattached code without look-alike characters", async () => {
    const outcome = await buyPass("pass-code-0001");
    expect(outcome.status).toBe("succeeded");
    const code = outcome.activationCode;
    expect(code).toMatchObject({
      status: "unattached",
      attachedCustomerId: null,
      contractId: outcome.contract.id,
    });
    expect(code?.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    for (const char of code!.code.replace("-", "")) expect(activationAlphabet).toContain(char);
  });

  it("gives no code to a sale that was not paid", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.pass.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("stolenCard"),
      idempotencyKey: "pass-declined-01",
      source: "online",
    });
    expect(outcome.status).toBe("declined");
    expect(outcome.activationCode).toBeNull();
  });

  it("attaches a code to a customer for the pass's term, typed in any case", async () => {
    const env = current();
    const outcome = await buyPass("pass-attach-0001");
    const visitor = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Bruno Lima",
      email: "bruno@example.com",
    });
    const typed = outcome.activationCode!.code.toLowerCase().replace("-", " ");
    const attached = await env.tessera.activation.attach({
      unitId: env.unit.id,
      code: typed,
      customerId: visitor.customer.id,
    });
    expect(attached).toMatchObject({
      status: "attached",
      attachedCustomerId: visitor.customer.id,
      validFrom: "2026-03-10",
      validUntil: "2026-04-09",
    });
    expect(await env.tessera.activation.listUnattached(env.unit.id)).toHaveLength(0);
  });

  it("refuses a used code and an unknown code clearly", async () => {
    const env = current();
    const outcome = await buyPass("pass-used-0001");
    const visitor = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Bruno Lima",
      email: "bruno@example.com",
    });
    const attach = (code: string) =>
      env.tessera.activation.attach({ unitId: env.unit.id, code, customerId: visitor.customer.id });
    await attach(outcome.activationCode!.code);
    expect((await rejection(attach(outcome.activationCode!.code))).code).toBe("activation_code_used");
    expect((await rejection(attach("AAAA-AAAA"))).code).toBe("activation_code_unknown");
    expect((await rejection(attach("0O1I-LLLL"))).code).toBe("activation_code_unknown");
  });

  it("lets only one of two concurrent attachments win", async () => {
    const env = current();
    const outcome = await buyPass("pass-race-0001");
    const a = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Bruno Lima",
      email: "b@example.com",
    });
    const b = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Carla Dias",
      email: "c@example.com",
    });
    const results = await Promise.allSettled(
      [a, b].map((r) =>
        env.tessera.activation.attach({
          unitId: env.unit.id,
          code: outcome.activationCode!.code,
          customerId: r.customer.id,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("ends an attached pass on the visitor when its payment is refunded in full: the contract canceled, the pass valid until today", async () => {
    const env = current();
    const outcome = await buyPass("pass-refund-0001");
    const visitor = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Bruno Lima",
      email: "bruno@example.com",
    });
    await env.tessera.activation.attach({
      unitId: env.unit.id,
      code: outcome.activationCode!.code,
      customerId: visitor.customer.id,
    });
    env.clock.advance(5 * 24 * 3600_000);
    const part = await env.tessera.refunds.refund({
      paymentId: outcome.payment!.id,
      amount: { amount: 10_000, currency: "BRL" },
      idempotencyKey: "pass-refund-part-0001",
    });
    expect(part.payment.status).toBe("partially_refunded");
    // Part of the money back leaves the pass as it was.
    expect((await env.storage.activationCodes.findByContract(outcome.contract.id))?.status).toBe("attached");
    await env.tessera.refunds.refund({
      paymentId: outcome.payment!.id,
      idempotencyKey: "pass-refund-rest-0001",
    });
    const code = await env.storage.activationCodes.findByContract(outcome.contract.id);
    expect(code).toMatchObject({
      status: "revoked",
      attachedCustomerId: visitor.customer.id,
      validUntil: "2026-03-15",
    });
    const contract = await env.storage.contracts.findById(outcome.contract.id);
    expect(contract).toMatchObject({ status: "canceled", endDate: "2026-03-15" });
    const events = (await env.storage.outbox.listUndelivered(1000)).map((entry) => entry.event);
    expect(events.filter((event) => event.type === "activation_code.revoked")).toHaveLength(1);
    expect(events.filter((event) => event.type === "contract.canceled")).toHaveLength(1);
  });

  it("revokes an unattached pass refunded to the wallet, so its code can no longer be attached", async () => {
    const env = current();
    const outcome = await buyPass("pass-refund-0002");
    await env.tessera.refunds.refund({
      paymentId: outcome.payment!.id,
      destination: "wallet",
      idempotencyKey: "pass-refund-wallet-0002",
    });
    const visitor = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Bruno Lima",
      email: "bruno@example.com",
    });
    const refused = await rejection(
      env.tessera.activation.attach({
        unitId: env.unit.id,
        code: outcome.activationCode!.code,
        customerId: visitor.customer.id,
      }),
    );
    expect(refused.code).toBe("activation_code_used");
    expect(await env.tessera.activation.listUnattached(env.unit.id)).toHaveLength(0);
  });
}
