import type { Id } from "@tessera/core";
import type { Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { type Buyer, checkoutSteps, checkoutSubjectOf, newBuyer, testCards } from "./checkout-steps";

const harness = useBrowserHarness();

/** Where the page's script posts the card: the sandbox provider's endpoint, not one of our routes. */
const tokenizationPath = "/sandbox/card-tokens";

/** A card number in any text a request carries: its digits, with or without separators between them. */
function cardNumberPattern(number: string): RegExp {
  return new RegExp(number.replace(/\D/g, "").split("").join("(?:\\D|%20|%2B|\\+){0,3}"));
}

/** What one request carried: its URL, its headers and its body, as text. */
async function carried(request: Request): Promise<string> {
  const headers = Object.entries(await request.allHeaders()).map(([name, value]) => `${name}: ${value}`);
  return [request.url(), ...headers, request.postData() ?? ""].join("\n");
}

async function customerOf(buyer: Buyer) {
  const { server } = harness;
  const customer = await server.storage.customers.findByDocument(
    server.unit.organizationId,
    `cpf:${buyer.cpfDigits}`,
  );
  if (!customer) throw new Error(`no customer with the CPF ${buyer.cpf}`);
  return customer;
}

/** The payment the checkout page is about, from the database, and its charge in the sandbox's books. */
async function paymentOnPage() {
  const { server, page } = harness;
  const payment = await server.storage.payments.findById(checkoutSubjectOf(page) as Id<"payment">);
  if (!payment) throw new Error(`${page.url()} names no payment`);
  const charge = server.sandbox.sandbox
    .ledger()
    .charges.find((c) => c.reference === payment.providerReference);
  return { payment, charge };
}

describe("buying by card", () => {
  it("sends the card typed on the page to the provider alone, and shows the paid sale", async () => {
    const { page, server } = harness;
    const ours: Request[] = [];
    const tokenizations: Request[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== server.origin) return;
      (url.pathname === tokenizationPath ? tokenizations : ours).push(request);
    });
    const buyer = newBuyer();
    const steps = checkoutSteps(page);

    await page.goto("/u/aurora-centro/mensal");
    await steps.fillBuyer(buyer);
    await steps.chooseMethod("card");
    await steps.typeCard(testCards.approved);
    await steps.submit("Assinar");

    await steps.heading("Pagamento confirmado");
    expect(await page.getByRole("status").textContent()).toContain(buyer.email);
    const summary = page.getByRole("region", { name: "Resumo da compra" });
    expect(await summary.getByRole("definition").allTextContents()).toEqual(
      expect.arrayContaining(["Mensal", buyer.name, "Cartão de crédito"]),
    );
    await expectAccessible(page);

    const number = cardNumberPattern(testCards.approved);
    // The recording sees the number where it went (else "never reached us" would prove nothing)…
    expect(tokenizations).toHaveLength(1);
    expect(await carried(tokenizations[0]!)).toMatch(number);
    // …and the sale's form went to our server with the provider's token in its place.
    const sale = ours.find(
      (request) => request.method() === "POST" && request.url().endsWith("/u/aurora-centro/mensal"),
    );
    // Read as the server reads it: the form is multipart (the unit asks for an attachment).
    const form = await new Request("http://checkout.test/", {
      method: "POST",
      headers: { "content-type": (await sale!.allHeaders())["content-type"] ?? "" },
      body: sale!.postDataBuffer(),
    }).formData();
    expect(form.get("cardToken")).toMatch(/\S{8,}/);
    for (const request of ours) expect(await carried(request), request.url()).not.toMatch(number);
    for (const line of server.log.lines) expect(line).not.toMatch(number);

    const { payment, charge } = await paymentOnPage();
    expect(payment.status).toBe("succeeded");
    expect(charge).toMatchObject({ status: "paid", amount: { amount: 23_990 }, card: { last4: "1111" } });
  });

  it("shows a declined card's reason, and the retry form pays the same contract with another card", async () => {
    const { page } = harness;
    const buyer = newBuyer();
    const steps = checkoutSteps(page);

    await page.goto("/u/aurora-centro/mensal");
    await steps.fillBuyer(buyer);
    await steps.chooseMethod("card");
    await steps.typeCard(testCards.declinedInsufficientFunds);
    await steps.submit("Assinar");

    await steps.heading("Pagamento recusado");
    expect(await page.getByRole("alert").textContent()).toContain("saldo ou limite insuficiente");
    const declined = await paymentOnPage();
    expect(declined.charge).toMatchObject({ status: "declined", card: { last4: "0515" } });
    const retry = page.getByRole("region", { name: "Tentar de novo" });
    expect(await retry.getByRole("radio", { name: "Cartão de crédito" }).isChecked()).toBe(true);
    await expectAccessible(page);

    await steps.typeCard(testCards.approvedMastercard);
    await steps.submit(/^Pagar R\$\s239,90$/);

    await steps.heading("Pagamento confirmado");
    await expectAccessible(page);
    const paid = await paymentOnPage();
    expect(paid.payment.id).not.toBe(declined.payment.id);
    expect(paid.charge).toMatchObject({ status: "paid", card: { last4: "4444" } });
    const customer = await customerOf(buyer);
    expect([declined.payment.customerId, paid.payment.customerId]).toEqual([customer.id, customer.id]);
    expect(await harness.server.storage.contracts.listByCustomer(customer.id)).toHaveLength(1);
  });

  it("shows a day pass's staff activation code on the success page", async () => {
    const { page, server } = harness;
    const buyer = newBuyer();
    const steps = checkoutSteps(page);

    await page.goto("/u/aurora-centro/day-pass");
    await steps.fillBuyer(buyer);
    await steps.chooseMethod("card");
    await steps.typeCard(testCards.approved);
    await steps.submit("Comprar");

    await steps.heading("Pagamento confirmado");
    const codeSection = page.getByRole("region", { name: "Seu código de ativação" });
    const shown = (await codeSection.getByText(/^[A-Z2-9-]{4,}$/).textContent())?.trim();
    expect(await codeSection.textContent()).toContain("Apresente este código na recepção");
    await expectAccessible(page);

    const [contract] = await server.storage.contracts.listByCustomer((await customerOf(buyer)).id);
    const issued = await server.storage.activationCodes.findByContract(contract!.id);
    expect(shown).toBe(issued?.code);
  });
});
