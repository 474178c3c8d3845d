import { type Customer, formatMoney, type Id, type Money } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenFieldsOf, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer, demoPixSale } from "../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const base = "/admin/u/aurora-centro";
const password = "uma-senha-bem-longa";
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const brl = (amount: number): Money => ({ amount, currency: "BRL" });
const shown = (amount: number) => formatMoney(brl(amount), "pt-BR");
/** `shown` as a pattern: Intl puts a no-break space after "R$". */
const money = (amount: number) =>
  shown(amount)
    .replace(/[$.]/g, (char) => `\\${char}`)
    .replace(/\s/, "\\s");

/** The hidden fields of the form posting to `action` on a page. */
const formOf = (html: string, action: string): Record<string, string> =>
  hiddenFieldsOf(html, action, ["_csrf", "idempotencyKey", "rows", "fromBalance"]);

/** A customer the demo unit sees (a PIX sale of its day pass), with `balance` in their wallet. */
async function customerWith(key: string, balance = 0): Promise<Customer> {
  const payment = await demoPixSale(server, key);
  const { customer } = await server.tessera.sales.outcome(payment.id);
  if (balance > 0)
    await server.tessera.wallet.credit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(balance),
      method: "cash",
      idempotencyKey: `${key}-credit`,
    });
  return customer;
}

const formPath = (customer: Customer) => `${base}/customers/${customer.id}/orders/new`;
const createPath = (customer: Customer) => `${base}/customers/${customer.id}/orders`;

/** Two T-shirts at R$ 49,90 and a cap at R$ 15,00: R$ 114,80. */
const shirtsAndCap = {
  "item-0-description": "Camiseta",
  "item-0-quantity": "2",
  "item-0-unitPrice": "49,90",
  "item-1-description": "Boné",
  "item-1-quantity": "",
  "item-1-unitPrice": "15",
  "item-2-description": "",
  "item-2-quantity": "",
  "item-2-unitPrice": "",
};
const shirtsAndCapTotal = 11_480;

/** Signs in as the owner, opens the new order form and sends it with `fields`. */
async function sendOrderForm(customer: Customer, fields: Record<string, string>, query = "") {
  const session = await owner();
  const page = await (await session.get(formPath(customer))).text();
  const form = { ...formOf(page, createPath(customer)), ...fields };
  const response = await session.post(`${createPath(customer)}${query}`, form);
  return { ...session, form, response };
}

const ordersOf = async (customer: Customer) =>
  (await server.tessera.orders.list({ unitId: server.unit.id, customerId: customer.id })).items;
const balanceOf = async (customer: Customer) =>
  (await server.tessera.wallet.balance(customer.id, "BRL")).amount;

/** An order made in core, paid from the balance when it covers it, else waiting. */
async function orderFor(customer: Customer, key: string, unitPrice = shirtsAndCapTotal, installments = 1) {
  const outcome = await server.tessera.orders.create({
    unitId: server.unit.id,
    customerId: customer.id,
    items: [{ description: "Kit de boas-vindas", quantity: 1, unitPrice: brl(unitPrice) }],
    installments,
    idempotencyKey: key,
  });
  return { outcome, path: `${base}/orders/${outcome.order.id}` };
}

