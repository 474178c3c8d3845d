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
}
