import { describe, expect, it } from "vitest";
import { formatDigitableLine } from "../payment-step/digitable-line";
import { pdfPageContent } from "../payment-step/test-pdf-content";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { boletoAddress, checkoutSteps, newBuyer } from "./checkout-steps";

const harness = useBrowserHarness();

describe("buying by boleto", () => {
  it("says, beside the address, that a boleto needs it when it is missing, keeping what was typed", async () => {
    const { page } = harness;
    const buyer = newBuyer();
    const steps = checkoutSteps(page);
    await page.goto("/u/aurora-centro/day-pass");
    await steps.fillBuyer(buyer);
    await steps.chooseMethod("boleto");
    await steps.submit("Comprar");

    expect(await page.getByRole("alert").textContent()).toContain("Corrija o campo indicado abaixo.");
    const address = page.getByRole("group", { name: "Endereço", exact: true });
    await address.getByText("Esta forma de pagamento exige o seu endereço completo.").waitFor();
    expect(await address.textContent()).toContain("Obrigatório para a forma de pagamento escolhida.");
    expect(await page.getByLabel("Nome completo (obrigatório)", { exact: true }).inputValue()).toBe(
      buyer.name,
    );
    expect(await page.getByRole("radio", { name: "Boleto", exact: true }).isChecked()).toBe(true);
    await expectAccessible(page);

    await steps.fillAddress(boletoAddress);
    await steps.submit("Comprar");
    await steps.heading("Pague o boleto");
  });

  it("shows the boleto's digitable line and barcode, and a PDF link that opens the same boleto", async () => {
    const { page } = harness;
    const steps = checkoutSteps(page);
    await page.goto("/u/aurora-centro/day-pass");
    await steps.fillBuyer(newBuyer());
    await steps.chooseMethod("boleto");
    await steps.fillAddress(boletoAddress);
    await steps.submit("Comprar");

    await steps.heading("Pague o boleto");
    const line = await page.getByLabel("Linha digitável", { exact: true }).inputValue();
    expect(line).toMatch(/^\d{47}$/);
    await page.getByRole("img", { name: "Código de barras do boleto" }).waitFor();
    expect(await page.getByRole("status").textContent()).toContain("Aguardando o pagamento do boleto");
    await expectAccessible(page);

    const href = await page.getByRole("link", { name: "Baixar o boleto (PDF)" }).getAttribute("href");
    const pdf = await page.request.get(new URL(href ?? "", page.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const { texts } = await pdfPageContent(new Uint8Array(await pdf.body()));
    expect(texts).toContain(formatDigitableLine(line));
  });
});
