import { type Customer, formatMoney, type Money } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, hiddenFieldsOf, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer, demoPixSale } from "../http/test-app";
import { nextUnpaidOf } from "./contract-page";
import { buyerJoao, cardSale } from "./reports/report-test-sales";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const base = "/admin/u/aurora-centro";
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const brl = (amount: number): Money => ({ amount, currency: "BRL" });
const shown = (amount: number) => formatMoney(brl(amount), "pt-BR");

/** The hidden fields of the form posting to `action` on a page: its CSRF token and idempotency key. */
const formOf = (html: string, action: string): { _csrf: string; idempotencyKey: string } =>
  hiddenFieldsOf(html, action, ["_csrf", "idempotencyKey"]);

/** A customer of the demo unit (a PIX sale of the day pass), and their wallet's address. */
async function customerOfUnit(key: string): Promise<{ customer: Customer; wallet: string }> {
  const payment = await demoPixSale(server, key);
  const sale = await server.tessera.sales.outcome(payment.id);
  return { customer: sale.customer, wallet: `${base}/customers/${sale.customer.id}/wallet` };
}

const historyOf = async (customer: Customer) => (await server.tessera.wallet.history(customer.id)).items;
const balanceOf = async (customer: Customer) =>
  (await server.tessera.wallet.balance(customer.id, "BRL")).amount;

