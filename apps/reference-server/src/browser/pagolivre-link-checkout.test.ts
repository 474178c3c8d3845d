import { type Id, recurringCreditStatus } from "@tessera/core";
import { describe, expect, it } from "vitest";
import { scanForSecrets } from "../http/leak-scan";
import { connectPagoLivreAccount, type PagoLivreAccount } from "../http/pagolivre-account";
import { freeLoopbackPort } from "../http/test-webhook-listener";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { checkoutSteps, checkoutSubjectOf, newBuyer } from "./checkout-steps";

let account: PagoLivreAccount | null = null;
const harness = useBrowserHarness({
  // PagoLivre posts to the callback URL each order carries: the server needs its public URL.
  async config() {
    const port = await freeLoopbackPort();
    return { port, publicUrl: `http://127.0.0.1:${port}/` };
  },
  async prepare(server) {
    account = await connectPagoLivreAccount({ tessera: server.tessera, unit: server.unit });
    return async () => account?.close();
  },
});

describe("buying in monthly instalments through a PagoLivre link", () => {
  it("sends the buyer to PagoLivre's page, turns paid on its callback, and follows each monthly charge: one denied, one confirmed", async () => {
    const { page, server } = harness;
    const pagolivre = account?.pagolivre;
    if (!pagolivre) throw new Error("no PagoLivre account");
    const buyer = newBuyer();
    const steps = checkoutSteps(page);

    await page.goto("/u/aurora-centro/anual");
    await steps.fillBuyer(buyer);
    await steps.chooseMethod("payment_link");
    await steps.submit("Assinar");

    await steps.heading("Conclua o pagamento");
    await page.getByRole("heading", { name: "Pagamento no provedor" }).waitFor();
    await expectAccessible(page);
    const checkoutUrl = page.url();
    const paymentId = checkoutSubjectOf(page);
    const [order] = pagolivre.records().orders;
    expect(order).toMatchObject({ amount: { amount: 12 * 15_990 }, installments: expect.any(Array) });
    expect(order?.installments).toHaveLength(12);
    expect(order?.guests[0]?.cpf).toBe(buyer.cpfDigits);

    // The payer pays on PagoLivre's own page.
    await page.getByRole("link", { name: "Ir para o pagamento" }).click();
    expect(new URL(page.url()).origin).toBe(pagolivre.origin);
    await page.getByRole("button", { name: "Pagar" }).click();
    await pagolivre.notificationsSettled();
    expect(pagolivre.deliveries().map((delivery) => delivery.status)).toContain(200);
    await page.goto(checkoutUrl);
    await steps.heading("Pagamento confirmado");

    const payment = await server.storage.payments.findById(paymentId as Id<"payment">);
    if (!payment) throw new Error("no payment");
    expect(payment.status).toBe("succeeded");
    const [first] = await server.storage.installments.findByIds(payment.installmentIds);
    const contractId = first?.contractId;
    if (!contractId) throw new Error("the payment has no contract");

    // PagoLivre charges month 2 (denied) and month 3 (confirmed) by itself and tells us.
    pagolivre.chargeMonth(order!.id, 2, "declined");
    pagolivre.chargeMonth(order!.id, 3, "paid");
    await pagolivre.notificationsSettled();
    // The recurring-credit report's status of each month (BEMP: Confirmado, Negado, Aguardando).
    const statusOf = async (sequence: number) => {
      const lines = await server.storage.installments.listByContract(contractId);
      const line = lines.find((candidate) => candidate.kind === "period" && candidate.sequence === sequence);
      if (!line) return null;
      const attempts = await server.storage.payments.listByInstallment(line.id);
      const latest = attempts.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1) ?? null;
      return recurringCreditStatus(line.status, latest?.status ?? null);
    };
    await expect.poll(() => statusOf(2), { timeout: 10_000 }).toBe("denied");
    await expect.poll(() => statusOf(3), { timeout: 10_000 }).toBe("confirmed");
    expect(await statusOf(1)).toBe("confirmed");
    expect(await statusOf(4)).toBe("awaiting");
    // Each delivery was taken (200): none refused, none left to retry.
    expect(pagolivre.deliveries().every((delivery) => delivery.status === 200)).toBe(true);
    // The API token rode in every callback's URL: no stored row and no log line keeps it.
    const scan = scanForSecrets(server, [pagolivre.token]);
    expect(scan.rows).toBeGreaterThan(0);
    expect(scan).toMatchObject({ inRows: [], inLogs: [] });
  });
});
