import { definePlugin, formatMoney, type Plugin } from "@tessera/core";
import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { buyerJoao } from "../back-office/reports/report-test-sales";
import { composedTestServer, type ComposedTestServer as Server } from "../http/test-app";
import { billOn, paidAnnual, pastDueAnnual, saleDay } from "../pages/pay-due-test-contracts";
import type { DevMailbox } from "./dev-mailbox";

/** Reais as the pt-BR mails write them (Intl puts a no-break space after R$). */
const brl = (amount: number) => formatMoney({ amount, currency: "BRL" }, "pt-BR");

/** The public address the tests' server mails its links under. */
const publicUrl = "https://aurora.example/";

async function mails(mailbox: DevMailbox) {
  return (await mailbox.list({ limit: 1000 })).reverse().map(({ message }) => {
    if (message.channel !== "email") throw new Error("the reminders are e-mails");
    return { to: message.to, subject: message.subject, text: message.text, tag: message.tag };
  });
}

async function tagged(server: Server, tag: string) {
  return (await mails(server.mailbox!)).filter((mail) => mail.tag === tag);
}

/** The one link of a mail's text, under the public URL. */
function linkIn(text: string): string {
  const links = [...text.matchAll(/https:\/\/aurora\.example\/\S+/g)].map((match) => match[0]);
  if (links.length !== 1) throw new Error(`expected one link in the mail, found ${links.length}`);
  return links[0]!;
}