describe("the customer's wallet in the back office", () => {
  it("credits the wallet and shows the new balance; the same form sent twice credits once, audited", async () => {
    const { customer, wallet } = await customerOfUnit("wallet-page-credit-0001");
    const { get, post } = await owner();
    const customerPage = await (await get(`${base}/customers/${customer.id}`)).text();
    expect(customerPage).toContain(`Saldo na carteira: ${shown(0)}`);
    expect(customerPage).toContain(`href="${wallet}"`);

    const page = await (await get(wallet)).text();
    expect(page).toContain("Nenhum lançamento ainda.");
    const form = {
      ...formOf(page, `${wallet}/credits`),
      amount: "150,00",
      method: "pix",
      note: "adiantamento",
    };
    expect(form.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const first = await post(`${wallet}/credits`, form);
    expect(first.status).toBe(303);
    const after = await (await get(first.headers.get("location")!)).text();
    expect(after).toContain("Crédito lançado.");
    expect(after).toContain(`<strong>${shown(15_000)}</strong>`);
    expect(after).toMatch(/<strong>Crédito<\/strong> · <strong>R\$\s150,00<\/strong>/);
    expect(after).toContain("PIX · Por Dona do Estúdio Aurora");
    expect(after).toContain("adiantamento");

    // A double click, a reload of the post: the form's key answers the first credit.
    const again = await post(`${wallet}/credits`, form);
    expect(again.status).toBe(303);
    expect(await historyOf(customer)).toHaveLength(1);
    expect(await balanceOf(customer)).toBe(15_000);
    // The same form edited and sent again: the first stands, and a fresh key is offered.
    const edited = await post(`${wallet}/credits`, { ...form, amount: "99,00" });
    expect(edited.status).toBe(409);
    const editedPage = await edited.text();
    expect(editedPage).toContain("Este formulário já tinha sido enviado com outros dados");
    expect(formOf(editedPage, `${wallet}/credits`).idempotencyKey).not.toBe(form.idempotencyKey);
    expect(await balanceOf(customer)).toBe(15_000);

    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const credits = audit.items.filter((entry) => entry.action === "wallet.credited");
    expect(credits.map((entry) => entry.details["replayed"])).toEqual([true, false]);
    expect(credits[0]).toMatchObject({
      actor: { kind: "staff" },
      subject: { kind: "wallet_entry" },
      details: { customerId: customer.id, amount: 15_000, method: "pix" },
    });
    expect(await (await get(`${base}/customers/${customer.id}`)).text()).toContain(
      `Saldo na carteira: ${shown(15_000)}`,
    );
  });

  it("shows what is wrong beside each input of the credit form, in the member's language", async () => {
    const { customer, wallet } = await customerOfUnit("wallet-page-credit-0002");
    const { get, post } = await owner();
    const form = formOf(await (await get(wallet)).text(), `${wallet}/credits`);
    const bad = await post(`${wallet}/credits`, { ...form, amount: "dez reais", method: "cheque" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="wallet-credit-amount-error">Informe um valor, como 189,90\./);
    expect(html).toMatch(/id="wallet-credit-method-error">Escolha uma das opções da lista\./);
    expect(formOf(html, `${wallet}/credits`).idempotencyKey).toBe(form.idempotencyKey);
    const stale = await post(`${wallet}/credits`, { _csrf: form._csrf, amount: "10", method: "cash" });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain("Este formulário expirou.");
    const zero = await post(`${wallet}/credits?lang=en`, { ...form, amount: "0", method: "cash" });
    expect(await zero.text()).toContain("Enter an amount above zero.");
    expect(await historyOf(customer)).toEqual([]);
  });

  it("refuses a debit beyond the balance with the clear error and writes nothing; a debit needs a note", async () => {
    const { customer, wallet } = await customerOfUnit("wallet-page-debit-0001");
    await server.tessera.wallet.credit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(5_000),
      method: "cash",
      idempotencyKey: "wallet-page-debit-credit",
    });
    const { get, post } = await owner();
    const form = formOf(await (await get(wallet)).text(), `${wallet}/debits`);
    const beyond = await post(`${wallet}/debits`, { ...form, amount: "80", note: "devolução em espécie" });
    expect(beyond.status).toBe(422);
    const html = await beyond.text();
    expect(html).toContain(
      `id="wallet-debit-amount-error">O saldo (${shown(5_000)}) não cobre este débito. Nada foi lançado.`,
    );
    expect(await historyOf(customer)).toHaveLength(1);
    expect(await balanceOf(customer)).toBe(5_000);

    const noNote = await post(`${wallet}/debits`, { ...form, amount: "20", note: "" });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toMatch(
      /id="wallet-debit-note-error">Diga por que o dinheiro sai da carteira\./,
    );
    // The key of the refused form still works: nothing was written under it.
    const done = await post(`${wallet}/debits`, { ...form, amount: "20", note: "devolução em espécie" });
    expect(done.status).toBe(303);
    const after = await (await get(done.headers.get("location")!)).text();
    expect(after).toContain("Débito lançado.");
    expect(after).toContain(`<strong>${shown(3_000)}</strong>`);
    expect(after).toMatch(/<strong>Débito<\/strong> · <strong>-R\$\s20,00<\/strong>/);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ action: "wallet.debited", details: { amount: -2_000 } });
  });

  it("reverses a credit once: the line says it was undone and offers no second reversal", async () => {
    const { customer, wallet } = await customerOfUnit("wallet-page-reverse-0001");
    const credited = await server.tessera.wallet.credit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(10_000),
      method: "card",
      note: "lançado por engano",
      idempotencyKey: "wallet-page-reverse-credit",
    });
    const { get, post } = await owner();
    const action = `${wallet}/entries/${credited.entry.id}/reverse`;
    const page = await (await get(wallet)).text();
    const form = formOf(page, action);
    const noNote = await post(action, { ...form, note: "" });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain(
      `id="reverse-note-${credited.entry.id}-error">Diga por que o lançamento é desfeito.`,
    );
    const reversed = await post(action, { ...form, note: "valor errado" });
    expect(reversed.status).toBe(303);
    const after = await (await get(reversed.headers.get("location")!)).text();
    expect(after).toContain("Lançamento desfeito.");
    expect(after).toContain(`<strong>${shown(0)}</strong>`);
    expect(after).toContain("Desfeito em");
    expect(after).toContain("Desfaz o lançamento de");
    expect(after).not.toContain(`action="${action}"`);

    const twice = await post(action, { ...form, note: "de novo" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Este lançamento não pode ser desfeito");
    const lines = await historyOf(customer);
    expect(lines.map((line) => line.kind)).toEqual(["credit", "reversal"]);
    expect(await balanceOf(customer)).toBe(0);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(audit.items[0]).toMatchObject({
      action: "wallet.entry_reversed",
      details: { reverses: credited.entry.id, amount: -10_000 },
    });
  });

  it("refuses to reverse a credit already spent, saying why; answers 404 for another customer's line", async () => {
    const { customer, wallet } = await customerOfUnit("wallet-page-reverse-0002");
    const credited = await server.tessera.wallet.credit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(4_000),
      method: "cash",
      idempotencyKey: "wallet-page-spent-credit",
    });
    await server.tessera.wallet.debit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(3_000),
      note: "devolvido",
      idempotencyKey: "wallet-page-spent-debit",
    });
    const { get, post } = await owner();
    const action = `${wallet}/entries/${credited.entry.id}/reverse`;
    const spent = await post(action, { ...formOf(await (await get(wallet)).text(), action), note: "engano" });
    expect(spent.status).toBe(422);
    expect(await spent.text()).toContain(`O saldo (${shown(1_000)}) não cobre desfazer este crédito`);

    const other = await server.tessera.sales.outcome(
      (
        await server.tessera.sales.start({
          unitId: server.unit.id,
          planId: server.plans.find((plan) => plan.kind === "pass")!.id,
          buyer: buyerJoao,
          method: "pix",
          idempotencyKey: "wallet-page-other-0001",
        })
      ).payment!.id,
    );
    const crossed = `${base}/customers/${other.customer.id}/wallet/entries/${credited.entry.id}/reverse`;
    const answer = await post(crossed, { ...formOf(await (await get(wallet)).text(), action), note: "x" });
    expect(answer.status).toBe(404);
    expect(await historyOf(customer)).toHaveLength(2);
  });

  it("pages the history newest first", async () => {
    const { customer, wallet } = await customerOfUnit("wallet-page-pages-0001");
    for (let n = 1; n <= 27; n++) {
      await server.tessera.wallet.credit({
        customerId: customer.id,
        unitId: server.unit.id,
        amount: brl(n * 100),
        method: "cash",
        note: `crédito número ${n}.`,
        idempotencyKey: `wallet-page-pages-${String(n).padStart(4, "0")}`,
      });
    }
    const { get } = await owner();
    const notes = (html: string) => [...html.matchAll(/crédito número (\d+)\./g)].map((m) => Number(m[1]));
    const first = await (await get(wallet)).text();
    expect(notes(first)).toEqual(Array.from({ length: 25 }, (_, index) => 27 - index));
    const next = /href="([^"]+)" rel="next"/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    const second = await (await get(next!)).text();
    expect(notes(second)).toEqual([2, 1]);
    expect(second).not.toContain('rel="next"');
    expect(second).toContain("Voltar aos lançamentos mais recentes");
  });
});

