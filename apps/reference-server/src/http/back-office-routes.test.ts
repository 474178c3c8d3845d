import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "./staff-session";
import { type ComposedTestServer, composedTestServer, demoPixSale } from "./test-app";

/**
 * Walks every route the back office registers — not a list kept by hand — so a new route
 * that forgets its session, its CSRF check or its unit's scope fails here:
 *
 * - without a session: a page sends to the log-in (303), a change is refused (401);
 * - signed in, a change without the session's CSRF token is refused (403);
 * - a member of another unit gets 404 for this unit's route, and 404 again when they put a
 *   record of this unit under their own unit's address (a guessed id never crosses units);
 * - a route without a unit in its path names who may use it in `memberRoutes` below.
 *
 * A route whose path holds a parameter this file has no record for fails until one is added.
 */

/** Open to everyone: the log-in itself. */
const openRoutes = new Set(["GET /admin/login", "POST /admin/login"]);

/**
 * Routes with no unit in their path, and who may use them: `member` (every signed-in member,
 * each seeing only what their scope holds) or `owner` (a unit-scoped staff member gets 403).
 */
const memberRoutes: Record<string, "member" | "owner"> = {
  "GET /admin": "member",
  "POST /admin/logout": "member",
  "GET /admin/mailbox": "owner",
  "GET /admin/mailbox/:message": "owner",
  "GET /admin/staff": "owner",
  "POST /admin/staff": "owner",
  "GET /admin/staff/:member": "owner",
  "POST /admin/staff/:member": "owner",
  "POST /admin/staff/:member/status": "owner",
  "POST /admin/staff/:member/password": "owner",
  "GET /admin/api-keys": "owner",
  "POST /admin/api-keys": "owner",
  "POST /admin/api-keys/:apiKey/revoke": "owner",
  "GET /admin/audit": "owner",
};

let server: ComposedTestServer;
let params: Record<string, string>;
let otherUnitSlug: string;
const password = "uma-senha-bem-longa";

beforeAll(async () => {
  server = await composedTestServer();
  const { tessera, unit } = server;
  // A second unit of the same organization, with a member scoped to it alone.
  const other = await tessera.organizations.createUnit({
    organizationId: unit.organizationId,
    name: "Aurora Sul",
    slug: "aurora-sul",
  });
  const otherPlan = await tessera.plans.create({
    unitId: other.id,
    name: "Mensal Sul",
    price: { amount: 9900, currency: "BRL" },
  });
  await tessera.staff.create({
    organizationId: unit.organizationId,
    name: "Gerente Sul",
    email: "sul@aurora.example",
    password,
    role: "manager",
    scope: { kind: "unit", unitId: other.id },
  });
  const reception = await tessera.staff.create({
    organizationId: unit.organizationId,
    name: "Recepção Centro",
    email: "recepcao@aurora.example",
    password,
    role: "staff",
    scope: { kind: "unit", unitId: unit.id },
  });
  const demoOwner = (await tessera.staff.list(unit.organizationId)).find(
    (member) => member.role === "owner",
  )!;
  const account = await tessera.providerAccounts.create(demoOwner, {
    unitId: unit.id,
    kind: "sandbox",
    id: "sandbox-route-walk",
    label: "Sandbox",
    options: { webhookSecret: "route-walk-secret-0123456789" },
  });
  const payment = await demoPixSale(server, "route-table-sale-0001");
  const sale = await tessera.sales.outcome(payment.id);
  const credit = await tessera.wallet.credit({
    customerId: sale.customer.id,
    unitId: unit.id,
    amount: { amount: 5_000, currency: "BRL" },
    method: "cash",
    actor: reception.id,
    idempotencyKey: "route-table-credit-0001",
  });
  const order = await tessera.orders.create({
    unitId: unit.id,
    customerId: sale.customer.id,
    items: [{ description: "Camiseta", quantity: 1, unitPrice: { amount: 4_990, currency: "BRL" } }],
    idempotencyKey: "route-table-order-0001",
  });
  otherUnitSlug = other.slug;
  // Each parameter, a record of the demo's unit: the walk puts it in every path that names it.
  params = {
    unit: unit.slug,
    plan: server.plans[0]!.id,
    payment: payment.id,
    contract: sale.contract.id,
    order: order.order.id,
    customer: sale.customer.id,
    entry: credit.entry.id,
    otherPlan: otherPlan.id,
    message: "msg_01JQ0000000000000000000000",
    account: account.id,
    member: reception.id,
    apiKey: (
      await tessera.apiKeys.create({
        organizationId: unit.organizationId,
        name: "Site",
        role: "staff",
        scope: { kind: "organization" },
        createdBy: reception.id,
      })
    ).apiKey.id,
  };
});

