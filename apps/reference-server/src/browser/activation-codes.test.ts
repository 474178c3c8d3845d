import { describe, expect, it } from "vitest";
import { demoPixSale } from "../http/test-app";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

describe("attaching a pass in the back office", () => {
  it("finds an unattached pass by its code, finds the visitor by phone and attaches it with a validity", async () => {
    const { page, server } = harness;
    const payment = await demoPixSale(server, "browser-activation-0001");
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    for (const notification of server.sandbox.sandbox.takeNotifications()) {
      await server.tessera.webhooks.receive(server.sandbox.id, notification);
    }
    const [code] = await server.tessera.activation.listUnattached(server.unit.id);
    if (!code) throw new Error("the paid pass has no activation code");

    await signInInBrowser(page, server.demoOwner);
    await page.getByRole("link", { name: "Vincular passe a um cliente" }).click();
    await page.getByRole("heading", { level: 2, name: "Passes não vinculados" }).waitFor();
    // As a barcode reader types it: the code, then Enter.
    await page.getByLabel("Código ou código de barras").fill(code.code.toLowerCase().replace("-", ""));
    await page.getByLabel("Código ou código de barras").press("Enter");
    await page.getByRole("heading", { level: 2, name: `Passe ${code.code}` }).waitFor();
    await page.getByLabel("Nome ou telefone do cliente").fill("98888");
    await page.getByRole("button", { name: "Buscar cliente" }).click();
    await page.getByLabel(/Ana Souza/).check();
    await page.getByLabel("Início").fill("2027-03-01");
    await page.getByLabel("Fim").fill("2027-03-31");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Vincular passe" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `O passe ${code.code} foi vinculado ao cliente.` })
      .waitFor();
    expect(await server.tessera.activation.find(server.unit.id, code.code)).toMatchObject({
      status: "attached",
      validFrom: "2027-03-01",
      validUntil: "2027-03-31",
    });
  });
});