describe("the wallet on the contract page", () => {
  it("pays a declined sale's contract from the balance: the contract is active, the debit names it, once", async () => {
    const declined = await cardSale(server, {
      plan: "Mensal",
      buyer: buyerJoao,
      card: "insufficientFunds",
      key: "wallet-contract-declined-0001",
    });
    expect(declined.status).toBe("declined");
    const contractPath = `${base}/contracts/${declined.contract.id}`;
    const detail = (await server.tessera.contracts.get(declined.contract.id))!;
    const due = nextUnpaidOf(detail)!;
    const { get, post } = await owner();
    // Without the balance to cover it, there is no such action.
    expect(await (await get(contractPath)).text()).not.toContain(`${contractPath}/pay-from-balance`);
    await server.tessera.wallet.credit({
      customerId: declined.customer.id,
      unitId: server.unit.id,
      amount: brl(due.amount.amount + 1_000),
      method: "pix",
      idempotencyKey: "wallet-contract-declined-credit",
    });
    const page = await (await get(contractPath)).text();
    expect(page).toContain(`Saldo na carteira do cliente: ${shown(due.amount.amount + 1_000)}`);
    expect(page).toContain(`Pagar ${shown(due.amount.amount)} com o saldo`);
    const form = formOf(page, `${contractPath}/pay-from-balance`);
    const paid = await post(`${contractPath}/pay-from-balance`, form);
    expect(paid.status).toBe(303);
    const after = await (await get(paid.headers.get("location")!)).text();
    expect(after).toContain(`Pago com o saldo. Saldo restante: ${shown(1_000)}.`);
    expect(after).toContain("Saldo em conta · ");
    expect((await server.tessera.contracts.get(declined.contract.id))?.contract.status).toBe("active");
    // Sent again with its key: the same payment, no second debit.
    expect((await post(`${contractPath}/pay-from-balance`, form)).status).toBe(303);
    const lines = await historyOf(declined.customer);
    expect(lines.map((line) => line.kind)).toEqual(["credit", "debit"]);
    expect(lines[1]?.paymentId).not.toBeNull();
    const wallet = await (await get(`${base}/customers/${declined.customer.id}/wallet`)).text();
    expect(wallet).toContain(`<a href="${contractPath}">Pagou Mensal</a>`);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(audit.items.map((entry) => entry.action)).toContain("wallet.paid_from_balance");
  });

  it("says the balance does not cover the installment when it is sent anyway, and takes nothing", async () => {
    const declined = await cardSale(server, {
      plan: "Mensal",
      buyer: buyerJoao,
      card: "insufficientFunds",
      key: "wallet-contract-short-0001",
    });
    const contractPath = `${base}/contracts/${declined.contract.id}`;
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(contractPath)).text(), "_csrf");
    const short = await post(`${contractPath}/pay-from-balance`, {
      _csrf: csrf,
      idempotencyKey: "wallet-contract-short-key",
    });
    expect(short.status).toBe(422);
    expect(await short.text()).toMatch(
      /O saldo \(R\$\s0,00\) não cobre a parcela \(R\$\s[\d.,]+\)\. Nada foi descontado\./,
    );
    expect((await server.tessera.contracts.get(declined.contract.id))?.contract.status).toBe(
      "pending_payment",
    );
    expect(await historyOf(declined.customer)).toEqual([]);
  });

  it("refunds a paid payment to the wallet: the history shows the refund credit with its contract", async () => {
    const payment = await demoPixSale(server, "wallet-contract-refund-0001");
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    await server.tessera.payments.refresh(payment.id);
    const sale = await server.tessera.sales.outcome(payment.id);
    const contractPath = `${base}/contracts/${sale.contract.id}`;
    const action = `${contractPath}/payments/${payment.id}/refund`;
    const { get, post } = await owner();
    const page = await (await get(contractPath)).text();
    expect(page).toContain("Para a forma de pagamento original (PIX)");
    expect(page).toContain("Para a carteira do cliente");
    const form = formOf(page, action);
    const tooMuch = await post(action, { ...form, amount: "50,00", destination: "wallet", reason: "" });
    expect(tooMuch.status).toBe(422);
    expect(await tooMuch.text()).toContain(`Só resta ${shown(4_500)} para estornar.`);

    const refunded = await post(action, {
      ...form,
      amount: "",
      destination: "wallet",
      reason: "aula cancelada",
    });
    expect(refunded.status).toBe(303);
    const after = await (await get(refunded.headers.get("location")!)).text();
    expect(after).toContain("Estorno registrado: Concluído.");
    expect(after).toContain("Carteira do cliente · Concluído");
    expect(after).not.toContain(`action="${action}"`);
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("refunded");

    const wallet = await (await get(`${base}/customers/${sale.customer.id}/wallet`)).text();
    expect(wallet).toContain(`<strong>${shown(4_500)}</strong>`);
    expect(wallet).toMatch(/<strong>Estorno para a carteira<\/strong> · <strong>R\$\s45,00<\/strong>/);
    expect(wallet).toContain(`<a href="${contractPath}">Estorno de um pagamento de Day pass</a>`);
    expect(wallet).toContain("aula cancelada");
    // A refund line is not reversed by hand: refund that payment instead.
    expect(wallet).not.toContain("/reverse");
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(audit.items[0]).toMatchObject({
      action: "payment.refunded",
      subject: { id: payment.id },
      details: { destination: "wallet", status: "succeeded", amount: 4_500 },
    });
  });

  it("refunds part of a payment through the provider, to the original method", async () => {
    const payment = await demoPixSale(server, "wallet-contract-refund-0002");
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    await server.tessera.payments.refresh(payment.id);
    const sale = await server.tessera.sales.outcome(payment.id);
    const contractPath = `${base}/contracts/${sale.contract.id}`;
    const action = `${contractPath}/payments/${payment.id}/refund`;
    const { get, post } = await owner();
    const form = formOf(await (await get(contractPath)).text(), action);
    const answer = await post(action, { ...form, amount: "10", destination: "original_method", reason: "" });
    expect(answer.status).toBe(303);
    const refunds = await server.tessera.refunds.listByPayment(payment.id);
    expect(refunds).toMatchObject([{ destination: "original_method", amount: { amount: 1_000 } }]);
    expect(await historyOf(sale.customer)).toEqual([]);
    const after = await (await get(contractPath)).text();
    expect(after).toContain(`Deixe em branco para estornar tudo o que resta: ${shown(3_500)}.`);
  });
});
