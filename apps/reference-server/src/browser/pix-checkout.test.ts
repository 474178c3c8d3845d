import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { type Buyer, checkoutSteps, newBuyer } from "./checkout-steps";

const harness = useBrowserHarness();

/** The PIX the page shows, as the sandbox provider issued it (found by its copy-paste code). */
function pixChargeOf(code: string) {
  const charge = harness.server.sandbox.sandbox
    .ledger()
    .charges.find((candidate) => candidate.action?.type === "pix" && candidate.action.qrCodePayload === code);
  if (!charge) throw new Error("the sandbox issued no PIX with the code the page shows");
  return charge;
}

/** Every customer row of the demo organization with this buyer's CPF. */
async function customersWithCpf(buyer: Buyer) {
  const { server } = harness;
  const page = await server.storage.customers.list(server.unit.organizationId, { limit: 100 });
  return page.items.filter((customer) => customer.document?.value === buyer.cpfDigits);
}

/** Fills the plan's form for `buyer`, chooses PIX and sends it; the page is then the PIX step. */
async function buyByPix(planSlug: string, buyer: Buyer) {
  const { page } = harness;
  const steps = checkoutSteps(page);
  await page.goto(`/u/aurora-centro/${planSlug}`);
  await steps.fillBuyer(buyer);
  await steps.chooseMethod("pix");
  await steps.submit("Comprar");
  await steps.heading("Pague com PIX");
  return steps;
}

describe("buying by PIX", () => {
  it("shows the QR code and the copy-paste code, and turns to paid by itself when the payer pays", async () => {
    const { page, server } = harness;
    const steps = await buyByPix("pacote-10-aulas", newBuyer());

    const qr = page.getByRole("img", { name: "QR Code do PIX" });
    await qr.waitFor();
    expect((await qr.boundingBox())?.width).toBeGreaterThan(150);
    const code = await page.getByLabel("PIX copia e cola", { exact: true }).inputValue();
    expect(code).toMatch(/^000201/);
    expect(await page.getByRole("status").textContent()).toContain("Esta página se atualiza sozinha");
    await expectAccessible(page);

    const link = page.url();
    const polls: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/status")) polls.push(request.url());
    });
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    server.sandbox.sandbox.pay(pixChargeOf(code).reference);

    // No reload by the test: the page's poll sees the payment and reloads itself.
    await steps.heading("Pagamento confirmado");
    expect(polls.length).toBeGreaterThan(0);
    expect(navigations).toBe(1);
    expect(page.url()).toBe(link);
    const summary = page.getByRole("region", { name: "Resumo da compra" });
    expect(await summary.getByRole("definition").allTextContents()).toEqual(
      expect.arrayContaining(["Pacote 10 aulas", "PIX"]),
    );
    expect(pixChargeOf(code).status).toBe("paid");
    await expectAccessible(page);
  });

  it("sells a second plan to a CPF it already knows as the same customer", async () => {
    const buyer = newBuyer();
    await buyByPix("day-pass", buyer);
    await buyByPix("pacote-10-aulas", buyer);

    const customers = await customersWithCpf(buyer);
    expect(customers).toHaveLength(1);
    expect(await harness.server.storage.contracts.listByCustomer(customers[0]!.id)).toHaveLength(2);
  });
});
