import { expect, it } from "vitest";
import type { Customer } from "../../customers/customer";
import type { Id } from "../../ids/id";
import { brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/**
 * Paying from the wallet beside another method, and by itself when the balance covers what is
 * due (DESIGN §2 "an order with no amount paid by other means is paid from the wallet"; the
 * imprimaSTORE seed's "descontado do saldo"). The monthly plan's first charge is 19,990
 * (14,990 and the 5,000 enrollment fee).
 */
export function splitPaymentScenarios(current: () => ScenarioEnv): void {
  let keys = 0;
  const key = (label: string) => `${label}-${++keys}-${Math.random().toString(36).slice(2, 10)}`;

  /** Ana as a known customer of the studio with `amount` in her wallet. */
  const anaWithBalance = async (amount: number): Promise<Customer> => {
    const env = current();
    const { customer } = await env.tessera.customers.register({
      organizationId: env.org.id,
      ...buyerAna,
    });
    if (amount > 0) {
      await env.tessera.wallet.credit({
        customerId: customer.id,
        unitId: env.unit.id,
        amount: brl(amount),
        method: "cash",
        note: "crédito no balcão",
        actor: "stf_recepcao",
        idempotencyKey: key("credit"),
      });
    }
    return customer;
  };

  const balanceOf = (customerId: Id<"customer">) => current().tessera.wallet.balance(customerId, "BRL");
  const linesOf = async (customerId: Id<"customer">) =>
    (await current().tessera.wallet.history(customerId)).items.map((entry) => [
      entry.kind,
      entry.amount.amount,
    ]);

  it("pays part from the balance and the rest by card: the provider charges only the rest, the months are paid, a replay debits nothing more", async () => {
    const env = current();
    const ana = await anaWithBalance(5_000);
    const sale = {
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card" as const,
      card: await env.card("approvedVisa"),
      fromBalance: brl(5_000),
      idempotencyKey: "split-sale-0001",
      source: "staff" as const,
    };
    const outcome = await env.tessera.sales.start(sale);
    expect(outcome.status).toBe("succeeded");
    expect(outcome.payment).toMatchObject({
      method: "card",
      amount: brl(14_990),
      fromBalance: { amount: brl(5_000) },
    });
    expect(outcome.contract.status).toBe("active");
    expect(outcome.installments.filter((i) => i.sequence === 1).map((i) => i.status)).toEqual([
      "confirmed",
      "confirmed",
    ]);
    expect(env.sandbox.sandbox.ledger().charges.map((charge) => charge.amount)).toEqual([brl(14_990)]);
    expect(await balanceOf(ana.id)).toEqual(brl(0));
    const [, debit] = (await env.tessera.wallet.history(ana.id)).items;
    expect(debit).toMatchObject({
      id: outcome.payment?.fromBalance?.entryId,
      kind: "debit",
      amount: brl(-5_000),
      paymentId: outcome.payment?.id,
    });
    const again = await env.tessera.sales.start({ ...sale, card: await env.card("approvedVisa") });
    expect(again).toMatchObject({ replayed: true, payment: { id: outcome.payment?.id } });
    expect(await linesOf(ana.id)).toEqual([
      ["credit", 5_000],
      ["debit", -5_000],
    ]);
  });

  it("gives the balance part back when the card is declined, and takes it again with the retry that pays", async () => {
    const env = current();
    const ana = await anaWithBalance(5_000);
    const declined = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("insufficientFunds"),
      fromBalance: brl(5_000),
      idempotencyKey: key("split-declined"),
      source: "api",
    });
    expect(declined.status).toBe("declined");
    expect(declined.customer.status).toBe("blocked");
    expect(await balanceOf(ana.id)).toEqual(brl(5_000));
    const history = (await env.tessera.wallet.history(ana.id)).items;
    expect(history.map((entry) => [entry.kind, entry.amount.amount])).toEqual([
      ["credit", 5_000],
      ["debit", -5_000],
      ["reversal", 5_000],
    ]);
    expect(history[2]).toMatchObject({ reversesEntryId: history[1]?.id, paymentId: declined.payment?.id });

    const retried = await env.tessera.payments.retry({
      contractId: declined.contract.id,
      method: "card",
      card: await env.card("approvedVisa"),
      fromBalance: brl(5_000),
      actor: "stf_recepcao",
      idempotencyKey: key("split-retry"),
    });
    expect(retried.status).toBe("succeeded");
    expect(retried.payment).toMatchObject({
      amount: brl(14_990),
      fromBalance: { amount: brl(5_000) },
      attempt: 2,
    });
    expect(retried.customer.status).toBe("active");
    expect(await balanceOf(ana.id)).toEqual(brl(0));
    expect((await env.tessera.wallet.history(ana.id)).items.at(-1)).toMatchObject({ actor: "stf_recepcao" });
  });

  it("gives the part of a canceled PIX back, and takes it again when the payer pays the PIX after all — or tells staff the balance is short", async () => {
    const env = current();
    const ana = await anaWithBalance(10_000);
    /** A PIX split whose answer was lost, canceled by staff while the provider still holds it. */
    const canceledPix = async () => {
      env.sandbox.sandbox.injectFault({ kind: "timeout", method: "pix", when: "after_charge" });
      const sale = await env.tessera.sales.start({
        unitId: env.unit.id,
        planId: env.monthly.id,
        buyer: buyerAna,
        method: "pix",
        fromBalance: brl(5_000),
        idempotencyKey: key("split-pix"),
        source: "api",
      });
      expect(sale.status).toBe("unknown");
      const canceled = await env.tessera.payments.cancelAttempt(sale.payment!.id);
      expect(canceled.status).toBe("canceled");
      return canceled;
    };

    const first = await canceledPix();
    expect(await balanceOf(ana.id)).toEqual(brl(10_000));
    env.sandbox.sandbox.pay(first.idempotencyKey);
    const paid = await env.tessera.payments.refresh(first.id);
    expect(paid.status).toBe("succeeded");
    expect(await balanceOf(ana.id)).toEqual(brl(5_000));
    expect((await env.tessera.wallet.history(ana.id)).items.at(-1)).toMatchObject({
      kind: "debit",
      amount: brl(-5_000),
      paymentId: first.id,
    });

    const second = await canceledPix();
    expect(await balanceOf(ana.id)).toEqual(brl(5_000));
    await env.tessera.wallet.debit({
      customerId: ana.id,
      unitId: env.unit.id,
      amount: brl(5_000),
      note: "devolvido em dinheiro",
      idempotencyKey: key("debit"),
    });
    env.sandbox.sandbox.pay(second.idempotencyKey);
    const late = await env.tessera.payments.refresh(second.id);
    expect(late.status).toBe("succeeded");
    // It no longer claims the part it did not collect: a refund cannot give that part back.
    expect(late.fromBalance).toBeNull();
    expect(await balanceOf(ana.id)).toEqual(brl(0));
    const detail = await env.tessera.contracts.get(
      (await env.storage.installments.findByIds(second.installmentIds))[0]!.contractId!,
    );
    expect(
      detail?.installments
        .filter((line) => line.installment.sequence === 1)
        .map((line) => line.installment.status),
    ).toEqual(["confirmed", "confirmed"]);
    const short = (await env.storage.outbox.listUndelivered(1_000))
      .map((entry) => entry.event)
      .filter((event) => event.type === "payment.balance_short");
    expect(short.map((event) => event.payload)).toEqual([
      { paymentId: second.id, customerId: ana.id, amount: brl(5_000) },
    ]);
    const back = await env.tessera.refunds.refund({
      paymentId: second.id,
      destination: "wallet",
      reason: "desistência",
      idempotencyKey: key("refund"),
    });
    expect(back.refund.amount).toEqual(brl(14_990));
    expect(back.payment.status).toBe("refunded");
    expect(await balanceOf(ana.id)).toEqual(brl(14_990));
  });

  it("refuses a part not less than what is due, in another currency, online, or beyond the balance — writing nothing", async () => {
    const env = current();
    const ana = await anaWithBalance(5_000);
    const sale = async (
      fromBalance: { amount: number; currency: string },
      source: "api" | "online" = "api",
    ) =>
      rejection(
        env.tessera.sales.start({
          unitId: env.unit.id,
          planId: env.monthly.id,
          buyer: buyerAna,
          method: "pix",
          fromBalance,
          idempotencyKey: key("split-bad"),
          source,
        }),
      );
    const whole = await sale(brl(19_990));
    expect(whole.code).toBe("validation_failed");
    expect(whole.details.issues?.[0]).toMatchObject({ path: ["fromBalance"], code: "too_big" });
    const dollars = await sale({ amount: 1_000, currency: "USD" });
    expect(dollars.details.issues?.[0]).toMatchObject({ path: ["fromBalance"], code: "currency_mismatch" });
    const online = await sale(brl(1_000), "online");
    expect(online.details.issues?.[0]).toMatchObject({ path: ["fromBalance"], code: "not_offered" });
    const beyond = await sale(brl(6_000));
    expect(beyond.code).toBe("insufficient_balance");
    expect(await env.tessera.contracts.list({ unitId: env.unit.id })).toMatchObject({ items: [] });
    expect(env.sandbox.sandbox.ledger().charges).toEqual([]);
    expect(await linesOf(ana.id)).toEqual([["credit", 5_000]]);
  });

  it("pays all that is due from the balance with no method — by itself for a known buyer at the desk or through the API, never online", async () => {
    const env = current();
    const ana = await anaWithBalance(19_990);
    const start = (
      source: "api" | "online" | "staff",
      extra: { fromBalance?: { amount: number; currency: string } } = {},
    ) =>
      env.tessera.sales.start({
        unitId: env.unit.id,
        planId: env.monthly.id,
        buyer: buyerAna,
        idempotencyKey: key("wallet-sale"),
        source,
        ...extra,
      });
    const online = await rejection(start("online"));
    expect(online.details.issues?.[0]).toMatchObject({ path: ["method"], code: "required" });

    const paid = await start("api");
    expect(paid.status).toBe("succeeded");
    expect(paid.payment).toMatchObject({
      method: "wallet",
      gatewayId: "wallet",
      rawStatus: "paid_from_balance",
      amount: brl(19_990),
      fromBalance: null,
    });
    expect(paid.contract.status).toBe("active");
    expect(paid.customer.id).toBe(ana.id);
    expect(await balanceOf(ana.id)).toEqual(brl(0));
    expect(env.sandbox.sandbox.ledger().charges).toEqual([]);

    // The balance spent, the next sale without a method must say how to pay.
    const empty = await rejection(start("staff"));
    expect(empty.details.issues?.[0]).toMatchObject({ path: ["method"], code: "required" });
    const asked = await rejection(start("staff", { fromBalance: brl(19_990) }));
    expect(asked.code).toBe("insufficient_balance");
    const part = await rejection(start("staff", { fromBalance: brl(1_000) }));
    expect(part.details.issues?.[0]).toMatchObject({ path: ["fromBalance"], code: "required" });
    expect((await env.tessera.contracts.list({ unitId: env.unit.id })).items).toHaveLength(1);
  });

  it("refunds a split payment: the provider gives back at most what it collected, the wallet the rest, and then it is refunded whole", async () => {
    const env = current();
    const ana = await anaWithBalance(5_000);
    const sale = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "card",
      card: await env.card("approvedVisa"),
      fromBalance: brl(5_000),
      idempotencyKey: key("split-sale"),
      source: "staff",
    });
    const paymentId = sale.payment!.id;
    const toCard = await env.tessera.refunds.refund({
      paymentId,
      reason: "desistência",
      idempotencyKey: key("refund"),
    });
    expect(toCard.refund).toMatchObject({
      amount: brl(14_990),
      destination: "original_method",
      status: "succeeded",
    });
    expect(toCard.payment.status).toBe("partially_refunded");
    const more = await rejection(
      env.tessera.refunds.refund({
        paymentId,
        amount: brl(1),
        reason: "desistência",
        idempotencyKey: key("refund"),
      }),
    );
    expect(more.details.issues?.[0]).toMatchObject({ path: ["amount"], code: "nothing_to_refund" });
    const toWallet = await env.tessera.refunds.refund({
      paymentId,
      destination: "wallet",
      reason: "desistência",
      idempotencyKey: key("refund"),
    });
    expect(toWallet.refund).toMatchObject({ amount: brl(5_000), destination: "wallet", status: "succeeded" });
    expect(toWallet.payment).toMatchObject({ status: "refunded", refundedAmount: brl(19_990) });
    expect(await balanceOf(ana.id)).toEqual(brl(5_000));
    const detail = await env.tessera.contracts.get(sale.contract.id);
    expect(
      detail?.installments
        .filter((line) => line.installment.sequence === 1)
        .map((line) => line.installment.status),
    ).toEqual(["refunded", "refunded"]);
    const none = await rejection(
      env.tessera.refunds.refund({
        paymentId,
        destination: "wallet",
        reason: "x",
        idempotencyKey: key("refund"),
      }),
    );
    expect(none.code).toBe("invalid_transition");
  });
}
