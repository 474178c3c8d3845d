import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buyerJoao, cardSale } from "../../back-office/reports/report-test-sales";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../../http/test-app";
import { apiClient } from "../api-test-client";
import { onlineSignUpRowView, recurringCreditRowView } from "./report-routes";

let server: ComposedTestServer;
beforeAll(async () => {
  server = await composedTestServer();
  await cardSale(server, { plan: "Mensal", buyer: testBuyer, card: "approvedVisa", key: "api-report-ana" });
  await cardSale(server, {
    plan: "Anual",
    buyer: buyerJoao,
    card: "insufficientFunds",
    key: "api-report-joao",
  });
});
afterAll(async () => {
  await server?.cleanup();
});

const path = (report: string, query = "") =>
  `/units/${server.unit.id}/reports/${report}${query ? `?${query}` : ""}`;

interface ReportAnswer {
  period: { from: string; to: string };
  data: Record<string, unknown>[];
  nextCursor: string | null;
}

describe("GET /units/{unit}/reports/recurring-credit", () => {
  it("answers the period's rows a page at a time, the cursor going on exactly after the last", async () => {
    const { request } = await apiClient(server);
    const whole = (await (await request("GET", path("recurring-credit"))).json()) as ReportAnswer;
    expect(whole.data).toHaveLength(3);
    for (const row of whole.data) recurringCreditRowView.parse(row);
    expect(whole.period.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(whole.nextCursor).toBeNull();

    const first = (await (await request("GET", path("recurring-credit", "limit=2"))).json()) as ReportAnswer;
    expect(first.data).toEqual(whole.data.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await (
      await request("GET", path("recurring-credit", `limit=2&cursor=${first.nextCursor}`))
    ).json()) as ReportAnswer;
    expect(second.data).toEqual(whole.data.slice(2));
    expect(second.nextCursor).toBeNull();
  });

  it("filters as the back office does: status, mode, customer, a range", async () => {
    const { request } = await apiClient(server);
    const rows = async (query: string) =>
      ((await (await request("GET", path("recurring-credit", query))).json()) as ReportAnswer).data;
    expect((await rows("status=denied")).map((row) => [row["customerName"], row["status"]])).toEqual([
      ["João Conceição", "denied"],
    ]);
    expect(await rows("mode=manual")).toEqual([]);
    expect(await rows("customer=souza")).toHaveLength(2);
    expect(await rows("period=range&from=2020-01-01&to=2020-12-31")).toEqual([]);
  });

  it("refuses a reversed range, a bad cursor and a bad status as a 400 naming the field", async () => {
    const { request } = await apiClient(server);
    const problem = async (query: string) => {
      const response = await request("GET", path("recurring-credit", query));
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      const body = (await response.json()) as { errors?: { path: string[] }[] };
      return (body.errors ?? []).map((issue) => issue.path.join("."));
    };
    expect(await problem("period=range&from=2026-03-10&to=2026-03-01")).toContain("to");
    expect(await problem("period=range&from=2026-02-30&to=2026-03-01")).toContain("from");
    expect(await problem("status=paid")).toContain("status");
    expect(await problem("cursor=bm90LWEtY3Vyc29y")).toContain("cursor");
  });

  it("keeps a unit-scoped key to its unit: the organization is a 400 on scope, another unit a 404", async () => {
    const { request } = await apiClient(server, { unit: server.unit });
    const wide = await request("GET", path("recurring-credit", "scope=organization"));
    expect(wide.status).toBe(400);
    expect(JSON.stringify(await wide.json())).toContain("scope");
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Leste",
      slug: "aurora-leste",
    });
    const outside = await request("GET", `/units/${other.id}/reports/online-sign-ups`);
    expect(outside.status).toBe(404);
    const owner = await apiClient(server);
    const all = await owner.request("GET", path("online-sign-ups", "scope=organization"));
    expect(all.status).toBe(200);
  });
});

describe("GET /units/{unit}/reports/online-sign-ups", () => {
  it("answers the contracts made online with their terms", async () => {
    const { request } = await apiClient(server);
    const answer = (await (await request("GET", path("online-sign-ups"))).json()) as ReportAnswer;
    expect(answer.data.map((row) => onlineSignUpRowView.parse(row))).toMatchObject([
      {
        customerName: "Ana Souza",
        planName: "Mensal",
        price: { amount: 18990 },
        enrollmentFee: { amount: 5000 },
      },
      { customerName: "João Conceição", planName: "Anual", status: "pending_payment", enrollmentFee: null },
    ]);
  });
});
