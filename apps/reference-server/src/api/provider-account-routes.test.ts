import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { problemSchema } from "./api-problem";
import { providerAccountPage, providerAccountView, providerKindList } from "./api-response-schemas";
import { apiClient } from "./api-test-client";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const secret = "whsec-api-0123456789abcdwxyz";
const newAccount = {
  kind: "sandbox",
  id: "sandbox-api",
  label: "Sandbox by API",
  options: { webhookSecret: secret, autoPaySeconds: 30 },
};

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return problemSchema.parse(await res.json());
}

describe("/api/v1 provider accounts", () => {
  it("lists the kinds with their settings' JSON Schema and secret fields", async () => {
    const { request } = await apiClient(server, { role: "staff", unit: server.unit });
    const res = await request("GET", "/provider-kinds");
    expect(res.status).toBe(200);
    const kinds = providerKindList.parse(await res.json()).data;
    expect(kinds.map((kind) => kind.kind)).toEqual(["sandbox", "pix", "inter", "cielo", "pagolivre"]);
    const cielo = kinds.find((kind) => kind.kind === "cielo");
    expect(cielo?.secretFields).toEqual(["merchantKey", "sopClientSecret", "notificationHeaderValue"]);
    const pix = kinds.find((kind) => kind.kind === "pix");
    expect(pix?.secretFields).toEqual(["clientSecret", "privateKey"]);
    expect(pix?.webhook).toMatchObject({ pathSuffix: "/pix", mutualTls: true });
    expect(Object.keys((pix?.optionsSchema["properties"] ?? {}) as object)).toContain("pixKey");
  });

  it("creates, lists, changes and removes an account, never answering its secret, and audits each", async () => {
    const { request, key } = await apiClient(server, { role: "manager", unit: server.unit });
    const created = await request("POST", `/units/${server.unit.id}/provider-accounts`, { body: newAccount });
    expect(created.status).toBe(201);
    const text = await created.text();
    expect(text).not.toContain(secret);
    expect(providerAccountView.parse(JSON.parse(text))).toMatchObject({
      id: "sandbox-api",
      unitId: server.unit.id,
      maskedOptions: { webhookSecret: "••••wxyz", autoPaySeconds: 30 },
    });
    expect(server.tessera.gateways.find("sandbox-api")).not.toBeNull();

    const list = providerAccountPage.parse(
      await (await request("GET", `/units/${server.unit.id}/provider-accounts`)).json(),
    );
    expect(list.data.map((account) => account.id)).toEqual(["sandbox-api"]);

    const changed = await request("PATCH", "/provider-accounts/sandbox-api", {
      body: { label: "Sandbox renamed", options: { autoPaySeconds: 60 } },
    });
    expect(changed.status).toBe(200);
    expect(providerAccountView.parse(await changed.json())).toMatchObject({
      label: "Sandbox renamed",
      maskedOptions: { webhookSecret: "••••wxyz", autoPaySeconds: 60 },
    });

    const removed = await request("POST", "/provider-accounts/sandbox-api/remove", { body: {} });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ id: "sandbox-api", removed: true });
    expect(server.tessera.gateways.find("sandbox-api")).toBeNull();
    expect((await request("GET", "/provider-accounts/sandbox-api")).status).toBe(404);

    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const byKey = audit.items.filter((entry) => entry.actor.kind === "api_key" && entry.actor.id === key.id);
    expect(byKey.length).toBeGreaterThanOrEqual(3);
  });

  it("names each setting the kind refuses, and a label of the wrong type, with 422", async () => {
    const { request } = await apiClient(server);
    const bad = await request("POST", `/units/${server.unit.id}/provider-accounts`, {
      body: { ...newAccount, options: { webhookSecret: "short", autoPaySeconds: -1 } },
    });
    expect(bad.status).toBe(422);
    const paths = (await problem(bad)).errors?.map((error) => error.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["options.webhookSecret", "options.autoPaySeconds"]));

    await request("POST", `/units/${server.unit.id}/provider-accounts`, { body: newAccount });
    const label = await request("PATCH", "/provider-accounts/sandbox-api", { body: { label: 42 } });
    expect(label.status).toBe(422);
    expect((await problem(label)).errors?.[0]?.path).toEqual(["label"]);
  });

  it("hides the accounts from a staff key (404), and refuses to remove one a payment method names (409)", async () => {
    const owner = await apiClient(server);
    await owner.request("POST", `/units/${server.unit.id}/provider-accounts`, { body: newAccount });
    const staff = await apiClient(server, { role: "staff", unit: server.unit });
    expect((await staff.request("GET", "/provider-accounts/sandbox-api")).status).toBe(404);
    expect((await staff.request("GET", `/units/${server.unit.id}/provider-accounts`)).status).toBe(404);

    await server.tessera.organizations.updateUnit(server.unit.id, {
      paymentMethods: [{ method: "pix", gatewayId: "sandbox-api", mode: "integrated" }],
    });
    const inUse = await owner.request("POST", "/provider-accounts/sandbox-api/remove", { body: {} });
    expect(inUse.status).toBe(409);
    expect(server.tessera.gateways.find("sandbox-api")).not.toBeNull();
  });
});
