import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { checkoutSteps } from "./checkout-steps";

const harness = useBrowserHarness();

/** What a screen reader says after an input's name: the text of the elements its `aria-describedby` names. */
async function accessibleDescription(input: Locator): Promise<string> {
  const ids = ((await input.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter((id) => id !== "");
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts
    .map((text) => text?.trim() ?? "")
    .filter((text) => text !== "")
    .join(" ");
}

describe("the pages before the checkout", () => {
  it("leads from the home page to the unit's plans", async () => {
    const { page } = harness;
    const steps = checkoutSteps(page);
    await page.goto("/");
    await steps.heading("Planos");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Planos de Estúdio Aurora — Centro" }).click();
    await steps.heading("Planos de Estúdio Aurora — Centro");
    expect(new URL(page.url()).pathname).toBe("/u/aurora-centro");
  });

  it("leads from the unit's all-plans page to each plan's own page", async () => {
    const { page, server } = harness;
    const steps = checkoutSteps(page);
    await page.goto("/u/aurora-centro");
    await steps.heading("Planos de Estúdio Aurora — Centro");
    await expectAccessible(page);
    expect(await page.getByRole("article").count()).toBe(server.plans.length);

    for (const plan of server.plans) {
      await page
        .getByRole("link", { name: `${plan.onlineSale.buttonText}: ${plan.name}`, exact: true })
        .click();
      await steps.heading(plan.name);
      expect(new URL(page.url()).pathname).toBe(`/u/aurora-centro/${plan.onlineSale.slug}`);
      await page.getByRole("button", { name: plan.onlineSale.buttonText, exact: true }).waitFor();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Todos os planos de Estúdio Aurora — Centro" }).click();
      await steps.heading("Planos de Estúdio Aurora — Centro");
    }
  });

  it("puts each error of a form sent empty beside its field", async () => {
    const { page } = harness;
    const steps = checkoutSteps(page);
    await page.goto("/u/aurora-centro/mensal");
    await steps.submit("Assinar");

    expect(await page.getByRole("alert").textContent()).toMatch(/^Corrija os \d+ campos indicados abaixo\.$/);
    for (const label of [
      "Nome completo (obrigatório)",
      "E-mail (obrigatório)",
      "CPF ou CNPJ (obrigatório)",
    ]) {
      const input = page.getByLabel(label, { exact: true });
      expect(await input.getAttribute("aria-invalid"), label).toBe("true");
      expect(await accessibleDescription(input), label).toContain("Preencha este campo.");
    }
    const methods = page.getByRole("group", { name: /^Forma de pagamento/ });
    expect(await methods.textContent()).toContain("Escolha uma forma de pagamento.");
    await expectAccessible(page);
  });

  it("says a plan switched off is not on sale, and leads to the unit's other plans", async () => {
    const { page, server } = harness;
    await server.tessera.plans.create({
      unitId: server.unit.id,
      name: "Aula experimental",
      description: "Uma aula para conhecer o estúdio.",
      kind: "pass",
      price: { amount: 2000, currency: "BRL" },
      interval: { unit: "day", count: 1 },
      installmentCount: 1,
      onlineSale: { enabled: false, slug: "aula-experimental", buttonText: "Comprar" },
    });
    const steps = checkoutSteps(page);
    const response = await page.goto("/u/aurora-centro/aula-experimental");
    expect(response?.status()).toBe(404);

    await steps.heading("Plano fora de venda");
    await page.getByText("O plano Aula experimental não está à venda online no momento.").waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ver os planos de Estúdio Aurora — Centro" }).click();
    await steps.heading("Planos de Estúdio Aurora — Centro");
  });
});
