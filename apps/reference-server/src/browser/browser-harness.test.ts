import { describe, expect, it } from "vitest";
import { expectAccessible, seriousViolations } from "./axe-audit";
import { launchChromium, useBrowserHarness } from "./browser-harness";

const harness = useBrowserHarness();

/** The page's `window.matchMedia`, typed here: the server's code has no DOM library. */
interface CssMedia {
  matchMedia(query: string): { matches: boolean };
}

describe("the browser harness", () => {
  it("fails, never skips, when chromium is not installed, and says how to install it", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow("apt-get install chromium");
  });

  it("serves the app on loopback to a phone-sized page", async () => {
    const { page, server } = harness;
    expect(new URL(server.origin).hostname).toBe("127.0.0.1");
    const response = await page.goto("/healthz");
    expect(response?.status()).toBe(200);
    expect(page.viewportSize()).toEqual({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => (globalThis as unknown as CssMedia).matchMedia("(pointer: coarse)").matches),
    ).toBe(true);
  });
});

describe("the accessibility check", () => {
  it("fails a page with serious violations, listing each rule, impact, target and help", async () => {
    const { page } = harness;
    await page.setContent(
      `<!doctype html><html lang="pt-BR"><head><title>Quebrada</title></head><body><main>
        <h1>Quebrada</h1>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt">
        <input id="unlabelled">
      </main></body></html>`,
    );
    const rules = (await seriousViolations(page)).map((violation) => violation.id);
    expect(rules).toEqual(expect.arrayContaining(["image-alt", "label"]));
    await expect(expectAccessible(page)).rejects.toThrow(
      /image-alt \(critical\): Images must have alternative text[^\n]*\n\s+#no-alt/,
    );
  });

  it("passes a page without serious violations", async () => {
    const { page } = harness;
    await page.setContent(
      `<!doctype html><html lang="pt-BR"><head><title>Certa</title></head><body><main>
        <h1>Certa</h1><label for="name">Nome</label><input id="name">
      </main></body></html>`,
    );
    await expect(expectAccessible(page)).resolves.toBeUndefined();
  });
});
