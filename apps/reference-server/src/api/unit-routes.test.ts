import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { unitView } from "./api-response-schemas";
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

describe("PATCH /units/{unit}", () => {
  it("changes the settings named, keeps the rest, and audits the key's change", async () => {
    const { request, key } = await apiClient(server, { role: "manager", unit: server.unit });
    const res = await request("PATCH", `/units/${server.unit.id}`, {
      body: { name: "Aurora Centro 24h", notificationEmails: ["recepcao@aurora.example"] },
    });
    expect(res.status).toBe(200);
    const unit = unitView.parse(await res.json());
    expect(unit).toMatchObject({
      name: "Aurora Centro 24h",
      notificationEmails: ["recepcao@aurora.example"],
      slug: server.unit.slug,
      timeZone: server.unit.timeZone,
    });
    expect((await server.tessera.organizations.getUnit(server.unit.id))?.name).toBe("Aurora Centro 24h");
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(audit.items[0]).toMatchObject({
      action: "unit.settings_changed",
      actor: { kind: "api_key", id: key.id },
    });
  });

  it("refuses a staff key with 403 and changes nothing", async () => {
    const { request } = await apiClient(server, { role: "staff", unit: server.unit });
    const res = await request("PATCH", `/units/${server.unit.id}`, { body: { name: "Taken over" } });
    expect(res.status).toBe(403);
    expect((await problem(res)).code).toBe("forbidden");
    expect((await server.tessera.organizations.getUnit(server.unit.id))?.name).toBe(server.unit.name);
  });

  it("names the field of a bad timezone and of a slug another unit holds", async () => {
    await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
      paymentMethods: [{ method: "pix", gatewayId: "sandbox" }],
    });
    const { request } = await apiClient(server);
    const zone = await request("PATCH", `/units/${server.unit.id}`, { body: { timeZone: "Mars/Olympus" } });
    expect(zone.status).toBe(422);
    expect((await problem(zone)).errors?.[0]?.path).toEqual(["timeZone"]);
    const slug = await request("PATCH", `/units/${server.unit.id}`, { body: { slug: "aurora-norte" } });
    expect(slug.status).toBe(422);
    expect((await problem(slug)).errors?.[0]).toMatchObject({ path: ["slug"], code: "taken" });
    expect((await server.tessera.organizations.getUnit(server.unit.id))?.slug).toBe(server.unit.slug);
  });

  it("shows and changes the renewal terms and reminder days, naming a reminder day out of bounds", async () => {
    const { request } = await apiClient(server, { role: "manager", unit: server.unit });
    const shown = unitView.parse(await (await request("GET", `/units/${server.unit.id}`)).json());
    expect(shown).toMatchObject({ renewalTerms: "plan", reminderDays: { before: 3, after: 3 } });
    const changed = await request("PATCH", `/units/${server.unit.id}`, {
      body: { renewalTerms: "contract", reminderDays: { before: null, after: 5 } },
    });
    expect(changed.status).toBe(200);
    expect(unitView.parse(await changed.json())).toMatchObject({
      renewalTerms: "contract",
      reminderDays: { before: null, after: 5 },
    });
    const bad = await request("PATCH", `/units/${server.unit.id}`, {
      body: { reminderDays: { before: 0, after: 3 } },
    });
    expect(bad.status).toBe(422);
    expect((await problem(bad)).errors?.[0]?.path).toEqual(["reminderDays", "before"]);
    expect((await server.tessera.organizations.getUnit(server.unit.id))?.reminderDays).toEqual({
      before: null,
      after: 5,
    });
  });
});
