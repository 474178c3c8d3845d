import { type Customer, formatMoney, type Money } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenFieldsOf, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
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
/** The demo's Mensal: its first charge is R$ 189,90 and the R$ 50,00 enrollment fee. */
const monthlyDue = 23_990;

/** The hidden fields of the form posting to `action` on a page. */
const formOf = (html: string, action: string): Record<string, string> =>
  hiddenFieldsOf(html, action, ["_csrf", "idempotencyKey", "fromBalance"]);

/** A declined card sale of the Mensal whose customer has `amount` in the wallet: its contract page. */
async function declinedWithBalance(key: string, amount: number) {
  const declined = await cardSale(server, {
    plan: "Mensal",
    buyer: buyerJoao,
    card: "insufficientFunds",
    key,
  });
  expect(declined.status).toBe("declined");
  await server.tessera.wallet.credit({
    customerId: declined.customer.id,
    unitId: server.unit.id,
    amount: brl(amount),
    method: "cash",
    idempotencyKey: `${key}-credit`,
  });
  const path = `${base}/contracts/${declined.contract.id}`;
  return { declined, path, action: `${path}/split-payment` };
}

const balanceOf = async (customer: Customer) =>
  (await server.tessera.wallet.balance(customer.id, "BRL")).amount;

describe("using part of the balance on the contract page", () => {
  it("offers the balance and a method the desk can charge, takes the balance and charges the rest by PIX — once for a form sent twice", async () => {
    const { declined, path, action } = await declinedWithBalance("split-page-pix-0001", 5_000);
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    expect(page).toContain(`Usar o saldo (${shown(5_000)}) e cobrar o restante por`);
    expect(page).not.toContain(`${path}/pay-from-balance`);
    const form = page.slice(
      page.indexOf(`action="${action}"`),
      page.indexOf("</form>", page.indexOf(`action="${action}"`)),
    );
    // PIX and boleto, the demo's methods but the card, which needs the payer's own browser.
    expect([...form.matchAll(/name="method" value="(\w+)"/g)].map((m) => m[1])).toEqual(["pix", "boleto"]);
    const fields = { ...formOf(page, action), method: "pix" };
    expect(formOf(page, action)["fromBalance"]).toBe("50,00");

    const sent = await post(action, fields);
    expect(sent.status).toBe(303);
    const after = await (await get(sent.headers.get("location")!)).text();
    expect(after).toMatch(
      /Saldo usado\. Cobrança do restante: Aguardando o pagador\. Saldo restante: R\$\s0,00\./,
    );
    expect(after).toMatch(/R\$\s189,90 por PIX \+ R\$\s50,00 do saldo/);
    // The pending attempt offers its instructions to resend, as any pending PIX does.
    const detail = (await server.tessera.contracts.get(declined.contract.id))!;
    const attempt = detail.installments[0]!.payments[0]!;
    expect(attempt).toMatchObject({ method: "pix", status: "pending", fromBalance: { amount: brl(5_000) } });
    expect(after).toContain(`action="${path}/payments/${attempt.id}/resend"`);
    expect(await balanceOf(declined.customer)).toBe(0);

    // Sent again with its key: the same attempt, no second debit.
    expect((await post(action, fields)).status).toBe(303);
    const lines = (await server.tessera.wallet.history(declined.customer.id)).items;
    expect(lines.map((line) => [line.kind, line.amount.amount])).toEqual([
      ["credit", 5_000],
      ["debit", -5_000],
    ]);
    const staff = (await server.tessera.staff.list(server.unit.organizationId)).find(
      (m) => m.role === "owner",
    )!;
    expect(lines[1]).toMatchObject({ actor: staff.id, paymentId: attempt.id });
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const retried = audit.items.filter((entry) => entry.action === "payment.retried");
    expect(retried.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ fromBalance: 5_000, method: "pix", status: "pending", replayed: true }),
      expect.objectContaining({ fromBalance: 5_000, method: "pix", status: "pending", replayed: false }),
    ]);

    // Paid by the payer: the months are paid, the parts still shown.
    server.sandbox.sandbox.pay(attempt.idempotencyKey);
    await server.tessera.payments.refresh(attempt.id);
    const paid = await (await get(path)).text();
    expect(paid).toMatch(/R\$\s189,90 por PIX \+ R\$\s50,00 do saldo · Pago/);
    expect((await server.tessera.contracts.get(declined.contract.id))?.contract.status).toBe("active");
  });

  it("says so in pt-BR when the balance was spent meanwhile, when an attempt is already open, and when the record cannot take a boleto — taking nothing", async () => {
    const { declined, path, action } = await declinedWithBalance("split-page-errors-0001", 5_000);
    const { get, post } = await owner();
    const fields = formOf(await (await get(path)).text(), action);
    // The customer record has no address: Banco Inter's boleto (the sandbox keeps its rule) needs one.
    const boleto = await post(action, { ...fields, method: "boleto" });
    expect(boleto.status).toBe(422);
    expect(await boleto.text()).toContain("Boleto exige dados do cliente que faltam no cadastro");

    await server.tessera.wallet.debit({
      customerId: declined.customer.id,
      unitId: server.unit.id,
      amount: brl(3_000),
      note: "devolvido em dinheiro",
      idempotencyKey: "split-page-errors-debit",
    });
    const short = await post(action, { ...fields, method: "pix" });
    expect(short.status).toBe(422);
    const shortPage = await short.text();
    expect(shortPage).toMatch(
      /O saldo do cliente mudou \(R\$\s20,00\) e não cobre mais a parte de R\$\s50,00 do formulário\. Nada foi cobrado nem descontado\./,
    );
    // The page offers the balance as it is now.
    expect(shortPage).toContain(`Usar o saldo (${shown(2_000)}) e cobrar o restante por`);
    expect(await balanceOf(declined.customer)).toBe(2_000);

    const fresh = formOf(shortPage, action);
    expect((await post(action, { ...fresh, method: "pix" })).status).toBe(303);
    const busy = await post(action, { ...fresh, idempotencyKey: "split-page-errors-again", method: "pix" });
    expect(busy.status).toBe(409);
    const busyPage = await busy.text();
    expect(busyPage).toContain("Já há uma tentativa de pagamento em aberto para esta parcela");
    expect(busyPage).not.toContain(`action="${action}"`);
    expect(await balanceOf(declined.customer)).toBe(0);
  });

  it("is not offered when the balance covers the installment (pay it all) or is empty", async () => {
    const { path, action, declined } = await declinedWithBalance("split-page-covered-0001", monthlyDue);
    const { get } = await owner();
    const covered = await (await get(path)).text();
    expect(covered).toContain(`${path}/pay-from-balance`);
    expect(covered).not.toContain(`action="${action}"`);
    await server.tessera.wallet.debit({
      customerId: declined.customer.id,
      unitId: server.unit.id,
      amount: brl(monthlyDue),
      note: "devolvido",
      idempotencyKey: "split-page-covered-debit",
    });
    const empty = await (await get(path)).text();
    expect(empty).not.toContain(`action="${action}"`);
    expect(empty).not.toContain(`${path}/pay-from-balance`);
  });

  it("refuses a post without the session's CSRF token, and a member of another unit", async () => {
    const { declined, path, action } = await declinedWithBalance("split-page-scope-0001", 5_000);
    const { get, post } = await owner();
    const fields = { ...formOf(await (await get(path)).text(), action), method: "pix" };
    expect((await post(action, { ...fields, _csrf: "forged" })).status).toBe(403);

    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: "Gerente Sul",
      email: "sul@aurora.example",
      password: "uma-senha-bem-longa",
      role: "manager",
      scope: { kind: "unit", unitId: other.id },
    });
    const outsider = await signInAs(server.app, "sul@aurora.example", "uma-senha-bem-longa");
    const csrf = await outsider.csrfFrom();
    const ours = await outsider.post(action, { ...fields, _csrf: csrf });
    expect(ours.status).toBe(404);
    const guessed = await outsider.post(
      `/admin/u/aurora-sul/contracts/${declined.contract.id}/split-payment`,
      {
        ...fields,
        _csrf: csrf,
      },
    );
    expect(guessed.status).toBe(404);
    expect(await balanceOf(declined.customer)).toBe(5_000);
    expect(
      (await server.tessera.contracts.get(declined.contract.id))?.installments[0]?.payments,
    ).toHaveLength(1);
  });
});

