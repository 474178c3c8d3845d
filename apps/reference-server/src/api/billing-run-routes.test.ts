import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { billedMonth, billingTestStart } from "../back-office/billing-run-test-day";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { billingRunList } from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(billingTestStart);
  server = await composedTestServer({}, { clock });
});
afterEach(async () => {
  await server.cleanup();
});

const path = () => `/units/${server.unit.id}/billing-runs`;

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

describe("GET /units/{unit}/billing-runs", () => {
  it("answers the unit's records, newest first, as many as `limit` asks", async () => {
    const first = await billedMonth(server, clock, "worker-centro-1");
    // The next day is João's first retry: his PIX is still open, so the run only looks at it.
    clock.advance(24 * 3600_000);
    await server.tessera.billing.run({ unitId: server.unit.id, owner: "worker-centro-2" });
    const { request } = await apiClient(server, { unit: server.unit });

    const res = await request("GET", path());
    expect(res.status).toBe(200);
    const { data } = billingRunList.parse(await res.json());
    expect(data.map((run) => run.owner)).toEqual(["worker-centro-2", "worker-centro-1"]);
    expect(data[0]!.report).toMatchObject({ claimed: 1, outcomes: { in_progress: 1, paid: 0 } });
    const oldest = data.at(-1)!;
    expect(oldest).toMatchObject({
      unitId: server.unit.id,
      owner: "worker-centro-1",
      startedAt: "2026-02-15T12:00:00.000Z",
      report: { claimed: 2, outcomes: { paid: 1, link_issued: 1, error: 0 }, errors: [] },
    });
    expect(oldest.report).toEqual(first.report);

    const one = billingRunList.parse(await (await request("GET", `${path()}?limit=1`)).json());
    expect(one.data).toEqual(data.slice(0, 1));
  });

  it("answers an empty list for a unit no run has billed", async () => {
    const { request } = await apiClient(server);
    const res = await request("GET", path());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [] });
  });

  it("refuses a limit outside 1–100 as a 400 naming `limit`, as every query", async () => {
    const { request } = await apiClient(server);
    for (const limit of ["0", "101", "ten", "2.5"]) {
      const res = await request("GET", `${path()}?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      const body = await problem(res);
      expect(body.code, limit).toBe("bad_request");
      expect(body.errors?.[0]?.path, limit).toEqual(["limit"]);
    }
  });

  it("answers 401 without a key", async () => {
    const { request } = await apiClient(server);
    const res = await request("GET", path(), { secret: null });
    expect(res.status).toBe(401);
    expect((await problem(res)).code).toBe("unauthenticated");
  });

  it("answers 404 for another unit to a unit's key, and for a unit of another organization", async () => {
    await billedMonth(server, clock, "worker-centro-1");
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const northKey = await apiClient(server, { unit: other });
    const refused = await northKey.request("GET", path());
    expect(refused.status).toBe(404);
    expect((await problem(refused)).code).toBe("not_found");
    expect(JSON.stringify(await (await northKey.request("GET", path())).json())).not.toContain("worker");

    const elsewhere = await server.tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const stranger = await server.tessera.organizations.createUnit({
      organizationId: elsewhere.id,
      name: "Outro",
      slug: "outro-estudio",
    });
    const { request } = await apiClient(server);
    expect((await request("GET", `/units/${stranger.id}/billing-runs`)).status).toBe(404);
    expect((await request("GET", "/units/not-a-unit/billing-runs")).status).toBe(404);
  });
});
