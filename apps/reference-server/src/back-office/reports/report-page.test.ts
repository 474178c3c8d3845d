import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../http/staff-session";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../../http/test-app";
import { buyerJoao, cardSale } from "./report-test-sales";

let server: ComposedTestServer;
let ana: Awaited<ReturnType<typeof cardSale>>;
let joao: Awaited<ReturnType<typeof cardSale>>;
const password = "uma-senha-bem-longa";
const base = "/admin/u/aurora-centro/reports";

beforeAll(async () => {
  server = await composedTestServer();
  ana = await cardSale(server, { plan: "Mensal", buyer: testBuyer, card: "approvedVisa", key: "page-ana" });
  joao = await cardSale(server, {
    plan: "Anual",
    buyer: buyerJoao,
    card: "insufficientFunds",
    key: "page-joao",
  });
  // A second unit with a sale of its own, and members scoped to one unit.
  const south = await server.tessera.organizations.createUnit({
    organizationId: server.unit.organizationId,
    name: "Aurora Sul",
    slug: "aurora-sul",
    paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
  });
  const southPlan = await server.tessera.plans.create({
    unitId: south.id,
    name: "Mensal Sul",
    price: { amount: 9900, currency: "BRL" },
    onlineSale: { enabled: true, slug: "mensal-sul" },
  });
  await cardSale(
    { ...server, unit: south, plans: [southPlan] },
    {
      plan: "Mensal Sul",
      buyer: {
        name: "Sul Cliente",
        email: "sul.cliente@example.com",
        document: { kind: "cpf", value: "987.654.321-00" },
        phone: "+55 51 96666-1234",
      },
      card: "approvedVisa",
      key: "page-south",
    },
  );
  for (const [email, role, unitId] of [
    ["gerente@aurora.example", "manager", server.unit.id],
    ["recepcao@aurora.example", "staff", server.unit.id],
    ["sul@aurora.example", "manager", south.id],
  ] as const) {
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: email,
      email,
      password,
      role,
      scope: { kind: "unit", unitId },
    });
  }
});

afterAll(async () => {
  await server?.cleanup();
});

const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const member = (email: string) => signInAs(server.app, email, password);
/** The customers named in the page's table, in order. */
const customersIn = (html: string) =>
  [
    ...html
      .slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"))
      .matchAll(/<tr>\s*<td[^>]*>[^<]*<\/td>\s*<td>([^<]*)<\/td>/g),
  ].map((match) => match[1]);

