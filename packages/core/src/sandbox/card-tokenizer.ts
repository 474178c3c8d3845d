import { z } from "zod";
import { gatewayError } from "../errors/gateway-error";
import type { FieldIssue } from "../errors/tessera-error";
import type { Clock } from "../ports/clock";
import { addMilliseconds, type Instant, instantToMillis } from "../time/instant";
import { type CardBrand, detectCardBrand, isLuhnValid, normalizeCardNumber } from "./card-number";
import { type TestCardOutcome, testCardOutcome } from "./test-cards";

/** A card as the buyer typed it into the provider's form. Only ever held for one call. */
export interface RawCard {
  number: string;
  holder: string;
  expMonth: number;
  /** Four digits, or two (`29` = 2029). */
  expYear: number;
  cvc: string;
}

/** What the provider's browser script hands back to the page: never the number. */
export interface CardTokenResult {
  /** Single-use; goes to `createPayment` as `{ type: "token", token }`. */
  token: string;
  brand: CardBrand;
  last4: string;
  expiresAt: Instant;
}

/**
 * All the sandbox keeps of a card: enough to charge it as the test-card table says and to
 * describe it on a receipt. The number and CVC are dropped as soon as these are read.
 */
export interface CardFacts {
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
  outcome: TestCardOutcome;
}

/** The shape of a tokenization request; its messages never repeat the input. */
export const rawCardSchema = z.object({
  number: z.string(),
  holder: z.string().trim().min(1, "is required").max(50, "must be at most 50 characters"),
  expMonth: z.number().int().min(1, "must be 1–12").max(12, "must be 1–12"),
  expYear: z.number().int().min(0, "must be a year").max(2099, "must be a year"),
  cvc: z.string().regex(/^\d{3,4}$/, "must be 3 or 4 digits"),
});

/**
 * Reads the facts of a raw card and forgets the rest. Throws `gateway_invalid_request` with
 * field issues for a number that fails the Luhn check or a malformed field, without ever
 * echoing the number or CVC in the message or details.
 */
export function readCardFacts(gatewayId: string, card: RawCard): CardFacts {
  const parsed = rawCardSchema.safeParse(card);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
        code: issue.code,
        message: issue.message,
      }));
  const digits = typeof card.number === "string" ? normalizeCardNumber(card.number) : "";
  if (!isLuhnValid(digits)) {
    issues.push({ path: ["number"], code: "invalid_card_number", message: "is not a valid card number" });
  }
  if (issues.length > 0) {
    throw gatewayError(gatewayId, "gateway_invalid_request", "The card data is invalid.", {
      details: { issues },
    });
  }
  const expYear = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  return {
    brand: detectCardBrand(digits),
    last4: digits.slice(-4),
    expMonth: card.expMonth,
    expYear,
    outcome: testCardOutcome(digits),
  };
}

/** True when the card's last valid month is before the month `now` falls in (UTC). */
export function isCardExpired(facts: Pick<CardFacts, "expMonth" | "expYear">, now: Instant): boolean {
  const date = new Date(now);
  const current = date.getUTCFullYear() * 12 + date.getUTCMonth();
  return facts.expYear * 12 + (facts.expMonth - 1) < current;
}

export interface CardTokenizer {
  /** Turns a typed card into a short-lived, single-use token. */
  tokenize(card: RawCard): CardTokenResult;
  /**
   * The card behind a live token, without using it up (a request that never reached the
   * provider must leave it usable). Throws `gateway_invalid_request` when the token is
   * unknown, used or expired.
   */
  read(token: string): CardFacts;
  /** Uses a token up: it can never be charged again. */
  useUp(token: string): void;
}

/**
 * The sandbox's card vault for payment tokens (Cielo's PaymentToken plays this part): each
 * token lives `ttlSeconds` by the injected clock and can be used once.
 */
export function createCardTokenizer(options: {
  gatewayId: string;
  clock: Clock;
  ttlSeconds: number;
  newToken: () => string;
  /**
   * Told, after each pruning, how many tokens it looked at and how many it dropped: the
   * tokenizer's tests prove with it that pruning costs what expired, not what is live.
   * @internal
   */
  onPrune?: (work: { examined: number; dropped: number }) => void;
}): CardTokenizer {
  // Every token lives the same ttlSeconds, so while the clock moves forward insertion order
  // is expiry order: pruning walks from the oldest and stops at the first live token, so a
  // call costs the tokens it drops plus one, however many are live. A clock set back can
  // queue a token behind one that expires later; `read` checks each token's own expiry, so
  // that only delays its pruning, never lets it be charged.
  const live = new Map<string, { facts: CardFacts; expiresAtMs: number }>();

  /** Drops the expired tokens at the front of the queue, so nothing outlives its token for long. */
  function prune(now: number): void {
    let examined = 0;
    let dropped = 0;
    for (const [token, entry] of live) {
      examined++;
      if (entry.expiresAtMs > now) break;
      live.delete(token);
      dropped++;
    }
    options.onPrune?.({ examined, dropped });
  }

  return {
    tokenize(card) {
      const facts = readCardFacts(options.gatewayId, card);
      const now = options.clock.now();
      prune(instantToMillis(now));
      const token = options.newToken();
      const expiresAt = addMilliseconds(now, options.ttlSeconds * 1000);
      // A token issued again (never, from a sound `newToken`) must move to the back of the queue.
      live.delete(token);
      live.set(token, { facts, expiresAtMs: instantToMillis(expiresAt) });
      return { token, brand: facts.brand, last4: facts.last4, expiresAt };
    },
    read(token) {
      const now = instantToMillis(options.clock.now());
      prune(now);
      const entry = live.get(token);
      if (!entry || entry.expiresAtMs <= now) {
        live.delete(token);
        throw gatewayError(
          options.gatewayId,
          "gateway_invalid_request",
          "The card token is unknown, already used or expired; tokenize the card again.",
          {
            details: {
              issues: [
                { path: ["card", "token"], code: "invalid_token", message: "unknown, used or expired" },
              ],
            },
          },
        );
      }
      return entry.facts;
    },
    useUp(token) {
      live.delete(token);
    },
  };
}
