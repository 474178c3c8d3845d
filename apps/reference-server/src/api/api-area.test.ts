import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { planPage, planView, saleOutcomeView, unitPage } from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

/** A problem answer, checked against the documented schema. */
async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

const pass = () => {
  const plan = server.plans.find((p) => p.kind === "pass");
  if (!plan) throw new Error("the demo has no pass");
  return plan;
};

describe("API keys", () => {
  it("answers 401 problems without a key, with a malformed one, an unknown one and a revoked one", async () => {
    const { request, key, secret } = await apiClient(server);
    const missing = await request("GET", "/units", { secret: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await problem(missing)).toMatchObject({ status: 401, code: "unauthenticated" });
    expect((await request("GET", "/units", { secret: "not-a-key" })).status).toBe(401);
    expect((await request("GET", "/units", { secret: `${secret.slice(0, -4)}AAAA` })).status).toBe(401);
    expect((await request("GET", "/units")).status).toBe(200);
    await server.tessera.apiKeys.revoke(key.id);
    expect((await request("GET", "/units")).status).toBe(401);
  });

  it("ignores a signed-in staff cookie: the API takes only its bearer key", async () => {
    const login = await server.app.request("/admin/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(server.demoOwner).toString(),
    });
    const cookie = login.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toMatch(/=/);
    const res = await server.app.request("/api/v1/units", { headers: { cookie } });
    expect(res.status).toBe(401);
  });

  it("writes problem titles in the client's Accept-Language", async () => {
    const { request } = await apiClient(server);
    const ru = await problem(
      await request("GET", "/units", { secret: null, headers: { "accept-language": "ru" } }),
    );
    expect(ru.title).toContain("Authorization");
    expect(ru.title).toMatch(/ключ/);
    const en = await problem(
      await request("GET", "/units", { secret: null, headers: { "accept-language": "en" } }),
    );
    expect(en.title).toMatch(/^Send a valid API key/);
  });
});

describe("addresses", () => {
  it("answers an address the API does not have as a 404 problem, not an HTML page", async () => {
    const { request } = await apiClient(server);
    const res = await request("GET", "/nothing-here");
    expect(res.status).toBe(404);
    expect(await problem(res)).toMatchObject({ code: "not_found" });
  });
});

