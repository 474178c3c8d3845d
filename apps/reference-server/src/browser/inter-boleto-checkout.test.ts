import { describe, expect, it } from "vitest";
import { connectInterAccount } from "../http/inter-account";
import { expectAccessible } from "./axe-audit";
import { boletoAddress, checkoutSteps, newBuyer } from "./checkout-steps";
import { useProviderAccountHarness } from "./provider-account-harness";

const harness = useProviderAccountHarness(connectInterAccount);

describe("buying by boleto through Banco Inter", () => {
  it("waits while Inter issues the boleto, shows its line, PIX and PDF once issued, and turns to paid on Inter's callback", async () => {
    const { page } = harness;
    const inter = harness.account.inter;
    const steps = checkoutSteps(page);
    await page.goto("/u/aurora-centro/day-pass");
    await steps.fillBuyer(newBuyer());
    await steps.chooseMethod("boleto");
    await steps.fillAddress(boletoAddress);
    await steps.submit("Comprar");

    // Inter answers a request id only: the page says the charge is being made, and waits.
    await steps.heading("Gerando a cobrança");
    await expectAccessible(page);
    const [charge] = inter.records().charges.filter((candidate) => !candidate.outside);
    expect(charge?.situacao).toBe("EM_PROCESSAMENTO");

    inter.issue(charge!.codigoSolicitacao);
    await inter.notificationsSettled();
    await steps.heading("Pague o boleto");
    const line = await page.getByLabel("Linha digitável", { exact: true }).inputValue();
    expect(line).toMatch(/^\d{47}$/);
    expect(line.startsWith("077"), "Banco Inter's code").toBe(true);
    // A bolepix: the same charge payable at once by PIX, with Inter's BR Code.
    const pix = await page.getByLabel("Ou pague na hora com PIX copia e cola", { exact: true }).inputValue();
    expect(pix).toMatch(/^000201.*br\.gov\.bcb\.pix/i);
    await expectAccessible(page);

    const href = await page.getByRole("link", { name: "Baixar o boleto (PDF)" }).getAttribute("href");
    const pdf = await page.request.get(new URL(href ?? "", page.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    // Inter's own PDF, passed through: the mock writes the line into it.
    const bytes = Buffer.from(await pdf.body()).toString("latin1");
    expect(bytes.startsWith("%PDF-")).toBe(true);
    expect(bytes).toContain(line);

    inter.pay(charge!.codigoSolicitacao, "PIX");
    await inter.notificationsSettled();
    expect(inter.deliveries().map((delivery) => delivery.status)).toEqual([200, 200]);
    await steps.heading("Pagamento confirmado");
  });
});
