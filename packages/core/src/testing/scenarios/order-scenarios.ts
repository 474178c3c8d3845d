import { expect, it } from "vitest";
import type { Customer } from "../../customers/customer";
import type { Id } from "../../ids/id";
import { billingEnv, runDays, totalOf } from "./billing-days";
import { brl, buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/**
 * One-off orders (a shop's): created for a known customer, paid at once or in installments
 * by a provider, from the balance (automatically when it covers and no method is given,
 * imprimaSTORE's "descontado do saldo"), or both; the order follows its lines to `paid`
 * and `refunded`.
 */
export function orderScenarios(current: () => ScenarioEnv): void {
  let keys = 0;
  const key = (label: string) => `${label}-${++keys}-${Math.random().toString(36).slice(2, 10)}`;

  const ana = async (balance = 0): Promise<Customer> => {
    const env = current();
    const { customer } = await env.tessera.customers.register({ organizationId: env.org.id, ...buyerAna });
    if (balance > 0)
      await env.tessera.wallet.credit({
        customerId: customer.id,
        unitId: env.unit.id,
        amount: brl(balance),
        method: "pix",
        note: "crédito",
        actor: "stf_caixa",
        idempotencyKey: key("credit"),
      });
    return customer;
  };
  const shirts = [
    { description: "Camiseta", quantity: 2, unitPrice: brl(4_990) },
    { description: "Garrafa", quantity: 1, unitPrice: brl(3_020) },
  ];
  const eventsOf = async (type: string) =>
    (await current().storage.outbox.listUndelivered(1000)).filter((entry) => entry.event.type === type);

  it("pays an order from a balance that covers it when no method is given, marked paid from the balance; a replay debits nothing more", async () => {
    const env = current();
    const customer = await ana(20_000);
    const input = {
      unitId: env.unit.id,
      customerId: customer.id,
      items: shirts,
      idempotencyKey: key("order"),
    };
    const outcome = await env.tessera.orders.create(input);
    expect(outcome.status).toBe("succeeded");
    expect(outcome.order).toMatchObject({ status: "paid", paidFromBalance: true, total: brl(13_000) });
    expect(outcome.payment).toMatchObject({ method: "wallet", amount: brl(13_000), status: "succeeded" });
    expect(outcome.installments.map((line) => [line.kind, line.status, line.amount.amount])).toEqual([
      ["order", "confirmed", 13_000],
    ]);
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(7_000));
    const again = await env.tessera.orders.create(input);
    expect(again).toMatchObject({
      replayed: true,
      status: "succeeded",
      payment: { id: outcome.payment?.id },
    });
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(7_000));
    expect(env.sandbox.sandbox.ledger().charges).toEqual([]);
    const [paid] = await eventsOf("order.paid");
    expect(paid?.event.payload).toEqual({
      orderId: outcome.order.id,
      customerId: customer.id,
      paymentId: outcome.payment?.id,
      paidFromBalance: true,
    });
    expect((await rejection(env.tessera.orders.create({ ...input, items: shirts.slice(1) }))).code).toBe(
      "idempotency_key_reused",
    );
  });

  it("waits for payment when the balance does not cover it, and is paid from the balance once it does", async () => {
    const env = current();
    const customer = await ana(1_000);
    const outcome = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: shirts,
      idempotencyKey: key("order"),
    });
    expect(outcome).toMatchObject({ status: "awaiting_payment", payment: null, order: { status: "open" } });
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(1_000));
    const short = await rejection(
      env.tessera.orders.pay({ orderId: outcome.order.id, idempotencyKey: key("pay") }),
    );
    expect(short.code).toBe("insufficient_balance");
    await env.tessera.wallet.credit({
      customerId: customer.id,
      unitId: env.unit.id,
      amount: brl(12_000),
      method: "cash",
      note: "",
      actor: "stf_caixa",
      idempotencyKey: key("credit"),
    });
    const paid = await env.tessera.orders.pay({ orderId: outcome.order.id, idempotencyKey: key("pay") });
    expect(paid).toMatchObject({ status: "succeeded", order: { status: "paid", paidFromBalance: true } });
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(0));
  });

  it("splits an order into installments that add up to its total, charges the first by card, and is paid once the last is", async () => {
    const env = current();
    const customer = await ana();
    const outcome = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: [{ description: "Kit tapete", quantity: 1, unitPrice: brl(10_000) }],
      installments: 3,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: key("order"),
    });
    expect(outcome.status).toBe("succeeded");
    expect(
      outcome.installments.map((line) => [line.sequence, line.amount.amount, line.dueDate, line.status]),
    ).toEqual([
      [1, 3_334, "2026-03-10", "confirmed"],
      [2, 3_333, "2026-04-10", "awaiting"],
      [3, 3_333, "2026-05-10", "awaiting"],
    ]);
    expect(outcome.order).toMatchObject({ status: "open", installmentCount: 3, paidFromBalance: false });
    expect(env.sandbox.sandbox.ledger().charges.map((charge) => charge.amount)).toEqual([brl(3_334)]);
    for (const n of [2, 3]) {
      const paid = await env.tessera.orders.pay({
        orderId: outcome.order.id,
        method: "card",
        card: await env.card("approvedVisa"),
        idempotencyKey: key(`pay-${n}`),
      });
      expect(paid.status).toBe("succeeded");
      expect(paid.order.status).toBe(n === 3 ? "paid" : "open");
    }
    const detail = await env.tessera.orders.get(outcome.order.id);
    expect(detail?.installments.map((entry) => [entry.installment.status, entry.payments.length])).toEqual([
      ["confirmed", 1],
      ["confirmed", 1],
      ["confirmed", 1],
    ]);
    expect(detail?.description).toBe("Kit tapete");
    expect(
      (await rejection(env.tessera.orders.pay({ orderId: outcome.order.id, idempotencyKey: key("pay") })))
        .code,
    ).toBe("invalid_transition");
  });

  it("pays part from the balance and the rest by PIX; the balance part comes back when the PIX is canceled, and the paid split marks the order", async () => {
    const env = current();
    const customer = await ana(3_000);
    const outcome = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: shirts,
      method: "pix",
      fromBalance: brl(3_000),
      idempotencyKey: key("order"),
    });
    expect(outcome.status).toBe("pending");
    expect(outcome.payment).toMatchObject({ amount: brl(10_000), fromBalance: { amount: brl(3_000) } });
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(0));
    await env.tessera.payments.cancelAttempt(outcome.payment!.id);
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(3_000));
    const again = await env.tessera.orders.pay({
      orderId: outcome.order.id,
      method: "pix",
      fromBalance: brl(3_000),
      actor: "stf_caixa",
      idempotencyKey: key("pay"),
    });
    expect(again.status).toBe("pending");
    env.sandbox.sandbox.pay(again.payment!.idempotencyKey);
    expect((await env.tessera.payments.refresh(again.payment!.id)).status).toBe("succeeded");
    const order = (await env.tessera.orders.get(outcome.order.id))!.order;
    expect(order).toMatchObject({ status: "paid", paidFromBalance: true });
    expect(await env.tessera.orders.outcome(again.payment!.id)).toMatchObject({
      status: "succeeded",
      replayed: false,
      order: { id: outcome.order.id, status: "paid" },
      payment: { id: again.payment!.id, status: "succeeded" },
    });
    expect((await env.tessera.orders.outcome(outcome.payment!.id)).status).toBe("canceled");
    const sale = await env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: buyerAna,
      method: "pix",
      idempotencyKey: key("sale"),
      source: "staff",
    });
    expect((await rejection(env.tessera.orders.outcome(sale.payment!.id))).code).toBe("not_found");
    expect(await env.tessera.wallet.balance(customer.id, "BRL")).toEqual(brl(0));
  });

  it("cancels an unpaid order with its lines, refuses to cancel a paid one, and a whole refund marks a paid order refunded", async () => {
    const env = current();
    const customer = await ana();
    const declined = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: shirts,
      method: "card",
      card: await env.card("insufficientFunds"),
      idempotencyKey: key("order"),
    });
    expect(declined).toMatchObject({ status: "declined", order: { status: "open" } });
    const canceled = await env.tessera.orders.cancel({ orderId: declined.order.id, actor: "stf_caixa" });
    expect(canceled.status).toBe("canceled");
    expect(
      (await env.storage.installments.listByOrder(declined.order.id)).map((line) => line.status),
    ).toEqual(["canceled"]);
    expect((await env.tessera.orders.cancel({ orderId: declined.order.id })).version).toBe(canceled.version);

    const paid = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: shirts,
      method: "card",
      card: await env.card("approvedVisa"),
      idempotencyKey: key("order"),
    });
    expect(paid.order.status).toBe("paid");
    expect((await rejection(env.tessera.orders.cancel({ orderId: paid.order.id }))).code).toBe(
      "invalid_transition",
    );
    await env.tessera.refunds.refund({
      paymentId: paid.payment!.id,
      amount: brl(3_000),
      idempotencyKey: key("r"),
    });
    expect((await env.tessera.orders.get(paid.order.id))?.order.status).toBe("paid");
    await env.tessera.refunds.refund({ paymentId: paid.payment!.id, idempotencyKey: key("r") });
    expect((await env.tessera.orders.get(paid.order.id))?.order.status).toBe("refunded");
    expect((await eventsOf("order.refunded")).map((entry) => entry.event.payload)).toEqual([
      { orderId: paid.order.id, customerId: customer.id },
    ]);
  });

  it("lists a unit's orders newest first by status, payment error and day, page by page", async () => {
    const env = current();
    const customer = await ana();
    const order = async (card: "approvedVisa" | "insufficientFunds") =>
      (
        await env.tessera.orders.create({
          unitId: env.unit.id,
          customerId: customer.id,
          items: shirts,
          method: "card",
          card: await env.card(card),
          idempotencyKey: key("order"),
        })
      ).order.id;
    const first = await order("approvedVisa");
    const failed = await order("insufficientFunds");
    env.clock.advance(24 * 3600_000);
    const later = await order("approvedVisa");
    const ids = async (filter: Record<string, unknown>) =>
      (await env.tessera.orders.list({ unitId: env.unit.id, ...filter })).items.map((o) => o.id);
    expect(await ids({})).toEqual([later, failed, first]);
    expect(await ids({ status: "paid" })).toEqual([later, first]);
    expect(await ids({ paymentStatus: "error" })).toEqual([failed]);
    expect(await ids({ from: "2026-03-11" })).toEqual([later]);
    expect(await ids({ to: "2026-03-10" })).toEqual([failed, first]);
    const pages: Id<"order">[][] = [];
    let cursor: string | undefined;
    do {
      const page = await env.tessera.orders.list({
        unitId: env.unit.id,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      pages.push(page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([[later, failed], [first]]);
  });

  it("refuses bad orders with the field named, and a customer of another organization as unknown", async () => {
    const env = current();
    const customer = await ana();
    const base = { unitId: env.unit.id, customerId: customer.id, items: shirts };
    const issue = async (input: Record<string, unknown>) => {
      const error = await rejection(
        env.tessera.orders.create({ ...base, idempotencyKey: key("bad"), ...input }),
      );
      return [error.code, error.details.issues?.[0]?.path, error.details.issues?.[0]?.code];
    };
    expect(await issue({ items: [] })).toEqual(["validation_failed", ["items"], "too_small"]);
    expect(await issue({ items: [{ description: "Grátis", quantity: 1, unitPrice: brl(0) }] })).toEqual([
      "validation_failed",
      ["items"],
      "too_small",
    ]);
    expect(
      await issue({
        items: [{ description: "Camiseta", quantity: 1, unitPrice: { amount: 100, currency: "USD" } }],
      }),
    ).toEqual(["validation_failed", ["items", 0, "unitPrice", "currency"], "currency_mismatch"]);
    expect(await issue({ firstDueOn: "2026-03-09" })).toEqual([
      "validation_failed",
      ["firstDueOn"],
      "in_past",
    ]);
    expect(await issue({ fromBalance: brl(100) })).toEqual(["validation_failed", ["method"], "required"]);
    expect(await issue({ method: "payment_link" })).toEqual([
      "validation_failed",
      ["method"],
      "method_not_offered",
    ]);
    expect(await issue({ installments: 13 })).toEqual(["validation_failed", ["installments"], "too_big"]);
    const other = await env.tessera.organizations.createOrganization({ name: "Outro estúdio" });
    const { customer: stranger } = await env.tessera.customers.register({
      organizationId: other.id,
      ...buyerAna,
    });
    expect(
      (
        await rejection(
          env.tessera.orders.create({ ...base, customerId: stranger.id, idempotencyKey: key("x") }),
        )
      ).code,
    ).toBe("not_found");
    expect(await env.tessera.orders.get("ord_00000000000000000000000000" as Id<"order">)).toBeNull();
    expect(await env.storage.orders.listByCustomer(customer.id)).toEqual([]);
  });

  it("bills an order's later installments: the kept card, then the balance when it covers, and a PIX when there is no card; each month once", async () => {
    const env = await billingEnv(current, "aurora-pedidos");
    const { customer } = await env.tessera.customers.register({ organizationId: env.org.id, ...buyerAna });
    const card = await env.card("approvedVisa");
    if (card.type !== "token") throw new Error("the scenario's cards are tokens");
    const byCard = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: [{ description: "Kit tapete", quantity: 1, unitPrice: brl(9_000) }],
      installments: 3,
      method: "card",
      card: { type: "token", token: card.token, saveForRenewals: true },
      idempotencyKey: key("order"),
    });
    const byLink = await env.tessera.orders.create({
      unitId: env.unit.id,
      customerId: customer.id,
      items: [{ description: "Camiseta", quantity: 1, unitPrice: brl(4_000) }],
      installments: 2,
      method: "pix",
      idempotencyKey: key("order"),
    });
    env.sandbox.sandbox.pay(byLink.payment!.idempotencyKey);
    await env.tessera.payments.refresh(byLink.payment!.id);
    // April: the card pays the kit's second month, a PIX is sent for the shirt's.
    const april = await runDays(env, 31); // to 2026-04-10
    expect(totalOf(april, (report) => report.outcomes.paid)).toBe(1);
    expect(totalOf(april, (report) => report.outcomes.link_issued)).toBe(1);
    const shirtLines = await env.storage.installments.listByOrder(byLink.order.id);
    const [link] = await env.storage.payments.listByInstallment(shirtLines[1]!.id);
    expect(link).toMatchObject({ method: "pix", amount: brl(2_000), status: "pending" });
    env.sandbox.sandbox.pay(link!.idempotencyKey);
    await env.tessera.payments.refresh(link!.id);
    expect((await env.tessera.orders.get(byLink.order.id))?.order.status).toBe("paid");
    // May: a balance that covers the last month pays it instead of the card.
    await env.tessera.wallet.credit({
      customerId: customer.id,
      unitId: env.unit.id,
      amount: brl(3_000),
      method: "cash",
      note: "",
      actor: "stf_caixa",
      idempotencyKey: key("credit"),
    });
    const may = await runDays(env, 30); // to 2026-05-10
    expect(totalOf(may, (report) => report.outcomes.paid)).toBe(1);
    const kit = (await env.tessera.orders.get(byCard.order.id))!;
    expect(kit.order).toMatchObject({ status: "paid", paidFromBalance: true });
    expect(kit.installments.map((entry) => entry.payments.map((payment) => payment.method))).toEqual([
      ["card"],
      ["card"],
      ["wallet"],
    ]);
    expect(env.sandbox.sandbox.ledger().charges.map((charge) => charge.amount.amount)).toEqual([
      3_000, 2_000, 3_000, 2_000,
    ]);
    expect(totalOf(await runDays(env, 3), (report) => report.claimed)).toBe(0);
  });
}