describe("a split payment on the contract page", () => {
  it("shows a card sale paid in part from the balance by its parts, and refunds the wallet part only to the wallet", async () => {
    const { customer } = await server.tessera.customers.register({
      organizationId: server.unit.organizationId,
      ...buyerJoao,
    });
    await server.tessera.wallet.credit({
      customerId: customer.id,
      unitId: server.unit.id,
      amount: brl(5_000),
      method: "cash",
      idempotencyKey: "split-page-card-credit",
    });
    const { token } = await server.sandbox.sandbox.tokenizeCard({
      number: server.sandbox.sandbox.testCards.approvedVisa.number,
      holder: "JOAO CONCEICAO",
      expMonth: 12,
      expYear: 2099,
      cvc: "123",
    });
    const sale = await server.tessera.sales.start({
      unitId: server.unit.id,
      planId: server.plans.find((plan) => plan.name === "Mensal")!.id,
      buyer: buyerJoao,
      method: "card",
      card: { type: "token", token },
      fromBalance: brl(5_000),
      idempotencyKey: "split-page-card-0001",
      source: "staff",
    });
    expect(sale.status).toBe("succeeded");
    const path = `${base}/contracts/${sale.contract.id}`;
    const refund = `${path}/payments/${sale.payment!.id}/refund`;
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    expect(page).toMatch(/R\$\s189,90 por cartão \+ R\$\s50,00 do saldo · Pago/);
    expect(page).toMatch(/estornar tudo o que resta: R\$\s239,90\./);
    expect(page).toMatch(/a parte do saldo \(R\$\s50,00\) volta só para a carteira do cliente/);

    const fields = formOf(page, refund);
    const toCard = await post(refund, { ...fields, amount: "", destination: "original_method", reason: "" });
    expect(toCard.status).toBe(303);
    const after = await (await get(path)).text();
    const again = await post(refund, {
      ...formOf(after, refund),
      amount: "",
      destination: "original_method",
      reason: "",
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toMatch(
      /A parte do provedor já foi estornada: o que resta \(R\$\s50,00\) é a parte do saldo/,
    );
    const toWallet = await post(refund, {
      ...formOf(after, refund),
      amount: "",
      destination: "wallet",
      reason: "",
    });
    expect(toWallet.status).toBe(303);
    expect(await balanceOf(customer)).toBe(5_000);
    expect((await server.tessera.payments.get(sale.payment!.id))?.status).toBe("refunded");
  });
});
