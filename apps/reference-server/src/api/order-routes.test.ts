import type { Customer, Money } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer, demoPixSale } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { orderDetailView, orderOutcomeView, orderPage } from "./api-response-schemas";
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

const ordersPath = () => `/units/${server.unit.id}/orders`;

/** Two shirts and a bottle: 13,000 in all. */
const shirts = [
  { description: "Camiseta", quantity: 2, unitPrice: brl(4_990) },
  { description: "Garrafa", quantity: 1, unitPrice: brl(3_020) },
];
const mat = [{ description: "Kit tapete", quantity: 1, unitPrice: brl(10_000) }];

/** A customer the demo unit's key sees: the buyer of a PIX sale of its day pass (a contract there). */
async function unitCustomer(key: string): Promise<Customer["id"]> {
  return (await demoPixSale(server, key)).customerId;
}

async function credit(customerId: Customer["id"], amount: number, key: string) {
  await server.tessera.wallet.credit({
    customerId,
    unitId: server.unit.id,
    amount: brl(amount),
    method: "cash",
    idempotencyKey: key,
  });
}

const balanceOf = async (customerId: Customer["id"]) =>
  (await server.tessera.wallet.balance(customerId, "BRL")).amount;

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

const cardCharges = () =>
  server.sandbox.sandbox.ledger().charges.filter((charge) => charge.method === "card");

