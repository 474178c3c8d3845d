import { randomInt } from "node:crypto";
import { gatewayError } from "../errors/gateway-error";
import type { Money } from "../money/money";
import type { PayerAction } from "../payments/payer-action";
import type {
  CreatePaymentRequest,
  Gateway,
  GatewayCapabilities,
  PaymentReference,
  PaymentResult,
  RefundRequest,
  RefundResult,
} from "../ports/gateway";
import { type CalendarDate, compareDates, isCalendarDate } from "../time/calendar-date";
import { type Clock, systemClock } from "../time/clock";
import { addMilliseconds, instantToMillis } from "../time/instant";
import { calendarDateInZone } from "../time/timezone";
import { boletoCodes } from "./boleto-line";
import { dynamicPixBrCode } from "./brcode";
import {
  type CardFacts,
  type CardTokenResult,
  createCardTokenizer,
  isCardExpired,
  type RawCard,
  readCardFacts,
} from "./card-tokenizer";
import {
  createNotificationOutbox,
  type SandboxNotification,
  type WebhookDelivery,
} from "./notification-outbox";
import {
  chargeToPaymentResult,
  refundedAmount,
  type SandboxCharge,
  type SandboxChargeStatus,
  type SandboxRefund,
} from "./sandbox-charge";
import { openSandboxLedger, type SandboxLedgerEntry } from "./sandbox-ledger";
import {
  type SandboxEventType,
  sandboxNotificationBody,
  sandboxNotificationEvent,
} from "./sandbox-notification";
import { parseSandboxOptions, type SandboxGatewayOptions, type SandboxLog } from "./sandbox-options";
import { newSandboxReference } from "./sandbox-reference";
import { expiredByDateOutcome, sandboxTestCards, type TestCardOutcome } from "./test-cards";
import { createTokenizationEndpoint } from "./tokenization-endpoint";
import { generateWebhookSecret, sandboxSignatureHeader, verifyWebhookSignature } from "./webhook-signature";

/** The provider's books as the back office and tests read them. */
export interface SandboxLedgerView {
  charges: (SandboxCharge & { refundedAmount: Money })[];
  refunds: SandboxRefund[];
  /** Every entry in the order it was written (what the ledger file holds). */
  entries: SandboxLedgerEntry[];
}

/**
 * What only a sandbox has: the provider's browser-side API, its payers, its outbox and its
 * books. Kept off the `Gateway` itself, so core sees exactly the port.
 */
export interface SandboxControls {
  /** The secret notifications are signed with (the generated one when none was given). */
  readonly webhookSecret: string;
  /** The documented test cards (see `sandboxTestCards`). */
  readonly testCards: typeof sandboxTestCards;
  /**
   * What the provider's browser script does: turns a typed card into a short-lived,
   * single-use token for `createPayment({ card: { type: "token", token } })`.
   */
  tokenizeCard(card: RawCard): Promise<CardTokenResult>;
  /** The same, as an HTTP endpoint a server can mount for the checkout page (JSON, CORS). */
  handleTokenizationRequest(request: Request): Promise<Response>;
  /**
   * The payer pays a pending PIX or boleto now, found by its provider reference or our
   * idempotency key. Throws `gateway_invalid_request` when it is unknown or not pending.
   */
  pay(reference: string): PaymentResult;
  /**
   * Applies what the clock says has happened since the last call: automatic payments
   * (`autoPayAfterMs`) and expired PIX. Every other call does this first; a server calls
   * it on a timer so notifications go out without anyone asking.
   */
  tick(): void;
  /** Hands over, and forgets, the notifications sent since the last call, signed now. */
  takeNotifications(): SandboxNotification[];
  /** Waits for the POSTs to `webhookUrl` started so far; returns every attempt. */
  settleDeliveries(): Promise<WebhookDelivery[]>;
  /** The provider's books: every charge with what was refunded of it, every refund. */
  ledger(): SandboxLedgerView;
}

