import { createManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer, demoPixSale, testBuyer } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { contractCancellationView, contractDetailView } from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
beforeEach(async () => {
  // 2026-01-15, 9:00 in São Paulo: the demo unit's day.
  server = await composedTestServer({}, { clock: createManualClock("2026-01-15T12:00:00.000Z") });
});
afterEach(async () => {
  await server.cleanup();
});

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

/** The demo's Anual (12 monthly installments of R$ 159,90) sold by PIX today and paid. */
async function paidAnnual(key: string) {
  const annual = server.plans.find((plan) => plan.name === "Anual")!;
  const sale = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: annual.id,
    buyer: testBuyer,
    method: "pix",
    idempotencyKey: key,
    source: "api",
  });
  server.sandbox.sandbox.pay(sale.payment!.idempotencyKey);
  await server.tessera.payments.refresh(sale.payment!.id);
  return sale.contract;
}

describe("canceling a contract through the API", () => {
  it("ends it on the day given with its closing pro-rata, once for one Idempotency-Key; a replay answers the contract as the first did", async () => {
    const contract = await paidAnnual("api-cancel-annual-0001");
    const { request, key } = await apiClient(server, { unit: server.unit });
    const headers = { "idempotency-key": "api-cancel-annual-key-1" };
    const body = { on: "2026-02-21", reason: "mudou de cidade" };
    const first = await request("POST", `/contracts/${contract.id}/cancellation`, { body, headers });
    expect(first.status).toBe(201);
    const one = contractCancellationView.parse(await first.json());
    expect(one.replayed).toBe(false);
    expect(one.contract).toMatchObject({ id: contract.id, status: "canceled", endDate: "2026-02-21" });
    // The second period runs 2026-02-15 to 2026-03-14 (28 days); 7 of them used: 15 990 × 7 ÷ 28.
    expect(one.closing).toMatchObject([
      {
        kind: "closing_prorata",
        sequence: 2,
        amount: { amount: 3_998, currency: "BRL" },
        dueDate: "2026-02-21",
        periodStart: "2026-02-15",
        periodEnd: "2026-02-21",
        status: "awaiting",
        failedAttempts: 0,
        nextAttemptOn: null,
      },
    ]);
    expect(one.canceled.map((line) => line.sequence)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(one.canceled.every((line) => line.status === "canceled")).toBe(true);
    expect(one.customer).not.toHaveProperty("passwordHash");

    const again = await request("POST", `/contracts/${contract.id}/cancellation`, { body, headers });
    expect(again.status).toBe(201);
    const replay = contractCancellationView.parse(await again.json());
    expect(replay.replayed).toBe(true);
    expect(replay.contract).toEqual(one.contract);
    expect(replay.installments).toEqual(one.installments);
    const lines = await server.storage.installments.listByContract(contract.id);
    expect(lines.filter((line) => line.kind === "closing_prorata")).toHaveLength(1);

    // GET shows the same contract, the closing line among its installments.
    const detail = contractDetailView.parse(await (await request("GET", `/contracts/${contract.id}`)).json());
    expect(detail.installments).toEqual(one.installments);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const canceled = audit.items.filter((entry) => entry.action === "contract.canceled");
    expect(canceled.map((entry) => [entry.actor.id, entry.details["replayed"]])).toEqual([
      [key.id, true],
      [key.id, false],
    ]);

    // Another key for a contract that has ended: a 409, nothing changed.
    const ended = await request("POST", `/contracts/${contract.id}/cancellation`, {
      body: {},
      headers: { "idempotency-key": "api-cancel-annual-key-2" },
    });
    expect(await problem(ended)).toMatchObject({ status: 409, code: "invalid_transition" });
    expect(await server.storage.installments.listByContract(contract.id)).toEqual(lines);
  });

  it("refuses a day that is not one (422 naming on), a call without a key (401) or without an Idempotency-Key (400), and changes nothing", async () => {
    const contract = await paidAnnual("api-cancel-annual-0002");
    const { request } = await apiClient(server);
    const path = `/contracts/${contract.id}/cancellation`;
    const badDay = await request("POST", path, {
      body: { on: "2026-02-31" },
      headers: { "idempotency-key": "api-cancel-bad-day" },
    });
    const refused = await problem(badDay);
    expect(refused).toMatchObject({ status: 422, code: "validation_failed" });
    expect(refused.errors?.[0]?.path).toEqual(["on"]);
    const longReason = await request("POST", path, {
      body: { reason: "x".repeat(501) },
      headers: { "idempotency-key": "api-cancel-long-reason" },
    });
    expect((await problem(longReason)).errors?.[0]?.path).toEqual(["reason"]);

    const anonymous = await request("POST", path, {
      body: {},
      headers: { "idempotency-key": "api-cancel-anonymous" },
      secret: null,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const noKey = await request("POST", path, { body: {} });
    expect(await problem(noKey)).toMatchObject({ status: 400, code: "idempotency_key_required" });
    expect((await server.storage.contracts.findById(contract.id))?.status).toBe("active");
  });

  it("answers 409 payment_in_progress while an attempt is open, and 404 to a key of another unit", async () => {
    const payment = await demoPixSale(server, "api-cancel-pending-0001");
    const sale = await server.tessera.sales.outcome(payment.id);
    const path = `/contracts/${sale.contract.id}/cancellation`;
    const headers = { "idempotency-key": "api-cancel-pending-key" };
    const { request } = await apiClient(server, { unit: server.unit });
    const busy = await request("POST", path, { body: {}, headers });
    expect(await problem(busy)).toMatchObject({ status: 409, code: "payment_in_progress" });

    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const stranger = await apiClient(server, { unit: other });
    const crossed = await stranger.request("POST", path, { body: {}, headers });
    expect(await problem(crossed)).toMatchObject({ status: 404, code: "not_found" });
    expect((await server.storage.contracts.findById(sale.contract.id))?.status).toBe("pending_payment");

    // The attempt dropped, the same key cancels: a contract never paid owes nothing.
    await server.tessera.payments.cancelAttempt(payment.id);
    const done = contractCancellationView.parse(
      await (await request("POST", path, { body: {}, headers })).json(),
    );
    expect(done.contract).toMatchObject({ status: "canceled", endDate: "2026-01-15" });
    expect(done.closing).toEqual([]);
  });
});
