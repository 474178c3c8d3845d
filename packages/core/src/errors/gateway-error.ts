import { TesseraError } from "./tessera-error";

/**
 * - `gateway_configuration`: our options are wrong (a missing certificate, a bad URL);
 * - `gateway_authentication`: the provider refused our credentials;
 * - `gateway_invalid_request`: the provider refused this request as malformed;
 * - `gateway_unavailable`: the provider refused to take the request now — a rate limit
 *   (429), maintenance, or a refusal it answered before processing anything. Put the wait it
 *   asked for in `details.retryAfterSeconds`. Not for a timeout after sending: that is an
 *   `unknown` result.
 *
 * Each one means the provider provably charged nothing, and none is the buyer's decline.
 */
export type GatewayErrorCode =
  | "gateway_configuration"
  | "gateway_authentication"
  | "gateway_invalid_request"
  | "gateway_unavailable";

/**
 * The error an adapter throws — only for bad configuration, refused credentials, invalid
 * requests and a provider that refused to take the request now (a decline or a timeout is
 * a value, not an error). Names its origin.
 */
export function gatewayError(
  gatewayId: string,
  code: GatewayErrorCode,
  message: string,
  options: { details?: Record<string, unknown>; cause?: unknown } = {},
): TesseraError {
  return new TesseraError(code, `[${gatewayId}] ${message}`, {
    details: { ...options.details, origin: gatewayId },
    cause: options.cause,
  });
}