/** The sandbox gateway: the port, with `cancel` always present, plus `sandbox` controls. */
export interface SandboxGateway extends Gateway {
  cancel(reference: PaymentReference): Promise<PaymentResult>;
  readonly sandbox: SandboxControls;
}

/** Banks' codes are three digits; 999 belongs to none, so a sandbox boleto can never be paid for real. */
const sandboxBankCode = "999";

/**
 * An in-process payment provider that behaves like a real one: card tokens from its own
 * tokenization endpoint, test cards that approve, decline or time out, PIX and boletos that
 * wait for the payer, refunds, HMAC-signed notifications, and books of its own that can
 * survive the process. The default gateway when nothing is configured.
 *
 * @example
 * ```ts
 * const gateway = createSandboxGateway({ clock, autoPayAfterMs: 30_000 });
 * const { token } = await gateway.sandbox.tokenizeCard({
 *   number: gateway.sandbox.testCards.approvedVisa.number, holder: "Ana Souza", expMonth: 12, expYear: 2030, cvc: "123",
 * });
 * const result = await gateway.createPayment({ idempotencyKey: "pay_01J…", method: "card", card: { type: "token", token }, … });
 * // result.status === "succeeded"
 * ```
 */
export function createSandboxGateway(input: SandboxGatewayOptions = {}): SandboxGateway {
  const options = parseSandboxOptions(input);
  const id = options.id;
  const clock: Clock = options.clock ?? systemClock;
  const log: SandboxLog = options.log ?? (() => {});
  const webhookSecret = options.webhookSecret ?? generateWebhookSecret();
  const ledger = openSandboxLedger({ gatewayId: id, file: options.ledgerFile ?? null });
  const tokenizer = createCardTokenizer({
    gatewayId: id,
    clock,
    ttlSeconds: options.cardTokenTtlSeconds,
    newToken: () => newSandboxReference("tok"),
  });
  const outbox = createNotificationOutbox({
    secret: webhookSecret,
    clock,
    webhookUrl: options.webhookUrl ?? null,
    fetch: options.fetch ?? ((...args) => fetch(...args)),
    log,
  });

  const capabilities: GatewayCapabilities = Object.freeze({
    currencies: Object.freeze(["BRL"]),
    partialRefunds: true,
    idempotentCreate: true,
    cancel: true,
    cardTokenization: "client_side",
    storedCards: true,
    providerRecurrence: false,
    webhooks: Object.freeze({ authentication: "hmac_signature", confirmsByLookup: false }),
    acceptsRawCard: options.acceptRawCardNumbers,
    // Shaped like API Pix's txid (26–35), so references made for the sandbox fit the strictest PIX PSP.
    references: Object.freeze({ kind: "alphanumeric", minLength: 26, maxLength: 35 }),
    capture: false,
    // As Banco Inter: a boleto needs the payer's CPF/CNPJ and address, and at least R$ 2,50.
    methodRules: Object.freeze({
      boleto: {
        payer: { document: true, address: true, phone: false },
        minAmount: 250,
        maxAmount: 9_999_999_999,
      },
    }),
  } as const);

  function invalid(message: string, details: Record<string, unknown> = {}): Error {
    return gatewayError(id, "gateway_invalid_request", message, { details });
  }

  async function pause(): Promise<void> {
    if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
  }

  function view(charge: SandboxCharge): PaymentResult {
    return chargeToPaymentResult(charge, refundedAmount(charge, ledger.refunds()));
  }

  function find(reference: PaymentReference): SandboxCharge | null {
    return (
      (reference.providerReference === null ? null : ledger.findCharge(reference.providerReference)) ??
      ledger.findChargeByKey(reference.idempotencyKey)
    );
  }

  function publish(
    type: SandboxEventType,
    charge: SandboxCharge,
    refund: SandboxRefund | null,
    at: string,
  ): void {
    const eventId = newSandboxReference("evt");
    const rawBody = sandboxNotificationBody({
      id: eventId,
      type,
      createdAt: at,
      charge,
      refundedAmount: refundedAmount(charge, ledger.refunds()),
      refund,
    });
    outbox.publish({ eventId, type, rawBody });
  }

  function changeStatus(
    charge: SandboxCharge,
    status: Exclude<SandboxChargeStatus, "pending" | "declined">,
    at: string,
  ) {
    ledger.append({ kind: "charge_status", at, reference: charge.reference, status });
    const updated = ledger.findCharge(charge.reference) ?? charge;
    log({ level: "info", message: "charge status changed", data: { reference: charge.reference, status } });
    const type: SandboxEventType =
      status === "paid" ? "payment.paid" : status === "expired" ? "payment.expired" : "payment.canceled";
    publish(type, updated, null, at);
    return updated;
  }

  /** Records a new charge durably, then lets a crash test in (`onCharge`), then notifies. */
  function recordCharge(charge: SandboxCharge): void {
    ledger.append({ kind: "charge", at: charge.createdAt, charge });
    log({
      level: "info",
      message: "charge recorded",
      data: {
        reference: charge.reference,
        idempotencyKey: charge.idempotencyKey,
        method: charge.method,
        status: charge.status,
        amount: charge.amount.amount,
        currency: charge.amount.currency,
      },
    });
    options.onCharge?.({ ...charge });
    if (charge.status === "paid") publish("payment.paid", charge, null, charge.createdAt);
  }

  function settle(): void {
    const now = instantToMillis(clock.now());
    for (const charge of ledger.charges()) {
      if (charge.status !== "pending") continue;
      const expiresAt =
        charge.action?.type === "pix" ? instantToMillis(charge.action.expiresAt) : Number.POSITIVE_INFINITY;
      const payAt =
        options.autoPayAfterMs === undefined
          ? Number.POSITIVE_INFINITY
          : instantToMillis(charge.createdAt) + options.autoPayAfterMs;
      if (payAt <= now && payAt < expiresAt) changeStatus(charge, "paid", new Date(payAt).toISOString());
      else if (expiresAt <= now) changeStatus(charge, "expired", new Date(expiresAt).toISOString());
    }
  }

  function unknownResult(reason: string): PaymentResult {
    return { status: "unknown", providerReference: null, rawStatus: null, reason };
  }

  function validateCreate(request: CreatePaymentRequest): void {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(request.idempotencyKey)) {
      throw invalid("The idempotency key must be 1–100 letters, digits, _ or -.", {
        field: "idempotencyKey",
      });
    }
    if (!capabilities.currencies.includes(request.amount.currency)) {
      throw invalid(`The sandbox charges only in ${capabilities.currencies.join(", ")}.`, {
        field: "amount.currency",
      });
    }
    if (!Number.isSafeInteger(request.amount.amount) || request.amount.amount <= 0) {
      throw invalid("The amount must be a positive whole number of centavos.", { field: "amount.amount" });
    }
    if (!gateway.methods.includes(request.method)) {
      throw invalid(`The sandbox does not offer the "${request.method}" method.`, { field: "method" });
    }
  }

  /** Only what decides whether a repeated key is the same request; never card data. */
  function fingerprint(request: CreatePaymentRequest): string {
    return `${request.method}:${request.amount.amount}:${request.amount.currency}`;
  }

  function newCharge(
    request: CreatePaymentRequest,
    fields: Pick<SandboxCharge, "status" | "card" | "decline" | "action" | "paidAt">,
    reference: string = newSandboxReference("sbxpay"),
  ): SandboxCharge {
    return {
      reference,
      idempotencyKey: request.idempotencyKey,
      method: request.method as SandboxCharge["method"],
      amount: request.amount,
      description: request.description,
      createdAt: clock.now(),
      closedAt: null,
      requestFingerprint: fingerprint(request),
      ...fields,
    };
  }

  function chargeCard(request: CreatePaymentRequest): PaymentResult {
    const card = request.card;
    if (card === undefined)
      throw invalid("A card payment needs `card` (a token from the tokenization endpoint).");
    let facts: CardFacts;
    let useUp: () => void = () => {};
    let save = false;
    switch (card.type) {
      case "token": {
        // Read, not use up: a request that "never reached" the provider leaves the token usable.
        facts = tokenizer.read(card.token);
        useUp = () => tokenizer.useUp(card.token);
        save = card.saveForRenewals === true;
        break;
      }
      case "stored": {
        const stored = ledger.findStoredCard(card.token);
        if (stored === null) throw invalid("The stored card token is unknown.", { field: "card.token" });
        facts = { ...stored, brand: stored.brand as CardFacts["brand"] };
        break;
      }
      case "raw": {
        if (!capabilities.acceptsRawCard) {
          throw invalid(
            "Raw card numbers are refused: tokenize the card in the browser and send the token (DESIGN §3).",
            { field: "card" },
          );
        }
        facts = readCardFacts(id, card);
        break;
      }
    }
    if (facts.outcome.kind === "timeout_before_receipt") {
      log({
        level: "info",
        message: "request lost before the provider (simulated)",
        data: { idempotencyKey: request.idempotencyKey },
      });
      return unknownResult("The request timed out before reaching the provider (sandbox test card).");
    }
    useUp();
    const now = clock.now();
    const outcome: TestCardOutcome = isCardExpired(facts, now) ? expiredByDateOutcome : facts.outcome;
    if (outcome.kind === "decline") {
      const charge = newCharge(request, {
        status: "declined",
        paidAt: null,
        card: { brand: facts.brand, last4: facts.last4, reusableToken: null },
        decline: {
          declineCode: outcome.declineCode,
          returnCode: outcome.returnCode,
          message: outcome.message,
        },
        action: null,
      });
      recordCharge(charge);
      return view(charge);
    }
    let reusableToken: string | null = null;
    if (save) {
      reusableToken = newSandboxReference("card");
      const { brand, last4, expMonth, expYear } = facts;
      ledger.append({
        kind: "stored_card",
        at: now,
        token: reusableToken,
        card: { brand, last4, expMonth, expYear, outcome: facts.outcome },
      });
    }
    const charge = newCharge(request, {
      status: "paid",
      paidAt: now,
      card: { brand: facts.brand, last4: facts.last4, reusableToken },
      decline: null,
      action: null,
    });
    recordCharge(charge);
    if (outcome.kind === "timeout_after_charge") {
      return unknownResult("The provider charged, but its answer was lost (sandbox test card).");
    }
    return view(charge);
  }

  function chargePix(request: CreatePaymentRequest): PaymentResult {
    const seconds = request.expiresInSeconds ?? options.pixExpiresInSeconds;
    if (!Number.isInteger(seconds) || seconds <= 0) {
      throw invalid("`expiresInSeconds` must be a positive whole number.", { field: "expiresInSeconds" });
    }
    const action: PayerAction = {
      type: "pix",
      qrCodePayload: dynamicPixBrCode({
        location: `${options.pixLocationHost}/qr/v2/${newSandboxReference("cob")}`,
        merchantName: options.pixMerchantName,
        merchantCity: options.pixMerchantCity,
      }),
      expiresAt: addMilliseconds(clock.now(), seconds * 1000),
    };
    const charge = newCharge(request, { status: "pending", paidAt: null, card: null, decline: null, action });
    recordCharge(charge);
    return view(charge);
  }

  function chargeBoleto(request: CreatePaymentRequest): PaymentResult {
    const dueDate: CalendarDate | undefined = request.dueDate;
    if (dueDate === undefined || !isCalendarDate(dueDate)) {
      throw invalid("A boleto needs `dueDate` (YYYY-MM-DD).", { field: "dueDate" });
    }
    // Banks read a boleto's days in Brasília time.
    if (compareDates(dueDate, calendarDateInZone(clock.now(), "America/Sao_Paulo")) < 0) {
      throw invalid("A boleto cannot fall due in the past.", { field: "dueDate" });
    }
    // What `capabilities.methodRules.boleto` declares, enforced as Banco Inter does.
    if (request.payer.document === null) {
      throw invalid("A boleto needs the payer's CPF or CNPJ.", { field: "payer.document" });
    }
    if (request.payer.address === null) {
      throw invalid("A boleto needs the payer's address.", { field: "payer.address" });
    }
    if (request.amount.amount < 250) {
      throw invalid("A boleto is at least R$ 2,50.", { field: "amount.amount" });
    }
    if (request.amount.amount > 9_999_999_999) {
      throw invalid("A boleto is at most R$ 99.999.999,99.", { field: "amount.amount" });
    }
    const freeField = Array.from({ length: 25 }, () => randomInt(10)).join("");
    const codes = boletoCodes({
      bankCode: sandboxBankCode,
      amount: request.amount.amount,
      dueDate,
      freeField,
    });
    const reference = newSandboxReference("sbxpay");
    const action: PayerAction = {
      type: "boleto",
      digitableLine: codes.digitableLine,
      barcode: codes.barcode,
      dueDate,
      pdfUrl:
        options.boletoPdfBaseUrl === undefined
          ? null
          : `${options.boletoPdfBaseUrl.replace(/\/$/, "")}/${reference}.pdf`,
      pixPayload: null,
    };
    const charge = newCharge(
      request,
      { status: "pending", paidAt: null, card: null, decline: null, action },
      reference,
    );
    recordCharge(charge);
    return view(charge);
  }

  const gateway: SandboxGateway = {
    id,
    methods: Object.freeze(["card", "pix", "boleto"] as const),
    capabilities,

    async createPayment(request) {
      await pause();
      settle();
      validateCreate(request);
      const existing = ledger.findChargeByKey(request.idempotencyKey);
      if (existing !== null) {
        // Idempotent create: the same key is the same payment, never a second charge.
        if (existing.requestFingerprint !== fingerprint(request)) {
          throw invalid("This idempotency key was already used for a different payment.", {
            field: "idempotencyKey",
          });
        }
        return view(existing);
      }
      switch (request.method) {
        case "card":
          return chargeCard(request);
        case "pix":
          return chargePix(request);
        case "boleto":
          return chargeBoleto(request);
        default:
          throw invalid(`The sandbox does not offer the "${request.method}" method.`, { field: "method" });
      }
    },

    async getPayment(lookup) {
      await pause();
      settle();
      const charge = find(lookup);
      return charge === null ? null : view(charge);
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      await pause();
      settle();
      const charge = ledger.findCharge(request.providerReference);
      if (charge === null)
        throw invalid("No payment has this provider reference.", { field: "providerReference" });
      if (charge.idempotencyKey !== request.paymentIdempotencyKey) {
        throw invalid("The provider reference and the payment's key belong to different payments.", {
          field: "paymentIdempotencyKey",
        });
      }
      if (!/^[A-Za-z0-9_-]{1,100}$/.test(request.refundKey)) {
        throw invalid("The refund key must be 1–100 letters, digits, _ or -.", { field: "refundKey" });
      }
      const earlier = ledger.findRefund(charge.reference, request.refundKey);
      if (earlier !== null) {
        // The same refund key is the same refund: a replay never refunds twice.
        if (
          earlier.amount.amount !== request.amount.amount ||
          earlier.amount.currency !== request.amount.currency
        ) {
          throw invalid("This refund key was already used for a different amount.", { field: "refundKey" });
        }
        return { status: "succeeded", providerRefundReference: earlier.reference, rawStatus: "refunded" };
      }
      if (charge.status !== "paid") {
        throw invalid(`Only a paid payment can be refunded; this one is ${charge.status}.`, {
          status: charge.status,
        });
      }
      if (request.amount.currency !== charge.amount.currency) {
        throw invalid("A refund is in the payment's currency.", { field: "amount.currency" });
      }
      if (!Number.isSafeInteger(request.amount.amount) || request.amount.amount <= 0) {
        throw invalid("A refund amount is a positive whole number of centavos.", { field: "amount.amount" });
      }
      const remaining = charge.amount.amount - refundedAmount(charge, ledger.refunds()).amount;
      if (request.amount.amount > remaining) {
        throw invalid(`The refund exceeds what is left to refund (${remaining} minor units).`, {
          field: "amount.amount",
          remaining,
        });
      }
      const refund: SandboxRefund = {
        reference: newSandboxReference("sbxref"),
        chargeReference: charge.reference,
        refundKey: request.refundKey,
        amount: request.amount,
        createdAt: clock.now(),
      };
      ledger.append({ kind: "refund", at: refund.createdAt, refund });
      log({
        level: "info",
        message: "refund recorded",
        data: {
          reference: refund.reference,
          chargeReference: charge.reference,
          amount: refund.amount.amount,
        },
      });
      publish("refund.succeeded", charge, refund, refund.createdAt);
      return { status: "succeeded", providerRefundReference: refund.reference, rawStatus: "refunded" };
    },

    async cancel(lookup) {
      await pause();
      settle();
      const charge = find(lookup);
      if (charge === null) throw invalid("No payment matches this lookup.", { lookup });
      // A payment that can no longer be canceled (paid, declined, expired) is answered as it stands.
      if (charge.status !== "pending") return view(charge);
      return view(changeStatus(charge, "canceled", clock.now()));
    },

    async parseWebhook(webhook) {
      await pause();
      const verdict = verifyWebhookSignature({
        secret: webhookSecret,
        header: webhook.headers[sandboxSignatureHeader],
        rawBody: webhook.rawBody,
        nowSeconds: Math.floor(instantToMillis(clock.now()) / 1000),
        toleranceSeconds: options.webhookToleranceSeconds,
      });
      if (!verdict.valid) return { authentic: false, reason: verdict.reason };
      const event = sandboxNotificationEvent(webhook.rawBody);
      if (event === null) return { authentic: false, reason: "the body is not a sandbox notification" };
      return { authentic: true, events: [event] };
    },

    sandbox: {
      webhookSecret,
      testCards: sandboxTestCards,
      async tokenizeCard(card) {
        return tokenize(card);
      },
      handleTokenizationRequest: createTokenizationEndpoint({
        tokenize: (card) => tokenize(card),
        allowedOrigins: options.tokenizationAllowedOrigins,
      }),
      pay(reference) {
        settle();
        const charge = ledger.findCharge(reference) ?? ledger.findChargeByKey(reference);
        if (charge === null) throw invalid("No payment has this reference or key.", { reference });
        if (charge.status !== "pending") {
          throw invalid(`Only a pending payment can be paid; this one is ${charge.status}.`, {
            status: charge.status,
          });
        }
        return view(changeStatus(charge, "paid", clock.now()));
      },
      tick: settle,
      takeNotifications() {
        settle();
        return outbox.take();
      },
      settleDeliveries: () => outbox.settle(),
      ledger() {
        settle();
        const refunds = ledger.refunds();
        return {
          charges: ledger
            .charges()
            .map((charge) => ({ ...charge, refundedAmount: refundedAmount(charge, refunds) })),
          refunds,
          entries: ledger.entries(),
        };
      },
    },
  };

  function tokenize(card: RawCard): CardTokenResult {
    const result = tokenizer.tokenize(card);
    log({
      level: "info",
      message: "card tokenized",
      data: { token: result.token, brand: result.brand, last4: result.last4, expiresAt: result.expiresAt },
    });
    return result;
  }

  return gateway;
}
