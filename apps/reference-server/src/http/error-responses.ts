import { type ErrorCode, errorCatalog, isTesseraError } from "@tessera/core";
import { HTTPException } from "hono/http-exception";
import type { MessageKey } from "../i18n/message-catalog";

/**
 * What a visitor is told for each error code: the one table from `TesseraError.code` to a
 * message key. The HTTP status comes from core's `errorCatalog`, so the two cannot drift.
 * Codes that mean the server is set up wrong share one message: the visitor cannot fix them.
 */
export const errorMessageKeys = {
  validation_failed: "error.validation_failed",
  not_found: "error.not_found",
  conflict: "error.conflict",
  invalid_transition: "error.invalid_transition",
  idempotency_key_reused: "error.idempotency_key_reused",
  idempotency_key_in_use: "error.idempotency_key_in_use",
  transaction_nesting: "error.internal",
  lease_lost: "error.lease_lost",
  insufficient_balance: "error.insufficient_balance",
  gateway_not_configured: "error.server_configuration",
  gateway_configuration: "error.server_configuration",
  gateway_authentication: "error.gateway_unavailable",
  gateway_invalid_request: "error.gateway_rejected",
  gateway_unavailable: "error.gateway_unavailable",
  method_not_supported: "error.method_not_supported",
  refund_not_possible: "error.refund_not_possible",
  storage_failure: "error.storage_failure",
  activation_code_unknown: "error.activation_code_unknown",
  activation_code_used: "error.activation_code_used",
  payment_in_progress: "error.payment_in_progress",
  configuration_invalid: "error.server_configuration",
} as const satisfies Record<ErrorCode, MessageKey>;

/** How one thrown error is answered. */
export interface ErrorResponse {
  status: number;
  /** A stable code for the page and JSON clients: the TesseraError code, or `http_<status>` / `internal`. */
  code: string;
  messageKey: MessageKey;
}

const messageForStatus = (status: number): MessageKey =>
  status === 404
    ? "error.not_found"
    : status === 409
      ? "error.conflict"
      : status < 500
        ? "error.validation_failed"
        : "error.internal";

/** Maps any thrown value to its status, code and message key; unknown errors are a 500 whose details stay in the log. */
export function errorResponseFor(error: unknown): ErrorResponse {
  if (isTesseraError(error)) {
    return {
      status: errorCatalog[error.code].http,
      code: error.code,
      messageKey: errorMessageKeys[error.code],
    };
  }
  if (error instanceof HTTPException) {
    return { status: error.status, code: `http_${error.status}`, messageKey: messageForStatus(error.status) };
  }
  return { status: 500, code: "internal", messageKey: "error.internal" };
}
