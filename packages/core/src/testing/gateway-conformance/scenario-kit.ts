import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { GatewayErrorCode } from "../../errors/gateway-error";
import { isTesseraError, type TesseraError } from "../../errors/tessera-error";
import { createIdGenerator } from "../../ids/id";
import type { Money } from "../../money/money";
import type { PayerAction } from "../../payments/payer-action";
import { newPaymentReference } from "../../payments/payment-reference";
import type {
  CardInput,
  CreatePaymentRequest,
  Gateway,
  GatewayEvent,
  GatewayPayer,
  PaymentReference,
  PaymentResult,
  WebhookInput,
} from "../../ports/gateway";
import { addDays } from "../../time/calendar-date";
import type { Instant } from "../../time/instant";
import { calendarDateInZone } from "../../time/timezone";
import type { GatewayHarness, ProviderChargeRecord, ProviderRefundRecord } from "./gateway-harness";

/** What each scenario receives: a fresh harness and the suite's fixed inputs. */
export interface ScenarioContext {
  harness: GatewayHarness;
  gateway: Gateway;
  payer: GatewayPayer;
  /** A fresh reference, made by core in the shape the gateway declares (`capabilities.references`). */
  newKey(): string;
  /** When each request the kit built was made, by our key: a lookup carries it (`lookupOf`). */
  sentAt: Map<string, Instant>;
  /** An amount in the gateway's first currency. */
  money(amount: number): Money;
  /** Marks the scenario as not applicable to this gateway, with the reason shown in the report. */
  skip(reason: string): never;
}

export interface GatewayScenario {
  /** The rule the scenario proves, read as the test's name. */
  title: string;
  run(context: ScenarioContext): Promise<void>;
}

/** A scenario's context over a fresh harness: references from core's own generator, in the gateway's declared shape. */
export function scenarioContext(
  harness: GatewayHarness,
  payer: GatewayPayer,
  skip: (reason: string) => never,
): ScenarioContext {
  const currency = harness.gateway.capabilities.currencies[0] ?? "BRL";
  const ids = createIdGenerator();
  return {
    harness,
    gateway: harness.gateway,
    payer,
    newKey: () =>
      newPaymentReference(harness.gateway.capabilities.references, ids("payment"), (size) =>
        randomBytes(size),
      ),
    sentAt: new Map(),
    money: (amount) => ({ amount, currency }),
    skip,
  };
}

/** The payer of every scenario's payments: a valid CPF and a full São Paulo address (Inter boletos need it). */
export const defaultConformancePayer: GatewayPayer = {
  name: "Maria da Silva",
  email: "maria.silva@example.com",
  phone: "+5511987654321",
  document: { kind: "cpf", value: "52998224725" },
  address: {
    street: "Avenida Paulista",
    number: "1578",
    district: "Bela Vista",
    city: "São Paulo",
    state: "SP",
    postalCode: "01310200",
    country: "BR",
  },
};

/**
 * What core passes to `getPayment`, `cancel` and `capture` for a payment the suite created:
 * our key, the provider's reference when known, the method, the amount and when it was made.
 */
export function lookupOf(
  context: ScenarioContext,
  request: CreatePaymentRequest,
  providerReference: string | null = null,
): PaymentReference {
  return {
    idempotencyKey: request.idempotencyKey,
    providerReference,
    method: request.method,
    amount: request.amount,
    createdAt: context.sentAt.get(request.idempotencyKey) ?? context.harness.clock.now(),
  };
}

/** A lookup for a payment the provider never received: a fresh key, a card, now. */
export function unknownLookup(context: ScenarioContext): PaymentReference {
  return {
    idempotencyKey: context.newKey(),
    providerReference: null,
    method: "card",
    amount: context.money(standardAmount),
    createdAt: context.harness.clock.now(),
  };
}

/** R$ 100,00: large enough for a boleto's minimum (Inter: R$ 2,50) and for partial refunds. */
export const standardAmount = 10_000;