describe("units and scope", () => {
  it("lists the organization's units to an organization key and only its own unit to a unit key", async () => {
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const org = await apiClient(server);
    const all = unitPage.parse(await (await org.request("GET", "/units")).json());
    expect(all.data.map((unit) => unit.id).sort()).toEqual([server.unit.id, other.id].sort());

    const scoped = await apiClient(server, { unit: other });
    const mine = unitPage.parse(await (await scoped.request("GET", "/units")).json());
    expect(mine.data.map((unit) => unit.id)).toEqual([other.id]);
    expect((await scoped.request("GET", `/units/${server.unit.id}`)).status).toBe(404);
    expect((await scoped.request("GET", `/units/${other.id}`)).status).toBe(200);
  });

  it("answers another organization's unit, a missing one and a malformed id alike: 404", async () => {
    const foreign = await server.tessera.organizations.createOrganization({ name: "Outro" });
    const unit = await server.tessera.organizations.createUnit({
      organizationId: foreign.id,
      name: "Outra",
      slug: "outra-unidade",
    });
    const { request } = await apiClient(server);
    const answers = await Promise.all(
      [unit.id, "unit_01J0000000000000000000000", "nope"].map(async (id) => {
        const res = await request("GET", `/units/${id}/plans`);
        return { status: res.status, body: await problem(res) };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(new Set(answers.map((a) => a.body.detail)).size).toBe(1);
  });
});

describe("plans", () => {
  it("pages through the unit's plans by cursor with no duplicates and no gaps", async () => {
    for (let index = 0; index < 7; index++) {
      await server.tessera.plans.create({
        unitId: server.unit.id,
        name: `Plano ${index}`,
        price: { amount: 1000 + index, currency: "BRL" },
      });
    }
    const { request } = await apiClient(server);
    const expected = (await server.tessera.plans.list(server.unit.id)).map((plan) => plan.id).sort();
    expect(expected.length).toBeGreaterThan(9);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : "?limit=3";
      const page = planPage.parse(
        await (await request("GET", `/units/${server.unit.id}/plans${query}`)).json(),
      );
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((plan) => plan.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 3));
  });

  it("refuses a limit out of range and a forged cursor as 400 naming the field", async () => {
    const { request } = await apiClient(server);
    const limit = await problem(await request("GET", `/units/${server.unit.id}/plans?limit=500`));
    expect(limit).toMatchObject({ status: 400, code: "bad_request" });
    expect(limit.errors?.[0]?.path).toEqual(["limit"]);
    const cursor = await problem(await request("GET", `/units/${server.unit.id}/plans?cursor=Zm9vYmFy`));
    expect(cursor.errors?.[0]?.path).toEqual(["cursor"]);
  });

  it("creates, changes and archives a plan, each in the audit log with the key as actor", async () => {
    const { request, key } = await apiClient(server);
    const created = await request("POST", `/units/${server.unit.id}/plans`, {
      body: {
        name: "Trimestral",
        price: { amount: 45_000, currency: "BRL" },
        interval: { unit: "month", count: 3 },
      },
      headers: { "x-forwarded-for": "203.0.113.7" },
    });
    expect(created.status).toBe(201);
    const plan = planView.parse(await created.json());
    expect(plan).toMatchObject({ unitId: server.unit.id, name: "Trimestral", price: { amount: 45_000 } });

    const changed = await request("PATCH", `/plans/${plan.id}`, {
      body: { price: { amount: 42_000, currency: "BRL" } },
    });
    expect(changed.status).toBe(200);
    expect(planView.parse(await changed.json())).toMatchObject({
      name: "Trimestral",
      price: { amount: 42_000 },
    });

    const archived = await request("POST", `/plans/${plan.id}/archive`);
    expect(planView.parse(await archived.json()).status).toBe("archived");
    const stored = await server.tessera.plans.list(server.unit.id, { includeArchived: true });
    expect(stored.find((p) => p.id === plan.id)?.status).toBe("archived");

    const { items } = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const mine = items.filter((entry) => entry.actor.kind === "api_key");
    expect(mine.map((entry) => entry.action)).toEqual(["plan.archived", "plan.updated", "plan.created"]);
    expect(mine.every((entry) => entry.actor.id === key.id && entry.subject?.id === plan.id)).toBe(true);
    expect(mine.at(-1)?.from).toBe("203.0.113.7");
  });

  it("answers an invalid plan with 422 and the fields to correct, and writes nothing", async () => {
    const { request } = await apiClient(server);
    const before = (await server.tessera.plans.list(server.unit.id)).length;
    const res = await request("POST", `/units/${server.unit.id}/plans`, {
      body: { name: "", price: { amount: -5, currency: "BRL" } },
    });
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body.code).toBe("validation_failed");
    expect(body.errors?.map((issue) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["name", "price.amount"]),
    );
    expect((await server.tessera.plans.list(server.unit.id)).length).toBe(before);
  });

  it("answers a malformed JSON body and a non-JSON body with 400", async () => {
    const { secret } = await apiClient(server);
    const path = `/api/v1/units/${server.unit.id}/plans`;
    const auth = { authorization: `Bearer ${secret}` };
    const broken = await server.app.request(path, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{not json",
    });
    expect(await problem(broken)).toMatchObject({ status: 400, code: "bad_request" });
    const form = await server.app.request(path, {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: "name=x",
    });
    expect(form.status).toBe(400);
  });

  it("answers a slug clash with 409 naming onlineSale.slug, and offers a free one", async () => {
    const { request } = await apiClient(server);
    const taken = server.plans.find((plan) => plan.onlineSale.enabled);
    const res = await request("POST", `/units/${server.unit.id}/plans`, {
      body: {
        name: "Outro",
        price: { amount: 100, currency: "BRL" },
        onlineSale: { slug: taken?.onlineSale.slug },
      },
    });
    expect(res.status).toBe(409);
    const body = await problem(res);
    expect(body.errors?.[0]?.path).toEqual(["onlineSale", "slug"]);
  });
});

describe("sales", () => {
  it("makes one sale for one Idempotency-Key, answering the repeat as replayed", async () => {
    const { request, key } = await apiClient(server);
    const sale = { unitId: server.unit.id, planId: pass().id, buyer: testBuyer, method: "pix" };
    const headers = { "idempotency-key": "api-test-sale-0001" };
    const first = await request("POST", "/sales", { body: sale, headers });
    expect(first.status).toBe(201);
    const one = saleOutcomeView.parse(await first.json());
    expect(one).toMatchObject({ status: "pending", replayed: false, contract: { unitId: server.unit.id } });
    const again = saleOutcomeView.parse(
      await (await request("POST", "/sales", { body: sale, headers })).json(),
    );
    expect(again.replayed).toBe(true);
    expect(again.contract.id).toBe(one.contract.id);
    expect(again.payment?.id).toBe(one.payment?.id);

    const outcome = await request("GET", `/payments/${one.payment?.id}`);
    expect(saleOutcomeView.parse(await outcome.json())).toMatchObject({ status: "pending" });

    const { items } = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const sales = items.filter((entry) => entry.action === "sale.started");
    expect(sales).toHaveLength(2);
    expect(sales.every((entry) => entry.actor.id === key.id && entry.subject?.id === one.contract.id)).toBe(
      true,
    );
  });

  it("refuses a sale without an Idempotency-Key, or with a malformed one, as 400 before anything is written", async () => {
    const { request } = await apiClient(server);
    const sale = { unitId: server.unit.id, planId: pass().id, buyer: testBuyer, method: "pix" };
    const missing = await problem(await request("POST", "/sales", { body: sale }));
    expect(missing).toMatchObject({ status: 400, code: "idempotency_key_required" });
    expect(missing.errors?.[0]?.path).toEqual(["Idempotency-Key"]);
    const short = await request("POST", "/sales", { body: sale, headers: { "idempotency-key": "abc" } });
    expect(short.status).toBe(400);
    expect(
      await server.tessera.customers.findByDocument(server.unit.organizationId, testBuyer.document),
    ).toBeNull();
  });

  it("answers the same key with other data as 422 idempotency_key_reused", async () => {
    const { request } = await apiClient(server);
    const headers = { "idempotency-key": "api-test-sale-reused" };
    const sale = { unitId: server.unit.id, planId: pass().id, buyer: testBuyer, method: "pix" };
    expect((await request("POST", "/sales", { body: sale, headers })).status).toBe(201);
    const other = await request("POST", "/sales", {
      body: { ...sale, buyer: { ...testBuyer, name: "Outra Pessoa" } },
      headers,
    });
    expect(await problem(other)).toMatchObject({ status: 422, code: "idempotency_key_reused" });
  });

  it("refuses a sale in a unit the key may not see as a unit that does not exist", async () => {
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const { request } = await apiClient(server, { unit: other });
    const res = await request("POST", "/sales", {
      body: { unitId: server.unit.id, planId: pass().id, buyer: testBuyer, method: "pix" },
      headers: { "idempotency-key": "api-test-sale-scope" },
    });
    const body = await problem(res);
    expect(body).toMatchObject({ status: 422, code: "validation_failed" });
    expect(body.errors?.[0]).toMatchObject({ path: ["unitId"], code: "not_found" });
  });

  it("cancels an open attempt and retries the contract under a new key", async () => {
    const { request } = await apiClient(server);
    const sale = { unitId: server.unit.id, planId: pass().id, buyer: testBuyer, method: "pix" };
    const first = saleOutcomeView.parse(
      await (
        await request("POST", "/sales", { body: sale, headers: { "idempotency-key": "api-test-cancel-1" } })
      ).json(),
    );
    const busy = await request("POST", `/contracts/${first.contract.id}/retry`, {
      body: { method: "pix" },
      headers: { "idempotency-key": "api-test-retry-busy" },
    });
    expect(await problem(busy)).toMatchObject({ status: 409, code: "payment_in_progress" });

    const canceled = await request("POST", `/payments/${first.payment?.id}/cancel`);
    expect(canceled.status).toBe(200);
    expect((await json(canceled))["status"]).toBe("canceled");

    const retried = await request("POST", `/contracts/${first.contract.id}/retry`, {
      body: { method: "pix" },
      headers: { "idempotency-key": "api-test-retry-0001" },
    });
    expect(retried.status).toBe(201);
    const outcome = saleOutcomeView.parse(await retried.json());
    expect(outcome.status).toBe("pending");
    expect(outcome.payment?.id).not.toBe(first.payment?.id);
  });
});
