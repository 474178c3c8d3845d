import { TesseraError } from "./tessera-error";

export type GatewayErrorCode = "gateway_configuration" | "gateway_authentication" | "gateway_invalid_request";

/**
 * The error an adapter throws — only for bad configuration, refused credentials and
 * invalid requests (a decline or a timeout is a value, not an error). Names its origin.
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
