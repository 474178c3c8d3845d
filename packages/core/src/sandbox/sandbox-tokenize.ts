import type { CardTokenResult, RawCard } from "./card-tokenizer";
import type { SandboxState } from "./sandbox-state";

/**
 * What the provider's browser script does: a typed card becomes a short-lived, one-use
 * token. Logged with brand and last digits only.
 */
export function tokenizeCard(state: SandboxState, card: RawCard): CardTokenResult {
  const result = state.tokenizer.tokenize(card);
  state.log({
    level: "info",
    message: "card tokenized",
    data: { token: result.token, brand: result.brand, last4: result.last4, expiresAt: result.expiresAt },
  });
  return result;
}