describe("the reminder e-mails", () => {
  let server: Server | undefined;
  let clock: ManualClock;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  async function start(compose: { plugins?: Plugin[] } = {}) {
    clock = createManualClock(saleDay);
    server = await composedTestServer({ publicUrl }, { clock, ...compose });
    return server;
  }

  it("tells the customer three days ahead what is due and that a link will come on the day", async () => {
    const s = await start();
    await paidAnnual(s, "remind-before-0001");
    expect((await billOn(s, clock, "2026-02-12")).reminders).toEqual({ beforeDue: 1, overdue: 0 });
    await s.tessera.events.deliverPending();

    const [mail, ...more] = await tagged(s, "installment.reminder_before_due");
    expect(more).toHaveLength(0);
    expect(mail!.to).toEqual(["ana@example.com"]);
    expect(mail!.subject).toBe(`Estúdio Aurora: ${brl(15_990)} vence em 15/02/2026`);
    expect(mail!.text).toContain("Olá, Ana Souza!");
    expect(mail!.text).toContain(`A parcela do seu plano Anual, de ${brl(15_990)}, vence em 15/02/2026.`);
    expect(mail!.text).toContain("No dia do vencimento, enviaremos por e-mail um link para pagá-la.");
    expect(mail!.text).toContain(
      `Parcela 2 (15/02/2026 a 14/03/2026) — vencimento 15/02/2026: ${brl(15_990)}`,
    );
    expect(mail!.text).toContain("Você recebeu esta mensagem porque tem um plano em Estúdio Aurora.");
    expect(mail!.text).not.toContain("https://");
  });

  it("says a balance that covers the line pays it, in the unit's language", async () => {
    const s = await start();
    await s.tessera.organizations.updateUnit(s.unit.id, { locale: "en" });
    const contract = await paidAnnual(s, "remind-wallet-0001", buyerJoao);
    await s.tessera.wallet.credit({
      customerId: contract.customerId,
      unitId: s.unit.id,
      amount: { amount: 20_000, currency: "BRL" },
      method: "cash",
      actor: "test",
      idempotencyKey: "remind-wallet-credit-0001",
    });
    await billOn(s, clock, "2026-02-12");
    await s.tessera.events.deliverPending();

    const [mail] = await tagged(s, "installment.reminder_before_due");
    expect(mail!.to).toEqual(["joao@example.com"]);
    expect(mail!.subject).toBe(
      `Estúdio Aurora: ${formatMoney({ amount: 15_990, currency: "BRL" }, "en")} due on 02/15/2026`,
    );
    expect(mail!.text).toContain("It will be paid from your account balance at Estúdio Aurora");
  });

  it("mails the overdue line with a pay link that opens the contract's pay page", async () => {
    const s = await start();
    const contract = await paidAnnual(s, "remind-overdue-0001");
    await billOn(s, clock, "2026-02-15");
    expect((await billOn(s, clock, "2026-02-18")).reminders.overdue).toBe(1);
    await s.tessera.events.deliverPending();

    const [mail, ...more] = await tagged(s, "installment.reminder_overdue");
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Estúdio Aurora: ${brl(15_990)} com vencimento em 15/02/2026 está em aberto`);
    expect(mail!.text).toContain("venceu em 15/02/2026 e ainda não foi paga");
    const link = linkIn(mail!.text);
    expect(link).toMatch(new RegExp(`^${publicUrl}pay/${contract.id}/[\\w-]{22}$`));
    expect(mail!.text).toContain(`Pagar agora: ${link}`);

    const page = await s.app.request(new URL(link).pathname);
    expect(page.status).toBe(200);
    const html = (await page.text()).replace(/\u00a0/g, " ");
    expect(html).toContain("<h1>Pagar parcelas em aberto</h1>");
    expect(html).toContain("Vencimento: 15 de fevereiro de 2026");
  });

  it("sends a reminder once when the outbox delivers its event again", async () => {
    let seen = 0;
    const failsOnce = definePlugin({
      name: "fails-once",
      setup(ctx) {
        ctx.on("installment.reminder", () => {
          seen++;
          if (seen === 1) throw new Error("the CRM is down");
        });
      },
    });
    const s = await start({ plugins: [failsOnce] });
    await paidAnnual(s, "remind-redeliver-0001");
    await s.tessera.events.deliverPending();
    await billOn(s, clock, "2026-02-12");
    expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 1 });
    clock.advance(1000);
    expect(await s.tessera.events.deliverPending()).toMatchObject({ failed: 0 });
    expect(seen).toBe(2);
    expect(await tagged(s, "installment.reminder_before_due")).toHaveLength(1);
  });

  it("sends no reminder of a line paid before its event was delivered", async () => {
    const s = await start();
    const contract = await paidAnnual(s, "remind-stale-0001");
    await billOn(s, clock, "2026-02-12");
    // Paid early, at the desk, before the scheduler delivered the reminder.
    await s.tessera.wallet.credit({
      customerId: contract.customerId,
      unitId: s.unit.id,
      amount: { amount: 15_990, currency: "BRL" },
      method: "cash",
      actor: "test",
      idempotencyKey: "remind-stale-credit-0001",
    });
    await s.tessera.wallet.payFromBalance({
      contractId: contract.id,
      actor: "test",
      idempotencyKey: "remind-stale-pay-0001",
    });
    await s.tessera.events.deliverPending();
    expect(await tagged(s, "installment.reminder_before_due")).toHaveLength(0);
  });
});

describe("the past-due e-mail", () => {
  let server: Server | undefined;
  let clock: ManualClock;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  it("tells the customer they are blocked until paid, what is owed, with the link that pays it all", async () => {
    clock = createManualClock(saleDay);
    server = await composedTestServer({ publicUrl }, { clock });
    const s = server;
    const { contract, payPath } = await pastDueAnnual(s, clock, "past-due-mail-0001");
    await s.tessera.events.deliverPending();

    const [mail, ...more] = await tagged(s, "contract.past_due");
    expect(more).toHaveLength(0);
    expect(mail!.to).toEqual(["ana@example.com"]);
    expect(mail!.subject).toBe("Estúdio Aurora: seu plano Anual está em atraso");
    expect(mail!.text).toContain("Seu acesso fica bloqueado até o pagamento.");
    // Delivered on 2026-03-16: both months due by then are owed, and the link pays both.
    expect(mail!.text).toContain(`Total: ${brl(31_980)}`);
    const link = linkIn(mail!.text);
    expect(link).toBe(`${publicUrl}${payPath.slice(1)}`);
    const page = await s.app.request(new URL(link).pathname);
    expect(page.status).toBe(200);
    expect((await page.text()).replace(/\u00a0/g, " ")).toMatch(/Total<\/th><td>R\$ 319,80/);
    expect(contract.id).toBe(payPath.split("/")[2]);
  });

  it("is not sent when the contract was paid up before the event was delivered", async () => {
    clock = createManualClock(saleDay);
    server = await composedTestServer({ publicUrl }, { clock });
    const s = server;
    const { contract } = await pastDueAnnual(s, clock, "past-due-stale-0001");
    const retry = await s.tessera.payments.retry({
      contractId: contract.id,
      method: "pix",
      lines: "due",
      idempotencyKey: "past-due-stale-pay-0001",
    });
    s.sandbox.sandbox.pay(retry.payment!.idempotencyKey);
    await s.tessera.payments.refresh(retry.payment!.id);
    // Delivered a month on, when the next month is due: owed, but the customer is no longer blocked.
    clock.set("2026-04-16T12:00:00.000Z");
    await s.tessera.events.deliverPending();
    expect(await tagged(s, "contract.past_due")).toHaveLength(0);
  });
});
