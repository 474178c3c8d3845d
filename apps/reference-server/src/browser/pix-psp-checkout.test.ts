import { parseBrCode } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { connectPixPspAccount } from "../http/pix-psp-account";
import { expectAccessible } from "./axe-audit";
import { checkoutSteps, newBuyer } from "./checkout-steps";
import { useProviderAccountHarness } from "./provider-account-harness";

const harness = useProviderAccountHarness(connectPixPspAccount);

describe("buying by PIX through a PSP's API Pix", () => {
  it("shows the PSP's BR Code, and turns to paid once the PSP's callback arrives over mutual TLS", async () => {
    const { page } = harness;
    const psp = harness.account.psp;
    const steps = checkoutSteps(page);
    await page.goto("/u/aurora-centro/pacote-10-aulas");
    await steps.fillBuyer(newBuyer());
    await steps.chooseMethod("pix");
    await steps.submit("Comprar");
    await steps.heading("Pague com PIX");

    await page.getByRole("img", { name: "QR Code do PIX" }).waitFor();
    const code = await page.getByLabel("PIX copia e cola", { exact: true }).inputValue();
    const [charge] = psp.records().charges.filter((candidate) => !candidate.outside);
    expect(charge, "the PSP holds the charge the page shows").toBeDefined();
    // The PSP's own dynamic code: it points at the charge's location at the PSP.
    const parsed = parseBrCode(code);
    expect(parsed.valid && parsed.brCode.kind).toBe("dynamic");
    expect(parsed.valid && parsed.brCode.location).toContain(new URL(psp.baseUrl).host);
    await expectAccessible(page);

    psp.pay(charge!.txid);
    await psp.notificationsSettled();
    expect(psp.deliveries().map((delivery) => delivery.status)).toEqual([200]);
    // No reload by the test: the page's poll sees the payment the callback applied.
    await steps.heading("Pagamento confirmado");
    const summary = page.getByRole("region", { name: "Resumo da compra" });
    expect(await summary.getByRole("definition").allTextContents()).toEqual(
      expect.arrayContaining(["Pacote 10 aulas", "PIX"]),
    );
  });
});