describe("making an order in the back office", () => {
  it("starts from the customer page, takes item rows with quantities and prices, and shows the order with its installments and PIX — once for a form sent twice", async () => {
    const customer = await customerWith("order-page-pix-0001");
    const { get } = await owner();
    const customerPage = await (await get(`${base}/customers/${customer.id}`)).text();
    expect(customerPage).toContain(`href="${formPath(customer)}"`);
    expect(customerPage).toContain("Nenhum pedido ainda.");

    const page = await (await get(formPath(customer))).text();
    // Three empty rows, a key made when the form was shown, the unit's desk methods (no card).
    for (const row of [0, 1, 2]) expect(page).toContain(`name="item-${row}-description"`);
    expect(page).not.toContain('name="item-3-description"');
    expect(formOf(page, createPath(customer)).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect([...page.matchAll(/name="payment" value="(\w+)"/g)].map((m) => m[1])).toEqual([
      "balance",
      "pix",
      "boleto",
    ]);

    const { response, post, form } = await sendOrderForm(customer, {
      ...shirtsAndCap,
      installments: "3",
      payment: "pix",
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/admin\/u\/aurora-centro\/orders\/ord_\w+\?notice=createdCharged/);
    const order = await get(location);
    expect(order.status).toBe(200);
    const html = await order.text();
    expect(html).toContain("Pedido criado. Cobrança por PIX: Aguardando o pagador.");
    expect(html).toContain("2 × Camiseta");
    expect(html).toMatch(new RegExp(`${money(4_990)} cada</span></th>\\s*<td>${money(9_980)}</td>`));
    expect(html).toContain("1 × Boné");
    expect(html).toMatch(new RegExp(`Total</th>\\s*<td>${money(shirtsAndCapTotal)}</td>`));
    expect(html).toContain("3 parcelas");
    // Split to the centavo, the leftover on the first line: 38,27 + 38,27 + 38,26.
    expect([...html.matchAll(/<strong>(R\$\s[\d.,]+)<\/strong> · Vence em/g)].map((m) => m[1])).toEqual([
      shown(3_827),
      shown(3_827),
      shown(3_826),
    ]);
    expect(html).toMatch(new RegExp(`PIX · ${money(3_827)} · Aguardando o pagador`));
    expect(html).toContain("PIX copia e cola");
    const [made] = await ordersOf(customer);
    const detail = (await server.tessera.orders.get(made!.id))!;
    const pix = detail.installments[0]!.payments[0]!;
    expect(pix.action?.type).toBe("pix");
    expect(html).toContain(pix.action?.type === "pix" ? pix.action.qrCodePayload : "no PIX code");

    // A double click: the form's key answers the first order.
    const again = await post(createPath(customer), form);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(location);
    expect(await ordersOf(customer)).toHaveLength(1);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    expect(
      audit.items.filter((entry) => entry.action === "order.created").map((entry) => entry.details),
    ).toEqual([
      expect.objectContaining({ total: shirtsAndCapTotal, installments: 3, method: "pix", replayed: true }),
      expect.objectContaining({ total: shirtsAndCapTotal, installments: 3, method: "pix", replayed: false }),
    ]);
    // The customer page lists it.
    const listed = await (await get(`${base}/customers/${customer.id}`)).text();
    expect(listed).toContain(`href="${base}/orders/${made!.id}">2× Camiseta + 1</a>`);
  });

  it("pays from the balance when it covers the order: 'descontado do saldo', paid, the balance lower", async () => {
    const customer = await customerWith("order-page-balance-0001", 20_000);
    const { response, get } = await sendOrderForm(customer, {
      ...shirtsAndCap,
      installments: "1",
      payment: "balance",
    });
    expect(response.status).toBe(303);
    const html = await (await get(response.headers.get("location")!)).text();
    expect(html).toMatch(
      new RegExp(
        `Pedido criado e descontado do saldo\\. Saldo restante: ${money(20_000 - shirtsAndCapTotal)}\\.`,
      ),
    );
    expect(html).toContain('<strong class="badge">Descontado do saldo</strong>');
    expect(html).toMatch(/Situação do pedido<\/dt><dd>Pago/);
    expect(html).toMatch(new RegExp(`Saldo em conta · ${money(shirtsAndCapTotal)} · Pago`));
    // Paid: nothing to pay nor to cancel any more.
    expect(html).not.toContain("/pay-from-balance");
    expect(html).not.toContain("/cancellation");
    expect(await balanceOf(customer)).toBe(20_000 - shirtsAndCapTotal);
    const [order] = await ordersOf(customer);
    expect(order).toMatchObject({ status: "paid", paidFromBalance: true });
    // The wallet's line names the order it paid, and links to it.
    const wallet = await (await get(`${base}/customers/${customer.id}/wallet`)).text();
    expect(wallet).toContain(`href="${base}/orders/${order!.id}"`);
    expect(wallet).toContain("Pagou o pedido 2× Camiseta + 1");
  });

  it("leaves the order waiting when the balance does not cover it, and says so", async () => {
    const customer = await customerWith("order-page-waiting-0001", 1_000);
    const { response, get } = await sendOrderForm(customer, {
      ...shirtsAndCap,
      installments: "1",
      payment: "balance",
    });
    expect(response.status).toBe(303);
    const html = await (await get(response.headers.get("location")!)).text();
    expect(html).toMatch(
      new RegExp(
        `Pedido criado\\. O saldo \\(${money(1_000)}\\) não cobre a primeira parcela: o pedido aguarda o pagamento\\.`,
      ),
    );
    expect(html).toContain("Nenhuma tentativa ainda.");
    expect(await balanceOf(customer)).toBe(1_000);
    expect((await ordersOf(customer))[0]).toMatchObject({ status: "open", paidFromBalance: false });
  });

  it("shows the form again with every field kept and each error beside its input, in pt-BR and in English, making no order", async () => {
    const customer = await customerWith("order-page-invalid-0001");
    const typed = {
      "item-0-description": "Camiseta",
      "item-0-quantity": "dois",
      "item-0-unitPrice": "49,90",
      "item-1-description": "",
      "item-1-quantity": "1",
      "item-1-unitPrice": "15,00",
      "item-2-description": "Caneca",
      "item-2-quantity": "1",
      "item-2-unitPrice": "abc",
      installments: "3",
      payment: "pix",
    };
    const { response, post, form } = await sendOrderForm(customer, typed);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Corrija os 3 campos indicados");
    expect(html).toMatch(/id="order-item-1-quantity-error">Informe uma quantidade inteira, como 1 ou 2\./);
    expect(html).toMatch(/id="order-item-2-description-error">Preencha este campo\./);
    expect(html).toMatch(/id="order-item-3-unit-price-error">Informe um valor, como 189,90\./);
    for (const value of ["Camiseta", "dois", "49,90", "15,00", "Caneca", "abc"])
      expect(html).toContain(`value="${value}"`);
    expect(html).toMatch(/<option value="3" selected>/);
    expect(html).toMatch(/id="order-payment-pix" name="payment" value="pix" checked/);
    // The same key: nothing was written under it.
    expect(formOf(html, createPath(customer)).idempotencyKey).toBe(form.idempotencyKey);

    const english = await post(`${createPath(customer)}?lang=en`, { ...form, ...typed });
    expect(english.status).toBe(422);
    const englishHtml = await english.text();
    expect(englishHtml).toMatch(/id="order-item-1-quantity-error">Enter a whole quantity, such as 1 or 2\./);
    expect(englishHtml).toContain('value="Caneca"');

    // The language switch is remembered: back to pt-BR.
    const blank = Object.fromEntries(
      Object.keys(typed)
        .filter((name) => name.startsWith("item-"))
        .map((name) => [name, ""]),
    );
    const empty = await post(`${createPath(customer)}?lang=pt-BR`, {
      ...form,
      ...blank,
      installments: "1",
      payment: "balance",
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(
      /id="order-items-error">Informe pelo menos um item, com descrição e preço\./,
    );
    expect(await ordersOf(customer)).toEqual([]);
  });

  it("puts core's refusals beside their input: a boleto for a record with no address, a total of zero, a total too small to split", async () => {
    const customer = await customerWith("order-page-core-0001");
    const item = { "item-0-description": "Brinde", "item-0-quantity": "1" };
    const { response, post, form } = await sendOrderForm(customer, {
      ...item,
      "item-0-unitPrice": "30,00",
      installments: "1",
      payment: "boleto",
    });
    expect(response.status).toBe(422);
    const boleto = await response.text();
    expect(boleto).toMatch(/id="order-payment-error">Boleto exige dados do cliente que faltam no cadastro/);
    expect(boleto).toContain('value="Brinde"');

    const free = await post(createPath(customer), {
      ...form,
      ...item,
      "item-0-unitPrice": "0",
      payment: "pix",
    });
    expect(free.status).toBe(422);
    expect(await free.text()).toMatch(
      /id="order-items-error">O total do pedido precisa ser maior que zero\./,
    );

    const tiny = await post(createPath(customer), {
      ...form,
      ...item,
      "item-0-unitPrice": "0,05",
      installments: "12",
      payment: "balance",
    });
    expect(tiny.status).toBe(422);
    expect(await tiny.text()).toMatch(
      new RegExp(
        `id="order-installments-error">O total \\(${money(5)}\\) é pequeno demais para 12 parcelas\\.`,
      ),
    );
    expect(await ordersOf(customer)).toEqual([]);
  });

  it("adds three item rows on 'more rows', keeping what was typed and making nothing", async () => {
    const customer = await customerWith("order-page-rows-0001");
    const { response } = await sendOrderForm(customer, { ...shirtsAndCap, installments: "2", more: "rows" });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('name="item-5-description"');
    expect(html).not.toContain('name="item-6-description"');
    expect(html).toContain('value="Boné"');
    expect(html).toMatch(/<option value="2" selected>/);
    expect(formOf(html, createPath(customer)).rows).toBe("6");
    expect(await ordersOf(customer)).toEqual([]);
  });

  it("keeps the order when the provider does not take the first charge, and charges it again from the order page", async () => {
    const customer = await customerWith("order-page-outage-0001");
    const session = await owner();
    const page = await (await session.get(formPath(customer))).text();
    server.sandbox.sandbox.injectFault({ kind: "maintenance", retryAfterSeconds: 60 });
    const refused = await session.post(createPath(customer), {
      ...formOf(page, createPath(customer)),
      ...shirtsAndCap,
      installments: "1",
      payment: "pix",
    });
    expect(refused.status).toBe(303);
    const [order] = await ordersOf(customer);
    expect(refused.headers.get("location")).toBe(`${base}/orders/${order!.id}?notice=createdNotCharged`);
    const path = `${base}/orders/${order!.id}`;
    const html = await (await session.get(refused.headers.get("location")!)).text();
    expect(html).toContain(
      "Pedido criado, mas o provedor de pagamento não aceitou a cobrança agora: nada foi cobrado.",
    );
    expect(html).toContain(`Cobrar ${shown(shirtsAndCapTotal)} por`);
    const charged = await session.post(`${path}/charge`, {
      ...formOf(html, `${path}/charge`),
      method: "pix",
    });
    expect(charged.status).toBe(303);
    expect(await (await session.get(charged.headers.get("location")!)).text()).toContain(
      "Cobrança por PIX: Aguardando o pagador.",
    );
    expect(await ordersOf(customer)).toHaveLength(1);
  });
});

describe("the order page's actions", () => {
  it("pays a waiting order from the balance once the balance covers it — once for a form sent twice", async () => {
    const customer = await customerWith("order-page-pay-0001");
    const { path } = await orderFor(customer, "order-page-pay-order");
    const { get, post } = await owner();
    expect(await (await get(path)).text()).not.toContain(`${path}/pay-from-balance`);
    await server.tessera.wallet.credit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(12_000),
      method: "pix",
      idempotencyKey: "order-page-pay-credit",
    });
    const page = await (await get(path)).text();
    expect(page).toContain(`Pagar ${shown(shirtsAndCapTotal)} com o saldo`);
    const fields = formOf(page, `${path}/pay-from-balance`);
    const paid = await post(`${path}/pay-from-balance`, fields);
    expect(paid.status).toBe(303);
    const after = await (await get(paid.headers.get("location")!)).text();
    expect(after).toMatch(
      new RegExp(`Pago com o saldo\\. Saldo restante: ${money(12_000 - shirtsAndCapTotal)}\\.`),
    );
    expect(after).toContain('<strong class="badge">Descontado do saldo</strong>');
    expect((await post(`${path}/pay-from-balance`, fields)).status).toBe(303);
    expect(await balanceOf(customer)).toBe(12_000 - shirtsAndCapTotal);
    expect((await ordersOf(customer))[0]).toMatchObject({ status: "paid", paidFromBalance: true });
  });

  it("uses the whole balance and charges the rest by PIX, shown by its parts; paid, the order is paid from the balance", async () => {
    const customer = await customerWith("order-page-split-0001", 5_000);
    const { path } = await orderFor(customer, "order-page-split-order");
    const action = `${path}/split-payment`;
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    expect(page).toContain(`Usar o saldo (${shown(5_000)}) e cobrar o restante por`);
    expect(page).not.toContain(`${path}/pay-from-balance`);
    expect(formOf(page, action).fromBalance).toBe("50,00");
    const sent = await post(action, { ...formOf(page, action), method: "pix" });
    expect(sent.status).toBe(303);
    const after = await (await get(sent.headers.get("location")!)).text();
    expect(after).toMatch(
      new RegExp(
        `Saldo usado\\. Cobrança do restante: Aguardando o pagador\\. Saldo restante: ${money(0)}\\.`,
      ),
    );
    expect(after).toMatch(
      new RegExp(
        `${money(shirtsAndCapTotal - 5_000)} por PIX \\+ ${money(5_000)} do saldo · Aguardando o pagador`,
      ),
    );
    expect(await balanceOf(customer)).toBe(0);

    // The payer pays the PIX; the page's refresh asks the provider.
    const attempt = (await server.tessera.orders.get((await ordersOf(customer))[0]!.id))!.installments[0]!
      .payments[0]!;
    server.sandbox.sandbox.pay(attempt.idempotencyKey);
    const refresh = `${path}/payments/${attempt.id}/refresh`;
    const refreshed = await post(refresh, formOf(after, refresh));
    expect(refreshed.status).toBe(303);
    const paid = await (await get(refreshed.headers.get("location")!)).text();
    expect(paid).toContain("Pagamento atualizado: Pago.");
    expect(paid).toMatch(
      /Situação do pedido<\/dt><dd>Pago · <strong class="badge">Descontado do saldo<\/strong>/,
    );
    expect((await ordersOf(customer))[0]).toMatchObject({ status: "paid", paidFromBalance: true });
  });

  it("cancels an order nothing of which is paid once confirmed; refuses while an attempt is open and once paid", async () => {
    const customer = await customerWith("order-page-cancel-0001");
    const { path } = await orderFor(customer, "order-page-cancel-order");
    const action = `${path}/cancellation`;
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    const unconfirmed = await post(action, formOf(page, action));
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toMatch(
      /id="order-cancel-confirm-error">Marque a confirmação para cancelar o pedido\./,
    );

    // An open PIX attempt: cancel it first.
    const charge = await post(`${path}/charge`, { ...formOf(page, `${path}/charge`), method: "pix" });
    expect(charge.status).toBe(303);
    const busy = await post(action, { ...formOf(page, action), confirm: "yes" });
    expect(busy.status).toBe(409);
    const busyPage = await busy.text();
    expect(busyPage).toContain("Há uma tentativa de pagamento em aberto para este pedido");
    const attempt = (await server.tessera.orders.get((await ordersOf(customer))[0]!.id))!.installments[0]!
      .payments[0]!;
    const dropAttempt = `${path}/payments/${attempt.id}/cancel`;
    expect((await post(dropAttempt, formOf(busyPage, dropAttempt))).status).toBe(303);

    const canceled = await post(action, { ...formOf(page, action), confirm: "yes" });
    expect(canceled.status).toBe(303);
    const after = await (await get(canceled.headers.get("location")!)).text();
    expect(after).toContain("Pedido cancelado.");
    expect(after).toMatch(/Situação do pedido<\/dt><dd>Cancelado/);
    expect(after).not.toContain(`action="${action}"`);
    expect((await ordersOf(customer))[0]?.status).toBe("canceled");

    const paidCustomer = await customerWith("order-page-cancel-0002", 20_000);
    const { path: paidPath } = await orderFor(paidCustomer, "order-page-cancel-paid");
    const paidPage = await (await get(paidPath)).text();
    expect(paidPage).not.toContain(`${paidPath}/cancellation`);
    const refused = await post(`${paidPath}/cancellation`, { ...formOf(page, action), confirm: "yes" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Parte deste pedido já foi paga");
    expect((await ordersOf(paidCustomer))[0]?.status).toBe("paid");
  });
});

/** An order of `unitPrice` paid at once by an approved card, made in core: its paid payment and its page. */
async function cardOrder(customer: Customer, key: string, unitPrice = shirtsAndCapTotal) {
  const { token } = await server.sandbox.sandbox.tokenizeCard({
    number: server.sandbox.sandbox.testCards.approvedVisa.number,
    holder: "ANA SOUZA",
    expMonth: 12,
    expYear: 2099,
    cvc: "123",
  });
  const outcome = await server.tessera.orders.create({
    unitId: server.unit.id,
    customerId: customer.id,
    items: [{ description: "Kit de boas-vindas", quantity: 1, unitPrice: brl(unitPrice) }],
    method: "card",
    card: { type: "token", token },
    idempotencyKey: key,
  });
  expect(outcome.order.status).toBe("paid");
  const payment = outcome.payment!;
  const path = `${base}/orders/${outcome.order.id}`;
  return { order: outcome.order, payment, path, refund: `${path}/payments/${payment.id}/refund` };
}

const refundsOf = async (orderId: Id<"order">) => (await server.tessera.orders.get(orderId))!.refunds;

describe("refunding an order's payment from its page", () => {
  it("refunds part of a card payment to the card, then the rest to the wallet: the balance grows and the order is refunded — once for a form sent twice", async () => {
    const customer = await customerWith("order-refund-card-0001");
    const { order, payment, path, refund } = await cardOrder(customer, "order-refund-card-order");
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    expect(page).toContain("Estornar este pagamento");
    expect(page).toMatch(new RegExp(`estornar tudo o que resta: ${money(shirtsAndCapTotal)}\\.`));
    expect(page).toContain("Para a forma de pagamento original (Cartão de crédito)");

    const toCard = {
      ...formOf(page, refund),
      amount: "40,00",
      destination: "original_method",
      reason: "Camiseta devolvida",
    };
    const partial = await post(refund, toCard);
    expect(partial.status).toBe(303);
    expect(partial.headers.get("location")).toBe(`${path}?notice=refunded&status=succeeded`);
    const after = await (await get(partial.headers.get("location")!)).text();
    expect(after).toContain("Estorno registrado: Concluído.");
    expect(after).toMatch(
      new RegExp(`${money(4_000)} · Forma de pagamento original · Concluído · .* · Camiseta devolvida`),
    );
    expect(after).toMatch(/Situação do pedido<\/dt><dd>Pago/);
    expect(after).toMatch(new RegExp(`estornar tudo o que resta: ${money(shirtsAndCapTotal - 4_000)}\\.`));
    // A double click: the form's key answers the first refund.
    expect((await post(refund, toCard)).status).toBe(303);
    expect(await refundsOf(order.id)).toHaveLength(1);
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("partially_refunded");

    const toWallet = await post(refund, {
      ...formOf(after, refund),
      amount: "",
      destination: "wallet",
      reason: "",
    });
    expect(toWallet.status).toBe(303);
    const done = await (await get(toWallet.headers.get("location")!)).text();
    expect(done).toMatch(new RegExp(`${money(shirtsAndCapTotal - 4_000)} · Carteira do cliente · Concluído`));
    expect(done).toMatch(/Situação do pedido<\/dt><dd>Estornado/);
    // Nothing left to refund: no form.
    expect(done).not.toContain(`action="${refund}"`);
    expect(await balanceOf(customer)).toBe(shirtsAndCapTotal - 4_000);
    expect((await ordersOf(customer))[0]?.status).toBe("refunded");
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("refunded");
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 20 });
    expect(
      audit.items.filter((entry) => entry.action === "payment.refunded").map((entry) => entry.details),
    ).toEqual([
      expect.objectContaining({
        order: order.id,
        amount: shirtsAndCapTotal - 4_000,
        destination: "wallet",
        replayed: false,
      }),
      expect.objectContaining({
        order: order.id,
        amount: 4_000,
        destination: "original_method",
        replayed: true,
      }),
      expect.objectContaining({
        order: order.id,
        amount: 4_000,
        destination: "original_method",
        replayed: false,
      }),
    ]);
  });

  it("refuses more than is left to refund, the message beside the amount, keeping what was typed and refunding nothing", async () => {
    const customer = await customerWith("order-refund-big-0001");
    const { order, payment, path, refund } = await cardOrder(customer, "order-refund-big-order");
    const { get, post } = await owner();
    const fields = formOf(await (await get(path)).text(), refund);
    const refused = await post(refund, {
      ...fields,
      amount: "200,00",
      destination: "original_method",
      reason: "Troca",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(
      new RegExp(
        `id="refund-${payment.id}-amount-error">Só resta ${money(shirtsAndCapTotal)} para estornar\\.`,
      ),
    );
    expect(html).toContain('value="200,00"');
    expect(html).toContain('value="Troca"');
    expect(html).toMatch(/<details open>\s*<summary id="refund-/);
    // The same key: nothing was written under it.
    expect(formOf(html, refund).idempotencyKey).toBe(fields.idempotencyKey);
    expect(await refundsOf(order.id)).toEqual([]);
    expect((await ordersOf(customer))[0]?.status).toBe("paid");
  });

  it("refuses a refund without the session's CSRF token, refunding nothing", async () => {
    const customer = await customerWith("order-refund-csrf-0001");
    const { order, path, refund } = await cardOrder(customer, "order-refund-csrf-order");
    const { get, post } = await owner();
    const fields = {
      ...formOf(await (await get(path)).text(), refund),
      amount: "",
      destination: "wallet",
      reason: "",
    };
    expect((await post(refund, { ...fields, _csrf: "forged" })).status).toBe(403);
    expect((await post(refund, { ...fields, _csrf: "" })).status).toBe(403);
    expect(await refundsOf(order.id)).toEqual([]);
    expect(await balanceOf(customer)).toBe(0);
  });

  it("answers 404 to a member of another unit, under either unit's address, and refunds nothing", async () => {
    const customer = await customerWith("order-refund-scope-0001");
    const { order, payment, path, refund } = await cardOrder(customer, "order-refund-scope-order");
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: "Gerente Sul",
      email: "sul@aurora.example",
      password,
      role: "manager",
      scope: { kind: "unit", unitId: other.id },
    });
    const outsider = await signInAs(server.app, "sul@aurora.example", password);
    const csrf = await outsider.csrfFrom();
    expect(csrf).not.toBe("");
    const theirs = `/admin/u/aurora-sul/orders/${order.id}/payments/${payment.id}/refund`;
    for (const url of [refund, theirs])
      expect(
        (
          await outsider.post(url, {
            _csrf: csrf,
            idempotencyKey: "order-refund-scope-key-0001",
            amount: "",
            destination: "wallet",
            reason: "",
          })
        ).status,
        url,
      ).toBe(404);
    expect(await refundsOf(order.id)).toEqual([]);
    expect(await balanceOf(customer)).toBe(0);
    expect((await ordersOf(customer))[0]?.status).toBe("paid");
    // The unit's own member refunds it under its address: the 404 was the scope's.
    const { get, post } = await owner();
    const fields = formOf(await (await get(path)).text(), refund);
    expect((await post(refund, { ...fields, amount: "", destination: "wallet", reason: "" })).status).toBe(
      303,
    );
    expect(await balanceOf(customer)).toBe(shirtsAndCapTotal);
  });
});

describe("the unit's orders list", () => {
  it("filters by status, payment status and day, shows each row's facts, and pages", async () => {
    const ana = await customerWith("order-list-0001", 20_000);
    const paid = await orderFor(ana, "order-list-paid", 5_000);
    // The balance left (R$ 150,00) covers neither this one's first line (R$ 200,00) nor the next.
    const waiting = await orderFor(ana, "order-list-waiting", 60_000, 3);
    const canceled = await orderFor(ana, "order-list-canceled", 40_000);
    await server.tessera.orders.cancel({ orderId: canceled.outcome.order.id });
    const charged = await server.tessera.orders.create({
      unitId: server.unit.id,
      customerId: ana.id,
      items: [{ description: "Garrafa", quantity: 3, unitPrice: brl(2_500) }],
      method: "pix",
      idempotencyKey: "order-list-pix",
    });
    const { get } = await owner();
    const ids = async (query: Record<string, string>) => {
      const response = await get(`${base}/orders?${new URLSearchParams(query)}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      return [...html.matchAll(/href="\/admin\/u\/aurora-centro\/orders\/(ord_\w+)"/g)].map((m) => m[1]);
    };
    const [p, w, c, x] = [paid, waiting, canceled, { outcome: charged }].map((o) => o.outcome.order.id);
    expect(await ids({})).toEqual([x, c, w, p]);
    expect(await ids({ status: "paid" })).toEqual([p]);
    expect(await ids({ status: "open" })).toEqual([x, w]);
    expect(await ids({ status: "canceled" })).toEqual([c]);
    expect(await ids({ paymentStatus: "pending" })).toEqual([x]);
    expect(await ids({ paymentStatus: "error" })).toEqual([]);
    const today = new Date(paid.outcome.order.createdAt).toISOString().slice(0, 10);
    expect(await ids({ from: today, to: today })).toHaveLength(4);
    expect(await ids({ to: "2000-01-01" })).toEqual([]);
    const reversed = await get(`${base}/orders?from=${today}&to=2000-01-01`);
    expect(reversed.status).toBe(422);
    expect(await reversed.text()).toMatch(/id="orders-to-error">A data final não pode ser antes da inicial/);
    const bad = await get(`${base}/orders?from=2026-02-31`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="orders-from-error">Informe uma data válida/);

    const list = await (await get(`${base}/orders`)).text();
    expect(list).toContain(`href="${base}/orders"`);
    const row = (id: string) =>
      list.slice(list.indexOf(`/orders/${id}"`), list.indexOf("</li>", list.indexOf(`/orders/${id}"`)));
    expect(row(x!)).toContain("3× Garrafa");
    expect(row(x!)).toMatch(new RegExp(`<strong>${money(7_500)}</strong> em 1 parcela`));
    expect(row(w!)).toMatch(new RegExp(`<strong>${money(60_000)}</strong> em 3 parcelas`));
    expect(row(w!)).toContain("Em aberto");
    expect(row(p!)).toContain('Pago · <strong class="badge">Descontado do saldo</strong>');
    expect(row(c!)).toContain("Cancelado");
    expect(row(c!)).not.toContain("Descontado do saldo");
    expect(row(x!)).toContain(">Ana Souza</a>");

    for (let n = 0; n < 23; n++) await orderFor(ana, `order-list-more-${String(n).padStart(4, "0")}`, 100);
    const first = await (await get(`${base}/orders`)).text();
    const firstIds = [...first.matchAll(/href="\/admin\/u\/aurora-centro\/orders\/(ord_\w+)"/g)].map(
      (m) => m[1],
    );
    expect(firstIds).toHaveLength(25);
    const next = /href="([^"]+)" rel="next"/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toBeDefined();
    const second = await (await get(next!)).text();
    const secondIds = [...second.matchAll(/href="\/admin\/u\/aurora-centro\/orders\/(ord_\w+)"/g)].map(
      (m) => m[1],
    );
    expect(secondIds).toEqual([w, p]);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(27);
    // A hand-edited cursor starts again from the first page.
    expect((await get(`${base}/orders?cursor=nonsense`)).status).toBe(200);
  });
});

describe("an order's pages and another unit", () => {
  it("answers 404 to a member of another unit, under either unit's address, and takes nothing", async () => {
    const customer = await customerWith("order-scope-0001", 20_000);
    const { path, outcome } = await orderFor(customer, "order-scope-order", 30_000);
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: "Gerente Sul",
      email: "sul@aurora.example",
      password,
      role: "manager",
      scope: { kind: "unit", unitId: other.id },
    });
    const outsider = await signInAs(server.app, "sul@aurora.example", password);
    const csrf = await outsider.csrfFrom();
    expect(csrf).not.toBe("");
    const theirs = `/admin/u/aurora-sul/orders/${outcome.order.id}`;
    for (const url of [
      `${base}/orders`,
      path,
      theirs,
      formPath(customer),
      `/admin/u/aurora-sul/customers/${customer.id}/orders/new`,
    ])
      expect((await outsider.get(url)).status, url).toBe(404);
    for (const url of [
      `${path}/pay-from-balance`,
      `${theirs}/pay-from-balance`,
      `${theirs}/cancellation`,
      createPath(customer),
    ])
      expect(
        (
          await outsider.post(url, {
            _csrf: csrf,
            idempotencyKey: "order-scope-key-0001",
            confirm: "yes",
            ...shirtsAndCap,
            installments: "1",
            payment: "balance",
          })
        ).status,
        url,
      ).toBe(404);
    // An attempt of this unit's that is not the order's (a contract's) is no action of the order's.
    const contractPayment = await demoPixSale(server, "order-scope-sale-0002");
    const { post, csrfFrom } = await owner();
    const notOurs = `${path}/payments/${contractPayment.id}/cancel`;
    expect((await post(notOurs, { _csrf: await csrfFrom() })).status).toBe(404);
    expect((await server.tessera.payments.get(contractPayment.id))?.status).toBe("pending");
    // Their own unit's list does not show this unit's order.
    const list = await (await outsider.get("/admin/u/aurora-sul/orders")).text();
    expect(list).not.toContain(outcome.order.id);
    expect(await balanceOf(customer)).toBe(20_000);
    expect(await ordersOf(customer)).toHaveLength(1);
    expect((await ordersOf(customer))[0]?.status).toBe("open");
  });

  it("refuses a post without the session's CSRF token, making and paying nothing", async () => {
    const customer = await customerWith("order-csrf-0001", 20_000);
    const { get, post } = await owner();
    const form = formOf(await (await get(formPath(customer))).text(), createPath(customer));
    const fields = { ...form, ...shirtsAndCap, installments: "1", payment: "balance" };
    expect((await post(createPath(customer), { ...fields, _csrf: "forged" })).status).toBe(403);
    expect((await post(createPath(customer), { ...fields, _csrf: "" })).status).toBe(403);
    expect(await ordersOf(customer)).toEqual([]);
    const { path } = await orderFor(customer, "order-csrf-order", 30_000);
    const paid = await post(`${path}/pay-from-balance`, { _csrf: "", idempotencyKey: "order-csrf-key-0001" });
    expect(paid.status).toBe(403);
    expect(await balanceOf(customer)).toBe(20_000);
  });
});
