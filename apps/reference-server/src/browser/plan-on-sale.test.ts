import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

describe("a plan from the back office to the buyer", () => {
  it("is created, switched on for sale, its link copied from the list and opened as the buyer's checkout", async () => {
    const { page, context } = harness;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: harness.server.origin });
    await signInInBrowser(page, harness.server.demoOwner);
    await page.goto("/admin/u/aurora-centro/plans");
    await page.getByRole("link", { name: "Novo plano" }).click();
    await page.getByLabel("Nome").fill("Pilates Avançado");
    await page.getByLabel("Preço por período (BRL)").fill("189,90");
    await page.getByLabel("Cada").fill("1");
    await page.getByLabel("Recorrente até o cancelamento").check();
    await page.getByRole("button", { name: "Salvar plano" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/u/aurora-centro/plans");

    const card = page.getByRole("article", { name: "Pilates Avançado" });
    await expect.poll(() => card.textContent()).toContain("Fora da venda online");
    expect(await card.getByRole("button", { name: "Copiar link" }).count()).toBe(0);

    await page.getByRole("link", { name: "Editar Pilates Avançado" }).click();
    await page.getByLabel("Ativo para venda online").check();
    await page.getByRole("button", { name: "Salvar plano" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/u/aurora-centro/plans");
    await expectAccessible(page);

    await card.getByRole("button", { name: "Copiar link" }).click();
    await card.getByRole("button", { name: "Copiado" }).waitFor();
    const copied = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    );
    const plan = (await harness.server.tessera.plans.list(harness.server.unit.id)).find(
      (candidate) => candidate.name === "Pilates Avançado",
    );
    expect(plan?.onlineSale.enabled).toBe(true);
    expect(copied).toBe(`${harness.server.origin}/u/aurora-centro/${plan?.onlineSale.slug}`);
    expect(await card.getByLabel("Link do plano").inputValue()).toBe(copied);

    // The buyer opens what the studio pasted: a fresh context, no staff cookie.
    const buyer = await harness.browser.newContext({ locale: "pt-BR" });
    try {
      const buyerPage = await buyer.newPage();
      const res = await buyerPage.goto(copied);
      expect(res?.status()).toBe(200);
      await buyerPage.getByRole("heading", { level: 1, name: "Pilates Avançado" }).waitFor();
      expect(await buyerPage.textContent("body")).toContain("189,90");
    } finally {
      await buyer.close();
    }
  });
});