afterAll(async () => {
  await server.cleanup();
});

interface RouteEntry {
  method: string;
  path: string;
}

/** The back office's own routes (middleware registrations left out), each once. */
function backOfficeRoutes(): RouteEntry[] {
  const seen = new Set<string>();
  const routes: RouteEntry[] = [];
  for (const { method, path } of server.app.routes) {
    if (method === "ALL" || path.includes("*")) continue;
    if (!(path === "/admin" || path.startsWith("/admin/"))) continue;
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method, path });
  }
  return routes;
}

/** The path with this unit's records in it; `unit` overrides the unit's slug. */
function fill(path: string, unit = params.unit!): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = name === "unit" ? unit : params[name];
    if (!value) throw new Error(`${path}: no record for :${name} — add one to this test's params`);
    return encodeURIComponent(value);
  });
}

describe("every back-office route", () => {
  it("is found by the walk", () => {
    const names = backOfficeRoutes().map((r) => `${r.method} ${r.path}`);
    expect(names).toContain("GET /admin/u/:unit/plans");
    expect(names).toContain("POST /admin/logout");
    expect(names).toContain("GET /admin/u/:unit/reports/recurring-credit/export");
    expect(names).toContain("POST /admin/u/:unit/contracts/:contract/split-payment");
    expect(names).toContain("POST /admin/u/:unit/orders/:order/split-payment");
    expect(names).toContain("POST /admin/u/:unit/customers/:customer/orders");
  });

  it("takes a session: a page sends to the log-in, a change is refused", async () => {
    for (const { method, path } of backOfficeRoutes()) {
      if (openRoutes.has(`${method} ${path}`)) continue;
      const url = fill(path);
      const response = await server.app.request(url, { method });
      const where = `${method} ${path}`;
      if (method === "GET") {
        expect(response.status, where).toBe(303);
        expect(response.headers.get("location"), where).toMatch(/^\/admin\/login/);
      } else {
        expect(response.status, where).toBe(401);
      }
    }
  });

  it("refuses every change without the session's CSRF token", async () => {
    const owner = await signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
    for (const { method, path } of backOfficeRoutes()) {
      if (method === "GET" || openRoutes.has(`${method} ${path}`)) continue;
      const url = fill(path);
      const response = await owner.post(url, { _csrf: "forged" });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it("answers 404 to a member of another unit, under either unit's address", async () => {
    const outsider = await signInAs(server.app, "sul@aurora.example", password);
    const csrf = await outsider.csrfFrom();
    expect(csrf).not.toBe("");
    for (const { method, path } of backOfficeRoutes()) {
      const where = `${method} ${path}`;
      if (openRoutes.has(where) || !path.includes(":unit")) continue;
      const send = (url: string) =>
        method === "GET" ? outsider.get(url) : outsider.post(url, { _csrf: csrf });
      // This unit's address: not theirs to see.
      const ours = await send(fill(path));
      expect(ours.status, `${where} (this unit)`).toBe(404);
      // Their own unit's address with this unit's records in it: a guessed id crosses nothing.
      const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (names.length > 1) {
        const guessed = await send(fill(path, otherUnitSlug));
        expect(guessed.status, `${where} (their unit, this unit's record)`).toBe(404);
      }
    }
  });

  it("names who may use each route without a unit in its path, and keeps owners' routes from staff", async () => {
    const staff = await signInAs(server.app, "recepcao@aurora.example", password);
    const csrf = await staff.csrfFrom();
    expect(csrf).not.toBe("");
    for (const { method, path } of backOfficeRoutes()) {
      const where = `${method} ${path}`;
      if (openRoutes.has(where) || path.includes(":unit")) continue;
      const who = memberRoutes[where];
      expect(who, `${where}: say in memberRoutes who may use it`).toBeDefined();
      if (who !== "owner") continue;
      const url = fill(path);
      const response = method === "GET" ? await staff.get(url) : await staff.post(url, { _csrf: csrf });
      expect(response.status, where).toBe(403);
    }
  });
});