export type PendingMethod = "pix" | "boleto" | "payment_link";

/** The payer's action each method that waits on the payer answers: a link sends the payer away. */
export const payerActionOf = {
  pix: "pix",
  boleto: "boleto",
  payment_link: "redirect",
} as const satisfies Record<PendingMethod, PayerAction["type"]>;

function stamped(context: ScenarioContext, request: CreatePaymentRequest): CreatePaymentRequest {
  context.sentAt.set(request.idempotencyKey, context.harness.clock.now());
  return request;
}

export function cardRequest(context: ScenarioContext, card: CardInput): CreatePaymentRequest {
  return stamped(context, {
    idempotencyKey: context.newKey(),
    amount: context.money(standardAmount),
    method: "card",
    description: "Conformance card payment",
    payer: context.payer,
    card,
  });
}

/** A PIX or boleto request: the boleto falls due three days from the provider's today, in Brasília time. */
export function pendingRequest(context: ScenarioContext, method: PendingMethod): CreatePaymentRequest {
  const today = calendarDateInZone(context.harness.clock.now(), "America/Sao_Paulo");
  return stamped(context, {
    idempotencyKey: context.newKey(),
    amount: context.money(standardAmount),
    method,
    description: `Conformance ${method} payment`,
    payer: context.payer,
    ...(method === "boleto" ? { dueDate: addDays(today, 3) } : { expiresInSeconds: 3600 }),
    ...(method === "payment_link" ? { returnUrl: "https://studio.example/checkout/return" } : {}),
  });
}

/** The methods of this gateway that wait on the payer, in the order the suite prefers them. */
export function pendingMethods(gateway: Gateway): PendingMethod[] {
  return (["pix", "boleto", "payment_link"] as const).filter((method) => gateway.methods.includes(method));
}

/** The card controls, or a skip when the gateway offers no card method. */
export function requireCards(context: ScenarioContext) {
  if (context.harness.cards === null) context.skip("the gateway offers no card method");
  return context.harness.cards;
}

/**
 * Creates a PIX or boleto and answers it once it waits on the payer. A provider that issues
 * asynchronously (Banco Inter) answers the create `processing`; its harness then finishes
 * issuing it (`issueProcessing`), as the provider would a moment later, and the lookup shows
 * it pending with what the payer needs.
 */
export async function createPayable(
  context: ScenarioContext,
  request: CreatePaymentRequest,
): Promise<Extract<PaymentResult, { status: "pending" }>> {
  const created = await context.gateway.createPayment(request);
  let payable: PaymentResult | null = created;
  if (created.status === "processing") {
    const issue = context.harness.issueProcessing;
    if (issue === undefined)
      return context.skip("the gateway answers processing and the harness cannot finish issuing it");
    await issue.call(context.harness, created.providerReference);
    payable = await context.gateway.getPayment(lookupOf(context, request, created.providerReference));
  }
  expect(payable?.status, `a new ${request.method} waits on the payer`).toBe("pending");
  return payable as Extract<PaymentResult, { status: "pending" }>;
}

/** A payment with money in it, however this gateway collects: a card, else a paid PIX or boleto. */
export async function collectPayment(
  context: ScenarioContext,
  options: { preferPending?: boolean } = {},
): Promise<{ request: CreatePaymentRequest; result: PaymentResult & { providerReference: string } }> {
  const pending = pendingMethods(context.gateway)[0];
  const cards = context.harness.cards;
  if (pending !== undefined && (options.preferPending === true || cards === null)) {
    const request = pendingRequest(context, pending);
    const providerReference = referenceOf(await createPayable(context, request));
    await context.harness.payPending(providerReference);
    const result = await context.gateway.getPayment(lookupOf(context, request, providerReference));
    expect(result?.status, "a paid PIX or boleto reads as succeeded").toBe("succeeded");
    return { request, result: { ...(result as PaymentResult), providerReference } };
  }
  if (cards === null) return context.skip("the gateway offers neither cards nor a payable pending method");
  const request = cardRequest(context, await cards.approved());
  const result = await context.gateway.createPayment(request);
  expect(["succeeded", "authorized"], "an approved card is succeeded or authorized").toContain(result.status);
  return { request, result: { ...result, providerReference: referenceOf(result) } };
}

