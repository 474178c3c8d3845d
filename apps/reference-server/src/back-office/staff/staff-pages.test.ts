import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, signInAs } from "../../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const password = "uma-senha-bem-longa";
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);

/** The owner's signed-in browser with the CSRF token of the staff page. */
async function ownerWithToken() {
  const browser = await owner();
  return { ...browser, csrf: await browser.csrfFrom("/admin/staff") };
}

async function member(role: "owner" | "manager" | "staff", email: string) {
  return server.tessera.staff.create({
    organizationId: server.unit.organizationId,
    name: `Pessoa ${role}`,
    email,
    password,
    role,
    scope: role === "owner" ? { kind: "organization" } : { kind: "unit", unitId: server.unit.id },
  });
}

const auditActions = async () =>
  (await server.tessera.audit.list(server.unit.organizationId)).items.map((entry) => entry.action);

describe("the staff page", () => {
  it("lists the members with role, access, status and last sign-in, and adds one who can then sign in", async () => {
    const { get, post, csrf } = await ownerWithToken();
    const page = await (await get("/admin/staff")).text();
    expect(page).toContain(server.demoOwner.email);
    expect(page).toContain("Proprietário");
    expect(page).toContain("Toda a organização");
    // The owner just signed in: the audit log's line is their last sign-in, not "Nunca".
    expect(page).toMatch(/<time datetime="[^"]+Z">/);

    const created = await server.app.request("/admin/staff", {
      method: "POST",
      headers: {
        cookie: (await owner()).jar.header(),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ _csrf: "" }),
    });
    expect(created.status).toBe(403);

    const added = await post("/admin/staff", {
      _csrf: csrf,
      name: "Recepção Centro",
      email: "Recepcao@Aurora.example ",
      role: "staff",
      scope: server.unit.id,
      password,
    });
    expect(added.status).toBe(303);
    const location = added.headers.get("location")!;
    expect(location).toMatch(/^\/admin\/staff\?created=stf_/);
    const listed = await (await get(location)).text();
    expect(listed).toContain("Recepção Centro foi adicionado(a).");
    expect(listed).toContain("recepcao@aurora.example");
    expect(listed).toContain("Unidade Estúdio Aurora — Centro");
    expect(listed).toContain("Nunca");

    const members = await server.tessera.staff.list(server.unit.organizationId);
    const made = members.find((m) => m.email === "recepcao@aurora.example")!;
    expect(made).toMatchObject({
      role: "staff",
      scope: { kind: "unit", unitId: server.unit.id },
      status: "active",
    });
    const [line] = (await server.tessera.audit.list(server.unit.organizationId, { action: "staff.created" }))
      .items;
    expect(line).toMatchObject({
      subject: { kind: "staff_member", id: made.id },
      details: { role: "staff" },
    });
    expect(JSON.stringify(line)).not.toContain(password);

    const signedIn = await signInAs(server.app, "recepcao@aurora.example", password);
    expect(signedIn.response.status).toBe(303);
  });

  it("puts translated errors beside the fields, keeps what was typed, and adds nobody", async () => {
    const { post, csrf } = await ownerWithToken();
    const before = (await server.tessera.staff.list(server.unit.organizationId)).length;

    const blank = await post("/admin/staff", {
      _csrf: csrf,
      name: "",
      email: "",
      role: "staff",
      scope: "organization",
      password: "",
    });
    expect(blank.status).toBe(422);
    const blankHtml = await blank.text();
    expect(blankHtml).toContain("Corrija os 3 campos indicados abaixo.");
    expect(blankHtml.match(/Preencha este campo\./g)).toHaveLength(3);

    const bad = await post("/admin/staff", {
      _csrf: csrf,
      name: "Ana",
      email: "ana-at-aurora",
      role: "staff",
      scope: "organization",
      password: "curta",
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Informe um e-mail válido");
    expect(badHtml).toContain('value="Ana"');

    const short = await post("/admin/staff", {
      _csrf: csrf,
      name: "Ana",
      email: "ana@aurora.example",
      role: "staff",
      scope: "organization",
      password: "curta",
    });
    expect(await short.text()).toContain("A senha precisa ter pelo menos 10 caracteres.");

    const unitOwner = await post("/admin/staff", {
      _csrf: csrf,
      name: "Ana",
      email: "ana@aurora.example",
      role: "owner",
      scope: server.unit.id,
      password,
    });
    expect(unitOwner.status).toBe(422);
    expect(await unitOwner.text()).toContain("Um proprietário tem acesso a toda a organização");

    const otherUnit = await post("/admin/staff", {
      _csrf: csrf,
      name: "Ana",
      email: "ana@aurora.example",
      role: "staff",
      scope: "unit_01JQ0000000000000000000000",
      password,
    });
    expect(await otherUnit.text()).toContain("Escolha uma unidade desta organização.");

    const taken = await post("/admin/staff", {
      _csrf: csrf,
      name: "Ana",
      email: server.demoOwner.email,
      role: "staff",
      scope: "organization",
      password,
    });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Este e-mail já é de outra pessoa da equipe.");

    const wrongRole = await post("/admin/staff", {
      _csrf: csrf,
      name: "Ana",
      email: "ana@aurora.example",
      role: "root",
      scope: "organization",
      password,
    });
    expect(wrongRole.status).toBe(422);
    expect(await wrongRole.text()).toContain("Escolha uma das opções da lista.");

    expect(await server.tessera.staff.list(server.unit.organizationId)).toHaveLength(before);
  });

  it("changes role and access, audited; the last active owner can be neither demoted nor disabled", async () => {
    const { get, post, csrf } = await ownerWithToken();
    const manager = await member("manager", "gerente@aurora.example");
    const path = `/admin/staff/${manager.id}`;
    expect(await (await get(path)).text()).toContain(`<option value="${server.unit.id}" selected>`);

    const saved = await post(path, {
      _csrf: csrf,
      name: "Gerente Geral",
      role: "manager",
      scope: "organization",
    });
    expect(saved.status).toBe(303);
    expect(await (await get(saved.headers.get("location")!)).text()).toContain("Alterações salvas.");
    expect(await server.tessera.staff.get(manager.id)).toMatchObject({
      name: "Gerente Geral",
      scope: { kind: "organization" },
    });
    expect((await auditActions())[0]).toBe("staff.updated");

    const ownerId = (await server.tessera.staff.list(server.unit.organizationId)).find(
      (m) => m.email === server.demoOwner.email,
    )!.id;
    const demote = await post(`/admin/staff/${ownerId}`, {
      _csrf: csrf,
      name: "Dona",
      role: "manager",
      scope: "organization",
    });
    expect(demote.status).toBe(422);
    expect(await demote.text()).toContain("Esta é a última pessoa proprietária ativa");
    const disable = await post(`/admin/staff/${ownerId}/status`, { _csrf: csrf, status: "disabled" });
    expect(disable.status).toBe(422);
    expect(await disable.text()).toContain("Esta é a última pessoa proprietária ativa");
    expect(await server.tessera.staff.get(ownerId)).toMatchObject({ role: "owner", status: "active" });

    // With a second owner, the first may step down.
    const promoted = await post(path, {
      _csrf: csrf,
      name: "Gerente Geral",
      role: "owner",
      scope: "organization",
    });
    expect(promoted.status).toBe(303);
    expect(
      (
        await post(`/admin/staff/${ownerId}`, {
          _csrf: csrf,
          name: "Dona",
          role: "manager",
          scope: "organization",
        })
      ).status,
    ).toBe(303);
    expect(await server.tessera.staff.get(ownerId)).toMatchObject({ role: "manager" });
  });

  it("disables a member: their open session stops working and they cannot sign in until enabled again", async () => {
    const { post, csrf } = await ownerWithToken();
    const staff = await member("staff", "recepcao@aurora.example");
    const theirs = await signInAs(server.app, staff.email, password);
    expect((await theirs.get("/admin")).status).toBe(200);

    const disabled = await post(`/admin/staff/${staff.id}/status`, { _csrf: csrf, status: "disabled" });
    expect(disabled.status).toBe(303);
    const open = await theirs.get("/admin");
    expect(open.status).toBe(303);
    expect(open.headers.get("location")).toMatch(/^\/admin\/login/);
    expect((await signInAs(server.app, staff.email, password)).response.status).toBe(401);

    expect((await post(`/admin/staff/${staff.id}/status`, { _csrf: csrf, status: "active" })).status).toBe(
      303,
    );
    expect((await signInAs(server.app, staff.email, password)).response.status).toBe(303);
    expect((await auditActions()).slice(0, 3)).toEqual([
      "staff.signed_in",
      "staff.enabled",
      "staff.disabled",
    ]);
  });

  it("sets a new password: the old one and the member's sessions stop working", async () => {
    const { get, post, csrf } = await ownerWithToken();
    const staff = await member("staff", "recepcao@aurora.example");
    const theirs = await signInAs(server.app, staff.email, password);
    const path = `/admin/staff/${staff.id}/password`;

    const short = await post(path, { _csrf: csrf, password: "curta" });
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("A senha precisa ter pelo menos 10 caracteres.");

    const reset = await post(path, { _csrf: csrf, password: "outra-senha-bem-longa" });
    expect(reset.status).toBe(303);
    expect(await (await get(reset.headers.get("location")!)).text()).toContain("Senha trocada");
    expect((await theirs.get("/admin")).status).toBe(303);
    expect((await signInAs(server.app, staff.email, password)).response.status).toBe(401);
    expect((await signInAs(server.app, staff.email, "outra-senha-bem-longa")).response.status).toBe(303);
    const [line] = (
      await server.tessera.audit.list(server.unit.organizationId, { action: "staff.password_reset" })
    ).items;
    expect(line?.subject).toEqual({ kind: "staff_member", id: staff.id });
    expect(JSON.stringify(line)).not.toContain("outra-senha");
  });

  it("speaks English and Russian too, the last-owner refusal included", async () => {
    const { get, post, csrf } = await ownerWithToken();
    const ownerId = (await server.tessera.staff.list(server.unit.organizationId))[0]!.id;
    const cases = [
      ["en", "Add a member", "This is the last active owner", "Audit log", "Create a key"],
      ["ru", "Добавить сотрудника", "Это последний активный владелец", "Журнал действий", "Создать ключ"],
    ] as const;
    for (const [lang, heading, lastOwner, auditTitle, keyHeading] of cases) {
      expect(await (await get(`/admin/staff?lang=${lang}`)).text()).toContain(heading);
      // The language choice is kept in a cookie: the form's answer is in it too.
      const refused = await post(`/admin/staff/${ownerId}`, {
        _csrf: csrf,
        name: "Dona",
        role: "staff",
        scope: "organization",
      });
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain(lastOwner);
      expect(await (await get("/admin/audit")).text()).toContain(`<h1>${auditTitle}</h1>`);
      expect(await (await get("/admin/api-keys")).text()).toContain(keyHeading);
    }
  });

  it("is for owners only: a manager gets the 403 page and no owner links; another organization's member is 404", async () => {
    const manager = await member("manager", "gerente@aurora.example");
    const theirs = await signInAs(server.app, manager.email, password);
    const csrf = await theirs.csrfFrom();
    const page = await theirs.get("/admin/staff");
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Acesso não permitido");
    const create = await theirs.post("/admin/staff", {
      _csrf: csrf,
      name: "Intrusa",
      email: "intrusa@aurora.example",
      role: "owner",
      scope: "organization",
      password,
    });
    expect(create.status).toBe(403);
    expect((await server.tessera.staff.list(server.unit.organizationId)).map((m) => m.email)).not.toContain(
      "intrusa@aurora.example",
    );
    const dashboard = await (await theirs.get("/admin")).text();
    expect(dashboard).not.toContain('href="/admin/staff"');
    expect(dashboard).not.toContain('href="/admin/audit"');

    const ownersDashboard = await (await (await owner()).get("/admin")).text();
    for (const href of ["/admin/staff", "/admin/api-keys", "/admin/audit", "/admin/mailbox"])
      expect(ownersDashboard).toContain(`href="${href}"`);

    const other = await server.tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const stranger = await server.tessera.staff.create({
      organizationId: other.id,
      name: "Estranho",
      email: "estranho@outro.example",
      password,
      role: "owner",
      scope: { kind: "organization" },
    });
    const { get, post, csrf: ownersCsrf } = await ownerWithToken();
    expect((await get(`/admin/staff/${stranger.id}`)).status).toBe(404);
    expect((await get("/admin/staff/nao-e-um-id")).status).toBe(404);
    expect(
      (await post(`/admin/staff/${stranger.id}/status`, { _csrf: ownersCsrf, status: "disabled" })).status,
    ).toBe(404);
    expect(await server.tessera.staff.get(stranger.id)).toMatchObject({ status: "active" });
    expect(hiddenField(await (await get("/admin/staff")).text(), "_csrf")).toBe(ownersCsrf);
  });
});
