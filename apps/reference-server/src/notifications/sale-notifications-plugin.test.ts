import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  definePlugin,
  formatMoney,
  type Notifier,
  type Payment,
  type Plan,
  type Plugin,
} from "@tessera/core";
import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import {
  composedTestServer,
  demoPixSale,
  type ComposedTestServer as Server,
  testBuyer,
  testBuyerWithAddress,
} from "../http/test-app";
import { createDevMailbox, type DevMailbox } from "./dev-mailbox";
import { formatCalendarDate, formatInstant } from "./mail-dates";
import { renderMailText } from "./mail-document";
import { paymentInstructionsMail } from "./payment-instructions-mail";
import { saleMailFacts } from "./sale-mail-facts";

/** Reais as the pt-BR mails write them (Intl puts a no-break space after R$). */
const brl = (amount: number) => formatMoney({ amount, currency: "BRL" }, "pt-BR");

/** A mailbox's messages, oldest first, as a reader sees them. */
async function mails(mailbox: DevMailbox) {
  return (await mailbox.list({ limit: 1000 })).reverse().map(({ message }) => {
    if (message.channel !== "email") throw new Error("the sale mails are e-mails");
    return { to: message.to, subject: message.subject, text: message.text, tag: message.tag };
  });
}

function mail(all: Awaited<ReturnType<typeof mails>>, tag: string) {
  const found = all.filter((m) => m.tag === tag);
  if (found.length !== 1) throw new Error(`expected one ${tag} mail, found ${found.length}`);
  return found[0]!;
}

function planNamed(server: Server, name: string): Plan {
  const plan = server.plans.find((p) => p.name === name);
  if (!plan) throw new Error(`the demo has no plan ${name}`);
  return plan;
}

/** The sandbox pays `payment`, and its notification reaches the inbox as the scheduler hands it over. */
async function payerPays(server: Server, payment: Payment) {
  server.sandbox.sandbox.pay(payment.idempotencyKey);
  for (const notification of server.sandbox.sandbox.takeNotifications()) {
    await server.tessera.webhooks.receive(server.sandbox.id, notification);
  }
}

async function cardSale(server: Server, planName: string, idempotencyKey: string) {
  const { token } = await server.sandbox.sandbox.tokenizeCard({
    number: server.sandbox.sandbox.testCards.approvedVisa.number,
    holder: "ANA SOUZA",
    expMonth: 12,
    expYear: 2099,
    cvc: "123",
  });
  const outcome = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: planNamed(server, planName).id,
    buyer: testBuyer,
    method: "card",
    card: { type: "token", token },
    idempotencyKey,
    source: "online",
  });
  if (outcome.status !== "succeeded") throw new Error(`a card sale answered ${outcome.status}`);
  return outcome;
}

async function boletoSale(server: Server, idempotencyKey: string) {
  const outcome = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: planNamed(server, "Pacote 10 aulas").id,
    buyer: testBuyerWithAddress,
    method: "boleto",
    idempotencyKey,
    source: "online",
  });
  if (outcome.status !== "pending" || outcome.action.type !== "boleto") {
    throw new Error(`a boleto sale answered ${outcome.status}`);
  }
  return { outcome, action: outcome.action };
}

