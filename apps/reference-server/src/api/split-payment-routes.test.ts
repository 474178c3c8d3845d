import type { Customer, Money } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { saleOutcomeView } from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const brl = (amount: number): Money => ({ amount, currency: "BRL" });

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

const plan = (name: string) => {
  const found = server.plans.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the demo has no plan ${name}`);
  return found;
};

/** The demo's monthly plan: its first charge is 18,990 and the 5,000 enrollment fee. */
const monthlyDue = 23_990;

/** A sandbox card token, as the provider's browser script makes it. */
async function cardToken(card: "approvedVisa" | "insufficientFunds") {
  const { token } = await server.sandbox.sandbox.tokenizeCard({
    number: server.sandbox.sandbox.testCards[card].number,
    holder: "ANA SOUZA",
    expMonth: 12,
    expYear: 2099,
    cvc: "123",
  });
  return { type: "token" as const, token };
}

/** The test buyer as a known customer of the organization, with `amount` in their wallet. */
async function buyerWithBalance(amount: number): Promise<Customer> {
  const { customer } = await server.tessera.customers.register({
    organizationId: server.unit.organizationId,
    ...testBuyer,
  });
  await server.tessera.wallet.credit({
    customerId: customer.id,
    unitId: server.unit.id,
    amount: brl(amount),
    method: "cash",
    idempotencyKey: `split-api-credit-${customer.id}`,
  });
  return customer;
}

const balanceOf = async (customer: Customer) =>
  (await server.tessera.wallet.balance(customer.id, "BRL")).amount;

describe("split payments through the API", () => {
  it("sells by card with part from the balance: 201 with the payment's fromBalance, the card charged only the rest", async () => {
    const ana = await buyerWithBalance(5_000);
    const { request, key } = await apiClient(server);
    const res = await request("POST", "/sales", {
      body: {
        unitId: server.unit.id,
        planId: plan("Mensal").id,
        buyer: testBuyer,
        method: "card",
        card: await cardToken("approvedVisa"),
        fromBalance: brl(5_000),
      },
      headers: { "idempotency-key": "split-api-sale-0001" },
    });
    expect(res.status).toBe(201);
    const outcome = saleOutcomeView.parse(await res.json());
    expect(outcome.status).toBe("succeeded");
    expect(outcome.payment).toMatchObject({
      method: "card",
      amount: brl(monthlyDue - 5_000),
      fromBalance: { amount: brl(5_000), entryId: expect.stringMatching(/^wal_/) },
    });
    expect(outcome.customer.id).toBe(ana.id);
    expect(await balanceOf(ana)).toBe(0);
    expect(server.sandbox.sandbox.ledger().charges.map((charge) => charge.amount)).toEqual([
      brl(monthlyDue - 5_000),
    ]);
    const { items } = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(items.find((entry) => entry.action === "sale.started")?.details).toMatchObject({
      fromBalance: 5_000,
      walletEntry: outcome.payment?.fromBalance?.entryId,
    });
    // The debit is the sale's (source `api`), not the key's: core writes the source as actor.
    const [, debit] = (await server.tessera.wallet.history(ana.id)).items;
    expect(debit).toMatchObject({ kind: "debit", paymentId: outcome.payment?.id });
    expect(key.id).toMatch(/^key_/);
  });

  it("sells with no method to a known customer whose balance covers it: paid all from the wallet", async () => {
    const ana = await buyerWithBalance(monthlyDue + 1_000);
    const { request } = await apiClient(server);
    const res = await request("POST", "/sales", {
      body: { unitId: server.unit.id, planId: plan("Mensal").id, buyer: testBuyer },
      headers: { "idempotency-key": "split-api-wallet-0001" },
    });
    expect(res.status).toBe(201);
    const outcome = saleOutcomeView.parse(await res.json());
    expect(outcome).toMatchObject({
      status: "succeeded",
      contract: { status: "active" },
      payment: { method: "wallet", amount: brl(monthlyDue), fromBalance: null },
    });
    expect(await balanceOf(ana)).toBe(1_000);
    expect(server.sandbox.sandbox.ledger().charges).toEqual([]);
  });

  it("answers a balance short of fromBalance as 422 insufficient_balance, and a part not less than due as too_big", async () => {
    const ana = await buyerWithBalance(5_000);
    const { request } = await apiClient(server);
    const sale = { unitId: server.unit.id, planId: plan("Mensal").id, buyer: testBuyer, method: "pix" };
    const short = await request("POST", "/sales", {
      body: { ...sale, fromBalance: brl(6_000) },
      headers: { "idempotency-key": "split-api-short-0001" },
    });
    expect(short.status).toBe(422);
    expect(await problem(short)).toMatchObject({
      status: 422,
      code: "insufficient_balance",
      title: "O saldo não é suficiente para esta operação.",
    });
    const whole = await request("POST", "/sales", {
      body: { ...sale, fromBalance: brl(monthlyDue) },
      headers: { "idempotency-key": "split-api-whole-0001" },
    });
    const body = await problem(whole);
    expect(body).toMatchObject({ status: 422, code: "validation_failed" });
    expect(body.errors?.[0]).toMatchObject({ path: ["fromBalance"], code: "too_big" });
    const zero = await request("POST", "/sales", {
      body: { ...sale, fromBalance: brl(0) },
      headers: { "idempotency-key": "split-api-zero-0001" },
    });
    expect((await problem(zero)).errors?.[0]?.path).toEqual(["fromBalance", "amount"]);
    expect(await balanceOf(ana)).toBe(5_000);
    expect((await server.tessera.contracts.list({ unitId: server.unit.id })).items).toEqual([]);
  });

  it("retries a declined sale with part from the balance: the wallet line names the API key, not the body", async () => {
    const ana = await buyerWithBalance(5_000);
    const { request, key } = await apiClient(server);
    const declined = saleOutcomeView.parse(
      await (
        await request("POST", "/sales", {
          body: {
            unitId: server.unit.id,
            planId: plan("Mensal").id,
            buyer: testBuyer,
            method: "card",
            card: await cardToken("insufficientFunds"),
          },
          headers: { "idempotency-key": "split-api-declined-0001" },
        })
      ).json(),
    );
    expect(declined.status).toBe("declined");
    const retry = (body: Record<string, unknown>, idempotencyKey: string) =>
      request("POST", `/contracts/${declined.contract.id}/retry`, {
        body,
        headers: { "idempotency-key": idempotencyKey },
      });
    // `actor` is not the body's to set: the schema has no such field, so it is dropped.
    const res = await retry(
      {
        method: "card",
        card: await cardToken("approvedVisa"),
        fromBalance: brl(5_000),
        actor: "stf_forged",
      },
      "split-api-retry-0001",
    );
    expect(res.status).toBe(201);
    const outcome = saleOutcomeView.parse(await res.json());
    expect(outcome).toMatchObject({
      status: "succeeded",
      contract: { status: "active" },
      payment: { attempt: 2, amount: brl(monthlyDue - 5_000), fromBalance: { amount: brl(5_000) } },
    });
    expect(await balanceOf(ana)).toBe(0);
    expect((await server.tessera.wallet.history(ana.id)).items.at(-1)).toMatchObject({
      kind: "debit",
      actor: key.id,
      paymentId: outcome.payment?.id,
    });
    const { items } = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(items.find((entry) => entry.action === "payment.retried")?.details).toMatchObject({
      fromBalance: 5_000,
    });
  });

  it("keeps a unit's key from spending the balance of a customer it does not see", async () => {
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
      paymentMethods: [
        { method: "pix", gatewayId: "sandbox" },
        { method: "card", gatewayId: "sandbox" },
      ],
    });
    const northPlan = await server.tessera.plans.create({
      unitId: other.id,
      name: "Mensal Norte",
      price: brl(9_900),
    });
    // Ana is the demo unit's customer (a contract there) with money in her wallet.
    const ana = await buyerWithBalance(20_000);
    await server.tessera.sales.start({
      unitId: server.unit.id,
      planId: plan("Day pass").id,
      buyer: testBuyer,
      method: "pix",
      idempotencyKey: "split-api-scope-ana",
      source: "api",
    });
    const { request } = await apiClient(server, { unit: other });
    const sale = { unitId: other.id, planId: northPlan.id, buyer: testBuyer };
    const asked = await request("POST", "/sales", {
      body: { ...sale, method: "pix", fromBalance: brl(1_000) },
      headers: { "idempotency-key": "split-api-scope-0001" },
    });
    expect(await problem(asked)).toMatchObject({ status: 422, code: "insufficient_balance" });
    const implicit = await request("POST", "/sales", {
      body: sale,
      headers: { "idempotency-key": "split-api-scope-0002" },
    });
    const refused = await problem(implicit);
    expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
    expect(refused.errors?.[0]).toMatchObject({ path: ["method"], code: "required" });
    expect(await balanceOf(ana)).toBe(20_000);
    expect((await server.tessera.contracts.list({ unitId: other.id })).items).toEqual([]);
  });
});
