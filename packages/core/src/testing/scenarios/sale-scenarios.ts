import { expect, it } from "vitest";
import type { SaleInput, SaleInputFields } from "../../checkout/sale-input";
import type { CreatePaymentRequest } from "../../ports/gateway";
import { createTessera } from "../../tessera/create-tessera";
import { address, brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/** The sale of a plan, its outcomes, and the pending-payment actions (BEMP seed). */
export function saleScenarios(current: () => ScenarioEnv): void {
  // A shorthand over every field: each scenario names its method and card, and some send on
  // purpose what the types refuse, to prove the run-time checks.
  const sale = (overrides: Partial<SaleInputFields> = {}): SaleInput => {
    const env = current();
    return {
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
      source: "online",
      ...overrides,
    } as SaleInput;
  };

  it("sells with an approved card: contract active, first installments confirmed, customer active", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    expect(outcome.status).toBe("succeeded");
    expect(outcome.contract.status).toBe("active");
    expect(outcome.customer.status).toBe("active");
    const first = outcome.installments.filter((i) => i.sequence === 1);
    expect(first.map((i) => [i.kind, i.status, i.amount.amount])).toEqual([
      ["period", "confirmed", 14990],
      ["enrollment_fee", "confirmed", 5000],
    ]);
    expect(outcome.payment!.amount).toEqual(brl(19990));
    expect(outcome.payment!.card).toMatchObject({ brand: "visa", last4: "1111" });
    const charges = env.sandbox.sandbox.ledger().charges;
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ idempotencyKey: outcome.payment!.idempotencyKey, amount: brl(19990) });
    const types = (await env.storage.outbox.listUndelivered(100)).map((e) => e.event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        "contract.created",
        "payment.succeeded",
        "contract.activated",
        "sale.completed",
      ]),
    );
  });

  it("hands the card's brand from the page to the provider, as Cielo requires for a token", async () => {
    const env = current();
    const sent: CreatePaymentRequest[] = [];
    const recording = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          async createPayment(request) {
            sent.push(request);
            return env.sandbox.createPayment(request);
          },
        },
      ],
    });
    const card = await env.card("approvedVisa");
    const outcome = await recording.sales.start(
      sale({
        card: { ...card, type: "token", token: card.type === "token" ? card.token : "", brand: "visa" },
      }),
    );
    expect(outcome.status).toBe("succeeded");
    expect(sent.map((request) => request.card)).toEqual([
      expect.objectContaining({ type: "token", brand: "visa" }),
    ]);
  });

  it("starts the contract on the contracting day in the unit's timezone and bills on that day", async () => {
    const env = current();
    // 01:30 UTC on Mar 11 is still Mar 10 in São Paulo.
    env.clock.set("2026-03-11T01:30:00.000Z");
    const outcome = await env.tessera.sales.start(
      sale({ planId: env.annual.id, card: await env.card("approvedVisa") }),
    );
    expect(outcome.contract.startDate).toBe("2026-03-10");
    expect(outcome.contract.billingDay).toBe(10);
    expect(outcome.installments.map((i) => i.dueDate).slice(0, 3)).toEqual([
      "2026-03-10",
      "2026-04-10",
      "2026-05-10",
    ]);
  });

  it("bills a contract made on Jan 31 on Feb 28, then back on the 31st", async () => {
    const env = current();
    env.clock.set("2027-01-31T15:00:00.000Z");
    const outcome = await env.tessera.sales.start(
      sale({ planId: env.annual.id, card: await env.card("approvedVisa") }),
    );
    expect(outcome.installments.map((i) => i.dueDate).slice(0, 4)).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
    ]);
    expect(outcome.installments).toHaveLength(12);
    expect(outcome.installments.reduce((sum, i) => sum + i.amount.amount, 0)).toBe(12 * 9990);
  });

  it("bills Feb 29 in a leap year", async () => {
    const env = current();
    env.clock.set("2028-01-31T15:00:00.000Z");
    const outcome = await env.tessera.sales.start(
      sale({ planId: env.annual.id, card: await env.card("approvedVisa") }),
    );
    expect(outcome.installments[1]?.dueDate).toBe("2028-02-29");
  });

  it("adds the client-paid fee as its own line", async () => {
    const env = current();
    await env.tessera.organizations.updateUnit(env.unit.id, { clientFeeBasisPoints: 350 });
    const outcome = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    const lines = outcome.installments.filter((i) => i.sequence === 1);
    // 3.5 % of (149,90 + 50,00) = 6,9965 → 7,00
    expect(lines.map((i) => [i.kind, i.amount.amount])).toEqual([
      ["period", 14990],
      ["enrollment_fee", 5000],
      ["fee", 700],
    ]);
    expect(outcome.payment!.amount).toEqual(brl(20690));
  });

  it("leaves a declined sale pending and the customer blocked, then a retry pays and unblocks", async () => {
    const env = current();
    const declined = await env.tessera.sales.start(sale({ card: await env.card("insufficientFunds") }));
    if (declined.status !== "declined") throw new Error(`expected declined, got ${declined.status}`);
    expect(declined.declineCode).toBe("insufficient_funds");
    expect(declined.messageKey).toBe("payment.declined.insufficient_funds");
    expect(declined.contract.status).toBe("pending_payment");
    expect(declined.contract.paymentIssue).toMatchObject({
      code: "insufficient_funds",
      paymentId: declined.payment.id,
    });
    expect(declined.installments.filter((i) => i.sequence === 1).every((i) => i.status === "awaiting")).toBe(
      true,
    );
    expect(declined.customer.status).toBe("blocked");

    const retried = await env.tessera.payments.retry({
      contractId: declined.contract.id,
      method: "card",
      card: await env.card("approvedMastercard"),
      idempotencyKey: "retry-after-decline-1",
    });
    expect(retried.status).toBe("succeeded");
    expect(retried.payment!.attempt).toBe(2);
    expect(retried.contract).toMatchObject({ status: "active", paymentIssue: null });
    expect(retried.customer.status).toBe("active");
    const types = (await env.storage.outbox.listUndelivered(100)).map((e) => e.event.type);
    expect(types).toEqual(
      expect.arrayContaining(["payment.failed", "customer.blocked", "customer.unblocked"]),
    );
  });

  it("returns the first sale for the same idempotency key: one contract, one charge", async () => {
    const env = current();
    const input = sale({ card: await env.card("approvedVisa"), idempotencyKey: "double-submit-0001" });
    const first = await env.tessera.sales.start(input);
    // A reload tokenizes the card again: a new token, the same request.
    const second = await env.tessera.sales.start(sale({ ...input, card: await env.card("approvedVisa") }));
    expect(second.replayed).toBe(true);
    expect(second.contract.id).toBe(first.contract.id);
    expect(second.payment!.id).toBe(first.payment!.id);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
    expect((await env.storage.contracts.listByCustomer(first.customer.id)).length).toBe(1);
  });

  it("refuses one idempotency key reused for different data", async () => {
    const env = current();
    await env.tessera.sales.start(
      sale({ card: await env.card("approvedVisa"), idempotencyKey: "reused-key-0001" }),
    );
    const error = await rejection(
      env.tessera.sales.start(
        sale({
          planId: env.annual.id,
          card: await env.card("approvedVisa"),
          idempotencyKey: "reused-key-0001",
        }),
      ),
    );
    expect(error.code).toBe("idempotency_key_reused");
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("never runs two concurrent calls with one key: one contract, one charge", async () => {
    const env = current();
    const input = sale({ method: "pix", idempotencyKey: "concurrent-key-0001" });
    const results = await Promise.allSettled([1, 2, 3].map(() => env.tessera.sales.start(input)));
    const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code?: string }] : []));
    expect(fulfilled.length).toBeGreaterThanOrEqual(1);
    expect(new Set(fulfilled.map((o) => o.contract.id)).size).toBe(1);
    for (const reason of refused) expect(reason.code).toBe("idempotency_key_in_use");
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("reuses the customer of a known CPF", async () => {
    const env = current();
    const first = await env.tessera.sales.start(sale({ card: await env.card("approvedVisa") }));
    const second = await env.tessera.sales.start(
      sale({
        planId: env.annual.id,
        card: await env.card("approvedVisa"),
        buyer: { ...buyerAna, document: { kind: "cpf", value: "52998224725" } },
      }),
    );
    expect(second.customer.id).toBe(first.customer.id);
    expect(second.contract.id).not.toBe(first.contract.id);
  });

  it("waits on a PIX payer with the QR payload, and the provider's lookup settles it", async () => {
    const env = current();
    const outcome = await env.tessera.sales.start(sale({ method: "pix" }));
    if (outcome.status !== "pending") throw new Error(`expected pending, got ${outcome.status}`);
    expect(outcome.action.type).toBe("pix");
    expect(outcome.contract.status).toBe("pending_payment");
    expect(outcome.customer.status).toBe("active");
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    const refreshed = await env.tessera.payments.refresh(outcome.payment!.id);
    expect(refreshed.status).toBe("succeeded");
    expect((await env.tessera.sales.outcome(outcome.payment!.id)).contract.status).toBe("active");
  });

  it("asks a boleto buyer for an address, naming buyer.address", async () => {
    const env = current();
    const error = await rejection(env.tessera.sales.start(sale({ method: "boleto" })));
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues?.[0]?.path).toEqual(["buyer", "address"]);
    const outcome = await env.tessera.sales.start(
      sale({ method: "boleto", buyer: { ...buyerAna, address } }),
    );
    expect(outcome.status === "pending" && outcome.action.type).toBe("boleto");
  });

  it("fetches a boleto's PDF from a gateway that hands it over through its API, and none for a card", async () => {
    const env = current();
    const asked: (string | null)[] = [];
    const pdf = new TextEncoder().encode("%PDF-1.4 boleto");
    const withDocuments = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          capabilities: { ...env.sandbox.capabilities, boletoDocument: true },
          async boletoDocument(reference) {
            asked.push(reference.providerReference);
            return pdf;
          },
        },
      ],
    });
    const boleto = await withDocuments.sales.start(
      sale({ method: "boleto", buyer: { ...buyerAna, address } }),
    );
    expect(boleto.payment).not.toBeNull();
    expect(await withDocuments.payments.boletoDocument(boleto.payment!.id)).toEqual(pdf);
    expect(asked).toEqual([boleto.payment!.providerReference]);
    const card = await withDocuments.sales.start(sale({ card: await env.card("approvedVisa") }));
    expect(await withDocuments.payments.boletoDocument(card.payment!.id)).toBeNull();
    // The sandbox links its own PDF: nothing to fetch through the port.
    expect(await env.tessera.payments.boletoDocument(boleto.payment!.id)).toBeNull();
    expect(asked).toHaveLength(1);
  });

  it("refuses a raw card number: cards reach the provider from the buyer's browser", async () => {
    const env = current();
    const error = await rejection(
      env.tessera.sales.start(
        sale({
          card: {
            type: "raw",
            number: "4111111111111111",
            holder: "ANA",
            expMonth: 12,
            expYear: 2030,
            cvc: "123",
          },
        }),
      ),
    );
    expect(error.details.issues?.[0]?.path).toEqual(["card", "type"]);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(0);
  });

  it("refuses a card sale without its card, naming the field, and writes nothing", async () => {
    const env = current();
    // @ts-expect-error the types refuse it (checkout/sale-input.test.ts); a caller they do not reach is refused at run time
    const cardless: SaleInput = {
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      idempotencyKey: "cardless-sale-0001",
      source: "online",
    };
    const error = await rejection(env.tessera.sales.start(cardless));
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues).toEqual([expect.objectContaining({ path: ["card"], code: "required" })]);
    expect((await env.storage.customers.list(env.org.id)).items).toHaveLength(0);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(0);
  });

  it("names every bad field of a sale and writes nothing", async () => {
    const env = current();
    const error = await rejection(
      env.tessera.sales.start(
        sale({
          buyer: { ...buyerAna, email: "not-an-email", document: { kind: "cpf", value: "111.111.111-11" } },
        }),
      ),
    );
    expect(error.code).toBe("validation_failed");
    const paths = error.details.issues?.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["buyer.email", "buyer.document.value"]));
    expect((await env.storage.customers.list(env.org.id)).items).toHaveLength(0);
  });

  it("does not offer a manual-mode method online, nor to a retry, but takes it from staff", async () => {
    const env = current();
    await env.tessera.organizations.updateUnit(env.unit.id, {
      paymentMethods: [
        { method: "card", gatewayId: "sandbox", mode: "manual" },
        { method: "pix", gatewayId: "sandbox", mode: "integrated" },
      ],
    });
    const online = await rejection(env.tessera.sales.start(sale({ card: await env.card("approvedVisa") })));
    expect(online.code).toBe("validation_failed");
    expect(online.details.issues?.[0]).toMatchObject({ path: ["method"], code: "method_not_offered" });
    const pending = await env.tessera.sales.start(sale({ method: "pix" }));
    const retry = await rejection(
      env.tessera.payments.retry({
        contractId: pending.contract.id,
        method: "card",
        card: await env.card("approvedVisa"),
        idempotencyKey: "retry-manual-card-1",
      }),
    );
    expect(retry.details.issues?.[0]).toMatchObject({ path: ["method"], code: "method_not_offered" });
    const byStaff = await env.tessera.sales.start(
      sale({ source: "staff", card: await env.card("approvedVisa") }),
    );
    expect(byStaff.status).toBe("succeeded");
  });

  it("refuses a plan not on sale online for an online sale", async () => {
    const env = current();
    await env.tessera.plans.update(env.monthly.id, { onlineSale: { enabled: false, slug: "mensal" } });
    const error = await rejection(env.tessera.sales.start(sale({ card: await env.card("approvedVisa") })));
    expect(error.details.issues?.[0]?.path).toEqual(["planId"]);
  });

  it("names the unit when there is no such unit, and the plan when the unit has no such plan", async () => {
    const env = current();
    const card = await env.card("approvedVisa");
    const noUnit = await rejection(
      env.tessera.sales.start(sale({ unitId: "unit_01J0000000000000000000000", card })),
    );
    expect(noUnit.details.issues?.[0]).toMatchObject({ path: ["unitId"], code: "not_found" });
    const other = await env.tessera.organizations.createUnit({
      organizationId: env.unit.organizationId,
      name: "Outra unidade",
      slug: `outra-${Math.random().toString(36).slice(2, 8)}`,
      paymentMethods: env.unit.paymentMethods,
    });
    const wrongUnit = await rejection(env.tessera.sales.start(sale({ unitId: other.id, card })));
    expect(wrongUnit.details.issues?.[0]).toMatchObject({ path: ["planId"], code: "not_found" });
  });

  it("cancels a pending attempt without canceling the contract, and then allows another", async () => {
    const env = current();
    const pending = await env.tessera.sales.start(sale({ method: "pix" }));
    const retryBlocked = await rejection(
      env.tessera.payments.retry({
        contractId: pending.contract.id,
        method: "pix",
        idempotencyKey: "retry-while-open-1",
      }),
    );
    expect(retryBlocked.code).toBe("payment_in_progress");
    const canceled = await env.tessera.payments.cancelAttempt(pending.payment!.id);
    expect(canceled.status).toBe("canceled");
    expect((await env.storage.contracts.findById(pending.contract.id))?.status).toBe("pending_payment");
    expect(env.sandbox.sandbox.ledger().charges[0]?.status).toBe("canceled");
    const again = await env.tessera.payments.retry({
      contractId: pending.contract.id,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: "retry-after-cancel-1",
    });
    expect(again.status).toBe("succeeded");
  });

  it("asks for the unit's extra fields: a missing one is named, a password is kept only hashed", async () => {
    const env = current();
    await env.tessera.organizations.updateUnit(env.unit.id, {
      checkoutFields: [
        { key: "accepts_rules", label: "Li o regulamento", type: "checkbox", required: true },
        { key: "senha", label: "Senha", type: "password", required: false },
      ],
    });
    const missing = await rejection(env.tessera.sales.start(sale({ method: "pix" })));
    expect(missing.details.issues?.[0]?.path).toEqual(["buyer", "extraFields", "accepts_rules"]);
    const outcome = await env.tessera.sales.start(
      sale({
        method: "pix",
        buyer: { ...buyerAna, extraFields: { accepts_rules: "on", senha: "segredo-123" } },
      }),
    );
    const customer = await env.storage.customers.findById(outcome.customer.id);
    expect(customer?.extraFields).toEqual({ accepts_rules: "true" });
    expect(customer?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(customer)).not.toContain("segredo-123");
  });
}