describe("the sale notifications plugin", () => {
  let server: Server | undefined;
  let clock: ManualClock;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  /** The composed server (SQLite, sandbox, demo, its dev mailbox) on a manual clock. */
  async function start(compose: { plugins?: Plugin[] } = {}) {
    clock = createManualClock();
    server = await composedTestServer({}, { clock, ...compose });
    return server;
  }

  async function ownMailbox() {
    const dir = await mkdtemp(join(tmpdir(), "tessera-mailbox-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return createDevMailbox({ directory: dir, from: "Tessera <no-reply@localhost>", clock });
  }

  it("mails the buyer how to pay a PIX, and the unit that an online sale awaits payment", async () => {
    const s = await start();
    const payment = await demoPixSale(s, "notify-pix-0001");
    if (payment.action?.type !== "pix") throw new Error("a PIX sale without its code");
    await s.tessera.events.deliverPending();

    const all = await mails(s.mailbox!);
    expect(all.map((m) => m.tag)).toEqual(["sale.payment_instructions", "sale.awaiting_payment"]);
    const buyer = mail(all, "sale.payment_instructions");
    expect(buyer.to).toEqual(["ana@example.com"]);
    expect(buyer.subject).toBe("Estúdio Aurora: seu pedido de Day pass — como pagar");
    expect(buyer.text).toContain("Olá, Ana Souza!");
    expect(buyer.text).toContain(`Código PIX Copia e Cola:\n${payment.action.qrCodePayload}\n`);
    expect(buyer.text).toContain(
      `Pague até: ${formatInstant(payment.action.expiresAt, "pt-BR", "America/Sao_Paulo")}`,
    );
    expect(buyer.text).toContain(`Valor: ${brl(4500)}`);

    const unit = mail(all, "sale.awaiting_payment");
    expect(unit.to).toEqual(["recepcao@aurora.example"]);
    expect(unit.subject).toBe("Nova venda online aguardando pagamento: Day pass — Ana Souza");
    expect(unit.text).toContain("Nome: Ana Souza\nE-mail: ana@example.com\nDocumento: CPF 529.982.247-25");
    expect(unit.text).toContain(`Valor: ${brl(4500)}\nForma de pagamento: PIX`);
  });

  it("mails the customer how to pay a later installment the billing run sent a PIX for, once, and tells the unit nothing", async () => {
    const s = await start();
    const sale = await s.tessera.sales.start({
      unitId: s.unit.id,
      planId: planNamed(s, "Anual").id,
      buyer: testBuyer,
      method: "pix",
      idempotencyKey: "notify-installment-0001",
      source: "staff",
    });
    await payerPays(s, sale.payment!);
    await s.tessera.events.deliverPending();
    // A sale staff made at the desk sends no sale mail.
    expect(await mails(s.mailbox!)).toEqual([]);

    clock.advance(32 * 24 * 3600_000);
    const report = await s.tessera.billing.run({ unitId: s.unit.id });
    expect(report.outcomes.link_issued).toBe(1);
    await s.tessera.events.deliverPending();
    await s.tessera.events.deliverPending();
    const all = await mails(s.mailbox!);
    expect(all.map((m) => m.tag)).toEqual(["installment.payment_instructions"]);
    const due = mail(all, "installment.payment_instructions");
    expect(due.to).toEqual(["ana@example.com"]);
    expect(due.subject).toBe("Estúdio Aurora: sua parcela de Anual venceu — como pagar");
    expect(due.text).toContain("Uma parcela do seu plano Anual está em aberto.");
    expect(due.text).toContain("Código PIX Copia e Cola:");
  });

  it("mails the buyer a boleto's digitable line and due date", async () => {
    const s = await start();
    const { action } = await boletoSale(s, "notify-boleto-0001");
    await s.tessera.events.deliverPending();

    const buyer = mail(await mails(s.mailbox!), "sale.payment_instructions");
    expect(buyer.text).toContain(`Linha digitável:\n${action.digitableLine}\n`);
    expect(buyer.text).toContain(`Vencimento: ${formatCalendarDate(action.dueDate, "pt-BR")}`);
    expect(buyer.text).toContain("Forma de pagamento: Boleto");
    expect(mail(await mails(s.mailbox!), "sale.awaiting_payment").text).toContain("pagamento por Boleto");
  });

  it("links a boleto's PDF and gives its PIX code when the provider has them, and never a link a mail client cannot open", async () => {
    const s = await start();
    const { outcome, action } = await boletoSale(s, "notify-boleto-0002");
    const facts = await saleMailFacts(s.tessera, outcome);
    const text = (pdfUrl: string | null) =>
      renderMailText(paymentInstructionsMail(facts, { ...action, pdfUrl, pixPayload: "00020101BOLEPIX" }));

    expect(text("https://aurora.example.com/sandbox/boletos/sbxpay_1.pdf")).toContain(
      "Boleto em PDF: https://aurora.example.com/sandbox/boletos/sbxpay_1.pdf",
    );
    expect(text("https://aurora.example.com/x.pdf")).toContain(
      "Ou pague com PIX Copia e Cola:\n00020101BOLEPIX",
    );
    expect(text("/sandbox/boletos/sbxpay_1.pdf")).not.toContain("Boleto em PDF");
  });

  it("mails the receipt with the activation code once the PIX is paid, and tells the unit who paid what", async () => {
    const s = await start();
    const payment = await demoPixSale(s, "notify-pix-0002");
    await s.tessera.events.deliverPending();
    await payerPays(s, payment);
    await s.tessera.events.deliverPending();

    const outcome = await s.tessera.sales.outcome(payment.id);
    const code = outcome.activationCode?.code;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const all = await mails(s.mailbox!);
    expect(all.map((m) => m.tag)).toEqual([
      "sale.payment_instructions",
      "sale.awaiting_payment",
      "sale.receipt",
      "sale.completed",
    ]);
    const receipt = mail(all, "sale.receipt");
    expect(receipt.to).toEqual(["ana@example.com"]);
    expect(receipt.subject).toBe("Estúdio Aurora: recibo de Day pass");
    expect(receipt.text).toContain(
      `Day pass: ${brl(4500)}\nTotal pago: ${brl(4500)}\nForma de pagamento: PIX`,
    );
    expect(receipt.text).toContain(`Código de ativação:\n${code}\n`);
    expect(receipt.text).toContain(`Início: ${formatCalendarDate(outcome.contract.startDate, "pt-BR")}`);
    expect(receipt.text).toContain("Parcelas: 1 parcela");

    const unit = mail(all, "sale.completed");
    expect(unit.to).toEqual(["recepcao@aurora.example"]);
    expect(unit.subject).toBe("Nova venda online: Day pass — Ana Souza");
    expect(unit.text).toContain("Nome: Ana Souza\nE-mail: ana@example.com\nDocumento: CPF 529.982.247-25");
    expect(unit.text).toContain(`Total pago: ${brl(4500)}`);
    expect(unit.text).toContain(`Código de ativação: ${code}`);
  });

  it("says what the balance paid of a month the billing run split, beside what the customer pays by PIX", async () => {
    const s = await start();
    const sale = await s.tessera.sales.start({
      unitId: s.unit.id,
      planId: planNamed(s, "Anual").id,
      buyer: testBuyer,
      method: "pix",
      idempotencyKey: "notify-split-0001",
      source: "staff",
    });
    await payerPays(s, sale.payment!);
    await s.tessera.wallet.credit({
      customerId: sale.customer.id,
      unitId: s.unit.id,
      amount: { amount: 1_000, currency: "BRL" },
      method: "cash",
      idempotencyKey: "notify-split-credit-0001",
    });
    clock.advance(32 * 24 * 3600_000);
    const report = await s.tessera.billing.run({ unitId: s.unit.id });
    expect(report.outcomes.link_issued).toBe(1);
    await s.tessera.events.deliverPending();
    await s.tessera.events.deliverPending();
    const due = mail(await mails(s.mailbox!), "installment.payment_instructions");
    const month = sale.installments.find((line) => line.sequence === 2)!.amount.amount;
    expect(due.text).toContain(`Valor: ${brl(month - 1_000)}\nPago com o saldo: ${brl(1_000)}`);

    // Paid: the month's receipt, with its total and the part the balance paid.
    const detail = await s.tessera.contracts.get(sale.contract.id);
    const link = detail!.installments
      .flatMap(({ payments }) => payments)
      .find((payment) => payment.status === "pending")!;
    await payerPays(s, link);
    await s.tessera.events.deliverPending();
    const receipt = mail(await mails(s.mailbox!), "installment.receipt");
    expect(receipt.to).toEqual(["ana@example.com"]);
    expect(receipt.subject).toBe("Estúdio Aurora: pagamento recebido — Anual");
    expect(receipt.text).toContain(
      `Total pago: ${brl(month)}\nPago com o saldo: ${brl(1_000)}\nForma de pagamento: PIX`,
    );
  });

  it("lists each installment a card sale paid, the next due date and the number of installments", async () => {
    const s = await start();
    const outcome = await cardSale(s, "Anual", "notify-card-0001");
    await s.tessera.events.deliverPending();

    const [first, second] = outcome.installments;
    const all = await mails(s.mailbox!);
    // A card needs no instructions: the sale is complete at once.
    expect(all.map((m) => m.tag)).toEqual(["sale.receipt", "sale.completed"]);
    const receipt = mail(all, "sale.receipt");
    const period = `${formatCalendarDate(first!.periodStart!, "pt-BR")} a ${formatCalendarDate(first!.periodEnd!, "pt-BR")}`;
    expect(receipt.text).toContain(`Parcela 1 (${period}): ${brl(15990)}\nTotal pago: ${brl(15990)}`);
    expect(receipt.text).toContain("Forma de pagamento: Cartão de crédito — Visa final 1111");
    expect(receipt.text).toContain(`Próximo vencimento: ${formatCalendarDate(second!.dueDate, "pt-BR")}`);
    expect(receipt.text).toContain("Parcelas: 12 parcelas");
    expect(receipt.text).not.toContain("Código de ativação");
  });

  it("adds the enrollment fee to what the buyer paid, and says the plan renews by itself", async () => {
    const s = await start();
    await cardSale(s, "Mensal", "notify-card-0002");
    await s.tessera.events.deliverPending();

    const receipt = mail(await mails(s.mailbox!), "sale.receipt");
    const period = /Mensal \(([^)]+)\)/.exec(receipt.text)?.[1];
    expect(receipt.text).toContain(
      `Mensal (${period}): ${brl(18990)}\nTaxa de matrícula: ${brl(5000)}\nTotal pago: ${brl(23990)}`,
    );
    expect(receipt.text).toContain("Renovação: Automática, ao fim de cada período");
  });

  it("sends only the receipt when the PIX was paid before its pending event was delivered", async () => {
    const s = await start();
    const payment = await demoPixSale(s, "notify-pix-0003");
    await payerPays(s, payment);
    await s.tessera.events.deliverPending();

    expect((await mails(s.mailbox!)).map((m) => m.tag)).toEqual(["sale.receipt", "sale.completed"]);
  });

  it("tells nobody of a sale staff made at the desk", async () => {
    const s = await start();
    const outcome = await s.tessera.sales.start({
      unitId: s.unit.id,
      planId: planNamed(s, "Day pass").id,
      buyer: testBuyer,
      method: "pix",
      idempotencyKey: "notify-staff-0001",
      source: "staff",
    });
    await s.tessera.events.deliverPending();
    await payerPays(s, outcome.payment!);
    const report = await s.tessera.events.deliverPending();

    expect((await s.tessera.sales.outcome(outcome.payment!.id)).status).toBe("succeeded");
    expect(report).toMatchObject({ failed: 0 });
    expect(report.delivered).toBeGreaterThan(0);
    expect(await mails(s.mailbox!)).toEqual([]);
  });

  it("mails only the buyer when the unit has no notification addresses", async () => {
    const s = await start();
    await s.tessera.organizations.updateUnit(s.unit.id, { notificationEmails: [] });
    await cardSale(s, "Anual", "notify-card-0003");
    await s.tessera.events.deliverPending();

    expect((await mails(s.mailbox!)).map((m) => m.tag)).toEqual(["sale.receipt"]);
  });

  it("sends a receipt for a free plan, with nothing paid", async () => {
    const s = await start();
    const trial = await s.tessera.plans.create({
      unitId: s.unit.id,
      name: "Aula experimental",
      kind: "pass",
      price: { amount: 0, currency: "BRL" },
      interval: { unit: "day", count: 1 },
      installmentCount: 1,
      onlineSale: { enabled: true, slug: "aula-experimental", buttonText: "Agendar" },
    });
    const outcome = await s.tessera.sales.start({
      unitId: s.unit.id,
      planId: trial.id,
      buyer: testBuyer,
      idempotencyKey: "notify-free-0001",
      source: "online",
    });
    expect(outcome.status).toBe("no_charge");
    await s.tessera.events.deliverPending();

    const all = await mails(s.mailbox!);
    expect(mail(all, "sale.receipt").text).toContain(
      "A sua inscrição no plano Aula experimental está confirmada. Não há nada a pagar agora.",
    );
    expect(mail(all, "sale.receipt").text).not.toContain("Total pago");
    expect(mail(all, "sale.completed").subject).toBe("Nova venda online: Aula experimental — Ana Souza");
  });

  it.each([
    {
      locale: "en" as const,
      buyer: "Estúdio Aurora: your Day pass order — how to pay",
      unit: "New online sale awaiting payment: Day pass — Ana Souza",
      amount: "Amount: R$45.00",
    },
    {
      locale: "ru" as const,
      buyer: "Estúdio Aurora: ваш заказ «Day pass» — как оплатить",
      unit: "Новая онлайн-продажа ждёт оплаты: Day pass — Ana Souza",
      amount: "Сумма: 45,00\u00a0R$",
    },
  ])(
    "writes every mail of a sale in the unit's language ($locale)",
    async ({ locale, buyer, unit, amount }) => {
      const s = await start();
      await s.tessera.organizations.updateUnit(s.unit.id, { locale });
      await demoPixSale(s, `notify-locale-${locale}-01`);
      await s.tessera.events.deliverPending();

      const all = await mails(s.mailbox!);
      expect(mail(all, "sale.payment_instructions").subject).toBe(buyer);
      expect(mail(all, "sale.payment_instructions").text).toContain(amount);
      expect(mail(all, "sale.awaiting_payment").subject).toBe(unit);
    },
  );

  it("sends nothing twice when the outbox delivers an event again", async () => {
    let seen = 0;
    // Another plugin's handler fails the first time, so the outbox delivers the event again.
    const failsOnce = definePlugin({
      name: "fails-once",
      setup(ctx) {
        ctx.on("sale.completed", () => {
          seen++;
          if (seen === 1) throw new Error("the CRM is down");
        });
      },
    });
    const s = await start({ plugins: [failsOnce] });
    await cardSale(s, "Anual", "notify-redeliver-01");
    expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 1 });
    clock.advance(1000);
    expect(await s.tessera.events.deliverPending()).toMatchObject({ delivered: 1, failed: 0 });

    expect(seen).toBe(2);
    expect((await mails(s.mailbox!)).map((m) => m.tag)).toEqual(["sale.receipt", "sale.completed"]);
  });

  it("retries a notifier that failed once, then delivers, without mailing the other recipient twice", async () => {
    clock = createManualClock();
    const mailbox = await ownMailbox();
    let failures = 1;
    const flaky: Notifier = {
      async send(message) {
        if (failures > 0) {
          failures--;
          throw new Error("421 4.3.2 Service not available, try again later");
        }
        return mailbox.send(message);
      },
    };
    server = await composedTestServer({}, { clock, notifier: flaky });
    await cardSale(server, "Anual", "notify-retry-0001");

    expect(await server.tessera.events.deliverPending()).toMatchObject({ failed: 1 });
    // The buyer's receipt failed; the unit was still told.
    expect((await mails(mailbox)).map((m) => m.tag)).toEqual(["sale.completed"]);
    // Not before the backoff: the first retry waits a second.
    expect(await server.tessera.events.deliverPending()).toEqual({ delivered: 0, failed: 0 });
    clock.advance(1000);
    expect(await server.tessera.events.deliverPending()).toEqual({ delivered: 1, failed: 0 });

    expect((await mails(mailbox)).map((m) => m.tag)).toEqual(["sale.completed", "sale.receipt"]);
  });
  describe("for an order", () => {
    /** A customer of the demo's organization that no sale mail was sent to, with `balance` in their wallet. */
    async function customer(s: Server, balance = 0) {
      const { customer } = await s.tessera.customers.register({
        organizationId: s.unit.organizationId,
        ...testBuyer,
        source: "staff",
      });
      if (balance > 0) {
        await s.tessera.wallet.credit({
          customerId: customer.id,
          unitId: s.unit.id,
          amount: { amount: balance, currency: "BRL" },
          method: "cash",
          idempotencyKey: `order-mail-credit-${customer.id}`,
        });
      }
      return customer;
    }

    /** Two T-shirts at R$ 49,90 and a cap at R$ 15,00: R$ 114,80. */
    const shirtsAndCap = [
      { description: "Camiseta", quantity: 2, unitPrice: { amount: 4_990, currency: "BRL" } },
      { description: "Boné", quantity: 1, unitPrice: { amount: 1_500, currency: "BRL" } },
    ];

    it("mails the customer how to pay an order staff charged by PIX, then its receipt once paid", async () => {
      const s = await start();
      const buyer = await customer(s);
      const outcome = await s.tessera.orders.create({
        unitId: s.unit.id,
        customerId: buyer.id,
        items: shirtsAndCap,
        method: "pix",
        idempotencyKey: "order-mail-pix-0001",
      });
      if (outcome.status !== "pending" || outcome.action.type !== "pix") {
        throw new Error(`a PIX order answered ${outcome.status}`);
      }
      await s.tessera.events.deliverPending();

      const instructions = mail(await mails(s.mailbox!), "order.payment_instructions");
      expect(instructions.to).toEqual(["ana@example.com"]);
      expect(instructions.subject).toBe("Estúdio Aurora: como pagar o seu pedido — 2× Camiseta + 1");
      expect(instructions.text).toContain("Olá, Ana Souza!");
      expect(instructions.text).toContain(
        `Pedido: 2× Camiseta + 1\nUnidade: ${s.unit.name}\nValor: ${brl(11_480)}\nForma de pagamento: PIX`,
      );
      expect(instructions.text).toContain(`Código PIX Copia e Cola:\n${outcome.action.qrCodePayload}\n`);
      expect(instructions.text).toContain(
        `Pague até: ${formatInstant(outcome.action.expiresAt, "pt-BR", "America/Sao_Paulo")}`,
      );
      expect(instructions.text).toContain("por causa de um pedido em Estúdio Aurora");

      await payerPays(s, outcome.payment);
      await s.tessera.events.deliverPending();
      const all = await mails(s.mailbox!);
      expect(all.map((m) => m.tag)).toEqual(["order.payment_instructions", "order.receipt"]);
      const receipt = mail(all, "order.receipt");
      expect(receipt.to).toEqual(["ana@example.com"]);
      expect(receipt.subject).toBe("Estúdio Aurora: pagamento recebido — 2× Camiseta + 1");
      expect(receipt.text).toContain("que agora está todo pago");
      expect(receipt.text).toContain(
        `2× Camiseta + 1: ${brl(11_480)}\nTotal pago: ${brl(11_480)}\nForma de pagamento: PIX`,
      );
      expect(receipt.text).toContain(
        `Camiseta × 2: ${brl(4_990)} cada\nBoné × 1: ${brl(1_500)} cada\nTotal do pedido: ${brl(11_480)}\n`,
      );
      expect(receipt.text).not.toContain("Falta pagar");
      expect(receipt.text).not.toContain("Próximo vencimento");
    });

    it("says what the balance paid of a split line, what is still due and when, and mails the billing run's PIX for the next line", async () => {
      const s = await start();
      const buyer = await customer(s, 1_000);
      const outcome = await s.tessera.orders.create({
        unitId: s.unit.id,
        customerId: buyer.id,
        items: shirtsAndCap,
        installments: 3,
        method: "pix",
        fromBalance: { amount: 1_000, currency: "BRL" },
        idempotencyKey: "order-mail-split-0001",
      });
      if (outcome.status !== "pending") throw new Error(`a split PIX order answered ${outcome.status}`);
      const second = outcome.installments[1];
      // R$ 114,80 in 3: the leftover centavos on the first lines.
      expect(outcome.installments.map((line) => line.amount.amount)).toEqual([3_827, 3_827, 3_826]);
      await s.tessera.events.deliverPending();
      expect(mail(await mails(s.mailbox!), "order.payment_instructions").text).toContain(
        `Valor: ${brl(2_827)}\nPago com o saldo: ${brl(1_000)}\nForma de pagamento: PIX`,
      );

      await payerPays(s, outcome.payment);
      await s.tessera.events.deliverPending();
      const receipt = mail(await mails(s.mailbox!), "order.receipt");
      expect(receipt.text).toContain("Recebemos um pagamento do seu pedido (2× Camiseta + 1). Obrigado!");
      expect(receipt.text).toContain(
        `Parcela 1 do pedido: ${brl(3_827)}\nTotal pago: ${brl(3_827)}\nPago com o saldo: ${brl(1_000)}\nForma de pagamento: PIX`,
      );
      expect(receipt.text).toContain(
        `Total do pedido: ${brl(11_480)}\nFalta pagar: ${brl(7_653)}\nPróximo vencimento: ${formatCalendarDate(second!.dueDate, "pt-BR")}`,
      );

      clock.advance(32 * 24 * 3600_000);
      const report = await s.tessera.billing.run({ unitId: s.unit.id });
      expect(report.outcomes.link_issued).toBe(1);
      await s.tessera.events.deliverPending();
      const all = await mails(s.mailbox!);
      expect(all.map((m) => m.tag)).toEqual([
        "order.payment_instructions",
        "order.receipt",
        "order.payment_instructions",
      ]);
      expect(all[2]!.text).toContain(`Valor: ${brl(3_827)}\nForma de pagamento: PIX`);
      expect(all[2]!.text).toContain("Código PIX Copia e Cola:");
    });

    it("mails the receipt of an order the balance paid, and nothing on how to pay", async () => {
      const s = await start();
      const buyer = await customer(s, 20_000);
      const outcome = await s.tessera.orders.create({
        unitId: s.unit.id,
        customerId: buyer.id,
        items: shirtsAndCap,
        idempotencyKey: "order-mail-balance-0001",
      });
      expect(outcome.status).toBe("succeeded");
      await s.tessera.events.deliverPending();

      const all = await mails(s.mailbox!);
      expect(all.map((m) => m.tag)).toEqual(["order.receipt"]);
      expect(all[0]!.text).toContain(
        `2× Camiseta + 1: ${brl(11_480)}\nTotal pago: ${brl(11_480)}\nForma de pagamento: Saldo em conta`,
      );
      expect(all[0]!.text).toContain("que agora está todo pago");
    });

    it("sends only the receipt when the order's PIX was paid before its pending event was delivered", async () => {
      const s = await start();
      const buyer = await customer(s);
      const outcome = await s.tessera.orders.create({
        unitId: s.unit.id,
        customerId: buyer.id,
        items: shirtsAndCap,
        method: "pix",
        idempotencyKey: "order-mail-late-0001",
      });
      await payerPays(s, outcome.payment!);
      await s.tessera.events.deliverPending();

      expect((await mails(s.mailbox!)).map((m) => m.tag)).toEqual(["order.receipt"]);
    });

    it("sends nothing twice when the outbox delivers an order's events again", async () => {
      const failed = new Set<string>();
      // Another plugin's handler fails the first time it sees each event, so the outbox delivers it again.
      const failsOnce = definePlugin({
        name: "fails-once",
        setup(ctx) {
          const once = (event: { id: string }) => {
            if (failed.has(event.id)) return;
            failed.add(event.id);
            throw new Error("the CRM is down");
          };
          ctx.on("payment.pending", once);
          ctx.on("payment.succeeded", once);
        },
      });
      const s = await start({ plugins: [failsOnce] });
      const buyer = await customer(s);
      const outcome = await s.tessera.orders.create({
        unitId: s.unit.id,
        customerId: buyer.id,
        items: shirtsAndCap,
        method: "pix",
        idempotencyKey: "order-mail-redeliver-01",
      });
      expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 1 });
      clock.advance(1000);
      expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 0 });
      await payerPays(s, outcome.payment!);
      expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 1 });
      clock.advance(1000);
      expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 0 });

      expect(failed.size).toBe(2);
      expect((await mails(s.mailbox!)).map((m) => m.tag)).toEqual([
        "order.payment_instructions",
        "order.receipt",
      ]);
    });

    it.each([
      {
        locale: "en" as const,
        instructions: "Estúdio Aurora: how to pay your order — 2× Camiseta + 1",
        receipt: "Estúdio Aurora: payment received — 2× Camiseta + 1",
        item: "Camiseta × 2: R$49.90 each",
      },
      {
        locale: "ru" as const,
        instructions: "Estúdio Aurora: как оплатить заказ «2× Camiseta + 1»",
        receipt: "Estúdio Aurora: платёж получен — «2× Camiseta + 1»",
        item: "Camiseta × 2: 49,90\u00a0R$ за шт.",
      },
    ])(
      "writes an order's mails in the unit's language ($locale)",
      async ({ locale, instructions, receipt, item }) => {
        const s = await start();
        await s.tessera.organizations.updateUnit(s.unit.id, { locale });
        const buyer = await customer(s);
        const outcome = await s.tessera.orders.create({
          unitId: s.unit.id,
          customerId: buyer.id,
          items: shirtsAndCap,
          method: "pix",
          idempotencyKey: `order-mail-locale-${locale}-01`,
        });
        await s.tessera.events.deliverPending();
        await payerPays(s, outcome.payment!);
        await s.tessera.events.deliverPending();

        const all = await mails(s.mailbox!);
        expect(mail(all, "order.payment_instructions").subject).toBe(instructions);
        expect(mail(all, "order.receipt").subject).toBe(receipt);
        expect(mail(all, "order.receipt").text).toContain(item);
      },
    );
  });
});
