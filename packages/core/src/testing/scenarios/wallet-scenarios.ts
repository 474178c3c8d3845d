import { expect, it } from "vitest";
import type { Customer } from "../../customers/customer";
import type { Id } from "../../ids/id";
import { brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";
import { walletPropertyScenarios } from "./wallet-property-scenarios";

/** A customer's account credit: the ledger, paying from it, refunds into it (DESIGN §2, §4 "Wallet"). */
export function walletScenarios(current: () => ScenarioEnv): void {
  let keys = 0;
  const key = (label: string) => `${label}-${++keys}-${Math.random().toString(36).slice(2, 10)}`;

  const aCustomer = async (): Promise<Customer> => {
    const env = current();
    const { customer } = await env.tessera.customers.register({
      organizationId: env.org.id,
      name: "Bruna Lima",
      email: `bruna.${Math.random().toString(36).slice(2)}@example.com`,
    });
    return customer;
  };

  const credit = (customerId: Id<"customer">, amount: number, idempotencyKey = key("credit")) => {
    const env = current();
    return env.tessera.wallet.credit({
      customerId,
      unitId: env.unit.id,
      amount: brl(amount),
      method: "pix",
      note: "crédito antecipado",
      actor: "stf_recepcao",
      idempotencyKey,
    });
  };

  /** A sale declined at checkout: the contract waits for payment, the customer is blocked. */
  const declinedSale = async () => {
    const env = current();
    const outcome = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("insufficientFunds"),
      idempotencyKey: key("declined-sale"),
      source: "api",
    });
    if (outcome.status !== "declined") throw new Error(`expected a declined sale, got ${outcome.status}`);
    return outcome;
  };

  it("credits with a method, a note and who did it; the balance is the sum of the lines; a replay adds nothing", async () => {
    const env = current();
    const customer = await aCustomer();
    const first = await credit(customer.id, 20_000, "wallet-credit-0001");
    expect(first).toMatchObject({ replayed: false, balance: brl(20_000) });
    expect(first.entry).toMatchObject({
      kind: "credit",
      amount: brl(20_000),
      method: "pix",
      note: "crédito antecipado",
      actor: "stf_recepcao",
      unitId: env.unit.id,
    });
    await credit(customer.id, 5_000);
    const again = await credit(customer.id, 20_000, "wallet-credit-0001");
    expect(again).toMatchObject({ replayed: true, entry: first.entry, balance: brl(25_000) });
    const reused = await rejection(credit(customer.id, 1, "wallet-credit-0001"));
    expect(reused.code).toBe("idempotency_key_reused");
    const history = await env.tessera.wallet.history(customer.id);
    expect(history.items.map((entry) => entry.amount.amount)).toEqual([20_000, 5_000]);
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(25_000));
    const events = (await env.storage.outbox.listUndelivered(500)).map((entry) => entry.event);
    expect(events.filter((event) => event.type === "wallet.entry_added")).toHaveLength(2);
  });

  it("refuses a debit beyond the balance with insufficient_balance, writing nothing; takes one within it", async () => {
    const env = current();
    const customer = await aCustomer();
    await credit(customer.id, 3_000);
    const debit = (amount: number) =>
      env.tessera.wallet.debit({
        customerId: customer.id,
        unitId: env.unit.id,
        amount: brl(amount),
        note: "devolvido em dinheiro",
        idempotencyKey: key("debit"),
      });
    expect((await rejection(debit(3_001))).code).toBe("insufficient_balance");
    expect((await env.tessera.wallet.history(customer.id)).items).toHaveLength(1);
    const taken = await debit(1_000);
    expect(taken.entry).toMatchObject({ kind: "debit", amount: brl(-1_000), paymentId: null });
    expect(taken.balance).toEqual(brl(2_000));
    const noReason = await rejection(
      env.tessera.wallet.debit({
        customerId: customer.id,
        unitId: env.unit.id,
        amount: brl(1),
        note: " ",
        idempotencyKey: key("debit"),
      }),
    );
    expect(noReason.code).toBe("validation_failed");
    expect(noReason.details.issues?.[0]?.path).toEqual(["note"]);
  });

  it("refuses bad input as validation_failed, naming the field, and another organization's customer as not_found", async () => {
    const env = current();
    const customer = await aCustomer();
    const bad = await rejection(
      env.tessera.wallet.credit({
        customerId: customer.id,
        unitId: env.unit.id,
        amount: { amount: 10.5, currency: "BRL" },
        method: "pix",
        idempotencyKey: key("credit"),
      }),
    );
    expect(bad.code).toBe("validation_failed");
    expect(bad.details.issues?.[0]?.path).toEqual(["amount", "amount"]);
    const zero = await rejection(credit(customer.id, 0));
    expect(zero.details.issues?.[0]?.path).toEqual(["amount", "amount"]);
    const other = await env.tessera.organizations.createOrganization({ name: "Outro Estúdio" });
    const { customer: stranger } = await env.tessera.customers.register({
      organizationId: other.id,
      name: "Carla Dias",
      email: "carla@example.com",
    });
    expect((await rejection(credit(stranger.id, 1_000))).code).toBe("not_found");
    expect(await env.tessera.wallet.balance(stranger.id, "BRL")).toEqual(brl(0));
  });

  it("reverses a credit once with a line of the opposite amount; refuses a second reversal and one the balance cannot cover", async () => {
    const env = current();
    const customer = await aCustomer();
    const wrong = await credit(customer.id, 8_000);
    const reverse = (entryId: Id<"walletEntry">, idempotencyKey = key("reverse")) =>
      env.tessera.wallet.reverse({ entryId, note: "lançado em dobro", actor: "stf_gerente", idempotencyKey });
    const undone = await reverse(wrong.entry.id, "wallet-reverse-0001");
    expect(undone.entry).toMatchObject({
      kind: "reversal",
      amount: brl(-8_000),
      reversesEntryId: wrong.entry.id,
    });
    expect(undone.balance).toEqual(brl(0));
    expect(await env.tessera.wallet.get(undone.entry.id)).toEqual(undone.entry);
    expect(await env.tessera.wallet.get("wal_00000000000000000000000000")).toBeNull();
    expect((await reverse(wrong.entry.id, "wallet-reverse-0001")).replayed).toBe(true);
    expect((await rejection(reverse(wrong.entry.id))).code).toBe("invalid_transition");
    expect((await rejection(reverse(undone.entry.id))).code).toBe("invalid_transition");
    const spent = await credit(customer.id, 4_000);
    await env.tessera.wallet.debit({
      customerId: customer.id,
      unitId: env.unit.id,
      amount: brl(3_000),
      note: "devolvido em dinheiro",
      idempotencyKey: key("debit"),
    });
    expect((await rejection(reverse(spent.entry.id))).code).toBe("insufficient_balance");
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(1_000));
  });

  it("lets two racing reversals of one credit land once", async () => {
    const env = current();
    const customer = await aCustomer();
    const line = await credit(customer.id, 6_000);
    const settled = await Promise.allSettled(
      [1, 2, 3].map(() =>
        env.tessera.wallet.reverse({ entryId: line.entry.id, note: "estorno", idempotencyKey: key("race") }),
      ),
    );
    expect(settled.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(0));
    expect((await env.tessera.wallet.history(customer.id)).items).toHaveLength(2);
  });

  it("pays a declined sale's installments from the balance: confirmed, the contract active, the customer unblocked, marked paid from balance", async () => {
    const env = current();
    const sale = await declinedSale();
    expect(sale.customer.status).toBe("blocked");
    await credit(sale.customer.id, 25_000);
    const paid = await env.tessera.wallet.payFromBalance({
      contractId: sale.contract.id,
      actor: "stf_recepcao",
      idempotencyKey: "wallet-pay-0001",
    });
    expect(paid.payment).toMatchObject({
      method: "wallet",
      gatewayId: "wallet",
      status: "succeeded",
      rawStatus: "paid_from_balance",
      amount: brl(19_990),
      providerReference: paid.entry.id,
    });
    expect(paid.entry).toMatchObject({ kind: "debit", amount: brl(-19_990), paymentId: paid.payment.id });
    expect(paid.balance).toEqual(brl(5_010));
    expect(paid.contract.status).toBe("active");
    const outcome = await env.tessera.sales.outcome(paid.payment.id);
    expect(outcome.customer.status).toBe("active");
    expect(outcome.installments.filter((i) => i.sequence === 1).map((i) => i.status)).toEqual([
      "confirmed",
      "confirmed",
    ]);
    const again = await env.tessera.wallet.payFromBalance({
      contractId: sale.contract.id,
      actor: "stf_recepcao",
      idempotencyKey: "wallet-pay-0001",
    });
    expect(again).toMatchObject({ replayed: true, payment: { id: paid.payment.id }, balance: brl(5_010) });
    // Nothing reached the provider for it.
    expect(env.sandbox.sandbox.ledger().charges.map((charge) => charge.status)).toEqual(["declined"]);
  });

  it("refuses to pay from a balance that does not cover the installments, and writes nothing", async () => {
    const env = current();
    const sale = await declinedSale();
    await credit(sale.customer.id, 19_989);
    const short = await rejection(
      env.tessera.wallet.payFromBalance({ contractId: sale.contract.id, idempotencyKey: key("pay") }),
    );
    expect(short.code).toBe("insufficient_balance");
    expect(await env.tessera.wallet.balance(sale.customer.id, "BRL")).toEqual(brl(19_989));
    const contract = await env.tessera.contracts.get(sale.contract.id);
    expect(contract?.contract.status).toBe("pending_payment");
    const methods = new Set(
      contract?.installments.flatMap((line) => line.payments.map((payment) => payment.method)),
    );
    expect([...methods]).toEqual(["card"]);
  });

  it("refunds a card payment to the wallet without asking the provider, and a wallet payment back to the wallet", async () => {
    const env = current();
    const sale = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: key("paid-sale"),
      source: "api",
    });
    if (sale.status !== "succeeded") throw new Error(`expected a paid sale, got ${sale.status}`);
    const toWallet = await env.tessera.refunds.refund({
      paymentId: sale.payment.id,
      amount: brl(5_000),
      destination: "wallet",
      reason: "aula cancelada",
      actor: "stf_gerente",
      idempotencyKey: "wallet-refund-0001",
    });
    expect(toWallet.refund).toMatchObject({ status: "succeeded", destination: "wallet", amount: brl(5_000) });
    expect(toWallet.payment).toMatchObject({ status: "partially_refunded", refundedAmount: brl(5_000) });
    expect(env.sandbox.sandbox.ledger().refunds).toEqual([]);
    const [line] = (await env.tessera.wallet.history(sale.customer.id)).items;
    expect(line).toMatchObject({
      kind: "refund_credit",
      amount: brl(5_000),
      method: "card",
      refundId: toWallet.refund.id,
      paymentId: sale.payment.id,
      note: "aula cancelada",
    });
    const over = await rejection(
      env.tessera.refunds.refund({
        paymentId: sale.payment.id,
        amount: brl(14_991),
        destination: "wallet",
        idempotencyKey: key("refund"),
      }),
    );
    expect(over.code).toBe("validation_failed");

    const declined = await declinedSale();
    await credit(declined.customer.id, 19_990);
    const paid = await env.tessera.wallet.payFromBalance({
      contractId: declined.contract.id,
      idempotencyKey: key("pay"),
    });
    const back = await env.tessera.refunds.refund({
      paymentId: paid.payment.id,
      idempotencyKey: key("refund"),
    });
    expect(back.refund).toMatchObject({ status: "succeeded", destination: "wallet", amount: brl(19_990) });
    expect(back.payment.status).toBe("refunded");
    expect(await env.tessera.wallet.balance(declined.customer.id, "BRL")).toEqual(brl(19_990 + 5_000));
    const reversal = await rejection(
      env.tessera.wallet.reverse({ entryId: paid.entry.id, note: "engano", idempotencyKey: key("reverse") }),
    );
    expect(reversal.code).toBe("invalid_transition");
  });

  walletPropertyScenarios(current);
}
