import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../http/test-app";
import { apiRoutes } from "./api-routes";
import { apiClient } from "./api-test-client";

/**
 * Walks every route the app registers under `/api/v1` — not a list kept by hand — so a new
 * route that skips the key check or the scope check fails here.
 */

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

/** The API's routes as Hono holds them: `GET /units/:unit`. */
function registeredRoutes(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const route of server.app.routes) {
    if (route.method === "ALL" || !route.path.startsWith("/api/v1/")) continue;
    const path = route.path.slice("/api/v1".length);
    seen.set(`${route.method} ${path}`, { method: route.method, path });
  }
  return [...seen.values()];
}

/** Routes that name no record in their path, each with where its scope is proven instead. */
const scopedElsewhere: Record<string, string> = {
  "GET /units": "lists only the units in scope (api-area.test.ts: units and scope)",
  "POST /sales": "refuses a unit out of scope in its body (api-area.test.ts: sales)",
  "GET /openapi.json": "public: describes the API, holds no studio's data",
  "GET /provider-kinds": "the kinds of account this server offers: no studio's data",
};

/** Records of a second unit of the demo's organization, one for each kind of path parameter. */
async function otherUnitRecords() {
  const unit = await server.tessera.organizations.createUnit({
    organizationId: server.unit.organizationId,
    name: "Aurora Norte",
    slug: "aurora-norte",
    paymentMethods: [{ method: "pix", gatewayId: "sandbox" }],
  });
  const plan = await server.tessera.plans.create({
    unitId: unit.id,
    name: "Mensal Norte",
    price: { amount: 9_900, currency: "BRL" },
  });
  const sale = await server.tessera.sales.start({
    unitId: unit.id,
    planId: plan.id,
    buyer: testBuyer,
    method: "pix",
    idempotencyKey: "routes-walk-sale",
  });
  if (!sale.payment) throw new Error("the sale made no payment");
  const account = await server.tessera.providerAccounts.create(
    {
      id: "stf_01JQ00000000000000000000AA",
      organizationId: unit.organizationId,
      role: "owner",
      scope: { kind: "organization" },
    },
    {
      unitId: unit.id,
      kind: "sandbox",
      id: "sandbox-norte",
      label: "Sandbox Norte",
      options: { webhookSecret: "whsec-norte-0123456789abcd" },
    },
  );
  const credit = await server.tessera.wallet.credit({
    customerId: sale.customer.id,
    unitId: unit.id,
    amount: { amount: 1_000, currency: "BRL" },
    method: "cash",
    idempotencyKey: "routes-walk-credit",
  });
  // More than the balance, with no method: the order waits for payment and touches no wallet.
  const order = await server.tessera.orders.create({
    unitId: unit.id,
    customerId: sale.customer.id,
    items: [{ description: "Camiseta", quantity: 1, unitPrice: { amount: 4_990, currency: "BRL" } }],
    idempotencyKey: "routes-walk-order",
  });
  return {
    unit,
    plan,
    params: {
      entry: credit.entry.id,
      unit: unit.id,
      plan: plan.id,
      payment: sale.payment.id,
      contract: sale.contract.id,
      customer: sale.customer.id,
      code: "ABCD2345",
      account: account.id,
      order: order.order.id,
    },
  };
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (!value) throw new Error(`no record for the path parameter :${name} — add one to otherUnitRecords`);
    return value;
  });

const writeInit = { body: {}, headers: { "idempotency-key": "routes-walk-0001" } };

describe("every /api/v1 route", () => {
  it("is registered at all (the walk is not empty)", () => {
    expect(registeredRoutes().length).toBeGreaterThanOrEqual(12);
  });

  it("answers 401 without a key, except the public document", async () => {
    const { request } = await apiClient(server);
    const { params } = await otherUnitRecords();
    for (const { method, path } of registeredRoutes()) {
      const res = await request(method, fill(path, params), {
        ...(method === "GET" ? {} : writeInit),
        secret: null,
      });
      if (`${method} ${path}` === "GET /openapi.json") expect(res.status, path).toBe(200);
      else expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("answers 404 for another unit's records to a unit-scoped key, and changes nothing", async () => {
    const { params, plan } = await otherUnitRecords();
    const { request } = await apiClient(server, { unit: server.unit });
    for (const { method, path } of registeredRoutes()) {
      const name = `${method} ${path}`;
      if (!path.includes(":")) {
        expect(scopedElsewhere[name], `${name} names no record: say where its scope is proven`).toBeTruthy();
        continue;
      }
      const res = await request(method, fill(path, params), method === "GET" ? {} : writeInit);
      expect(res.status, name).toBe(404);
      expect(res.headers.get("content-type"), name).toBe("application/problem+json");
    }
    expect(await server.tessera.plans.get(plan.id)).toEqual(plan);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 50 });
    expect(audit.items.filter((entry) => entry.actor.kind === "api_key")).toEqual([]);
  });

  it("refuses every write that moves money without an Idempotency-Key (400), before it reads the body or the record", async () => {
    const { params } = await otherUnitRecords();
    const { request } = await apiClient(server);
    const idempotent = apiRoutes.filter((route) => route.idempotent);
    expect(idempotent.length).toBeGreaterThanOrEqual(6);
    for (const route of idempotent) {
      const name = `${route.method.toUpperCase()} ${route.path}`;
      const path = fill(route.path.replace(/\{(\w+)\}/g, ":$1"), params);
      const res = await request(route.method.toUpperCase(), path, { body: { unitId: server.unit.id } });
      expect(res.status, name).toBe(400);
      expect((await res.json()) as unknown, name).toMatchObject({ code: "idempotency_key_required" });
    }
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 50 });
    expect(audit.items.filter((entry) => entry.actor.kind === "api_key")).toEqual([]);
  });

  it("lets an organization-scoped key read the same records", async () => {
    const { params } = await otherUnitRecords();
    const { request } = await apiClient(server);
    for (const { method, path } of registeredRoutes().filter((route) => route.method === "GET")) {
      const res = await request(method, fill(path, params));
      expect(res.status, `${method} ${path}`).toBe(200);
    }
  });
});
