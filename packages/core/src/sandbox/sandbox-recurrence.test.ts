import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import type {
  CreatePaymentRequest,
  GatewayEvent,
  PaymentResult,
  RecurrenceReference,
  RecurrenceRequest,
} from "../ports/gateway";
import { defaultRecurrenceRules } from "../ports/gateway";
import { createManualClock } from "../testing/manual-clock";
import { createPayment } from "./sandbox-create-payment";
import { createSandboxGateway, type SandboxGateway } from "./sandbox-gateway";
import type { SandboxLedger } from "./sandbox-ledger";
import { parseSandboxOptions, type SandboxGatewayOptions } from "./sandbox-options";
import { settle } from "./sandbox-settle";
import { createSandboxState } from "./sandbox-state";
import { type SandboxTestCardName, sandboxTestCards } from "./test-cards";

const day = 86_400_000;
const brl = (amount: number) => ({ amount, currency: "BRL" });
const payer = { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null };
const monthly: RecurrenceRequest = {
  interval: { unit: "month", count: 1 },
  charges: null,
  amount: brl(8_000),
  secondChargeOn: "2026-04-10",
};

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function ledgerFile(): string {
  const directory = mkdtempSync(join(tmpdir(), "tessera-recurrence-"));
  directories.push(directory);
  return join(directory, "ledger.jsonl");
}

