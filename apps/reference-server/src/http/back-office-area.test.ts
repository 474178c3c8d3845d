import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemo } from "../demo/demo-seed";
import { hiddenField, signInAs } from "./staff-session";
import { type ComposedTestServer, composedTestServer } from "./test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const hidden = hiddenField;
const signIn = (email: string, password: string) => signInAs(server.app, email, password);

/** The demo seeded on a fresh database of its own, to learn its owner's one-time password. */
async function demoOwner() {
  const owner = { email: "gerente@aurora.example", password: "uma-senha-bem-longa" };
  await server.tessera.staff.create({
    organizationId: server.unit.organizationId,
    name: "Gerente",
    ...owner,
    role: "manager",
    scope: { kind: "unit", unitId: server.unit.id },
  });
  return owner;
}

describe("the back office", () => {
  it("seeds the demo's owner with a one-time password that signs in, and seeds no second owner", async () => {
    const { response } = await signIn(server.demoOwner.email, server.demoOwner.password);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin");
    expect((await seedDemo(server.tessera)).created).toBe(false);
    const staff = await server.tessera.staff.list(server.unit.organizationId);
    expect(staff.map((member) => [member.email, member.role])).toEqual([["dono@aurora.example", "owner"]]);
  });

  it("signs a member in, shows their units with the all-plans link, and signs out", async () => {
    const { response, get, post } = await signIn(...(Object.values(await demoOwner()) as [string, string]));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/admin");
    const dashboard = await get("/admin");
    expect(dashboard.status).toBe(200);
    const html = await dashboard.text();
    expect(html).toContain('value="http://localhost/u/aurora-centro"');
    const out = await post("/admin/logout", { _csrf: hidden(html, "_csrf") });
    expect(out.status).toBe(303);
    expect((await get("/admin")).status).toBe(303);
  });

  it("refuses a wrong password with the same words as an unknown e-mail", async () => {
    const owner = await demoOwner();
    const wrong = await signIn(owner.email, "not-the-password");
    const unknown = await signIn("ninguem@aurora.example", "not-the-password");
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(await wrong.response.text()).toContain("E-mail ou senha incorretos.");
    expect(await unknown.response.text()).toContain("E-mail ou senha incorretos.");
  });

  it("sends a visitor without a session to the log-in page, and refuses their posts", async () => {
    const page = await server.app.request("/admin/u/aurora-centro/plans");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Fu%2Faurora-centro%2Fplans");
    const post = await server.app.request("/admin/u/aurora-centro/plans", { method: "POST" });
    expect(post.status).toBe(401);
  });

  it("refuses a change without the session's CSRF token", async () => {
    const { get, post } = await signIn(...(Object.values(await demoOwner()) as [string, string]));
    expect((await get("/admin/u/aurora-centro/plans/new")).status).toBe(200);
    const forged = await post("/admin/u/aurora-centro/plans", {
      name: "Forjado",
      price: "10,00",
      _csrf: "x",
    });
    expect(forged.status).toBe(403);
    expect((await server.tessera.plans.list(server.unit.id)).some((plan) => plan.name === "Forjado")).toBe(
      false,
    );
  });

  it("creates a plan on sale from the form, and shows its public link", async () => {
    const { get, post } = await signIn(...(Object.values(await demoOwner()) as [string, string]));
    const form = await (await get("/admin/u/aurora-centro/plans/new")).text();
    const saved = await post("/admin/u/aurora-centro/plans", {
      _csrf: hidden(form, "_csrf"),
      name: "Trimestral",
      price: "450,00",
      intervalUnit: "month",
      intervalCount: "3",
      installmentMode: "fixed",
      installmentCount: "1",
      onlineEnabled: "on",
      slug: "trimestral",
      buttonText: "Assinar",
    });
    expect(saved.status).toBe(303);
    const plan = (await server.tessera.plans.list(server.unit.id)).find((p) => p.name === "Trimestral");
    expect(plan).toMatchObject({ price: { amount: 45_000 }, interval: { unit: "month", count: 3 } });
    expect(await (await get("/admin/u/aurora-centro/plans")).text()).toContain(
      'value="http://localhost/u/aurora-centro/trimestral"',
    );
  });

  it("puts a slug clash beside the slug, with a free one filled in", async () => {
    const { get, post } = await signIn(...(Object.values(await demoOwner()) as [string, string]));
    const form = await (await get("/admin/u/aurora-centro/plans/new")).text();
    const clash = await post("/admin/u/aurora-centro/plans", {
      _csrf: hidden(form, "_csrf"),
      name: "Outro mensal",
      price: "10,00",
      intervalCount: "1",
      installmentCount: "1",
      slug: "mensal",
      onlineEnabled: "on",
    });
    expect(clash.status).toBe(409);
    const html = await clash.text();
    expect(html).toMatch(/id="plan-slug-error">Este endereço já é de outro plano/);
    expect(html).toContain('value="mensal-2"');
  });

  it("answers another organization's unit as if it did not exist", async () => {
    const org = await server.tessera.organizations.createOrganization({ name: "Outro" });
    await server.tessera.organizations.createUnit({
      organizationId: org.id,
      name: "Outra",
      slug: "outra-unidade",
    });
    const { get } = await signIn(...(Object.values(await demoOwner()) as [string, string]));
    expect((await get("/admin/u/outra-unidade/plans")).status).toBe(404);
    expect((await get("/admin/u/aurora-centro/plans")).status).toBe(200);
  });
});
