/**
 * The catalog of stable error codes. A code never changes meaning once published; the
 * server maps each one to an HTTP status and an i18n key in one table.
 */
export const errorCatalog = {
  validation_failed: { http: 422, hint: "Correct the fields listed in `details.issues` and try again." },
  not_found: { http: 404, hint: "Check the id; the record does not exist or belongs to another unit." },
  conflict: { http: 409, hint: "The record changed or already exists; reload it and retry." },
  invalid_transition: { http: 409, hint: "The record is not in a state that allows this change." },
  idempotency_key_reused: {
    http: 422,
    hint: "This idempotency key was already used with different data; use a new key for a new request.",
  },
  idempotency_key_in_use: {
    http: 409,
    hint: "A request with this idempotency key is still running; retry after it finishes.",
  },
  transaction_nesting: { http: 500, hint: "Call repositories through the transaction you already hold." },
  lease_lost: {
    http: 409,
    hint: "Another worker took this item over after the lease expired; drop the result.",
  },
  insufficient_balance: { http: 422, hint: "The wallet balance does not cover this debit." },
  gateway_not_configured: { http: 500, hint: "Register the gateway in createTessera({ gateways })." },
  gateway_configuration: { http: 500, hint: "Fix the gateway's options (credentials, URLs, certificates)." },
  gateway_authentication: {
    http: 502,
    hint: "The provider refused the credentials; renew them in the settings.",
  },
  gateway_invalid_request: { http: 422, hint: "The provider refused the request as invalid; see `details`." },
  gateway_unavailable: {
    http: 503,
    hint: "The payment provider cannot take payments right now (an outage, a rate limit, or credentials staff must fix); nothing was charged and nobody is blocked. Try again later; `details.retryAfterSeconds` says when, if the provider did.",
  },
  method_not_supported: { http: 422, hint: "Pick a payment method that the unit and its gateway offer." },
  refund_not_possible: {
    http: 422,
    hint: "The payment's provider cannot give this money back (its method has no refunds there, or its refund window has passed; `details.reason` says which); refund it to the customer's wallet or by hand.",
  },
  storage_failure: { http: 503, hint: "The database is unreachable or failed; check it and retry." },
  activation_code_unknown: { http: 404, hint: "Check the code with the buyer; codes look like K7RM-4QX9." },
  activation_code_used: { http: 409, hint: "This code is already attached to a visitor or was revoked." },
  payment_in_progress: {
    http: 409,
    hint: "An attempt to pay this is still open; cancel it or wait for its outcome before trying again.",
  },
  configuration_invalid: { http: 500, hint: "Fix the configuration value named in `details`." },
} as const satisfies Record<string, { http: number; hint: string }>;

/** Every stable error code Tessera can throw. */
export type ErrorCode = keyof typeof errorCatalog;
