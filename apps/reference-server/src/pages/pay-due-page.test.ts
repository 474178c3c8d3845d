import type { Id } from "@tessera/core";
import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReceiptLinks } from "../checkout/receipt-link";
import { hiddenField } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { paidAnnual, pastDueAnnual, payPathOf, saleDay } from "./pay-due-test-contracts";

let server: ComposedTestServer;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(saleDay);
  server = await composedTestServer({}, { clock });
});
afterEach(async () => {
  await server.cleanup();
});

/** The page as a person reads it: formatted money's no-break spaces as plain ones. */
async function pageText(response: Response | Promise<Response>): Promise<string> {
  return (await (await response).text()).replace(/\u00a0/g, " ");
}

function post(path: string, fields: Record<string, string>) {
  return server.app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** Opens the pay page and sends its form with `fields`, as the payer does; the form's key is kept. */
async function pay(path: string, fields: Record<string, string>) {
  const idempotencyKey = hiddenField(await (await server.app.request(path)).text(), "idempotencyKey");
  expect(idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  return { response: await post(path, { ...fields, idempotencyKey }), idempotencyKey };
}

async function paymentsOf(contractId: Id<"contract">) {
  const byId = new Map<
    string,
    Awaited<ReturnType<typeof server.storage.payments.listByInstallment>>[number]
  >();
  for (const line of await server.storage.installments.listByContract(contractId))
    for (const payment of await server.storage.payments.listByInstallment(line.id))
      byId.set(payment.id, payment);
  return [...byId.values()];
}

async function statusOfLines(contractId: Id<"contract">) {
  return (await server.storage.installments.listByContract(contractId)).map((line) => [
    line.sequence,
    line.status,
  ]);
}

/** A card token from the sandbox's tokenization endpoint, as the payer's browser gets one. */
async function cardFields(number: string) {
  const token = await server.sandbox.sandbox.tokenizeCard({
    number,
    holder: "ANA SOUZA",
    expMonth: 12,
    expYear: 2030,
    cvc: "123",
  });
  return {
    cardToken: token.token,
    cardBrand: token.brand,
    cardTokenField: "cardToken",
    cardBrandField: "cardBrand",
  };
}

describe("the pay link of a past-due contract", () => {
  it("shows the studio, the payer's first name only, each due line with its date and the total, and the unit's methods", async () => {
    const { payPath } = await pastDueAnnual(server, clock, "pay-page-show-0001");
    expect(payPath).toMatch(/^\/pay\/ctr_\w+\/[\w-]{22}$/);
    const response = await server.app.request(payPath);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await pageText(response);
    expect(html).toContain('<a class="brand" href="/u/aurora-centro">Estúdio Aurora — Centro</a>');
    expect(html).toContain("<h1>Pagar parcelas em aberto</h1>");
    expect(html).toContain("Olá, Ana!");
    expect(html).not.toContain("Souza");
    expect(html).not.toContain("ana@example.com");
    expect(html).toMatch(
      /Valor do período<br><span class="hint">Vencimento: 15 de fevereiro de 2026<\/span><\/th><td>R\$ 159,90/,
    );
    expect(html).toMatch(
      /Valor do período<br><span class="hint">Vencimento: 15 de março de 2026<\/span><\/th><td>R\$ 159,90/,
    );
    expect(html).not.toContain("15 de abril de 2026");
    expect(html).toMatch(/Total<\/th><td>R\$ 319,80/);
    for (const method of ["card", "pix", "boleto"]) expect(html).toContain(`id="method-${method}"`);
    expect(html).toContain('<button type="submit" class="button-primary">Pagar R$ 319,80</button>');
    // The sandbox's boleto needs the address this customer never gave: the page asks for it.
    expect(html).toContain('data-needs-address="true"');
    expect(html).toContain('id="address-postalCode"');

    const english = await pageText(server.app.request(`${payPath}?lang=en`));
    expect(english).toContain("<h1>Pay open installments</h1>");
    expect(english).toContain("Due on February 15, 2026");
  });

  it("pays both due lines by PIX in one payment, and the customer is unblocked once it is paid", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-pix-0001");
    expect((await server.tessera.customers.get(contract.customerId))?.status).toBe("blocked");
    const { response } = await pay(payPath, { method: "pix" });
    expect(response.status).toBe(303);
    const receipt = response.headers.get("location")!;
    expect(receipt).toMatch(/^\/checkout\/pay_\w+\/[\w-]{22}$/);

    // The checkout's own payment step, for the one payment of both months.
    const step = await pageText(server.app.request(receipt));
    expect(step).toContain("<h1>Pague com PIX</h1>");
    expect(step).toMatch(/<textarea id="pix-code" readonly[^>]*>000201/);
    expect(step).toMatch(/Total<\/th><td>R\$ 319,80/);
    const [payment] = (await paymentsOf(contract.id)).filter((p) => p.status === "pending");
    expect(payment).toMatchObject({ method: "pix", amount: { amount: 31_980, currency: "BRL" } });
    expect(payment!.installmentIds).toHaveLength(2);

    server.sandbox.sandbox.pay(payment!.idempotencyKey);
    await server.tessera.payments.refresh(payment!.id);
    expect(await statusOfLines(contract.id)).toEqual(
      expect.arrayContaining([
        [2, "confirmed"],
        [3, "confirmed"],
        [4, "awaiting"],
      ]),
    );
    expect((await server.storage.contracts.findById(contract.id))?.status).toBe("active");
    expect((await server.tessera.customers.get(contract.customerId))?.status).toBe("active");

    const paid = await pageText(server.app.request(receipt));
    expect(paid).toContain("<h1>Pagamento confirmado</h1>");
    // No receipt e-mail follows a later installment's payment: the page does not promise one.
    expect(paid).toContain("Tudo certo! O pagamento foi confirmado.");
    expect(paid).not.toContain("Enviamos o comprovante");
    const after = await pageText(server.app.request(payPath));
    expect(after).toContain("<h1>Nada a pagar</h1>");
    expect(after).toContain("Ana, o seu plano Anual não tem parcelas vencidas em aberto.");
  });

  it("makes one payment of a form sent twice, and answers a later send of it with that payment", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-twice-0001");
    const before = (await paymentsOf(contract.id)).length;
    const { response: first, idempotencyKey } = await pay(payPath, { method: "pix" });
    const second = await post(payPath, { method: "pix", idempotencyKey });
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const made = (await paymentsOf(contract.id)).length - before;
    expect(made).toBe(1);

    // Paid, then the same form sent again (a reload of the post): still the one payment's page.
    const [payment] = (await paymentsOf(contract.id)).filter((p) => p.status === "pending");
    server.sandbox.sandbox.pay(payment!.idempotencyKey);
    await server.tessera.payments.refresh(payment!.id);
    const third = await post(payPath, { method: "pix", idempotencyKey });
    expect(third.headers.get("location")).toBe(first.headers.get("location"));
    expect((await paymentsOf(contract.id)).length - before).toBe(1);
  });

  it("leads to the open attempt's instructions while one is open, instead of charging again", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-open-0001");
    const { response } = await pay(payPath, { method: "pix" });
    const receipt = response.headers.get("location")!;
    const page = await pageText(server.app.request(payPath));
    expect(page).toContain("Já existe um pagamento em aberto para estas parcelas.");
    expect(page).toContain(`href="${receipt}"`);
    expect(page).not.toContain('name="idempotencyKey"');

    // A form shown before the PIX was made, sent now with its own key: the open PIX's page.
    const stale = await post(payPath, { method: "pix", idempotencyKey: crypto.randomUUID() });
    expect(stale.status).toBe(303);
    expect(stale.headers.get("location")).toBe(receipt);
    expect((await paymentsOf(contract.id)).filter((p) => p.status === "pending")).toHaveLength(1);
  });

  it("asks for the address a boleto needs beside its fields, keeps it on the customer, and issues the boleto", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-boleto-0001");
    const { response: bare, idempotencyKey } = await pay(payPath, { method: "boleto" });
    expect(bare.status).toBe(422);
    const bareHtml = await pageText(bare);
    expect(bareHtml).toMatch(
      /<p class="field-error" id="address-error">Esta forma de pagamento exige o seu endereço completo\.<\/p>/,
    );
    expect(bareHtml).toContain(
      '<p class="hint" data-address-hint data-hint-required="Obrigatório para a forma de pagamento escolhida."',
    );
    expect(bareHtml).toContain(`value="${idempotencyKey}"`);

    const half = await post(payPath, { method: "boleto", idempotencyKey, "address.postalCode": "01310-100" });
    expect(half.status).toBe(422);
    expect(await pageText(half)).toMatch(/id="address-street-error">Preencha este campo\./);
    expect((await paymentsOf(contract.id)).filter((p) => p.method === "boleto")).toHaveLength(0);

    const done = await post(payPath, {
      method: "boleto",
      idempotencyKey,
      "address.postalCode": "01310-100",
      "address.street": "Avenida Paulista",
      "address.number": "1000",
      "address.district": "Bela Vista",
      "address.city": "São Paulo",
      "address.state": "sp",
    });
    expect(done.status).toBe(303);
    const step = await pageText(server.app.request(done.headers.get("location")!));
    expect(step).toContain("<h1>Pague o boleto</h1>");
    expect((await server.tessera.customers.get(contract.customerId))?.address).toMatchObject({
      street: "Avenida Paulista",
      state: "SP",
    });
    const [boleto] = (await paymentsOf(contract.id)).filter((p) => p.method === "boleto");
    expect(boleto).toMatchObject({ amount: { amount: 31_980 } });
  });

  it("says a provider's outage is nobody's decline, charges nothing, and pays with the same form once it is back", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-outage-0001");
    const form = hiddenField(await (await server.app.request(payPath)).text(), "idempotencyKey");
    server.sandbox.sandbox.injectFault({ kind: "maintenance", retryAfterSeconds: 60 });
    const refused = await post(payPath, { method: "pix", idempotencyKey: form });
    expect(refused.status).toBe(503);
    const html = await pageText(refused);
    expect(html).toContain("Não conseguimos falar com o provedor de pagamento agora. Nada foi cobrado.");
    expect(html).not.toMatch(/recusad/i);
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    expect((await server.storage.contracts.findById(contract.id))?.status).toBe("past_due");

    const again = await post(payPath, { method: "pix", idempotencyKey: form });
    expect(again.status).toBe(303);
    expect((await paymentsOf(contract.id)).filter((p) => p.status === "pending")).toHaveLength(1);
  });

  it("pays again every due line after the card it was tried with is declined", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-declined-0001");
    const declinedCard = server.sandbox.sandbox.testCards.insufficientFunds.number;
    const { response } = await pay(payPath, { method: "card", ...(await cardFields(declinedCard)) });
    expect(response.status).toBe(303);
    const receipt = response.headers.get("location")!;
    const declined = await pageText(server.app.request(receipt));
    expect(declined).toContain("<h1>Pagamento recusado</h1>");
    expect(declined).toContain("saldo ou limite insuficiente");
    expect(declined).toContain("Pagar R$ 319,80");

    const retryKey = hiddenField(declined, "idempotencyKey");
    const retried = await post(`${receipt}/retry`, { method: "pix", idempotencyKey: retryKey });
    expect(retried.status).toBe(303);
    const [pix] = (await paymentsOf(contract.id)).filter((p) => p.status === "pending");
    expect(pix).toMatchObject({ method: "pix", amount: { amount: 31_980 } });
    expect(pix!.installmentIds).toHaveLength(2);
  });
});