/** The provider's reference of a result that must have one. */
export function referenceOf(result: PaymentResult): string {
  expect(result.providerReference, `a ${result.status} result names the provider's reference`).toEqual(
    expect.any(String),
  );
  expect(result.providerReference).not.toBe("");
  return result.providerReference as string;
}

/** Awaits `action` and asserts the gateway threw `gateway_invalid_request`, naming itself as the origin. */
export async function expectInvalidRequest(
  gateway: Gateway,
  action: Promise<unknown>,
  what: string,
): Promise<void> {
  let outcome: { resolved: true; value: unknown } | { resolved: false; error: unknown };
  try {
    outcome = { resolved: true, value: await action };
  } catch (error) {
    outcome = { resolved: false, error };
  }
  if (outcome.resolved) {
    expect.fail(`${what}: expected gateway_invalid_request, got ${JSON.stringify(outcome.value)}`);
  }
  expect(
    isTesseraError(outcome.error, "gateway_invalid_request"),
    `${what}: expected gateway_invalid_request, got ${String(outcome.error)}`,
  ).toBe(true);
  if (isTesseraError(outcome.error)) expect(outcome.error.details.origin).toBe(gateway.id);
}

/**
 * Awaits `action` and asserts the gateway threw the `GatewayError` `code`, naming itself as
 * the origin; answers the error, for its `details`.
 */
export async function expectGatewayError(
  gateway: Gateway,
  action: Promise<unknown>,
  code: GatewayErrorCode,
  what: string,
): Promise<TesseraError> {
  let outcome: { resolved: true; value: unknown } | { resolved: false; error: unknown };
  try {
    outcome = { resolved: true, value: await action };
  } catch (error) {
    outcome = { resolved: false, error };
  }
  if (outcome.resolved) expect.fail(`${what}: expected ${code}, got ${JSON.stringify(outcome.value)}`);
  const { error } = outcome;
  if (!isTesseraError(error, code)) return expect.fail(`${what}: expected ${code}, got ${String(error)}`);
  expect(error.details.origin, `${what}: the error names the gateway`).toBe(gateway.id);
  return error;
}

export async function chargesFor(
  context: ScenarioContext,
  idempotencyKey: string,
): Promise<ProviderChargeRecord[]> {
  const records = await context.harness.providerRecords();
  return records.charges.filter((charge) => charge.idempotencyKey === idempotencyKey);
}

export async function refundsFor(
  context: ScenarioContext,
  providerReference: string,
): Promise<ProviderRefundRecord[]> {
  const records = await context.harness.providerRecords();
  return records.refunds.filter((refund) => refund.providerReference === providerReference);
}

export function total(context: ScenarioContext, items: readonly { amount: Money }[]): number {
  for (const item of items) expect(item.amount.currency).toBe(context.money(0).currency);
  return items.reduce((sum, item) => sum + item.amount.amount, 0);
}

/** Fails unless webhooks are declared; returns the delivered notifications about a payment and their events. */
export async function notificationsAbout(
  context: ScenarioContext,
  providerReference: string,
): Promise<{ notification: WebhookInput; events: GatewayEvent[] }[]> {
  const found: { notification: WebhookInput; events: GatewayEvent[] }[] = [];
  for (const notification of await context.harness.deliveredNotifications()) {
    const parsed = await context.gateway.parseWebhook(notification);
    expect(parsed, "a notification the provider delivered is authentic").toMatchObject({ authentic: true });
    if (!parsed.authentic) continue;
    const events = parsed.events.filter((event) => event.payment.providerReference === providerReference);
    if (events.length > 0) found.push({ notification, events });
  }
  return found;
}
