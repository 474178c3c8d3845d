import type { CreatePaymentRequest, PaymentResult } from "../ports/gateway";
import { type CardFacts, isCardExpired, readCardFacts } from "./card-tokenizer";
import { injectedDeclines } from "./sandbox-faults";
import { paymentResultOf } from "./sandbox-lookup";
import { newCharge, recordCharge } from "./sandbox-record-charge";
import { startRecurrence } from "./sandbox-recurrence-request";
import { newSandboxReference } from "./sandbox-reference";
import { invalidRequest, type SandboxState } from "./sandbox-state";
import { expiredByDateOutcome, type TestCardOutcome } from "./test-cards";

/**
 * A card payment: the card comes as a one-use token from the tokenization endpoint, a
 * stored card token (`saveForRenewals` made it), or — only with `acceptRawCardNumbers` — a
 * raw number. The test card decides the outcome: approved (paid at once, or authorized
 * only with `capture: false`), declined with
 * its code, or a timeout before the provider received the request (nothing recorded) or
 * after it charged (recorded, but the answer is `unknown`). A card past its expiry date is
 * declined `expired_card`, whatever the number, and a `card_declined` fault (of an
 * `ordinary` charge) declines the next charge of any card. With `recurrence`, an approved charge 1
 * starts a recurrence the sandbox then charges by itself (`sandbox-recurrence.ts`).
 */
export function chargeCard(state: SandboxState, request: CreatePaymentRequest): PaymentResult {
  const card = request.card;
  if (card === undefined)
    throw invalidRequest(state, "A card payment needs `card` (a token from the tokenization endpoint).");
  let facts: CardFacts;
  let useUp: () => void = () => {};
  let save = false;
  switch (card.type) {
    case "token": {
      // Read, not use up: a request that "never reached" the provider leaves the token usable.
      facts = state.tokenizer.read(card.token);
      // Cielo charges the brand it is told (API error 185 for one it does not take); the
      // sandbox refuses a brand that is not the tokenized card's, so a page sending the wrong one fails here.
      if (card.brand !== undefined && card.brand.toLowerCase() !== facts.brand) {
        throw invalidRequest(state, `The card is ${facts.brand}, not ${card.brand}.`, {
          field: "card.brand",
        });
      }
      useUp = () => state.tokenizer.useUp(card.token);
      save = card.saveForRenewals === true;
      break;
    }
    case "stored": {
      const stored = state.ledger.findStoredCard(card.token);
      if (stored === null)
        throw invalidRequest(state, "The stored card token is unknown.", { field: "card.token" });
      facts = { ...stored, brand: stored.brand as CardFacts["brand"] };
      break;
    }
    case "raw": {
      if (!state.capabilities.acceptsRawCard) {
        throw invalidRequest(
          state,
          "Raw card numbers are refused: tokenize the card in the browser and send the token (DESIGN §3).",
          { field: "card" },
        );
      }
      facts = readCardFacts(state.id, card);
      break;
    }
  }
  if (facts.outcome.kind === "timeout_before_receipt") {
    state.log({
      level: "info",
      message: "request lost before the provider (simulated)",
      data: { idempotencyKey: request.idempotencyKey },
    });
    return unknownResult("The request timed out before reaching the provider (sandbox test card).");
  }
  useUp();
  const now = state.clock.now();
  const injected = state.faults.takeCardDecline("ordinary");
  const outcome: TestCardOutcome = isCardExpired(facts, now)
    ? expiredByDateOutcome
    : injected !== null
      ? injectedDeclines[injected]
      : facts.outcome;
  if (outcome.kind === "decline") {
    const charge = newCharge(state, request, {
      status: "declined",
      paidAt: null,
      card: { brand: facts.brand, last4: facts.last4, reusableToken: null },
      decline: {
        declineCode: outcome.declineCode,
        returnCode: outcome.returnCode,
        message: outcome.message,
      },
      action: null,
    });
    recordCharge(state, charge);
    return paymentResultOf(state, charge);
  }
  let reusableToken: string | null = null;
  if (save) {
    reusableToken = newSandboxReference("card");
    const { brand, last4, expMonth, expYear } = facts;
    state.ledger.append({
      kind: "stored_card",
      at: now,
      token: reusableToken,
      card: { brand, last4, expMonth, expYear, outcome: facts.outcome },
    });
  }
  // `capture: false` holds the money (authorized) until `capture`, or until it lapses.
  const authorizeOnly = request.capture === false;
  const reference = newSandboxReference("sbxpay");
  // An approved charge 1 starts the recurrence the request asks for; a declined one starts none.
  const started =
    request.recurrence === undefined
      ? null
      : startRecurrence(state, { ...request, recurrence: request.recurrence }, reference, facts);
  const charge = {
    ...newCharge(
      state,
      request,
      {
        status: authorizeOnly ? "authorized" : "paid",
        paidAt: authorizeOnly ? null : now,
        card: { brand: facts.brand, last4: facts.last4, reusableToken },
        decline: null,
        action: null,
      },
      reference,
    ),
    ...(started === null ? {} : { recurrence: started.link }),
  };
  recordCharge(state, charge, started?.terms);
  if (outcome.kind === "timeout_after_charge") {
    return unknownResult("The provider charged, but its answer was lost (sandbox test card).");
  }
  return paymentResultOf(state, charge);
}

function unknownResult(reason: string): PaymentResult {
  return { status: "unknown", providerReference: null, rawStatus: null, reason };
}
