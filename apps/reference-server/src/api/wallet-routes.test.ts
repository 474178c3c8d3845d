import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyerJoao, cardSale } from "../back-office/reports/report-test-sales";
import { type ComposedTestServer, composedTestServer, demoPixSale } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { balancePaymentView, refundOutcomeView, walletOutcomeView, walletView } from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

/** A customer of the demo unit: the buyer of a PIX sale of the day pass. */
async function customerId(key: string) {
  const payment = await demoPixSale(server, key);
  return { customerId: payment.customerId, payment };
}

const brl = (amount: number) => ({ amount, currency: "BRL" });

describe("the wallet through the API", () => {
  it("credits once for one Idempotency-Key, and shows the balance and the line", async () => {
    const { customerId: id } = await customerId("api-wallet-credit-0001");
    const { request, key } = await apiClient(server, { unit: server.unit });
    const credit = { unitId: server.unit.id, amount: brl(15_000), method: "pix", note: "adiantamento" };
    const headers = { "idempotency-key": "api-wallet-credit-key-1" };
    const first = await request("POST", `/customers/${id}/wallet/credits`, { body: credit, headers });
    expect(first.status).toBe(201);
    const one = walletOutcomeView.parse(await first.json());
    expect(one).toMatchObject({
      replayed: false,
      balance: brl(15_000),
      entry: { kind: "credit", amount: brl(15_000), method: "pix", actor: key.id, unitId: server.unit.id },
    });
    const again = walletOutcomeView.parse(
      await (await request("POST", `/customers/${id}/wallet/credits`, { body: credit, headers })).json(),
    );
    expect(again).toMatchObject({ replayed: true, entry: { id: one.entry.id } });
    const other = await request("POST", `/customers/${id}/wallet/credits`, {
      body: { ...credit, amount: brl(1_000) },
      headers,
    });
    expect(await problem(other)).toMatchObject({ status: 422, code: "idempotency_key_reused" });

    const wallet = walletView.parse(await (await request("GET", `/customers/${id}/wallet`)).json());
    expect(wallet).toMatchObject({ customerId: id, balances: [brl(15_000)], nextCursor: null });
    expect(wallet.data.map((line) => line.id)).toEqual([one.entry.id]);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const credits = audit.items.filter((entry) => entry.action === "wallet.credited");
    expect(credits).toHaveLength(2);
    expect(credits.every((entry) => entry.actor.id === key.id && entry.subject?.id === one.entry.id)).toBe(
      true,
    );
  });

  it("refuses a debit beyond the balance (422 insufficient_balance) and one without a note, writing nothing", async () => {
    const { customerId: id } = await customerId("api-wallet-debit-0001");
    const { request } = await apiClient(server);
    await request("POST", `/customers/${id}/wallet/credits`, {
      body: { unitId: server.unit.id, amount: brl(5_000), method: "cash" },
      headers: { "idempotency-key": "api-wallet-debit-credit" },
    });
    const beyond = await request("POST", `/customers/${id}/wallet/debits`, {
      body: { unitId: server.unit.id, amount: brl(8_000), note: "devolução" },
      headers: { "idempotency-key": "api-wallet-debit-beyond" },
    });
    expect(await problem(beyond)).toMatchObject({ status: 422, code: "insufficient_balance" });
    const noNote = await request("POST", `/customers/${id}/wallet/debits`, {
      body: { unitId: server.unit.id, amount: brl(1_000) },
      headers: { "idempotency-key": "api-wallet-debit-nonote" },
    });
    const refused = await problem(noNote);
    expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
    expect(refused.errors?.[0]?.path).toEqual(["note"]);
    const noKey = await request("POST", `/customers/${id}/wallet/debits`, {
      body: { unitId: server.unit.id, amount: brl(1_000), note: "devolução" },
    });
    expect(await problem(noKey)).toMatchObject({ status: 400, code: "idempotency_key_required" });
    const wallet = walletView.parse(await (await request("GET", `/customers/${id}/wallet`)).json());
    expect(wallet.balances).toEqual([brl(5_000)]);
    expect(wallet.data).toHaveLength(1);

    const debited = await request("POST", `/customers/${id}/wallet/debits`, {
      body: { unitId: server.unit.id, amount: brl(2_000), note: "devolução em espécie" },
      headers: { "idempotency-key": "api-wallet-debit-done" },
    });
    expect(debited.status).toBe(201);
    expect(walletOutcomeView.parse(await debited.json())).toMatchObject({
      entry: { kind: "debit", amount: brl(-2_000) },
      balance: brl(3_000),
    });
  });

  it("keeps a unit's key to its own unit: another unit in the body is 422, another unit's customer is 404", async () => {
    const { customerId: id } = await customerId("api-wallet-scope-0001");
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const mine = await apiClient(server, { unit: server.unit });
    const elsewhere = await mine.request("POST", `/customers/${id}/wallet/credits`, {
      body: { unitId: other.id, amount: brl(1_000), method: "cash" },
      headers: { "idempotency-key": "api-wallet-scope-body" },
    });
    const body = await problem(elsewhere);
    expect(body).toMatchObject({ status: 422, code: "validation_failed" });
    expect(body.errors?.[0]).toMatchObject({ path: ["unitId"], code: "not_found" });
    const theirs = await apiClient(server, { unit: other });
    expect((await theirs.request("GET", `/customers/${id}/wallet`)).status).toBe(404);
    const credit = await theirs.request("POST", `/customers/${id}/wallet/credits`, {
      body: { unitId: other.id, amount: brl(1_000), method: "cash" },
      headers: { "idempotency-key": "api-wallet-scope-cross" },
    });
    expect(await problem(credit)).toMatchObject({ status: 404, code: "not_found" });
    expect((await server.tessera.wallet.history(id as never)).items).toEqual([]);
  });

  it("reverses a line once by its id; a second reversal is 409, another unit's key gets 404", async () => {
    const { customerId: id } = await customerId("api-wallet-reverse-0001");
    const mine = await apiClient(server, { unit: server.unit });
    const credited = walletOutcomeView.parse(
      await (
        await mine.request("POST", `/customers/${id}/wallet/credits`, {
          body: { unitId: server.unit.id, amount: brl(4_000), method: "cash", note: "lançado em dobro" },
          headers: { "idempotency-key": "api-wallet-reverse-credit" },
        })
      ).json(),
    );
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const theirs = await apiClient(server, { unit: other });
    const path = `/wallet-entries/${credited.entry.id}/reversal`;
    const crossed = await theirs.request("POST", path, {
      body: { note: "engano" },
      headers: { "idempotency-key": "api-wallet-reverse-cross" },
    });
    expect(await problem(crossed)).toMatchObject({ status: 404, code: "not_found" });
    const headers = { "idempotency-key": "api-wallet-reverse-once" };
    const undone = await mine.request("POST", path, { body: { note: "engano" }, headers });
    expect(undone.status).toBe(201);
    expect(walletOutcomeView.parse(await undone.json())).toMatchObject({
      replayed: false,
      balance: brl(0),
      entry: { kind: "reversal", amount: brl(-4_000), reversesEntryId: credited.entry.id },
    });
    const replay = walletOutcomeView.parse(
      await (await mine.request("POST", path, { body: { note: "engano" }, headers })).json(),
    );
    expect(replay.replayed).toBe(true);
    const twice = await mine.request("POST", path, {
      body: { note: "engano" },
      headers: { "idempotency-key": "api-wallet-reverse-twice" },
    });
    expect(await problem(twice)).toMatchObject({ status: 409, code: "invalid_transition" });
    const missing = await mine.request("POST", "/wallet-entries/wal_NOPE/reversal", {
      body: { note: "engano" },
      headers: { "idempotency-key": "api-wallet-reverse-missing" },
    });
    expect(missing.status).toBe(404);
  });

  it("pages the history oldest first by cursor, and refuses a forged cursor as 400", async () => {
    const { customerId: id } = await customerId("api-wallet-pages-0001");
    const { request } = await apiClient(server);
    for (let n = 1; n <= 5; n++) {
      await request("POST", `/customers/${id}/wallet/credits`, {
        body: { unitId: server.unit.id, amount: brl(n * 100), method: "cash" },
        headers: { "idempotency-key": `api-wallet-pages-${n}-key` },
      });
    }
    const amounts: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = walletView.parse(await (await request("GET", `/customers/${id}/wallet${query}`)).json());
      amounts.push(...page.data.map((line) => line.amount.amount));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(amounts).toEqual([100, 200, 300, 400, 500]);
    expect(pages).toBe(3);
    const forged = await problem(await request("GET", `/customers/${id}/wallet?cursor=Zm9vYmFy`));
    expect(forged).toMatchObject({ status: 400, code: "bad_request" });
    expect(forged.errors?.[0]?.path).toEqual(["cursor"]);
  });

  it("pays a declined sale's contract from the balance once for one key, and says when the balance is short", async () => {
    const declined = await cardSale(server, {
      plan: "Mensal",
      buyer: buyerJoao,
      card: "insufficientFunds",
      key: "api-wallet-pay-0001",
    });
    const { request } = await apiClient(server, { unit: server.unit });
    const path = `/contracts/${declined.contract.id}/pay-from-balance`;
    const short = await request("POST", path, { headers: { "idempotency-key": "api-wallet-pay-short" } });
    expect(await problem(short)).toMatchObject({ status: 422, code: "insufficient_balance" });
    await request("POST", `/customers/${declined.customer.id}/wallet/credits`, {
      body: { unitId: server.unit.id, amount: brl(100_000), method: "bank_transfer" },
      headers: { "idempotency-key": "api-wallet-pay-credit" },
    });
    const headers = { "idempotency-key": "api-wallet-pay-key-1" };
    const paid = await request("POST", path, { headers });
    expect(paid.status).toBe(201);
    const first = balancePaymentView.parse(await paid.json());
    expect(first).toMatchObject({
      replayed: false,
      contract: { id: declined.contract.id, status: "active" },
      payment: { method: "wallet", status: "succeeded" },
      entry: { kind: "debit" },
    });
    expect(first.entry.paymentId).toBe(first.payment.id);
    const again = balancePaymentView.parse(await (await request("POST", path, { headers })).json());
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id } });
    const wallet = walletView.parse(
      await (await request("GET", `/customers/${declined.customer.id}/wallet`)).json(),
    );
    expect(wallet.data.map((line) => line.kind)).toEqual(["credit", "debit"]);
    expect(wallet.balances).toEqual([first.balance]);
  });

  it("refunds a paid payment to the wallet, once for one key; the history shows the refund credit", async () => {
    const { payment, customerId: id } = await customerId("api-wallet-refund-0001");
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    await server.tessera.payments.refresh(payment.id);
    const { request } = await apiClient(server, { unit: server.unit });
    const headers = { "idempotency-key": "api-wallet-refund-key-1" };
    const body = { destination: "wallet", reason: "aula cancelada" };
    const refunded = await request("POST", `/payments/${payment.id}/refunds`, { body, headers });
    expect(refunded.status).toBe(201);
    const outcome = refundOutcomeView.parse(await refunded.json());
    expect(outcome).toMatchObject({
      replayed: false,
      refund: { destination: "wallet", status: "succeeded", amount: brl(4_500) },
      payment: { status: "refunded" },
    });
    const again = refundOutcomeView.parse(
      await (await request("POST", `/payments/${payment.id}/refunds`, { body, headers })).json(),
    );
    expect(again).toMatchObject({ replayed: true, refund: { id: outcome.refund.id } });
    const more = await request("POST", `/payments/${payment.id}/refunds`, {
      body: { amount: brl(100) },
      headers: { "idempotency-key": "api-wallet-refund-key-2" },
    });
    // Refunded whole, the payment has nothing left to give back.
    expect(await problem(more)).toMatchObject({ status: 409, code: "invalid_transition" });
    const wallet = walletView.parse(await (await request("GET", `/customers/${id}/wallet`)).json());
    expect(wallet.balances).toEqual([brl(4_500)]);
    expect(wallet.data).toMatchObject([
      { kind: "refund_credit", paymentId: payment.id, refundId: outcome.refund.id, note: "aula cancelada" },
    ]);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    expect(audit.items.filter((entry) => entry.action === "payment.refunded")).toHaveLength(2);
  });
});
