import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../demo/demo-seed";
import { sqliteTestApp } from "../http/test-app";

/** The visible text of an HTML page, with tags dropped and spaces (incl. NBSP) collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();

describe("the home page", () => {
  let under: Awaited<ReturnType<typeof sqliteTestApp>>;
  beforeAll(async () => {
    under = await sqliteTestApp();
    await seedDemo(under.tessera);
  });
  afterAll(async () => {
    await under.cleanup();
  });

  it("lists the demo unit's plans in pt-BR with Brazilian money formatting", async () => {
    const res = await under.app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("pt-BR");
    const html = await res.text();
    expect(html).toMatch(/<html lang="pt-BR">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const text = textOf(html);
    expect(text).toContain("Planos de Estúdio Aurora — Centro");
    expect(text).toContain("R$ 189,90 por mês");
    expect(text).toContain("Taxa de matrícula: R$ 50,00");
    expect(text).toContain("Renovação automática");
    expect(text).toContain("R$ 159,90 por mês");
    expect(text).toContain("12 parcelas");
    expect(text).toContain("10 aulas por período");
    // A pass is bought once, not per period.
    expect(text).toContain("R$ 45,00 à vista");
    expect(text).not.toContain("R$ 45,00 por dia");
    expect(text).toContain("Ativado na recepção com um código");
    expect(text).toContain("Formas de pagamento: Cartão de crédito · PIX · Boleto");
  });

  it("speaks English with ?lang=en, formats BRL the English way, and remembers the choice in a cookie", async () => {
    const res = await under.app.request("/?lang=en");
    const html = await res.text();
    expect(html).toMatch(/<html lang="en">/);
    const text = textOf(html);
    expect(text).toContain("Plans at Estúdio Aurora — Centro");
    expect(text).toContain("R$189.90 per month");
    expect(text).toContain("Enrollment fee: R$50.00");
    expect(text).toContain("12 installments");
    expect(res.headers.get("set-cookie")).toMatch(/^tessera_lang=en;.*Path=\/.*HttpOnly/i);

    const next = await under.app.request("/", { headers: { cookie: "tessera_lang=en" } });
    expect(await next.text()).toMatch(/<html lang="en">/);
  });

  it("follows the browser's Accept-Language when nothing was chosen", async () => {
    const res = await under.app.request("/", { headers: { "accept-language": "ru-RU,ru;q=0.9,en;q=0.5" } });
    const text = textOf(await res.text());
    expect(text).toContain("12 платежей");
    expect(text).toContain("189,90 R$ в месяц");
  });

  it("offers a language switch whose links set ?lang= and marks the current language", async () => {
    const html = await (await under.app.request("/")).text();
    expect(html).toContain('<a href="/?lang=en" hreflang="en" lang="en">English</a>');
    expect(html).toContain(
      '<a href="/?lang=pt-BR" hreflang="pt-BR" lang="pt-BR" aria-current="true">Português</a>',
    );
  });

  it("escapes what staff typed", async () => {
    const plan = await under.tessera.plans.create({
      unitId: (await under.tessera.organizations.findUnitBySlug("aurora-centro"))!.id,
      name: "<script>alert(1)</script>",
      price: { amount: 1000, currency: "BRL" },
      onlineSale: { enabled: true, slug: "xss" },
    });
    const html = await (await under.app.request("/")).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
    await under.tessera.plans.archive(plan.id);
  });

  it("shows the units named in homeUnits, and says so when there is nothing to show", async () => {
    const empty = await sqliteTestApp({ homeUnits: ["no-such-unit"] });
    try {
      const text = textOf(await (await empty.app.request("/?lang=en")).text());
      expect(text).toContain("No location is on display yet.");
    } finally {
      await empty.cleanup();
    }
  });

  it("serves the stylesheet the layout links", async () => {
    const res = await under.app.request("/assets/site.css");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/css");
    expect(await res.text()).toContain("@media (min-width:");
  });
});
