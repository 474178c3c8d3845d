import type { Id } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { describe, expect, it } from "vitest";
import { paidAnnual, payPathOf, saleDay } from "../pages/pay-due-test-contracts";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { checkoutSteps } from "./checkout-steps";

// The server's scheduler bills on this clock, as `serve`'s does on the system's.
const clock = createManualClock(saleDay);
const harness = useBrowserHarness({ compose: () => ({ clock }) });

/** The slice of the page's `window` the width check reads (the tests' types have no DOM). */
interface PageWidths {
  innerWidth: number;
  document: { documentElement: { scrollWidth: number } };
}

/** Waits for the server's scheduler to have done what `done` checks (a billing run, a delivery). */
async function until(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`the scheduler never got to: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * An Anual whose second month was never paid: the unit retries nothing, so the scheduler's
 * billing run marks it past due the day after the PIX it sent was dropped; by 2026-03-16 its
 * third month is due too.
 */
async function pastDueContract(): Promise<Id<"contract">> {
  const { server } = harness;
  await server.tessera.organizations.updateUnit(server.unit.id, { dunningRetryDays: [] });
  const contract = await paidAnnual(server, "browser-pay-link-0001");
  const attempts = async () =>
    (
      await Promise.all(
        (
          await server.storage.installments.listByContract(contract.id)
        ).map((line) => server.storage.payments.listByInstallment(line.id)),
      )
    ).flat();
  clock.set("2026-02-15T12:00:00.000Z");
  await until("the second month's PIX", async () => (await attempts()).some((p) => p.status === "pending"));
  for (const attempt of await attempts())
    if (attempt.status === "pending") await server.tessera.payments.cancelAttempt(attempt.id);
  clock.set("2026-02-16T12:00:00.000Z");
  await until(
    "the contract past due",
    async () => (await server.storage.contracts.findById(contract.id))?.status === "past_due",
  );
  clock.set("2026-03-16T12:00:00.000Z");
  return contract.id;
}

describe("paying a past-due contract's open installments at its link", () => {
  it("lists both due months on a phone, pays them with one PIX, and turns to paid by itself", async () => {
    const { page, server } = harness;
    const contractId = await pastDueContract();
    const customerId = (await server.storage.contracts.findById(contractId))!.customerId;
    expect((await server.tessera.customers.get(customerId))?.status).toBe("blocked");
    const steps = checkoutSteps(page);

    await page.goto(payPathOf(server, contractId));
    await steps.heading("Pagar parcelas em aberto");
    const due = page.getByRole("table", { name: "Parcelas vencidas de Anual" });
    const rows = await due.getByRole("rowheader").allTextContents();
    expect(rows).toEqual([
      "Valor do períodoVencimento: 15 de fevereiro de 2026",
      "Valor do períodoVencimento: 15 de março de 2026",
      "Total",
    ]);
    expect((await due.getByRole("cell").last().textContent())?.replace(/\u00a0/g, " ")).toBe("R$ 319,80");
    // Phone-first: nothing wider than the phone's screen.
    const widths = await page.evaluate(() => {
      const view = globalThis as unknown as PageWidths;
      return { page: view.document.documentElement.scrollWidth, screen: view.innerWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await expectAccessible(page);

    await steps.chooseMethod("pix");
    await page.getByRole("button", { name: /^Pagar R\$\s319,80$/ }).click();
    await steps.heading("Pague com PIX");
    await expectAccessible(page);
    const code = await page.getByLabel("PIX copia e cola", { exact: true }).inputValue();
    const charge = server.sandbox.sandbox
      .ledger()
      .charges.find(
        (candidate) => candidate.action?.type === "pix" && candidate.action.qrCodePayload === code,
      );
    if (!charge) throw new Error("the sandbox issued no PIX with the code the page shows");
    expect(charge.amount).toMatchObject({ amount: 31_980 });

    server.sandbox.sandbox.pay(charge.reference);
    // No reload by the test: the page's poll sees the payment the scheduler applied.
    await steps.heading("Pagamento confirmado");
    expect(await page.getByRole("status").textContent()).toContain("O pagamento foi confirmado.");
    expect((await server.tessera.customers.get(customerId))?.status).toBe("active");
    expect((await server.storage.contracts.findById(contractId))?.status).toBe("active");
  });
});
