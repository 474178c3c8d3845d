import type { CreatePaymentRequest, PaymentResult } from "../ports/gateway";
import { chargeBoleto } from "./sandbox-boleto-charge";
import { chargeCard } from "./sandbox-card-charge";
import { paymentResultOf } from "./sandbox-lookup";
import { chargePix } from "./sandbox-pix-charge";
import { requestFingerprint } from "./sandbox-record-charge";
import { validateRecurrence } from "./sandbox-recurrence-request";
import { settle } from "./sandbox-settle";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * `createPayment`: checks the request, answers a repeated idempotency key with the payment
 * it already made (idempotent create), and hands a new one to its method. A timeout a test
 * injected (`sandbox.injectFault`) loses the request on the way, or the answer on the way back.
 */
export async function createPayment(
  state: SandboxState,
  request: CreatePaymentRequest,
): Promise<PaymentResult> {
  await simulateLatency(state);
  settle(state);
  validateCreate(state, request);
  const timeout = state.faults.takeTimeout(request.method);
  if (timeout === "before_receipt") {
    state.log({
      level: "info",
      message: "request lost before the provider (injected fault)",
      data: { idempotencyKey: request.idempotencyKey },
    });
    return lostAnswer("The request timed out before reaching the provider (sandbox fault).");
  }
  const answer = charge(state, request);
  if (timeout === "after_charge")
    return lostAnswer("The provider made the charge, but its answer was lost (sandbox fault).");
  return answer;
}

function lostAnswer(reason: string): PaymentResult {
  return { status: "unknown", providerReference: null, rawStatus: null, reason };
}

function charge(state: SandboxState, request: CreatePaymentRequest): PaymentResult {
  const existing = state.ledger.findChargeByKey(request.idempotencyKey);
  if (existing !== null) {
    // Idempotent create: the same key is the same payment, never a second charge.
    if (existing.requestFingerprint !== requestFingerprint(request)) {
      throw invalidRequest(state, "This idempotency key was already used for a different payment.", {
        field: "idempotencyKey",
      });
    }
    return paymentResultOf(state, existing);
  }
  switch (request.method) {
    case "card":
      return chargeCard(state, request);
    case "pix":
      return chargePix(state, request);
    case "boleto":
      return chargeBoleto(state, request);
    default:
      throw invalidRequest(state, `The sandbox does not offer the "${request.method}" method.`, {
        field: "method",
      });
  }
}

function validateCreate(state: SandboxState, request: CreatePaymentRequest): void {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(request.idempotencyKey)) {
    throw invalidRequest(state, "The idempotency key must be 1–100 letters, digits, _ or -.", {
      field: "idempotencyKey",
    });
  }
  if (!state.capabilities.currencies.includes(request.amount.currency)) {
    throw invalidRequest(state, `The sandbox charges only in ${state.capabilities.currencies.join(", ")}.`, {
      field: "amount.currency",
    });
  }
  if (!Number.isSafeInteger(request.amount.amount) || request.amount.amount <= 0) {
    throw invalidRequest(state, "The amount must be a positive whole number of centavos.", {
      field: "amount.amount",
    });
  }
  if (!state.methods.includes(request.method)) {
    throw invalidRequest(state, `The sandbox does not offer the "${request.method}" method.`, {
      field: "method",
    });
  }
  if (request.capture === false && request.method !== "card") {
    throw invalidRequest(state, "Only a card payment can be authorized without capture.", {
      field: "capture",
    });
  }
  validateRecurrence(state, request);
}
