import type { CieloCard } from "./cielo-books";

/** What Cielo answers a card authorization. */
export interface CardOutcome {
  /** Payment.Status before capture: 1 authorized, 3 denied, 0 not finished. */
  status: 0 | 1 | 3;
  returnCode: string;
  returnMessage: string;
}

/**
 * The sandbox's rule (manual "Cartão de crédito em sandbox"): the card number's last digit
 * picks the outcome. 9 ("random") is authorized here, so tests stay deterministic.
 */
const sandboxByLastDigit: Record<string, CardOutcome> = {
  "2": { status: 3, returnCode: "05", returnMessage: "Not Authorized" },
  "3": { status: 3, returnCode: "57", returnMessage: "Card Expired" },
  "5": { status: 3, returnCode: "78", returnMessage: "Blocked Card" },
  "6": { status: 0, returnCode: "99", returnMessage: "Time Out" },
  "7": { status: 3, returnCode: "77", returnMessage: "Card Canceled" },
  "8": { status: 3, returnCode: "70", returnMessage: "Problems with Creditcard" },
};

const authorized: CardOutcome = { status: 1, returnCode: "4", returnMessage: "Operation Successful" };

/** The holder name that makes the production-codes mock decline with an issuer's code (the mock's own convention). */
export const productionDeclineHolderPrefix = "RECUSA ";

/**
 * `sandbox`: Cielo's sandbox table. `production`: Cielo passes the issuer's ABECS code per
 * brand, which no sandbox simulates; the mock declines a card whose holder is
 * `RECUSA <code>` with that code, so the adapter's production table is exercised on the wire.
 */
export function cardOutcome(card: CieloCard, returnCodes: "sandbox" | "production"): CardOutcome {
  if (returnCodes === "production") {
    if (!card.holder.toUpperCase().startsWith(productionDeclineHolderPrefix)) return authorized;
    const returnCode = card.holder.slice(productionDeclineHolderPrefix.length).trim();
    return { status: 3, returnCode, returnMessage: "Transacao nao autorizada" };
  }
  return sandboxByLastDigit[card.number.slice(-1)] ?? authorized;
}

/** `455187******0183`: the first six and last four, as Cielo shows a card. */
export function maskedNumber(number: string): string {
  return `${number.slice(0, 6)}${"*".repeat(Math.max(0, number.length - 10))}${number.slice(-4)}`;
}
