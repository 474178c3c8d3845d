import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer, demoPaidPass, demoPixSale } from "../http/test-app";
import { problemSchema } from "./api-problem";
import {
  activationCodeView,
  contractDetailView,
  contractPage,
  customerPage,
  customerView,
} from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const unitPath = () => `/units/${server.unit.id}`;

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

describe("customers through the API", () => {
  it("finds the unit's customers by name, CPF with or without punctuation and phone, and never shows the password hash", async () => {
    await demoPixSale(server, "api-customers-0001");
    const { request } = await apiClient(server, { unit: server.unit });
    for (const search of ["souza", "SÓUZA", "52998224725", "529.982.247-25", "98888"]) {
      const res = await request("GET", `${unitPath()}/customers?search=${encodeURIComponent(search)}`);
      expect(res.status, search).toBe(200);
      const page = customerPage.parse(await res.json());
      expect(
        page.data.map((customer) => customer.name),
        search,
      ).toEqual(["Ana Souza"]);
    }
    const none = customerPage.parse(
      await (await request("GET", `${unitPath()}/customers?search=zzzz`)).json(),
    );
    expect(none.data).toEqual([]);
    const [listed] = customerPage.parse(await (await request("GET", `${unitPath()}/customers`)).json()).data;
    const one = await request("GET", `${unitPath()}/customers/${listed?.id}`);
    expect(one.status).toBe(200);
    const body = (await one.json()) as Record<string, unknown>;
    expect(customerView.parse(body)).toMatchObject({ name: "Ana Souza", source: "online" });
    expect(body).not.toHaveProperty("passwordHash");
  });

  it("refuses a status it does not know with the field named, and a customer of no contract here with 404", async () => {
    const { request } = await apiClient(server, { unit: server.unit });
    const bad = await request("GET", `${unitPath()}/customers?status=gone`);
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.[0]?.path).toEqual(["status"]);
    const { customer: stranger } = await server.tessera.customers.register({
      organizationId: server.unit.organizationId,
      name: "Bruno Lima",
      email: "bruno@example.com",
    });
    expect((await request("GET", `${unitPath()}/customers/${stranger.id}`)).status).toBe(404);
  });
});

describe("contracts through the API", () => {
  it("filters by origin and payment status, pages without repeats, and opens one with its installments and payments", async () => {
    for (let index = 0; index < 3; index++) await demoPixSale(server, `api-contracts-000${index}`);
    const { request } = await apiClient(server, { unit: server.unit });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?origin=online&paymentStatus=pending&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await request("GET", `${unitPath()}/contracts${query}`);
      expect(res.status).toBe(200);
      const page = contractPage.parse(await res.json());
      seen.push(...page.data.map((contract) => contract.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    const staffMade = contractPage.parse(
      await (await request("GET", `${unitPath()}/contracts?origin=staff`)).json(),
    );
    expect(staffMade.data).toEqual([]);

    const detail = await request("GET", `/contracts/${seen[0]}`);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { customer: Record<string, unknown> };
    const parsed = contractDetailView.parse(body);
    expect(parsed.installments[0]?.payments[0]).toMatchObject({ method: "pix", status: "pending" });
    expect(body.customer).not.toHaveProperty("passwordHash");
  });

  it("answers a reversed period with the field named (a 422: each day parses, together they make no period)", async () => {
    const { request } = await apiClient(server, { unit: server.unit });
    const res = await request("GET", `${unitPath()}/contracts?from=2026-12-10&to=2026-12-01`);
    expect(res.status).toBe(422);
    expect((await problem(res)).errors?.[0]?.path).toEqual(["to"]);
  });
});

describe("activation codes through the API", () => {
  it("lists the unattached pass and attaches it to the buyer once, with an audit entry", async () => {
    const { code, customerId } = await demoPaidPass(server, "api-activation-0001");
    const { request } = await apiClient(server, { unit: server.unit });
    const list = await request("GET", `${unitPath()}/activation-codes`);
    expect((await list.json()) as unknown).toMatchObject({
      data: [{ code: code.code, status: "unattached" }],
    });
    const attach = (body: unknown) =>
      request(
        "POST",
        `${unitPath()}/activation-codes/${encodeURIComponent(code.code.toLowerCase())}/attach`,
        {
          body,
        },
      );
    const refused = await attach({ customerId, validFrom: "2026-13-01" });
    expect(refused.status).toBe(422);
    expect((await problem(refused)).errors?.[0]?.path).toEqual(["validFrom"]);
    const attached = await attach({ customerId, validFrom: "2026-12-02", validUntil: "2026-12-31" });
    expect(attached.status).toBe(200);
    expect(activationCodeView.parse(await attached.json())).toMatchObject({
      status: "attached",
      attachedCustomerId: customerId,
      validUntil: "2026-12-31",
    });
    const again = await attach({ customerId });
    expect(again.status).toBe(409);
    expect((await problem(again)).code).toBe("activation_code_used");
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    expect(audit.items.map((entry) => entry.action)).toContain("activation_code.attached");
  });

  it("will not attach a pass to a customer the unit does not see", async () => {
    const { code } = await demoPaidPass(server, "api-activation-0002");
    const { customer: stranger } = await server.tessera.customers.register({
      organizationId: server.unit.organizationId,
      name: "Bruno Lima",
      email: "bruno@example.com",
    });
    const { request } = await apiClient(server, { unit: server.unit });
    const res = await request("POST", `${unitPath()}/activation-codes/${code.code}/attach`, {
      body: { customerId: stranger.id },
    });
    expect(res.status).toBe(404);
    const [still] = await server.tessera.activation.listUnattached(server.unit.id);
    expect(still?.id).toBe(code.id);
  });
});
