import { isTesseraError } from "@tessera/core";

/** Whether core refused the request because of the provider or our set-up, not the buyer. */
export function isProviderFault(error: unknown): boolean {
  return (
    isTesseraError(error, "gateway_unavailable") ||
    isTesseraError(error, "gateway_authentication") ||
    isTesseraError(error, "gateway_invalid_request") ||
    isTesseraError(error, "gateway_configuration") ||
    isTesseraError(error, "gateway_not_configured")
  );
}