describe("what the pay link refuses", () => {
  it("answers 404 to a wrong token, to the contract's receipt token, and to another contract's id under this token", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "pay-page-token-0001");
    const token = payPath.split("/")[3]!;
    const wrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await server.app.request(`/pay/${contract.id}/${wrong}`)).status).toBe(404);
    expect((await post(`/pay/${contract.id}/${wrong}`, { method: "pix" })).status).toBe(404);
    const receiptToken = createReceiptLinks(server.serverKey).pathOf(contract.id).split("/")[3]!;
    expect((await server.app.request(`/pay/${contract.id}/${receiptToken}`)).status).toBe(404);
    const other = await paidAnnual(server, "pay-page-token-0002");
    expect((await server.app.request(`/pay/${other.id}/${token}`)).status).toBe(404);
    expect((await server.app.request(`/pay/../etc/passwd/${token}`)).status).toBe(404);
    // A link signed for a contract that does not exist names nothing.
    expect((await server.app.request(payPathOf(server, "ctr_01JQ0000000000000000000000"))).status).toBe(404);
    const page = await pageText(server.app.request(`/pay/${contract.id}/${wrong}`));
    expect(page).toContain("Página não encontrada");
  });

  it("says there is nothing to pay on a contract paid up, and charges nothing when its form is sent", async () => {
    const contract = await paidAnnual(server, "pay-page-nothing-0001");
    const path = payPathOf(server, contract.id);
    const html = await pageText(server.app.request(path));
    expect(html).toContain("<h1>Nada a pagar</h1>");
    expect(html).toContain("Ana, o seu plano Anual não tem parcelas vencidas em aberto. Obrigado!");
    expect(html).not.toContain("<form");
    const before = (await paymentsOf(contract.id)).length;
    const sent = await post(path, { method: "pix", idempotencyKey: crypto.randomUUID() });
    expect(sent.status).toBe(409);
    expect(await pageText(sent)).toContain("<h1>Nada a pagar</h1>");
    expect((await paymentsOf(contract.id)).length).toBe(before);
  });

  it("refuses a form without its key, or without a method, beside what is missing", async () => {
    const { payPath } = await pastDueAnnual(server, clock, "pay-page-form-0001");
    const keyless = await post(payPath, { method: "pix" });
    expect(keyless.status).toBe(422);
    expect(await pageText(keyless)).toContain("Este formulário expirou.");
    const methodless = await post(payPath, { idempotencyKey: crypto.randomUUID() });
    expect(methodless.status).toBe(422);
    expect(await pageText(methodless)).toMatch(/id="method-error">Escolha uma forma de pagamento\./);
  });
});
