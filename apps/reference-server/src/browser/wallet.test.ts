import { formatMoney } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { demoPixSale } from "../http/test-app";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

const brl = (amount: number) => formatMoney({ amount, currency: "BRL" }, "pt-BR");

describe("the customer's wallet in the back office", () => {
  it("credits a customer's wallet from their page and shows the new balance", async () => {
    const { page, server } = harness;
    const payment = await demoPixSale(server, "browser-wallet-0001");
    await signInInBrowser(page, server.demoOwner);
    await page.goto(`/admin/u/aurora-centro/customers/${payment.customerId}`);
    await page.getByText(`Saldo na carteira: ${brl(0)}`).waitFor();
    await page.getByRole("link", { name: "Abrir a carteira" }).click();
    await page.getByRole("heading", { level: 1, name: "Carteira de Ana Souza" }).waitFor();
    await expectAccessible(page);

    const credit = page.getByRole("form", { name: "Lançar crédito" });
    await credit.getByLabel("Valor").fill("120,50");
    await credit.getByLabel("Forma de pagamento").selectOption({ label: "Dinheiro" });
    await credit.getByLabel("Observação").fill("pago no balcão");
    await credit.getByRole("button", { name: "Lançar crédito" }).click();
    await page.getByRole("status").filter({ hasText: "Crédito lançado." }).waitFor();
    expect((await page.locator("[data-wallet-balance]").textContent())?.trim()).toBe(brl(12_050));
    const line = page
      .getByRole("list", { name: "Extrato, do mais recente ao mais antigo" })
      .getByRole("listitem");
    expect(await line.count()).toBe(1);
    expect(await line.textContent()).toContain("pago no balcão");
    await expectAccessible(page);

    // A debit beyond the balance is refused beside its amount, and the balance stays.
    const debit = page.getByRole("form", { name: "Lançar débito" });
    await debit.getByLabel("Valor").fill("500");
    await debit.getByLabel("Motivo").fill("devolução em espécie");
    await debit.getByRole("button", { name: "Lançar débito" }).click();
    await page.getByText(`O saldo (${brl(12_050)}) não cobre este débito. Nada foi lançado.`).waitFor();
    expect((await page.locator("[data-wallet-balance]").textContent())?.trim()).toBe(brl(12_050));

    await page.getByRole("link", { name: "Ana Souza" }).first().click();
    await page.getByText(`Saldo na carteira: ${brl(12_050)}`).waitFor();
    expect((await server.tessera.wallet.balance(payment.customerId, "BRL")).amount).toBe(12_050);
  });
});
