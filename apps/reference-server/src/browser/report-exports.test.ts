import { readFile } from "node:fs/promises";
import { addDays, calendarDateInZone } from "@tessera/core";
import type { Download, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv, pdfText, readXlsx } from "../back-office/reports/export-readers";
import { buyerJoao, cardSale } from "../back-office/reports/report-test-sales";
import { testBuyer } from "../http/test-app";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

beforeAll(async () => {
  const { server } = harness;
  await cardSale(server, {
    plan: "Mensal",
    buyer: testBuyer,
    card: "approvedVisa",
    key: "browser-report-ana",
  });
  await cardSale(server, {
    plan: "Anual",
    buyer: buyerJoao,
    card: "insufficientFunds",
    key: "browser-report-joao",
  });
});

/** Clicks an export link and takes the file the browser saved. */
async function download(page: Page, name: string): Promise<{ file: Download; bytes: Uint8Array }> {
  const saved = page.waitForEvent("download");
  await page.getByRole("link", { name }).click();
  const file = await saved;
  const path = await file.path();
  return { file, bytes: new Uint8Array(await readFile(path)) };
}

/** Opens a report from the dashboard and filters it by a range around today, as staff do. */
async function openReport(page: Page, report: string) {
  const { server } = harness;
  const today = calendarDateInZone(server.tessera.clock.now(), server.unit.timeZone);
  const from = addDays(today, -3);
  const to = addDays(today, 3);
  await signInInBrowser(page, server.demoOwner);
  await page.getByRole("link", { name: "Relatórios", exact: true }).first().click();
  await page.getByRole("link", { name: report }).click();
  await page.getByRole("heading", { level: 1, name: report }).waitFor();
  await page.getByLabel("Período", { exact: true }).selectOption({ label: "Intervalo de datas" });
  await page.getByLabel("De", { exact: true }).fill(from);
  await page.getByLabel("Até", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Filtrar" }).click();
  await page.waitForURL((url) => url.searchParams.get("period") === "range");
  return { from, to };
}

describe("exporting the reports from the back office", () => {
  it("exports the recurring-credit report as CSV, XLSX and PDF, each holding the sales made", async () => {
    const { page } = harness;
    const { from, to } = await openReport(page, "Crédito recorrente");
    await page.getByRole("cell", { name: "João Conceição" }).waitFor();
    await expectAccessible(page);
    const expected = [
      ["Ana Souza", "Mensal", "Confirmado"],
      ["Ana Souza", "Mensal", "Confirmado"],
      ["João Conceição", "Anual", "Negado"],
    ];

    const csv = await download(page, "Baixar CSV");
    expect(csv.file.suggestedFilename()).toBe(`recurring-credit_aurora-centro_${from}_${to}.csv`);
    const { bom, rows } = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.bytes));
    expect(bom).toBe(true);
    expect(rows[0]![1]).toBe("Cliente");
    expect(
      rows
        .slice(1)
        .map((row) => [row[1], row[2], row[6]])
        .sort(),
    ).toEqual(expected);
    expect(
      rows
        .slice(1)
        .map((row) => row[4])
        .sort(),
    ).toEqual(["159.90", "189.90", "50.00"]);

    const xlsx = await download(page, "Baixar Excel (XLSX)");
    expect(xlsx.file.suggestedFilename()).toBe(`recurring-credit_aurora-centro_${from}_${to}.xlsx`);
    const sheet = await readXlsx(xlsx.bytes);
    expect(
      sheet.rows
        .slice(1)
        .map((row) => [row[1], row[2], row[6]])
        .sort(),
    ).toEqual(expected);
    expect(
      sheet.rows
        .slice(1)
        .map((row) => row[4])
        .sort(),
    ).toEqual([159.9, 189.9, 50]);

    const pdf = await download(page, "Baixar PDF");
    expect(pdf.file.suggestedFilename()).toBe(`recurring-credit_aurora-centro_${from}_${to}.pdf`);
    const text = (await pdfText(pdf.bytes)).join(" ");
    for (const shown of [
      "Crédito recorrente",
      "Ana Souza",
      "João Conceição",
      "R$ 189,90",
      "R$ 50,00",
      "Negado",
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).toContain("Total: 3 registros · R$ 399,80");
  });

  it("exports the online sign-ups report as CSV, XLSX and PDF", async () => {
    const { page } = harness;
    const { from, to } = await openReport(page, "Cadastros online");
    await page.getByRole("cell", { name: "joao@example.com" }).waitFor();
    const expected = [
      ["Ana Souza", "ana@example.com", "Mensal"],
      ["João Conceição", "joao@example.com", "Anual"],
    ];

    const csv = await download(page, "Baixar CSV");
    expect(csv.file.suggestedFilename()).toBe(`online-sign-ups_aurora-centro_${from}_${to}.csv`);
    const { rows } = parseCsv(new TextDecoder().decode(csv.bytes));
    expect(rows.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual(expected);

    const sheet = await readXlsx((await download(page, "Baixar Excel (XLSX)")).bytes);
    expect(sheet.rows.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual(expected);
    expect(sheet.rows.slice(1).map((row) => row[4])).toEqual([189.9, 159.9]);

    const text = (await pdfText((await download(page, "Baixar PDF")).bytes)).join(" ");
    for (const shown of [
      "Cadastros online",
      "ana@example.com",
      "joao@example.com",
      "R$ 159,90",
      "Aguardando pagamento",
    ]) {
      expect(text).toContain(shown);
    }
  });
});
