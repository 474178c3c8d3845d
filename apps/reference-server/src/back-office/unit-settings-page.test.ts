import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const path = "/admin/u/aurora-centro/settings";
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);

/** The form as the page shows it, every input by name — what a browser would post back unchanged. */
function formOf(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input([^>]*)>/g)) {
    const tag = match[1]!;
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (!name) continue;
    if (!/type="checkbox"/.test(tag)) fields[name] = value;
    else if (/ checked/.test(tag)) fields[name] = "on";
  }
  for (const [, name, options] of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected =
      /<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!);
    fields[name!] = selected?.[1] ?? "";
  }
  const emails = /name="notificationEmails"[^>]*>([^<]*)<\/textarea>/.exec(html);
  fields["notificationEmails"] = emails?.[1] ?? "";
  return fields;
}

async function staffMember(role: "manager" | "staff", unitId = server.unit.id) {
  const login = { email: `${role}@aurora.example`, password: "uma-senha-bem-longa" };
  await server.tessera.staff.create({
    organizationId: server.unit.organizationId,
    name: role,
    ...login,
    role,
    scope: { kind: "unit", unitId },
  });
  return signInAs(server.app, login.email, login.password);
}

describe("the unit settings page", () => {
  it("shows the unit's settings and saves every one of them, with an audit record", async () => {
    const { get, post } = await owner();
    const page = await get(path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('value="Estúdio Aurora — Centro"');
    expect(html).toContain('<option value="America/Sao_Paulo" selected>');
    expect(html).toContain('<option value="BRL" selected>BRL — Real brasileiro</option>');
    expect(html).toContain('<option value="USD">USD — Dólar americano</option>');
    expect(html).toContain("recepcao@aurora.example");
    const form = formOf(html);
    expect(form["method.0.method"]).toBe("card");
    expect(form["methodRows"]).toBe("4");
    expect(form["fieldRows"]).toBe("3");
    expect(form["dunningRetryDays"]).toBe("1, 3, 7");

    const saved = await post(path, {
      ...form,
      name: "Aurora Centro",
      timeZone: "America/Manaus",
      locale: "en",
      notificationEmails: "a@aurora.example\nb@aurora.example",
      clientFeePercent: "3,5",
      dunningRetryDays: "2 5 10",
      "method.1.mode": "manual",
      "method.2.remove": "on",
      "method.3.method": "boleto",
      "method.3.gateway": "sandbox",
      "method.3.mode": "integrated",
      "field.1.remove": "on",
      "field.2.key": "apelido",
      "field.2.label": "Como prefere ser chamado",
      "field.2.type": "select",
      "field.2.options": "Nome, Apelido",
      "field.2.required": "on",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${path}?saved=1`);

    const unit = await server.tessera.organizations.getUnitOrThrow(server.unit.id);
    expect(unit.name).toBe("Aurora Centro");
    expect(unit.timeZone).toBe("America/Manaus");
    expect(unit.locale).toBe("en");
    expect(unit.notificationEmails).toEqual(["a@aurora.example", "b@aurora.example"]);
    expect(unit.clientFeeBasisPoints).toBe(350);
    expect(unit.dunningRetryDays).toEqual([2, 5, 10]);
    expect(unit.paymentMethods).toEqual([
      { method: "card", gatewayId: "sandbox", mode: "integrated" },
      { method: "pix", gatewayId: "sandbox", mode: "manual" },
      { method: "boleto", gatewayId: "sandbox", mode: "integrated" },
    ]);
    expect(unit.checkoutFields).toEqual([
      { key: "senha", label: "Senha da área do cliente", type: "password", required: false },
      {
        key: "apelido",
        label: "Como prefere ser chamado",
        type: "select",
        required: true,
        options: ["Nome", "Apelido"],
      },
    ]);
    const shown = await (await get(`${path}?saved=1`)).text();
    expect(shown).toContain('value="3,50"');
    expect(shown).toContain("Configurações salvas.");

    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(audit.items[0]).toMatchObject({
      action: "unit.settings_changed",
      subject: { kind: "unit", id: server.unit.id },
    });
  });

  it("puts the errors beside their fields and keeps what was typed", async () => {
    const { get, post } = await owner();
    const form = formOf(await (await get(path)).text());
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    const shape = await post(path, {
      ...form,
      name: "",
      clientFeePercent: "três",
      dunningRetryDays: "1, dois",
    });
    expect(shape.status).toBe(422);
    const shapeHtml = await shape.text();
    expect(shapeHtml).toContain('id="unit-name-error">Preencha este campo.');
    expect(shapeHtml).toContain('id="unit-fee-error">Informe uma porcentagem entre 0 e 100, como 3,5.');
    expect(shapeHtml).toContain('value="três"');
    expect(shapeHtml).toContain('id="unit-retry-days-error">Informe dias inteiros crescentes de 1 a 90');
    const order = await post(path, { ...form, dunningRetryDays: "7, 3" });
    expect(order.status).toBe(422);
    expect(await order.text()).toContain('id="unit-retry-days-error">Informe dias inteiros crescentes');
    expect((await server.tessera.organizations.getUnitOrThrow(server.unit.id)).dunningRetryDays).toEqual([
      1, 3, 7,
    ]);

    const core = await post(path, {
      ...form,
      slug: other.slug,
      notificationEmails: "not-an-address",
      clientFeePercent: "150",
      "field.2.key": "Bad Key",
      "field.2.label": "Algo",
    });
    expect(core.status).toBe(422);
    const coreHtml = await core.text();
    expect(coreHtml).toContain('id="unit-emails-error">Confira os e-mails');
    expect(coreHtml).toContain('id="unit-fee-error">');
    expect(coreHtml).toContain('id="field-2-key-error">');
    // A code no select offers (a forged form) is core's error, beside the select.
    const currency = await post(path, { ...form, currency: "XXZ" });
    expect(currency.status).toBe(422);
    const currencyHtml = await currency.text();
    expect(currencyHtml).toContain('id="unit-currency-error">');
    expect(currencyHtml).toContain('<option value="XXZ" selected>XXZ</option>');
    const gateway = await post(path, {
      ...form,
      "method.3.method": "payment_link",
      "method.3.gateway": "sandbox",
    });
    expect(gateway.status).toBe(422);
    expect(await gateway.text()).toContain(
      'id="method-3-gateway-error">Este provedor não oferece esta forma de pagamento.',
    );

    const clash = await post(path, { ...form, slug: other.slug });
    expect(clash.status).toBe(422);
    expect(await clash.text()).toContain(
      'id="unit-slug-error">Este endereço já é de outra unidade. Escolha outro.',
    );
    expect((await server.tessera.organizations.getUnitOrThrow(server.unit.id)).slug).toBe("aurora-centro");
  });

  it("lets a manager of the unit in, and shows a staff-role member a 403 page", async () => {
    const manager = await staffMember("manager");
    expect((await manager.get(path)).status).toBe(200);
    const staff = await staffMember("staff");
    const page = await staff.get(path);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Seu perfil não permite abrir esta página.");
    const token = await staff.csrfFrom();
    const post = await staff.post(path, { _csrf: token, name: "Tomado", slug: "aurora-centro" });
    expect(post.status).toBe(403);
    expect((await server.tessera.organizations.getUnitOrThrow(server.unit.id)).name).not.toBe("Tomado");
  });

  it("answers 404 for another organization's unit, and 401 without a session", async () => {
    const organization = await server.tessera.organizations.createOrganization({ name: "Outra" });
    await server.tessera.organizations.createUnit({
      organizationId: organization.id,
      name: "Outra",
      slug: "outra-unidade",
    });
    const { get, post, csrfFrom } = await owner();
    expect((await get("/admin/u/outra-unidade/settings")).status).toBe(404);
    expect((await post("/admin/u/outra-unidade/settings", { _csrf: await csrfFrom() })).status).toBe(404);
    expect((await server.app.request(path, { method: "POST" })).status).toBe(401);
  });

  it("refuses a change without the session's CSRF token", async () => {
    const { get, post } = await owner();
    const form = formOf(await (await get(path)).text());
    const forged = await post(path, { ...form, name: "Forjado", _csrf: "x" });
    expect(forged.status).toBe(403);
    expect((await server.tessera.organizations.getUnitOrThrow(server.unit.id)).name).toBe(
      "Estúdio Aurora — Centro",
    );
  });

  it("keeps a manual-mode method off the checkout page", async () => {
    await server.tessera.organizations.updateUnit(server.unit.id, {
      paymentMethods: [
        { method: "card", gatewayId: "sandbox", mode: "integrated" },
        { method: "pix", gatewayId: "sandbox", mode: "manual" },
      ],
    });
    const plan = (await server.tessera.plans.list(server.unit.id)).find((p) => p.onlineSale.enabled)!;
    const checkout = await server.app.request(`/u/aurora-centro/${plan.onlineSale.slug}`);
    expect(checkout.status).toBe(200);
    const html = await checkout.text();
    expect(html).not.toContain('value="pix"');
    expect(html).toContain('value="card"');
  });
});

describe("renewal terms and reminders in the unit settings", () => {
  it("shows the unit's renewal terms and reminder days, and saves them — an empty day turning that reminder off", async () => {
    const { get, post } = await owner();
    const html = await (await get(path)).text();
    expect(html).toContain('<option value="plan" selected>As do plano no dia da renovação');
    expect(html).toMatch(/<label for="unit-renewal-terms">Condições da renovação<\/label>/);
    const form = formOf(html);
    expect(form["renewalTerms"]).toBe("plan");
    expect(form["reminderDays.before"]).toBe("3");
    expect(form["reminderDays.after"]).toBe("3");

    const saved = await post(path, {
      ...form,
      renewalTerms: "contract",
      "reminderDays.before": "5",
      "reminderDays.after": "",
    });
    expect(saved.status).toBe(303);
    const unit = await server.tessera.organizations.getUnitOrThrow(server.unit.id);
    expect(unit.renewalTerms).toBe("contract");
    expect(unit.reminderDays).toEqual({ before: 5, after: null });
    const shown = formOf(await (await get(path)).text());
    expect(shown["renewalTerms"]).toBe("contract");
    expect(shown["reminderDays.before"]).toBe("5");
    expect(shown["reminderDays.after"]).toBe("");
  });

  it.each([
    ["pt-BR", "Informe um número inteiro de dias de 1 a 30", "Escolha uma das opções da lista."],
    ["en", "Enter a whole number of days from 1 to 30", "Choose one of the listed options."],
    ["ru", "Укажите целое число дней от 1 до 30", "Выберите один из вариантов списка."],
  ])(
    "puts the reminder and renewal errors beside their fields (%s), and changes nothing",
    async (lang, days, option) => {
      const { get, post } = await owner();
      const at = `${path}?lang=${lang}`;
      const form = formOf(await (await get(at)).text());
      // Core's bounds (1–30), the form's own shape (whole days), and core's enum of terms.
      const refused = await post(at, {
        ...form,
        renewalTerms: "forever",
        "reminderDays.before": "0",
        "reminderDays.after": "31",
      });
      expect(refused.status).toBe(422);
      const html = await refused.text();
      expect(html).toContain(`id="unit-reminder-before-error">${days}`);
      expect(html).toContain(`id="unit-reminder-after-error">${days}`);
      expect(html).toContain(`id="unit-renewal-terms-error">${option}`);
      expect(html).toMatch(/id="unit-reminder-before" name="reminderDays.before" type="text" value="0"/);
      const shape = await post(at, { ...form, "reminderDays.before": "2,5" });
      expect(shape.status).toBe(422);
      expect(await shape.text()).toContain(`id="unit-reminder-before-error">${days}`);
      const unit = await server.tessera.organizations.getUnitOrThrow(server.unit.id);
      expect(unit.renewalTerms).toBe("plan");
      expect(unit.reminderDays).toEqual({ before: 3, after: 3 });
    },
  );

  it("leaves the terms and reminders as they are when a post does not name them", async () => {
    await server.tessera.organizations.updateUnit(server.unit.id, {
      renewalTerms: "contract",
      reminderDays: { before: 7, after: null },
    });
    const { get, post } = await owner();
    const form = formOf(await (await get(path)).text());
    const {
      renewalTerms: _terms,
      "reminderDays.before": _before,
      "reminderDays.after": _after,
      ...older
    } = form;
    expect((await post(path, { ...older, name: "Aurora Centro" })).status).toBe(303);
    const unit = await server.tessera.organizations.getUnitOrThrow(server.unit.id);
    expect(unit.name).toBe("Aurora Centro");
    expect(unit.renewalTerms).toBe("contract");
    expect(unit.reminderDays).toEqual({ before: 7, after: null });
  });
});