describe("the recurring-credit page", () => {
  it("lists the period's rows with the export links, and is reached from the unit's nav", async () => {
    const { get } = await owner();
    const contracts = await (await get("/admin/u/aurora-centro/contracts")).text();
    expect(contracts).toContain(`href="${base}"`);
    const index = await (await get(base)).text();
    expect(index).toContain(`href="${base}/recurring-credit"`);
    expect(index).toContain(`href="${base}/online-sign-ups"`);
    const response = await get(`${base}/recurring-credit`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(customersIn(html)).toEqual(["Ana Souza", "Ana Souza", "João Conceição"]);
    expect(html).toContain("R$&nbsp;189,90".replace("&nbsp;", "\u00a0"));
    expect(html).toContain(
      `href="${base}/recurring-credit/export?period=this_month&amp;scope=unit&amp;format=csv"`,
    );
    expect(html).toContain("format=xlsx");
    expect(html).toContain("format=pdf");
  });

  it("filters by status, operation mode and customer", async () => {
    const { get } = await owner();
    const names = async (query: string) =>
      customersIn(await (await get(`${base}/recurring-credit?${query}`)).text());
    expect(await names("status=denied")).toEqual(["João Conceição"]);
    expect(await names("status=confirmed")).toEqual(["Ana Souza", "Ana Souza"]);
    expect(await names("status=canceled")).toEqual([]);
    expect(await names("mode=integrated")).toHaveLength(3);
    expect(await names("mode=manual")).toEqual([]);
    expect(await names("customer=conceicao")).toEqual(["João Conceição"]);
    expect(await names(`customer=${ana.customer.id}`)).toEqual(["Ana Souza", "Ana Souza"]);
    expect(await names("period=last_month")).toEqual([]);
    expect(await names(`period=range&from=2020-01-01&to=2030-12-31&customer=${joao.customer.id}`)).toEqual([
      "João Conceição",
    ]);
    const empty = await (await get(`${base}/recurring-credit?mode=manual`)).text();
    expect(empty).toContain("Nenhum registro neste período com estes filtros.");
  });

  it("shows a bad date, a missing day and a reversed range beside their field, translated, and reads nothing", async () => {
    const { get } = await owner();
    const page = async (query: string) => {
      const response = await get(`${base}/recurring-credit?${query}`);
      return { status: response.status, html: await response.text() };
    };
    const badDate = await page("period=range&from=2026-02-30&to=2026-03-10");
    expect(badDate.status).toBe(422);
    expect(badDate.html).toMatch(/id="report-from-error">Informe uma data válida\.</);
    expect(badDate.html).not.toContain("<tbody>");
    expect(badDate.html).not.toContain("format=csv");
    const missing = await page("period=range&from=2026-03-01");
    expect(missing.status).toBe(422);
    expect(missing.html).toMatch(/id="report-to-error">Informe a data para usar um intervalo\.</);
    const reversed = await page("period=range&from=2026-03-10&to=2026-03-01");
    expect(reversed.html).toMatch(/id="report-to-error">A data final não pode ser anterior à inicial\.</);
    const bogus = await page("status=pago");
    expect(bogus.status).toBe(422);
    expect(bogus.html).toMatch(/id="report-status-error">Escolha uma das opções da lista\.</);
    const russian = await page("period=range&from=31.12.2026&to=2026-03-01&lang=ru");
    expect(russian.html).toMatch(/id="report-from-error">Введите правильную дату\.</);
    const english = await page("period=range&from=2026-03-10&to=2026-03-01&lang=en");
    expect(english.html).toMatch(/id="report-to-error">The end date cannot be before the start date\.</);
    // The typed values come back in the form.
    expect(reversed.html).toContain('value="2026-03-10"');
  });

  it("sends an export of a filter the form refuses back to the page, which says why", async () => {
    const { get } = await owner();
    const response = await get(
      `${base}/recurring-credit/export?format=csv&period=range&from=2026-03-10&to=2026-03-01`,
    );
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toBe(`${base}/recurring-credit?period=range&from=2026-03-10&to=2026-03-01`);
    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(audit.items.some((entry) => entry.action === "report.exported")).toBe(false);
  });
});

describe("a report's scope", () => {
  it("lets an organization-scoped owner see every unit, and keeps a unit-scoped manager to theirs", async () => {
    const { get } = await owner();
    const all = await (await get(`${base}/recurring-credit?scope=organization`)).text();
    expect(customersIn(all)).toEqual(["Ana Souza", "Ana Souza", "João Conceição", "Sul Cliente"]);
    expect(all).toContain('name="scope"');
    const csv = await (await get(`${base}/recurring-credit/export?format=csv&scope=organization`)).text();
    expect(csv).toContain("Sul Cliente");

    const manager = await member("gerente@aurora.example");
    const own = await manager.get(`${base}/recurring-credit`);
    expect(own.status).toBe(200);
    const ownHtml = await own.text();
    expect(customersIn(ownHtml)).toEqual(["Ana Souza", "Ana Souza", "João Conceição"]);
    expect(ownHtml).not.toContain('name="scope"');
    const wide = await manager.get(`${base}/recurring-credit?scope=organization`);
    expect(wide.status).toBe(422);
    expect(await wide.text()).toContain("Seu acesso cobre uma unidade, não toda a organização.");
    const wideExport = await manager.get(`${base}/online-sign-ups/export?format=pdf&scope=organization`);
    expect(wideExport.status).toBe(303);
  });

  it("opens to a staff-role member of the unit, and answers 404 to another unit's member", async () => {
    const reception = await member("recepcao@aurora.example");
    expect((await reception.get(`${base}/online-sign-ups`)).status).toBe(200);
    const outsider = await member("sul@aurora.example");
    for (const path of ["", "/recurring-credit", "/online-sign-ups", "/recurring-credit/export?format=csv"]) {
      expect((await outsider.get(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await outsider.get("/admin/u/aurora-sul/reports/recurring-credit")).status).toBe(200);
  });
});

describe("the online sign-ups page", () => {
  it("lists the contracts made online, with no status or mode filter", async () => {
    const { get } = await owner();
    const html = await (await get(`${base}/online-sign-ups`)).text();
    expect(customersIn(html)).toEqual(["Ana Souza", "João Conceição"]);
    expect(html).toContain("Aguardando pagamento");
    expect(html).not.toContain('name="status"');
    expect(html).not.toContain('name="mode"');
  });
});
