import type { GatewayErrorCode } from "../errors/gateway-error";
import { isTesseraError } from "../errors/tessera-error";
import type { Payment } from "./payment";

/**
 * Why an attempt provably charged nothing: the provider never received it (recovery asked
 * and it had no record), or the adapter refused it before the provider processed anything.
 * None of these is the buyer's decline: they never block a customer, and a client retrying
 * the same request gets a fresh attempt (DESIGN §3: "a provider's fault or ours is never the
 * buyer's decline").
 */
export type NotSentCode = "never_received" | GatewayErrorCode;

const gatewayFaultCodes: readonly string[] = [
  "gateway_configuration",
  "gateway_authentication",
  "gateway_invalid_request",
  "gateway_unavailable",
] satisfies GatewayErrorCode[];

/** News that the attempt never reached the provider, with the wait it asked for, if any. */
export interface NotSentNews {
  status: "not_sent";
  code: NotSentCode;
  message: string;
  retryAfterSeconds: number | null;
}

/**
 * What a throw from `createPayment` means. A `GatewayError` is a refusal before anything was
 * charged; anything else (a timeout, a reset, a bug after the request left) may have reached
 * the provider, so it is `null` here and `unknown` to the caller, for recovery to settle.
 */
export function notSentNewsOf(error: unknown): NotSentNews | null {
  if (!isTesseraError(error) || !gatewayFaultCodes.includes(error.code)) return null;
  const wait = error.details["retryAfterSeconds"];
  return {
    status: "not_sent",
    code: error.code as GatewayErrorCode,
    message: error.message,
    retryAfterSeconds: typeof wait === "number" && Number.isFinite(wait) && wait >= 0 ? wait : null,
  };
}

/** True for an attempt that provably charged nothing (see `NotSentCode`). */
export function wasNeverSent(payment: Payment): boolean {
  return payment.status === "failed" && isNotSentCode(payment.failureCode);
}

export function isNotSentCode(code: string | null): code is NotSentCode {
  return code === "never_received" || (code !== null && gatewayFaultCodes.includes(code));
}

/** True for the faults staff must hear about (the gateway, not a crash of ours). */
export function isGatewayFault(code: NotSentCode): code is GatewayErrorCode {
  return code !== "never_received";
}