// 12:00 in Brasília on 2026-03-10: today is the 10th, so the 11th is the first day a second charge may fall on.
function setup(options: SandboxGatewayOptions = {}, clock = createManualClock("2026-03-10T15:00:00.000Z")) {
  const gateway = createSandboxGateway({ clock, webhookSecret: "whsec_unit_0123456789abcdef", ...options });
  let keys = 0;
  const sale = async (
    recurrence: Partial<RecurrenceRequest> | null = {},
    card: SandboxTestCardName = "approvedVisa",
    overrides: Partial<CreatePaymentRequest> = {},
  ): Promise<{ request: CreatePaymentRequest; result: PaymentResult }> => {
    keys += 1;
    const { token } = await gateway.sandbox.tokenizeCard({
      number: sandboxTestCards[card].number,
      holder: "MARIA DA SILVA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    const request: CreatePaymentRequest = {
      idempotencyKey: `pay_rec_${keys}`,
      amount: brl(10_000),
      method: "card",
      description: "Plano mensal",
      payer,
      card: { type: "token", token },
      ...(recurrence === null ? {} : { recurrence: { ...monthly, ...recurrence } }),
      ...overrides,
    };
    return { request, result: await gateway.createPayment(request) };
  };
  /** The recurrence news delivered since the last call, in the order sent. */
  const news = async (): Promise<GatewayEvent[]> => {
    const events: GatewayEvent[] = [];
    for (const notification of gateway.sandbox.takeNotifications()) {
      const parsed = await gateway.parseWebhook(notification);
      if (!parsed.authentic) throw new Error(parsed.reason);
      events.push(...parsed.events.filter((event) => event.recurrenceCharge !== undefined));
    }
    return events;
  };
  return { clock, gateway, sale, news };
}

function recurrenceOf(result: PaymentResult): string {
  if (result.status === "unknown" || result.recurrenceReference === undefined)
    throw new Error(`no recurrence: ${result.status}`);
  return result.recurrenceReference;
}

function deactivation(request: CreatePaymentRequest, recurrenceReference: string): RecurrenceReference {
  return {
    recurrenceReference,
    firstPayment: {
      idempotencyKey: request.idempotencyKey,
      providerReference: null,
      method: "card",
      amount: request.amount,
      createdAt: "2026-03-10T15:00:00.000Z",
    },
  };
}

const lookup = (request: CreatePaymentRequest, providerReference: string | null = null) => ({
  idempotencyKey: request.idempotencyKey,
  providerReference,
  method: "card" as const,
  amount: request.amount,
  createdAt: "2026-03-10T15:00:00.000Z",
});

/** The charges of one recurrence in the books, oldest first. */
function chargesOf(gateway: SandboxGateway, recurrenceReference: string) {
  return gateway.sandbox
    .ledger()
    .charges.filter((charge) => charge.recurrence?.reference === recurrenceReference);
}

async function invalidField(action: Promise<unknown>): Promise<unknown> {
  try {
    await action;
  } catch (error) {
    if (isTesseraError(error, "gateway_invalid_request")) return error.details.field;
    throw error;
  }
  throw new Error("expected gateway_invalid_request");
}

describe("a sandbox card sale with recurrence", () => {
  it("charges once now, answers the recurrence's reference, and keeps answering it on lookups", async () => {
    const { gateway, sale } = setup();
    const { request, result } = await sale();
    expect(result).toMatchObject({ status: "succeeded", amount: brl(10_000) });
    const recurrence = recurrenceOf(result);
    expect(recurrence).toMatch(/^sbxrec_/);
    expect(chargesOf(gateway, recurrence)).toHaveLength(1);
    expect(await gateway.getPayment(lookup(request))).toMatchObject({ recurrenceReference: recurrence });
    expect(gateway.sandbox.ledger().recurrences).toMatchObject([
      { reference: recurrence, status: "active", card: { brand: "visa", last4: "1111" } },
    ]);
    // The books keep the card's facts, never its number.
    expect(JSON.stringify(gateway.sandbox.ledger().entries)).not.toContain(
      sandboxTestCards.approvedVisa.number,
    );
  });

  it("answers a replayed create with the same recurrence, and refuses the key for another recurrence", async () => {
    const { gateway, sale } = setup();
    const { request, result } = await sale();
    const { token } = await gateway.sandbox.tokenizeCard({
      number: sandboxTestCards.approvedVisa.number,
      holder: "MARIA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    const again = { ...request, card: { type: "token" as const, token } };
    expect(recurrenceOf(await gateway.createPayment(again))).toBe(recurrenceOf(result));
    const other = { ...again, recurrence: { ...monthly, charges: 6 } };
    expect(await invalidField(gateway.createPayment(other))).toBe("idempotencyKey");
    expect(gateway.sandbox.ledger().recurrences).toHaveLength(1);
  });

  it("starts no recurrence when charge 1 is declined", async () => {
    const { clock, gateway, sale, news } = setup();
    const { result } = await sale({}, "insufficientFunds");
    expect(result.status).toBe("declined");
    expect(result).not.toHaveProperty("recurrenceReference");
    clock.advance(60 * day);
    expect(await news()).toEqual([]);
    expect(gateway.sandbox.ledger().charges).toHaveLength(1);
  });

  it("refuses a recurrence the provider would not run, naming the field", async () => {
    const { gateway, sale } = setup();
    const pix = sale({}, "approvedVisa", { method: "pix", card: undefined, expiresInSeconds: 600 });
    expect(await invalidField(pix)).toBe("recurrence");
    expect(await invalidField(sale({ charges: 1 }))).toBe("recurrence.charges");
    expect(await invalidField(sale({ charges: 2.5 }))).toBe("recurrence.charges");
    expect(await invalidField(sale({ amount: brl(0) }))).toBe("recurrence.amount.amount");
    expect(await invalidField(sale({ amount: { amount: 8_000, currency: "USD" } }))).toBe(
      "recurrence.amount.currency",
    );
    expect(await invalidField(sale({ interval: { unit: "month", count: 0 } }))).toBe("recurrence.interval");
    expect(await invalidField(sale({ secondChargeOn: "2026-02-30" }))).toBe("recurrence.secondChargeOn");
    // Charge 1 is today's (the 10th in Brasília): the second cannot fall on it.
    expect(await invalidField(sale({ secondChargeOn: "2026-03-10" }))).toBe("recurrence.secondChargeOn");
    expect(gateway.sandbox.ledger().charges).toEqual([]);
  });
});

describe("the sandbox's recurrent charges", () => {
  it("charge the kept card on secondChargeOn, as a charge of its own with charge 1's key, and notify it", async () => {
    const { clock, gateway, sale, news } = setup();
    const { request, result } = await sale();
    const recurrence = recurrenceOf(result);
    await news();
    clock.set("2026-04-10T08:59:59.999Z"); // 05:59 in Brasília: not yet
    expect(await news()).toEqual([]);
    clock.set("2026-04-10T09:00:00.000Z");
    const [second, ...rest] = await news();
    expect(rest).toEqual([]);
    expect(second?.recurrenceCharge).toEqual({
      recurrenceReference: recurrence,
      sequence: 2,
      attempt: 1,
      recurrenceEnded: false,
    });
    expect(second?.payment).toMatchObject({ status: "succeeded", amount: brl(8_000) });
    // It names its recurrence, as Cielo's recurrent sales do; only charge 1 started it.
    expect(second?.payment).toHaveProperty("recurrenceReference", recurrence);
    expect(second?.occurredAt).toBe("2026-04-10T09:00:00.000Z");
    const secondReference = second?.payment.providerReference ?? null;
    expect(secondReference).not.toBe(result.providerReference);

    const books = chargesOf(gateway, recurrence);
    expect(books.map((charge) => [charge.reference, charge.idempotencyKey, charge.amount.amount])).toEqual([
      [result.providerReference, request.idempotencyKey, 10_000],
      [secondReference, request.idempotencyKey, 8_000],
    ]);
    // Our key still names charge 1; the provider's reference names each charge.
    expect(await gateway.getPayment(lookup(request))).toMatchObject({
      providerReference: result.providerReference,
      amount: brl(10_000),
      recurrenceReference: recurrence,
    });
    expect(await gateway.getPayment(lookup(request, secondReference))).toMatchObject({
      providerReference: secondReference,
      amount: brl(8_000),
    });
  });

  it("fall on the same day of each month, on the month's last day when it is shorter", async () => {
    const { clock, gateway, sale } = setup();
    const recurrence = recurrenceOf((await sale({ secondChargeOn: "2026-03-31" })).result);
    clock.set("2026-07-01T00:00:00.000Z");
    gateway.sandbox.tick();
    expect(chargesOf(gateway, recurrence).map((charge) => charge.createdAt)).toEqual([
      "2026-03-10T15:00:00.000Z",
      "2026-03-31T09:00:00.000Z",
      "2026-04-30T09:00:00.000Z",
      "2026-05-31T09:00:00.000Z",
      "2026-06-30T09:00:00.000Z",
    ]);
  });

  it("are all made, in order and each at its own time, when the clock jumps past several", async () => {
    const { clock, sale, news } = setup();
    const a = recurrenceOf((await sale({ secondChargeOn: "2026-03-20" })).result);
    const b = recurrenceOf(
      (await sale({ secondChargeOn: "2026-03-15", interval: { unit: "day", count: 10 } })).result,
    );
    await news();
    clock.set("2026-04-21T00:00:00.000Z");
    const made = (await news()).map((event) => [
      event.recurrenceCharge?.recurrenceReference,
      event.occurredAt,
    ]);
    expect(made).toEqual([
      [b, "2026-03-15T09:00:00.000Z"],
      [a, "2026-03-20T09:00:00.000Z"],
      [b, "2026-03-25T09:00:00.000Z"],
      [b, "2026-04-04T09:00:00.000Z"],
      [b, "2026-04-14T09:00:00.000Z"],
      [a, "2026-04-20T09:00:00.000Z"],
    ]);
  });

  it("end a fixed count on its last charge, and make no more", async () => {
    const { clock, gateway, sale, news } = setup();
    const { request, result } = await sale({ charges: 3 });
    const recurrence = recurrenceOf(result);
    await news();
    clock.set("2026-08-01T00:00:00.000Z");
    expect((await news()).map((event) => event.recurrenceCharge)).toEqual([
      { recurrenceReference: recurrence, sequence: 2, attempt: 1, recurrenceEnded: false },
      { recurrenceReference: recurrence, sequence: 3, attempt: 1, recurrenceEnded: true },
    ]);
    expect(chargesOf(gateway, recurrence)).toHaveLength(3);
    expect(gateway.sandbox.ledger().recurrences[0]).toMatchObject({ status: "finished" });
    expect(await gateway.deactivateRecurrence(deactivation(request, recurrence))).toEqual({
      status: "already_ended",
      rawStatus: "finished",
    });
  });
});

describe("a recurrent charge the card declines", () => {
  it("is tried again a day apart, recurrenceRetries times, then the sandbox gives up and ends the recurrence", async () => {
    const { clock, gateway, sale, news } = setup();
    const { result } = await sale({ secondChargeOn: "2026-03-12" }, "recurrentDeclines");
    expect(result.status).toBe("succeeded");
    const recurrence = recurrenceOf(result);
    await news();
    clock.set("2026-03-20T00:00:00.000Z");
    const declined = await news();
    expect(declined.map((event) => [event.recurrenceCharge, event.occurredAt])).toEqual([
      [
        { recurrenceReference: recurrence, sequence: 2, attempt: 1, recurrenceEnded: false },
        "2026-03-12T09:00:00.000Z",
      ],
      [
        { recurrenceReference: recurrence, sequence: 2, attempt: 2, recurrenceEnded: false },
        "2026-03-13T09:00:00.000Z",
      ],
      [
        { recurrenceReference: recurrence, sequence: 2, attempt: 3, recurrenceEnded: true },
        "2026-03-14T09:00:00.000Z",
      ],
    ]);
    for (const event of declined)
      expect(event.payment).toMatchObject({
        status: "declined",
        declineCode: "insufficient_funds",
        rawStatus: "declined:51",
      });
    expect(new Set(declined.map((event) => event.payment.providerReference)).size).toBe(3);
    expect(gateway.sandbox.ledger().recurrences[0]).toMatchObject({ status: "gave_up" });
    clock.set("2026-06-01T00:00:00.000Z");
    expect(await news()).toEqual([]);
    expect(chargesOf(gateway, recurrence)).toHaveLength(4);
  });

  it("is not retried with recurrenceRetries 0: its only attempt ends the recurrence", async () => {
    const { clock, sale, news } = setup({ recurrenceRetries: 0 });
    recurrenceOf((await sale({ secondChargeOn: "2026-03-12" }, "recurrentDeclines")).result);
    await news();
    clock.set("2026-03-20T00:00:00.000Z");
    expect((await news()).map((event) => event.recurrenceCharge?.recurrenceEnded)).toEqual([true]);
  });

  it("is declined expired_card once the kept card's expiry has passed", async () => {
    const { clock, gateway, sale, news } = setup();
    const { token } = await gateway.sandbox.tokenizeCard({
      number: sandboxTestCards.approvedVisa.number,
      holder: "MARIA",
      expMonth: 4,
      expYear: 2026,
      cvc: "123",
    });
    const { result } = await sale({ secondChargeOn: "2026-04-10" }, "approvedVisa", {
      card: { type: "token", token },
    });
    recurrenceOf(result);
    await news();
    clock.set("2026-05-11T00:00:00.000Z");
    const made = await news();
    expect(made[0]?.payment.status).toBe("succeeded");
    expect(made[1]?.payment).toMatchObject({ status: "declined", declineCode: "expired_card" });
  });
});

describe("recurrenceDeclinedCharge next_period", () => {
  it("is declared as capabilities.recurrenceRules.declinedCharge, retry_then_end by default, and no rules without a recurrence", () => {
    expect(setup().gateway.capabilities.recurrenceRules).toEqual({
      ...defaultRecurrenceRules,
      declinedCharge: "retry_then_end",
    });
    expect(setup({ recurrenceDeclinedCharge: "next_period" }).gateway.capabilities.recurrenceRules).toEqual({
      ...defaultRecurrenceRules,
      declinedCharge: "next_period",
    });
    const offline = setup({ providerRecurrence: false, recurrenceDeclinedCharge: "next_period" }).gateway;
    expect(offline.capabilities).not.toHaveProperty("recurrenceRules");
  });

  it("notifies a declined month once and never retries it; the next is charged on its day, the recurrence going on", async () => {
    // No retries would end a retried recurrence at its first decline: here it ends nothing.
    const { clock, gateway, sale, news } = setup({
      recurrenceDeclinedCharge: "next_period",
      recurrenceRetries: 0,
    });
    const recurrence = recurrenceOf((await sale({}, "recurrentDeclines")).result);
    await news();
    clock.set("2026-06-11T00:00:00.000Z");
    const made = await news();
    expect(made.map((event) => [event.recurrenceCharge, event.occurredAt, event.payment.status])).toEqual([
      [
        { recurrenceReference: recurrence, sequence: 2, attempt: 1, recurrenceEnded: false },
        "2026-04-10T09:00:00.000Z",
        "declined",
      ],
      [
        { recurrenceReference: recurrence, sequence: 3, attempt: 1, recurrenceEnded: false },
        "2026-05-10T09:00:00.000Z",
        "declined",
      ],
      [
        { recurrenceReference: recurrence, sequence: 4, attempt: 1, recurrenceEnded: false },
        "2026-06-10T09:00:00.000Z",
        "declined",
      ],
    ]);
    expect(chargesOf(gateway, recurrence).map((charge) => charge.status)).toEqual([
      "paid",
      "declined",
      "declined",
      "declined",
    ]);
    expect(gateway.sandbox.ledger().recurrences[0]).toMatchObject({
      status: "active",
      endedAt: null,
      lastCharge: { sequence: 4, attempt: 1, status: "declined" },
    });
  });

  it("ends a fixed count on its last charge, declined or not, and makes no more", async () => {
    const { clock, gateway, sale, news } = setup({ recurrenceDeclinedCharge: "next_period" });
    const { request, result } = await sale({ charges: 3 }, "recurrentDeclines");
    const recurrence = recurrenceOf(result);
    await news();
    clock.set("2026-09-01T00:00:00.000Z");
    expect((await news()).map((event) => event.recurrenceCharge)).toEqual([
      { recurrenceReference: recurrence, sequence: 2, attempt: 1, recurrenceEnded: false },
      { recurrenceReference: recurrence, sequence: 3, attempt: 1, recurrenceEnded: true },
    ]);
    expect(chargesOf(gateway, recurrence)).toHaveLength(3);
    // Its last charge declined: the provider made its last try and failed, as core reads it too.
    expect(await gateway.deactivateRecurrence(deactivation(request, recurrence))).toEqual({
      status: "already_ended",
      rawStatus: "gave_up",
    });
  });

  it("runs a ledger file reopened with it by the new rule: a month declined under retries is not retried", async () => {
    const file = ledgerFile();
    const clock = createManualClock("2026-03-10T15:00:00.000Z");
    const before = setup({ ledgerFile: file }, clock);
    const recurrence = recurrenceOf((await before.sale({}, "recurrentDeclines")).result);
    clock.set("2026-04-10T12:00:00.000Z");
    before.gateway.sandbox.tick();

    const after = setup({ ledgerFile: file, recurrenceDeclinedCharge: "next_period" }, clock);
    clock.set("2026-05-11T00:00:00.000Z");
    expect(
      (await after.news()).map((event) => [
        event.recurrenceCharge?.sequence,
        event.recurrenceCharge?.attempt,
      ]),
    ).toEqual([[3, 1]]);
    expect(chargesOf(after.gateway, recurrence)).toHaveLength(3);
  });
});

describe("a card_declined fault of a recurrent charge", () => {
  it("waits past a create and declines the sandbox's next recurrent charge, which is then retried and paid", async () => {
    const { clock, gateway, sale, news } = setup();
    gateway.sandbox.injectFault({ kind: "card_declined", declineCode: "do_not_honor", charge: "recurrent" });
    const { result } = await sale();
    expect(result.status, "charge 1 is a create's: the fault waits").toBe("succeeded");
    const recurrence = recurrenceOf(result);
    await news();
    clock.set("2026-05-11T00:00:00.000Z");
    expect(
      (await news()).map((event) => [
        event.recurrenceCharge?.sequence,
        event.recurrenceCharge?.attempt,
        event.payment.status,
        event.payment.status === "declined" ? event.payment.declineCode : null,
      ]),
    ).toEqual([
      [2, 1, "declined", "do_not_honor"],
      [2, 2, "succeeded", null],
      [3, 1, "succeeded", null],
    ]);
    expect(chargesOf(gateway, recurrence)[1]).toMatchObject({
      status: "declined",
      decline: { declineCode: "do_not_honor", returnCode: "05" },
    });
  });

  it("under next_period leaves that month declined and charges the next on its day", async () => {
    const { clock, gateway, sale, news } = setup({ recurrenceDeclinedCharge: "next_period" });
    const recurrence = recurrenceOf((await sale()).result);
    await news();
    gateway.sandbox.injectFault({
      kind: "card_declined",
      declineCode: "insufficient_funds",
      charge: "recurrent",
    });
    clock.set("2026-06-11T00:00:00.000Z");
    expect(
      (await news()).map((event) => [
        event.recurrenceCharge?.sequence,
        event.recurrenceCharge?.attempt,
        event.payment.status,
      ]),
    ).toEqual([
      [2, 1, "declined"],
      [3, 1, "succeeded"],
      [4, 1, "succeeded"],
    ]);
    expect(gateway.sandbox.ledger().recurrences[0]).toMatchObject({
      reference: recurrence,
      status: "active",
    });
  });

  it("is not taken by a create, nor an ordinary fault by a recurrent charge", async () => {
    const { clock, gateway, sale, news } = setup();
    const recurrence = recurrenceOf((await sale()).result);
    await news();
    gateway.sandbox.injectFault({ kind: "card_declined", declineCode: "card_declined" });
    clock.set("2026-04-11T00:00:00.000Z");
    expect(
      (await news()).map((event) => event.payment.status),
      "April is the card's: paid",
    ).toEqual(["succeeded"]);
    const { result } = await sale(null);
    expect(result, "the ordinary fault waited for a create").toMatchObject({
      status: "declined",
      declineCode: "card_declined",
    });
    expect(chargesOf(gateway, recurrence)).toHaveLength(2);
  });
});

describe("deactivateRecurrence", () => {
  it("stops every later charge, and answers already_ended when asked again", async () => {
    const { clock, gateway, sale, news } = setup();
    const { request, result } = await sale();
    const recurrence = recurrenceOf(result);
    expect(await gateway.deactivateRecurrence(deactivation(request, recurrence))).toEqual({
      status: "deactivated",
      rawStatus: "deactivated",
    });
    await news();
    clock.set("2026-09-01T00:00:00.000Z");
    expect(await news()).toEqual([]);
    expect(chargesOf(gateway, recurrence)).toHaveLength(1);
    expect(await gateway.deactivateRecurrence(deactivation(request, recurrence))).toEqual({
      status: "already_ended",
      rawStatus: "deactivated",
    });
  });

  it("makes the charges already due first, as every call does", async () => {
    const { clock, gateway, sale } = setup();
    const { request, result } = await sale();
    const recurrence = recurrenceOf(result);
    clock.set("2026-05-20T00:00:00.000Z");
    await gateway.deactivateRecurrence(deactivation(request, recurrence));
    expect(chargesOf(gateway, recurrence)).toHaveLength(3);
  });

  it("refuses an unknown recurrence, and a first payment that is not the recurrence's", async () => {
    const { gateway, sale } = setup();
    const { request, result } = await sale();
    expect(await invalidField(gateway.deactivateRecurrence(deactivation(request, "sbxrec_nobody")))).toBe(
      "recurrenceReference",
    );
    const other = { ...request, idempotencyKey: "pay_someone_else" };
    expect(await invalidField(gateway.deactivateRecurrence(deactivation(other, recurrenceOf(result))))).toBe(
      "firstPayment.idempotencyKey",
    );
  });
});

describe("recurrences in the ledger file", () => {
  it("survive a restart: the reopened sandbox makes the next charge, and remembers a deactivation", async () => {
    const file = ledgerFile();
    const clock = createManualClock("2026-03-10T15:00:00.000Z");
    const before = setup({ ledgerFile: file }, clock);
    const kept = await before.sale();
    const stopped = await before.sale();
    await before.gateway.deactivateRecurrence(deactivation(stopped.request, recurrenceOf(stopped.result)));

    const after = setup({ ledgerFile: file }, clock);
    clock.set("2026-04-11T00:00:00.000Z");
    const made = await after.news();
    expect(made.map((event) => event.recurrenceCharge?.recurrenceReference)).toEqual([
      recurrenceOf(kept.result),
    ]);
    expect(await after.gateway.getPayment(lookup(kept.request))).toMatchObject({
      providerReference: kept.result.providerReference,
      recurrenceReference: recurrenceOf(kept.result),
    });
    expect(after.gateway.sandbox.ledger().recurrences.map((recurrence) => recurrence.status)).toEqual([
      "active",
      "deactivated",
    ]);
  });
});

describe("settling recurrences", () => {
  /** A sandbox running `later` recurrences not due for months and three due now; what settling reads. */
  async function settleAfter(later: number) {
    const clock = createManualClock("2026-03-10T15:00:00.000Z");
    const state = createSandboxState(parseSandboxOptions({ clock, acceptRawCardNumbers: true }));
    const sale = (idempotencyKey: string, secondChargeOn: string): CreatePaymentRequest => ({
      idempotencyKey,
      amount: brl(10_000),
      method: "card",
      description: "Plano mensal",
      payer,
      card: {
        type: "raw",
        number: "4111111111111111",
        holder: "MARIA",
        expMonth: 12,
        expYear: 2030,
        cvc: "123",
      },
      recurrence: { ...monthly, secondChargeOn },
    });
    for (let i = 0; i < later; i += 1) await createPayment(state, sale(`pay_later_${i}`, "2027-01-10"));
    for (const key of ["pay_soon_1", "pay_soon_2", "pay_soon_3"])
      await createPayment(state, sale(key, "2026-03-11"));
    clock.set("2026-03-12T00:00:00.000Z");
    const reads = { recurrences: 0, wholeBook: 0 };
    const inner: SandboxLedger = state.ledger;
    const whole = <T>(items: T[]) => {
      reads.wholeBook += 1;
      return items;
    };
    const ledger: SandboxLedger = {
      ...inner,
      nextDueRecurrence(nowMs) {
        const recurrence = inner.nextDueRecurrence(nowMs);
        if (recurrence !== null) reads.recurrences += 1;
        return recurrence;
      },
      recurrences: () => whole(inner.recurrences()),
      charges: () => whole(inner.charges()),
      entries: () => whole(inner.entries()),
    };
    settle({ ...state, ledger });
    const charged = inner.charges().filter((charge) => (charge.recurrence?.sequence ?? 1) > 1).length;
    return { reads, charged };
  }

  it("reads only the recurrences that are due, as few among 2,000 as among 20", async () => {
    const small = await settleAfter(20);
    const large = await settleAfter(2000);
    expect(small).toEqual({ reads: { recurrences: 3, wholeBook: 0 }, charged: 3 });
    expect(large).toEqual(small);
  });
});
