import { calendarDateInZone } from "@tessera/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../http/staff-session";
import { type ComposedTestServer, composedTestServer, testBuyer } from "../../http/test-app";
import { parseCsv, pdfText, readXlsx } from "./export-readers";
import { buyerJoao, cardSale } from "./report-test-sales";

let server: ComposedTestServer;
let today: string;
let ana: Awaited<ReturnType<typeof cardSale>>;
let joao: Awaited<ReturnType<typeof cardSale>>;
const base = "/admin/u/aurora-centro/reports";
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

beforeAll(async () => {
  server = await composedTestServer();
  today = calendarDateInZone(server.tessera.clock.now(), server.unit.timeZone);
  ana = await cardSale(server, { plan: "Mensal", buyer: testBuyer, card: "approvedVisa", key: "report-ana" });
  joao = await cardSale(server, {
    plan: "Anual",
    buyer: buyerJoao,
    card: "insufficientFunds",
    key: "report-joao",
  });
  expect([ana.status, joao.status]).toEqual(["succeeded", "declined"]);
});

afterAll(async () => {
  await server?.cleanup();
});

describe("the recurring-credit exports", () => {
  it("exports CSV with a BOM, RFC 4180 fields, translated headers, decimal amounts, and names the file by report, unit and period", async () => {
    const { get } = await owner();
    const response = await get(`${base}/recurring-credit/export?format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const monthStart = `${today.slice(0, 8)}01`;
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(
        `^attachment; filename="recurring-credit_aurora-centro_${monthStart}_${today.slice(0, 8)}\\d\\d\\.csv"$`,
      ),
    );
    // `Response.text()` would drop the BOM: decode the bytes as they came.
    const bytes = await bytesOf(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toContain("\r\n");
    const { bom, rows } = parseCsv(text);
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([
      "Vencimento",
      "Cliente",
      "Plano",
      "Parcela",
      "Valor",
      "Moeda",
      "Status",
      "Forma de pagamento",
      "Modo de operação",
      "Unidade",
      "Motivo da recusa",
    ]);
    const lines = rows.slice(1).map((row) => [row[1], row[2], row[4], row[5], row[6], row[7], row[8]]);
    expect(lines).toHaveLength(3);
    expect(lines).toEqual(
      expect.arrayContaining([
        ["Ana Souza", "Mensal", "50.00", "BRL", "Confirmado", "Cartão de crédito", "Integrada"],
        ["Ana Souza", "Mensal", "189.90", "BRL", "Confirmado", "Cartão de crédito", "Integrada"],
        ["João Conceição", "Anual", "159.90", "BRL", "Negado", "Cartão de crédito", "Integrada"],
      ]),
    );
    expect(rows.slice(1).every((row) => row[0] === today)).toBe(true);
    expect(rows.find((row) => row[1] === "João Conceição")![10]).not.toBe("");
  });

  it("parses back from XLSX with amounts as numbers in the currency's decimals and days as dates", async () => {
    const { get } = await owner();
    const response = await get(`${base}/recurring-credit/export?format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /filename="recurring-credit_aurora-centro_.*\.xlsx"/,
    );
    const sheet = await readXlsx(await bytesOf(response));
    expect(sheet.name).toBe("Crédito recorrente");
    expect(sheet.rows[0]).toContain("Forma de pagamento");
    const data = sheet.rows.slice(1);
    expect(data).toHaveLength(3);
    expect(data.map((row) => row[4]).sort()).toEqual([159.9, 189.9, 50]);
    expect(sheet.formats[1]![4]).toBe("#,##0.00");
    expect(data[0]![0]).toEqual(new Date(`${today}T00:00:00.000Z`));
    expect(data.map((row) => row[6])).toEqual(expect.arrayContaining(["Confirmado", "Negado"]));
  });

  it("prints a PDF with the money as the locale writes it, the statuses, and the totals; in Russian too", async () => {
    const { get } = await owner();
    const response = await get(`${base}/recurring-credit/export?format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfText(await bytesOf(response))).join(" ");
    expect(text).toContain("Crédito recorrente");
    expect(text).toContain("Unidade: Estúdio Aurora — Centro");
    expect(text).toContain("R$ 189,90");
    expect(text).toContain("R$ 159,90");
    expect(text).toContain("João Conceição");
    expect(text).toContain("Negado");
    expect(text).toContain("Total: 3 registros · R$ 399,80");
    expect(text).toContain("Confirmado: 2 registros · R$ 239,90");

    const russian = await get(`${base}/recurring-credit/export?format=pdf&lang=ru`);
    const ru = (await pdfText(await bytesOf(russian))).join(" ");
    expect(ru).toContain("Рекуррентные списания");
    expect(ru).toContain("Отклонён");
    expect(ru).toContain("159,90 R$");
  });

  it("records each export in the audit log, with the filter it was made with", async () => {
    const { get } = await owner();
    const response = await get(`${base}/recurring-credit/export?format=csv&status=denied`);
    expect(response.status).toBe(200);
    await response.text();
    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(audit.items[0]).toMatchObject({
      action: "report.exported",
      actor: { kind: "staff" },
      subject: { kind: "unit", id: server.unit.id },
      details: { report: "recurring-credit", format: "csv", status: "denied", scope: "unit" },
    });
  });

  it("answers 404 to a format it does not write", async () => {
    const { get } = await owner();
    expect((await get(`${base}/recurring-credit/export?format=docx`)).status).toBe(404);
    expect((await get(`${base}/recurring-credit/export`)).status).toBe(404);
  });
});

describe("the online sign-ups exports", () => {
  it("lists the contracts made online with their terms in CSV, XLSX and PDF", async () => {
    const { get } = await owner();
    const csv = parseCsv(await (await get(`${base}/online-sign-ups/export?format=csv`)).text());
    expect(csv.rows[0]).toEqual([
      "Início",
      "Cliente",
      "E-mail",
      "Plano",
      "Preço por período",
      "Taxa de matrícula",
      "Moeda",
      "Status",
      "Unidade",
    ]);
    expect(csv.rows.slice(1).map((row) => [row[1], row[3], row[4], row[5], row[7]])).toEqual([
      ["Ana Souza", "Mensal", "189.90", "50.00", "Ativo"],
      ["João Conceição", "Anual", "159.90", "", "Aguardando pagamento"],
    ]);
    const sheet = await readXlsx(await bytesOf(await get(`${base}/online-sign-ups/export?format=xlsx`)));
    expect(sheet.rows.slice(1).map((row) => [row[2], row[4]])).toEqual([
      ["ana@example.com", 189.9],
      ["joao@example.com", 159.9],
    ]);
    const pdf = (
      await pdfText(await bytesOf(await get(`${base}/online-sign-ups/export?format=pdf&lang=en`)))
    ).join(" ");
    expect(pdf).toContain("Online sign-ups");
    expect(pdf).toContain("R$189.90");
    expect(pdf).toContain("Awaiting payment");
  });
});

describe("an export of text that looks like a formula", () => {
  let own: ComposedTestServer;
  beforeAll(async () => {
    own = await composedTestServer();
  });
  afterAll(async () => {
    await own.cleanup();
  });

  it("keeps a plan named like a formula as text in the CSV, and as a plain string in the XLSX", async () => {
    const plan = await own.tessera.plans.create({
      unitId: own.unit.id,
      name: '=HYPERLINK("http://evil.example","x")',
      price: { amount: 1000, currency: "BRL" },
      onlineSale: { enabled: true, slug: "formula" },
    });
    const sale = await cardSale(
      { ...own, plans: [plan] },
      { plan: plan.name, buyer: testBuyer, card: "approvedVisa", key: "report-formula" },
    );
    expect(sale.status).toBe("succeeded");
    const { get } = await signInAs(own.app, own.demoOwner.email, own.demoOwner.password);
    const csv = parseCsv(await (await get(`${base}/recurring-credit/export?format=csv`)).text());
    expect(csv.rows[1]![2]).toBe(`'${plan.name}`);
    const sheet = await readXlsx(await bytesOf(await get(`${base}/recurring-credit/export?format=xlsx`)));
    expect(sheet.rows[1]![2]).toBe(plan.name);
  });
});
