import type { CardTokenizationSession, CardTokenizationSessionRequest } from "../ports/gateway";
import { invalidRequest, type SandboxState, simulateLatency } from "./sandbox-state";

/**
 * The form fields the sandbox's tokenization endpoint reads: the JSON body's own keys, so
 * a page (or a test acting as the browser) posts `{ accessToken, holder, number, expMonth,
 * expYear, cvc }` with no script at all.
 */
export const sandboxCardFormFields = Object.freeze({
  accessToken: "accessToken",
  holder: "holder",
  number: "number",
  expiry: Object.freeze({ month: "expMonth", year: "expYear" }),
  cvc: "cvc",
  // The sandbox reads the brand from the number, as most providers' scripts do.
  brand: null,
} as const);

/**
 * `cardTokenizationSession`: a per-checkout access token, live `tokenizationSessionTtlSeconds`
 * by the clock, for the endpoint the server mounts at `tokenizationEndpointUrl`. No script:
 * the page posts the fields itself, and puts the answer's `token` and `brand` in its own
 * `cardToken` and `cardBrand` inputs.
 */
export async function cardTokenizationSession(
  state: SandboxState,
  request: CardTokenizationSessionRequest,
): Promise<CardTokenizationSession> {
  await simulateLatency(state);
  if (!state.capabilities.currencies.includes(request.amount.currency)) {
    throw invalidRequest(state, `The sandbox charges in ${state.capabilities.currencies.join(", ")}.`, {
      field: "amount.currency",
    });
  }
  if (!Number.isSafeInteger(request.amount.amount) || request.amount.amount <= 0) {
    throw invalidRequest(state, "The amount is a positive whole number of centavos.", {
      field: "amount.amount",
    });
  }
  const { accessToken, expiresAt } = state.sessions.open();
  state.log({ level: "info", message: "tokenization session opened", data: { expiresAt } });
  return {
    environment: "sandbox",
    scriptUrl: null,
    postUrl: state.options.tokenizationEndpointUrl,
    postEncoding: "json",
    accessToken,
    expiresAt,
    fieldsBy: "name",
    fields: sandboxCardFormFields,
    tokenField: "cardToken",
    brandField: "cardBrand",
  };
}
