import { mkdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import type { SupportedLocale } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { localeNames } from "../i18n/catalogs";
import { expectAccessible } from "./axe-audit";
import { artifactsDir, useBrowserHarness } from "./browser-harness";
import { checkoutSteps, newBuyer, testCards } from "./checkout-steps";

const harness = useBrowserHarness();

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's width in pixels, from its IHDR chunk (right after the signature). */
function pngWidth(png: Buffer): number {
  return png.readUInt32BE(16);
}

/** Takes a full-page screenshot into `test-artifacts/` and answers the file as written. */
async function keepScreenshot(name: string): Promise<Buffer> {
  const path = join(artifactsDir, name);
  await mkdir(artifactsDir, { recursive: true });
  await rm(path, { force: true });
  await harness.page.screenshot({ path, fullPage: true });
  return readFile(path);
}

describe.each<{ locale: SupportedLocale; paidTitle: string }>([
  { locale: "pt-BR", paidTitle: "Pagamento confirmado" },
  { locale: "ru", paidTitle: "Оплата подтверждена" },
])("the checkout in $locale", ({ locale, paidTitle }) => {
  it("is kept as screenshots of the plan page and the success page, on a phone", async () => {
    const { page } = harness;
    const steps = checkoutSteps(page, locale);
    await page.goto("/u/aurora-centro/day-pass");
    // The buyer picks the language with the page's language switch; the choice holds after.
    const language = page
      .getByRole("navigation", { name: "Idioma" })
      .getByRole("link", { name: localeNames[locale], exact: true });
    await Promise.all([page.waitForURL((url) => url.searchParams.get("lang") === locale), language.click()]);
    await page.getByRole("heading", { level: 1, name: "Day pass" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe(locale);
    await page.getByText(steps.t("checkout.formTitle"), { exact: true }).waitFor();
    const planPage = await keepScreenshot(`plan-page.${locale}.png`);

    await steps.fillBuyer(newBuyer());
    await steps.chooseMethod("card");
    await steps.typeCard(testCards.approved);
    await steps.submit("Comprar");
    await steps.heading(paidTitle);
    await page.getByRole("region", { name: steps.t("pay.activationCode.title") }).waitFor();
    await expectAccessible(page);
    const successPage = await keepScreenshot(`success-page.${locale}.png`);

    for (const png of [planPage, successPage]) {
      expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
      // 390 CSS pixels at the phone's device scale factor of 2.
      expect(pngWidth(png)).toBe(780);
    }
  });
});
