import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const owner = async () => {
  const browser = await signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
  return { ...browser, csrf: await browser.csrfFrom("/admin/api-keys") };
};

const units = (secret: string) =>
  server.app.request("/api/v1/units", { headers: { authorization: `Bearer ${secret}` } });

/** The secret as the created page shows it, in the copy field. */
const secretOf = (html: string) => /id="api-key-secret" readonly value="(tsk_[^"]+)"/.exec(html)?.[1] ?? "";

describe("the API keys page", () => {
  it("makes a key whose secret is shown once, works on /api/v1, and is refused (401) once revoked", async () => {
    const { get, post, csrf } = await owner();
    expect(await (await get("/admin/api-keys")).text()).toContain("Nenhuma chave ainda.");

    const created = await post("/admin/api-keys", {
      _csrf: csrf,
      name: "Site",
      role: "staff",
      scope: server.unit.id,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toContain("no-store");
    const html = await created.text();
    const secret = secretOf(html);
    expect(secret).toMatch(/^tsk_key_[0-9A-Za-z]+_[\w-]{43}$/);
    expect(html).toContain('data-copy="api-key-secret"');
    expect(html).toContain("Ela não aparece de novo");

    const [key] = await server.tessera.apiKeys.list(server.unit.organizationId);
    expect(key).toMatchObject({
      name: "Site",
      role: "staff",
      scope: { kind: "unit", unitId: server.unit.id },
    });
    // Storage keeps the digest only.
    const stored = await server.storage.apiKeys.findById(key!.id);
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret.split("_").at(-1));

    expect((await units(secret)).status).toBe(200);
    const list = await (await get("/admin/api-keys")).text();
    expect(list).not.toContain(secret);
    expect(list).toContain(`tsk_${key!.id}_…`);
    expect(list).toContain("Unidade Estúdio Aurora — Centro");
    expect(list).not.toContain("Nunca usada");

    const unconfirmed = await post(`/admin/api-keys/${key!.id}/revoke`, { _csrf: csrf });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain("Marque a confirmação para revogar a chave.");
    expect((await units(secret)).status).toBe(200);

    const revoked = await post(`/admin/api-keys/${key!.id}/revoke`, { _csrf: csrf, confirm: "on" });
    expect(revoked.status).toBe(303);
    expect(await (await get(revoked.headers.get("location")!)).text()).toContain("A chave Site foi revogada");
    const refused = await units(secret);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");

    const actions = (await server.tessera.audit.list(server.unit.organizationId)).items
      .filter((entry) => entry.subject?.kind === "api_key")
      .map((entry) => entry.action);
    expect(actions).toEqual(["api_key.revoked", "api_key.created"]);
  });

  it("shows translated errors beside the fields and makes no key", async () => {
    const { post, csrf } = await owner();
    const blank = await post("/admin/api-keys", {
      _csrf: csrf,
      name: "",
      role: "staff",
      scope: "organization",
    });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain("Preencha este campo.");
    const unitOwner = await post("/admin/api-keys", {
      _csrf: csrf,
      name: "ERP",
      role: "owner",
      scope: server.unit.id,
    });
    expect(unitOwner.status).toBe(422);
    const text = await unitOwner.text();
    expect(text).toContain("Um proprietário tem acesso a toda a organização");
    expect(text).toContain('value="ERP"');
    const foreignUnit = await post("/admin/api-keys", {
      _csrf: csrf,
      name: "ERP",
      role: "staff",
      scope: "unit_01JQ0000000000000000000000",
    });
    expect(await foreignUnit.text()).toContain("Escolha uma unidade desta organização.");
    expect(await server.tessera.apiKeys.list(server.unit.organizationId)).toEqual([]);
  });

  it("is for owners only, and refuses a change without the CSRF token", async () => {
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: "Gerente",
      email: "gerente@aurora.example",
      password: "uma-senha-bem-longa",
      role: "manager",
      scope: { kind: "organization" },
    });
    const manager = await signInAs(server.app, "gerente@aurora.example", "uma-senha-bem-longa");
    const csrf = await manager.csrfFrom();
    expect((await manager.get("/admin/api-keys")).status).toBe(403);
    expect(
      (
        await manager.post("/admin/api-keys", {
          _csrf: csrf,
          name: "Minha",
          role: "owner",
          scope: "organization",
        })
      ).status,
    ).toBe(403);
    const { post } = await owner();
    expect(
      (await post("/admin/api-keys", { _csrf: "forjado", name: "X", role: "staff", scope: "organization" }))
        .status,
    ).toBe(403);
    expect(await server.tessera.apiKeys.list(server.unit.organizationId)).toEqual([]);
  });
});