describe("orders through the API", () => {
  it("creates an order charged by card (201); the same Idempotency-Key answers it again and never charges twice", async () => {
    const customerId = await unitCustomer("api-orders-create-sale");
    const { request, key } = await apiClient(server, { unit: server.unit });
    const body = {
      customerId,
      items: mat,
      installments: 2,
      method: "card",
      card: await cardToken("approvedVisa"),
    };
    const headers = { "idempotency-key": "api-orders-create-0001" };
    const res = await request("POST", ordersPath(), { body, headers });
    expect(res.status).toBe(201);
    const json = (await res.json()) as { customer: Record<string, unknown> };
    expect(json.customer).not.toHaveProperty("passwordHash");
    const outcome = orderOutcomeView.parse(json);
    expect(outcome).toMatchObject({
      status: "succeeded",
      replayed: false,
      order: { unitId: server.unit.id, customerId, total: brl(10_000), installmentCount: 2, status: "open" },
      customer: { id: customerId },
      payment: { method: "card", amount: brl(5_000), fromBalance: null },
    });
    expect(outcome.installments.map((line) => [line.kind, line.amount.amount, line.status])).toEqual([
      ["order", 5_000, "confirmed"],
      ["order", 5_000, "awaiting"],
    ]);
    expect(outcome.installments.every((line) => line.orderId === outcome.order.id)).toBe(true);

    const again = orderOutcomeView.parse(
      await (await request("POST", ordersPath(), { body, headers })).json(),
    );
    expect(again).toMatchObject({
      replayed: true,
      order: { id: outcome.order.id },
      payment: { id: outcome.payment?.id },
    });
    expect(cardCharges().map((charge) => charge.amount)).toEqual([brl(5_000)]);
    const other = await request("POST", ordersPath(), { body: { ...body, installments: 1 }, headers });
    expect(await problem(other)).toMatchObject({ status: 422, code: "idempotency_key_reused" });

    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const created = audit.items.filter((entry) => entry.action === "order.created");
    expect(created).toHaveLength(2);
    expect(
      created.every((entry) => entry.actor.id === key.id && entry.subject?.id === outcome.order.id),
    ).toBe(true);
  });

  it("pays an order with no method from a balance that covers it; the debit line names the key, not the body", async () => {
    const customerId = await unitCustomer("api-orders-wallet-sale");
    await credit(customerId, 20_000, "api-orders-wallet-credit");
    const { request, key } = await apiClient(server, { unit: server.unit });
    const res = await request("POST", ordersPath(), {
      body: { customerId, items: shirts, actor: "stf_forged" },
      headers: { "idempotency-key": "api-orders-wallet-0001" },
    });
    expect(res.status).toBe(201);
    const outcome = orderOutcomeView.parse(await res.json());
    expect(outcome).toMatchObject({
      status: "succeeded",
      order: { status: "paid", paidFromBalance: true, total: brl(13_000) },
      payment: { method: "wallet", amount: brl(13_000), status: "succeeded" },
    });
    expect(await balanceOf(customerId)).toBe(7_000);
    expect((await server.tessera.wallet.history(customerId)).items.at(-1)).toMatchObject({
      kind: "debit",
      amount: brl(-13_000),
      actor: key.id,
      paymentId: outcome.payment?.id,
    });
    expect(cardCharges()).toEqual([]);
  });

  it("waits for payment when the balance is short, then takes a split: part from the balance, the rest by PIX, once for one key", async () => {
    const customerId = await unitCustomer("api-orders-split-sale");
    await credit(customerId, 3_000, "api-orders-split-credit");
    const { request, key } = await apiClient(server, { unit: server.unit });
    const created = orderOutcomeView.parse(
      await (
        await request("POST", ordersPath(), {
          body: { customerId, items: shirts },
          headers: { "idempotency-key": "api-orders-split-0001" },
        })
      ).json(),
    );
    expect(created).toMatchObject({ status: "awaiting_payment", payment: null, order: { status: "open" } });
    expect(await balanceOf(customerId)).toBe(3_000);

    const path = `/orders/${created.order.id}/pay`;
    const body = { method: "pix", fromBalance: brl(3_000), actor: "stf_forged" };
    const headers = { "idempotency-key": "api-orders-split-pay-1" };
    const paid = await request("POST", path, { body, headers });
    expect(paid.status).toBe(201);
    const outcome = orderOutcomeView.parse(await paid.json());
    expect(outcome).toMatchObject({
      status: "pending",
      replayed: false,
      payment: {
        method: "pix",
        amount: brl(10_000),
        fromBalance: { amount: brl(3_000), entryId: expect.stringMatching(/^wal_/) },
      },
    });
    expect(await balanceOf(customerId)).toBe(0);
    expect((await server.tessera.wallet.history(customerId)).items.at(-1)).toMatchObject({
      kind: "debit",
      actor: key.id,
    });

    const again = orderOutcomeView.parse(await (await request("POST", path, { body, headers })).json());
    expect(again).toMatchObject({ replayed: true, payment: { id: outcome.payment?.id } });
    expect(await balanceOf(customerId)).toBe(0);
    const open = await request("POST", path, {
      body,
      headers: { "idempotency-key": "api-orders-split-pay-2" },
    });
    expect(await problem(open)).toMatchObject({ status: 409, code: "payment_in_progress" });
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    expect(audit.items.find((entry) => entry.action === "order.split_payment")?.details).toMatchObject({
      order: created.order.id,
      fromBalance: 3_000,
      walletEntry: outcome.payment?.fromBalance?.entryId,
    });
  });

  it("pays the next line from the balance with no method, says when the balance is short, and refuses a paid order", async () => {
    const customerId = await unitCustomer("api-orders-next-sale");
    const { request } = await apiClient(server, { unit: server.unit });
    const created = orderOutcomeView.parse(
      await (
        await request("POST", ordersPath(), {
          body: {
            customerId,
            items: mat,
            installments: 2,
            method: "card",
            card: await cardToken("approvedVisa"),
          },
          headers: { "idempotency-key": "api-orders-next-0001" },
        })
      ).json(),
    );
    const path = `/orders/${created.order.id}/pay`;
    const short = await request("POST", path, {
      body: {},
      headers: { "idempotency-key": "api-orders-next-short" },
    });
    expect(await problem(short)).toMatchObject({ status: 422, code: "insufficient_balance" });
    await credit(customerId, 6_000, "api-orders-next-credit");
    const paid = await request("POST", path, {
      body: {},
      headers: { "idempotency-key": "api-orders-next-pay" },
    });
    expect(paid.status).toBe(201);
    expect(orderOutcomeView.parse(await paid.json())).toMatchObject({
      status: "succeeded",
      order: { status: "paid" },
      payment: { method: "wallet", amount: brl(5_000) },
    });
    expect(await balanceOf(customerId)).toBe(1_000);
    const more = await request("POST", path, {
      body: {},
      headers: { "idempotency-key": "api-orders-next-more" },
    });
    expect(await problem(more)).toMatchObject({ status: 409, code: "invalid_transition" });
  });

  it("refuses bad bodies as problem+json naming the field, and a write without an Idempotency-Key as 400, creating nothing", async () => {
    const customerId = await unitCustomer("api-orders-bad-sale");
    const { request } = await apiClient(server, { unit: server.unit });
    let n = 0;
    const refusal = async (body: Record<string, unknown>) => {
      const res = await request("POST", ordersPath(), {
        body: { customerId, items: shirts, ...body },
        headers: { "idempotency-key": `api-orders-bad-${++n}-key` },
      });
      const refused = await problem(res);
      expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
      return [refused.errors?.[0]?.path, refused.errors?.[0]?.code];
    };
    expect(await refusal({ items: [] })).toEqual([["items"], "too_small"]);
    expect(await refusal({ installments: 13 })).toEqual([["installments"], "too_big"]);
    expect(await refusal({ fromBalance: brl(100) })).toEqual([["method"], "required"]);
    expect(await refusal({ customerId: "ana" })).toEqual([["customerId"], expect.any(String)]);
    expect(
      await refusal({
        items: [{ description: "Camiseta", quantity: 1, unitPrice: { amount: 100, currency: "USD" } }],
      }),
    ).toEqual([["items", 0, "unitPrice", "currency"], "currency_mismatch"]);
    expect(await refusal({ firstDueOn: "2000-01-01" })).toEqual([["firstDueOn"], "in_past"]);
    const noKey = await request("POST", ordersPath(), { body: { customerId, items: shirts } });
    expect(await problem(noKey)).toMatchObject({ status: 400, code: "idempotency_key_required" });
    expect((await server.tessera.orders.list({ unitId: server.unit.id })).items).toEqual([]);

    const waiting = orderOutcomeView.parse(
      await (
        await request("POST", ordersPath(), {
          body: { customerId, items: shirts },
          headers: { "idempotency-key": "api-orders-bad-waiting" },
        })
      ).json(),
    );
    const badPay = await request("POST", `/orders/${waiting.order.id}/pay`, {
      body: { lines: "all", method: "pix" },
      headers: { "idempotency-key": "api-orders-bad-pay" },
    });
    const refused = await problem(badPay);
    expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
    expect(refused.errors?.[0]?.path).toEqual(["lines"]);
  });

  it("lists the unit's orders newest first by status, payment status, customer and day, page by page; a bad query is 400", async () => {
    const customerId = await unitCustomer("api-orders-list-sale");
    const { request } = await apiClient(server, { unit: server.unit });
    const order = async (card: "approvedVisa" | "insufficientFunds", key: string) =>
      orderOutcomeView.parse(
        await (
          await request("POST", ordersPath(), {
            body: { customerId, items: shirts, method: "card", card: await cardToken(card) },
            headers: { "idempotency-key": key },
          })
        ).json(),
      ).order.id;
    const first = await order("approvedVisa", "api-orders-list-0001");
    const failed = await order("insufficientFunds", "api-orders-list-0002");
    const last = await order("approvedVisa", "api-orders-list-0003");
    const ids = async (query: string) => {
      const res = await request("GET", `${ordersPath()}${query}`);
      expect(res.status, query).toBe(200);
      return orderPage.parse(await res.json()).data.map((listed) => listed.id);
    };
    expect(await ids("")).toEqual([last, failed, first]);
    expect(await ids("?status=paid")).toEqual([last, first]);
    expect(await ids("?paymentStatus=error")).toEqual([failed]);
    expect(await ids(`?customerId=${customerId}&from=2000-01-01`)).toEqual([last, failed, first]);
    expect(await ids("?to=2000-01-01")).toEqual([]);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = orderPage.parse(await (await request("GET", `${ordersPath()}${query}`)).json());
      pages.push(page.data.map((listed) => listed.id));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([[last, failed], [first]]);

    for (const [query, field] of [
      ["?from=2000-01-02&to=2000-01-01", "to"],
      ["?cursor=Zm9vYmFy", "cursor"],
      ["?status=lost", "status"],
      ["?limit=0", "limit"],
    ] as const) {
      const refused = await problem(await request("GET", `${ordersPath()}${query}`));
      expect(refused, query).toMatchObject({ status: 400, code: "bad_request" });
      expect(refused.errors?.[0]?.path, query).toEqual([field]);
    }
  });

  it("opens one order with its customer, description, installments with their payments, and refunds", async () => {
    const customerId = await unitCustomer("api-orders-detail-sale");
    const { request } = await apiClient(server, { unit: server.unit });
    const created = orderOutcomeView.parse(
      await (
        await request("POST", ordersPath(), {
          body: {
            customerId,
            items: mat,
            installments: 3,
            method: "card",
            card: await cardToken("approvedVisa"),
          },
          headers: { "idempotency-key": "api-orders-detail-0001" },
        })
      ).json(),
    );
    const paymentId = created.payment?.id;
    const refund = await request("POST", `/payments/${paymentId}/refunds`, {
      body: { amount: brl(1_000), reason: "tapete com defeito" },
      headers: { "idempotency-key": "api-orders-detail-refund" },
    });
    expect(refund.status).toBe(201);
    // The payment's own address answers the order's outcome, as it answers a sale's.
    const byPayment = await request("GET", `/payments/${paymentId}`);
    expect(byPayment.status).toBe(200);
    const outcome = orderOutcomeView.parse(await byPayment.json());
    expect(outcome).toMatchObject({
      status: "succeeded",
      order: { id: created.order.id },
      payment: { id: paymentId, refundedAmount: brl(1_000) },
    });
    expect(outcome.customer).not.toHaveProperty("passwordHash");
    const res = await request("GET", `/orders/${created.order.id}`);
    expect(res.status).toBe(200);
    const json = (await res.json()) as { customer: Record<string, unknown> };
    expect(json.customer).not.toHaveProperty("passwordHash");
    const detail = orderDetailView.parse(json);
    expect(detail).toMatchObject({
      order: { id: created.order.id, status: "open" },
      customer: { id: customerId, name: "Ana Souza" },
      description: "Kit tapete",
    });
    expect(
      detail.installments.map(({ installment, payments }) => [
        installment.amount.amount,
        installment.status,
        payments.map((payment) => payment.id),
      ]),
    ).toEqual([
      [3_334, "confirmed", [paymentId]],
      [3_333, "awaiting", []],
      [3_333, "awaiting", []],
    ]);
    expect(detail.refunds).toMatchObject([{ paymentId, amount: brl(1_000), status: "succeeded" }]);
    expect((await request("GET", "/orders/ord_NOPE")).status).toBe(404);
  });

  it("cancels an unpaid order with its lines (200), answers a canceled one as it is, and refuses a paid or paying one (409)", async () => {
    const customerId = await unitCustomer("api-orders-cancel-sale");
    const { request, key } = await apiClient(server, { unit: server.unit });
    const create = async (method: "card" | "pix", card: "approvedVisa" | "insufficientFunds", n: number) =>
      orderOutcomeView.parse(
        await (
          await request("POST", ordersPath(), {
            body: {
              customerId,
              items: shirts,
              method,
              ...(method === "card" ? { card: await cardToken(card) } : {}),
            },
            headers: { "idempotency-key": `api-orders-cancel-${n}-key` },
          })
        ).json(),
      );
    const declined = await create("card", "insufficientFunds", 1);
    expect(declined).toMatchObject({ status: "declined", order: { status: "open" } });
    const res = await request("POST", `/orders/${declined.order.id}/cancel`);
    expect(res.status).toBe(200);
    const canceled = orderDetailView.parse(await res.json());
    expect(canceled.order.status).toBe("canceled");
    expect(canceled.installments.map(({ installment }) => installment.status)).toEqual(["canceled"]);
    const again = orderDetailView.parse(
      await (await request("POST", `/orders/${declined.order.id}/cancel`)).json(),
    );
    expect(again.order).toEqual(canceled.order);

    const paid = await create("card", "approvedVisa", 2);
    const refused = await request("POST", `/orders/${paid.order.id}/cancel`);
    expect(await problem(refused)).toMatchObject({ status: 409, code: "invalid_transition" });
    const paying = await create("pix", "approvedVisa", 3);
    expect(paying.status).toBe("pending");
    const open = await request("POST", `/orders/${paying.order.id}/cancel`);
    expect(await problem(open)).toMatchObject({ status: 409, code: "payment_in_progress" });

    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 20 });
    const cancels = audit.items.filter((entry) => entry.action === "order.canceled");
    expect(cancels).toHaveLength(2);
    expect(
      cancels.every((entry) => entry.actor.id === key.id && entry.subject?.id === declined.order.id),
    ).toBe(true);
  });

  it("answers 401 without a key on every order route", async () => {
    const customerId = await unitCustomer("api-orders-401-sale");
    const { request } = await apiClient(server);
    const created = orderOutcomeView.parse(
      await (
        await request("POST", ordersPath(), {
          body: { customerId, items: shirts },
          headers: { "idempotency-key": "api-orders-401-0001" },
        })
      ).json(),
    );
    const order = `/orders/${created.order.id}`;
    const init = {
      body: { method: "pix" },
      headers: { "idempotency-key": "api-orders-401-0002" },
      secret: null,
    };
    for (const [method, path] of [
      ["GET", ordersPath()],
      ["POST", ordersPath()],
      ["GET", order],
      ["POST", `${order}/pay`],
      ["POST", `${order}/cancel`],
    ] as const) {
      const res = await request(method, path, method === "GET" ? { secret: null } : init);
      expect(await problem(res), `${method} ${path}`).toMatchObject({ status: 401, code: "unauthenticated" });
    }
    expect((await server.tessera.orders.list({ unitId: server.unit.id })).items).toEqual([created.order]);
  });

  it("keeps a unit's key to its unit: another unit's orders are 404, a customer sold nothing in the unit is 404, an order makes its customer the unit's", async () => {
    const ana = await unitCustomer("api-orders-scope-sale");
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
      paymentMethods: [
        { method: "pix", gatewayId: "sandbox" },
        { method: "card", gatewayId: "sandbox" },
      ],
    });
    // Staff of the north unit ordered for Ana, who has no contract there; it waits for payment.
    const theirs = await server.tessera.orders.create({
      unitId: other.id,
      customerId: ana,
      items: shirts,
      idempotencyKey: "api-orders-scope-theirs",
    });
    expect(theirs.status).toBe("awaiting_payment");
    await credit(ana, 20_000, "api-orders-scope-credit");

    const mine = await apiClient(server, { unit: server.unit });
    const write = { body: { method: "pix" }, headers: { "idempotency-key": "api-orders-scope-0001" } };
    for (const [method, path] of [
      ["GET", `/units/${other.id}/orders`],
      ["POST", `/units/${other.id}/orders`],
      ["GET", `/orders/${theirs.order.id}`],
      ["POST", `/orders/${theirs.order.id}/pay`],
      ["POST", `/orders/${theirs.order.id}/cancel`],
    ] as const) {
      const res = await mine.request(method, path, method === "GET" ? {} : write);
      expect(await problem(res), `${method} ${path}`).toMatchObject({ status: 404, code: "not_found" });
    }

    // Bia was sold nothing in any unit: no key orders for her there.
    const { customer: bia } = await server.tessera.customers.register({
      organizationId: server.unit.organizationId,
      name: "Bia Lima",
      email: "bia@example.com",
    });
    const north = await apiClient(server, { unit: other });
    const organization = await apiClient(server);
    for (const [client, idempotencyKey] of [
      [north, "api-orders-scope-0002"],
      [organization, "api-orders-scope-0003"],
    ] as const) {
      const stranger = await client.request("POST", `/units/${other.id}/orders`, {
        body: { customerId: bia.id, items: shirts, method: "pix" },
        headers: { "idempotency-key": idempotencyKey },
      });
      expect(await problem(stranger)).toMatchObject({ status: 404, code: "not_found" });
    }
    expect((await server.tessera.orders.list({ unitId: other.id })).items.map((order) => order.id)).toEqual([
      theirs.order.id,
    ]);
    expect(await balanceOf(ana)).toBe(20_000);

    // Ana's order in the north unit makes her one of its customers: its key pays it from her wallet.
    const paid = await north.request("POST", `/orders/${theirs.order.id}/pay`, {
      body: {},
      headers: { "idempotency-key": "api-orders-scope-0005" },
    });
    expect(paid.status).toBe(201);
    expect(orderOutcomeView.parse(await paid.json())).toMatchObject({ order: { status: "paid" } });
    expect(await balanceOf(ana)).toBe(7_000);
  });
});
