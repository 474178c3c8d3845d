import fc from "fast-check";
import { expect, it } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { Tessera } from "../../tessera/create-tessera";
import type { ScenarioEnv } from "./scenario-env";

/** Every public method, called with whatever a caller might pass. */
const entryPoints: Record<string, (t: Tessera, args: unknown[]) => Promise<unknown>> = {
  "organizations.createOrganization": (t, [a]) => t.organizations.createOrganization(a as never),
  "organizations.getOrganization": (t, [a]) => t.organizations.getOrganization(a as never),
  "organizations.createUnit": (t, [a]) => t.organizations.createUnit(a as never),
  "organizations.updateUnit": (t, [a, b]) => t.organizations.updateUnit(a as never, b as never),
  "organizations.getUnit": (t, [a]) => t.organizations.getUnit(a as never),
  "organizations.getUnitOrThrow": (t, [a]) => t.organizations.getUnitOrThrow(a as never),
  "organizations.findUnitBySlug": (t, [a]) => t.organizations.findUnitBySlug(a as never),
  "organizations.listUnits": (t, [a]) => t.organizations.listUnits(a as never),
  "plans.create": (t, [a]) => t.plans.create(a as never),
  "plans.update": (t, [a, b]) => t.plans.update(a as never, b as never),
  "plans.archive": (t, [a]) => t.plans.archive(a as never),
  "plans.get": (t, [a]) => t.plans.get(a as never),
  "plans.getOrThrow": (t, [a]) => t.plans.getOrThrow(a as never),
  "plans.findOnSale": (t, [a, b]) => t.plans.findOnSale(a as never, b as never),
  "plans.list": (t, [a]) => t.plans.list(a as never),
  "customers.register": (t, [a]) => t.customers.register(a as never),
  "customers.get": (t, [a]) => t.customers.get(a as never),
  "customers.getOrThrow": (t, [a]) => t.customers.getOrThrow(a as never),
  "customers.findByDocument": (t, [a, b]) => t.customers.findByDocument(a as never, b as never),
  "sales.start": (t, [a]) => t.sales.start(a as never),
  "sales.outcome": (t, [a]) => t.sales.outcome(a as never),
  "sales.contractOutcome": (t, [a]) => t.sales.contractOutcome(a as never),
  "payments.get": (t, [a]) => t.payments.get(a as never),
  "payments.retry": (t, [a]) => t.payments.retry(a as never),
  "payments.refresh": (t, [a]) => t.payments.refresh(a as never),
  "payments.cancelAttempt": (t, [a]) => t.payments.cancelAttempt(a as never),
  "payments.capture": (t, [a, b]) => t.payments.capture(a as never, b as never),
  "payments.recover": (t, [a]) => t.payments.recover(a as never),
  "refunds.refund": (t, [a]) => t.refunds.refund(a as never),
  "refunds.listByPayment": (t, [a]) => t.refunds.listByPayment(a as never),
  "refunds.recover": (t, [a]) => t.refunds.recover(a as never),
  "recurrences.find": (t, [a]) => t.recurrences.find(a as never),
  "recurrences.listByContract": (t, [a]) => t.recurrences.listByContract(a as never),
  "recurrences.deactivate": (t, [a]) => t.recurrences.deactivate(a as never),
  "webhooks.receive": (t, [a, b]) => t.webhooks.receive(a as never, b as never),
  "activation.find": (t, [a, b]) => t.activation.find(a as never, b as never),
  "activation.listUnattached": (t, [a]) => t.activation.listUnattached(a as never),
  "activation.attach": (t, [a]) => t.activation.attach(a as never),
  "events.deliverPending": (t, [a]) => t.events.deliverPending(a as never),
};

/**
 * Bad input at every public entry point gets a typed error: whatever a caller passes — a
 * number for an id, NaN for a limit, an object for a header — the method answers a value or
 * a `TesseraError`, never a driver's TypeError or a RangeError.
 */
export function fuzzScenarios(current: () => ScenarioEnv): void {
  // Ids of the right shape that exist nowhere, besides anything at all.
  const argument = fc.oneof(
    fc.anything(),
    fc.constantFrom("pay_", "unit_00000000000000000000000000", "ctr_x", "plan_", "org_1", "", " ", "\u0000"),
    fc.record({ limit: fc.double(), olderThanMs: fc.double(), leaseMs: fc.oneof(fc.string(), fc.double()) }),
    fc.record({ headers: fc.anything(), rawBody: fc.anything() }),
  );

  it("answers a value or a TesseraError at every public method, for any arguments", async () => {
    const env = current();
    for (const [name, call] of Object.entries(entryPoints)) {
      await fc.assert(
        fc.asyncProperty(fc.array(argument, { minLength: 0, maxLength: 2 }), async (args) => {
          try {
            await call(env.tessera, args);
          } catch (error) {
            if (!isTesseraError(error)) {
              throw new Error(`${name}(${fc.stringify(args)}) threw ${String(error)}`);
            }
          }
        }),
        { numRuns: 25, seed: 20261201 },
      );
    }
    expect(Object.keys(entryPoints).length).toBeGreaterThan(30);
  });
}
