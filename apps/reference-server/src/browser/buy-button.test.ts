import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

/** A studio's own site on another loopback origin: a plain page with the pasted snippet and hostile CSS. */
let site: Server;
let siteOrigin: string;
let pasted = "";
beforeAll(async () => {
  site = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Studio site</title>
<style>body { color: #ff0000; font-size: 40px; font-weight: 100 } a { background: #00ff00 !important; padding: 0 !important }</style>
</head><body><h1>Our studio</h1><p>Join us:</p>${pasted}</body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteOrigin = `http://localhost:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => site.close(resolve));
});

/** The slice of the page's DOM the functions run in it use (the server's tsconfig has no DOM types). */
interface PageWindow {
  getComputedStyle(element: unknown): Record<string, string>;
  ShadowRoot: abstract new () => object;
  pwned?: number;
}

const hostile = `<img src=x onerror="window.pwned=1">`;

describe("the buy button", () => {
  it("is designed in the back office, pasted into another site, drawn as designed and opens the plan", async () => {
    const { page } = harness;
    const mensal = harness.server.plans.find((plan) => plan.name === "Mensal")!;
    await signInInBrowser(page, harness.server.demoOwner);
    await page.goto("/admin/u/aurora-centro/plans");
    await page.getByRole("link", { name: "Botão de compra de Mensal" }).click();
    await page.getByRole("heading", { level: 1, name: "Botão de compra de Mensal" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Texto do botão").fill(hostile);
    await page.getByLabel("Cor do texto").fill("#112233");
    await page.getByLabel("Tamanho do texto (px)").fill("22");
    await page.getByLabel("Negrito").uncheck();
    await page.getByLabel("Cor de fundo").fill("#ffcc00");
    await page.getByLabel("Cor da borda").fill("#000000");
    await page.getByLabel("Espessura da borda (px)").fill("3");
    await page.getByLabel("Arredondamento dos cantos (px)").fill("12");
    await page.getByLabel("Largura (px)").fill("260");
    await page.getByLabel("Altura (px)").fill("60");
    // The live preview follows the inputs before anything is saved.
    const preview = page.locator("[data-button-preview]");
    expect(
      await preview.evaluate(
        (el) => (globalThis as unknown as PageWindow).getComputedStyle(el).backgroundColor,
      ),
    ).toBe("rgb(255, 204, 0)");
    expect(await preview.textContent()).toBe(hostile);
    await page.getByRole("button", { name: "Salvar botão" }).click();
    await page.getByRole("status").filter({ hasText: "Botão salvo." }).waitFor();
    // Without the script's help the saved design is what the preview shows.
    expect(
      await preview.evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).width),
    ).toBe("260px");

    const snippet = page.getByLabel("Código do botão");
    pasted = await snippet.inputValue();
    expect(pasted).toBe(
      `<script async src="${harness.server.origin}/embed/button.js" data-tessera-unit="aurora-centro" data-tessera-plan="${mensal.onlineSale.slug}"></script>`,
    );
    await page.getByRole("button", { name: "Copiar código" }).click();
    await page.getByRole("button", { name: "Copiado" }).waitFor();

    await page.goto(`${siteOrigin}/`);
    const button = page.getByRole("link", { name: hostile });
    await button.waitFor();
    const style = await button.evaluate((el) => {
      const page = globalThis as unknown as PageWindow;
      const s = page.getComputedStyle(el);
      return {
        color: s.color,
        fontSize: s.fontSize,
        fontWeight: s.fontWeight,
        background: s.backgroundColor,
        borderColor: s.borderTopColor,
        borderWidth: s.borderTopWidth,
        radius: s.borderTopLeftRadius,
        width: s.width,
        height: s.height,
        inShadow: el.getRootNode() instanceof page.ShadowRoot,
      };
    });
    expect(style).toEqual({
      color: "rgb(17, 34, 51)",
      fontSize: "22px",
      fontWeight: "400",
      background: "rgb(255, 204, 0)",
      borderColor: "rgb(0, 0, 0)",
      borderWidth: "3px",
      radius: "12px",
      width: "260px",
      height: "60px",
      inShadow: true,
    });
    // The plan's text is text: no image was made, no handler ran, in the page or the button.
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);

    const [checkout] = await Promise.all([page.context().waitForEvent("page"), button.click()]);
    await checkout.waitForLoadState();
    expect(checkout.url()).toBe(`${harness.server.origin}/u/aurora-centro/${mensal.onlineSale.slug}`);
    await checkout.getByRole("heading", { level: 1, name: /Mensal/ }).waitFor();
  });

  it("draws nothing for a plan that is not on sale", async () => {
    const { page } = harness;
    const anual = harness.server.plans.find((plan) => plan.name === "Anual")!;
    await harness.server.tessera.plans.update(anual.id, {
      onlineSale: { ...anual.onlineSale, enabled: false },
    });
    pasted = `<script async src="${harness.server.origin}/embed/button.js" data-tessera-unit="aurora-centro" data-tessera-plan="${anual.onlineSale.slug}"></script><p id="after">after</p>`;
    const answered = page.waitForResponse((response) => response.url().includes("/embed/buttons/"));
    await page.goto(`${siteOrigin}/`);
    expect((await answered).status()).toBe(404);
    await page.locator("#after").waitFor();
    expect(await page.locator("[data-tessera-button]").count()).toBe(0);
    expect(await page.getByRole("link").count()).toBe(0);
  });
});
