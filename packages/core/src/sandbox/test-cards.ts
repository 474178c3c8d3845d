import { z } from "zod";
import { type DeclineCode, declineCodes } from "../payments/decline-code";
import type { CardBrand } from "./card-number";

/** What the sandbox provider does with a card. */
export type TestCardOutcome =
  | { kind: "approve" }
  /** Refused by the "issuer" with an ABECS-style return code, as Brazilian acquirers answer. */
  | { kind: "decline"; declineCode: DeclineCode; returnCode: string; message: string }
  /**
   * Approved when a create charges it; declined like this whenever the provider charges it
   * by itself for a recurrence (`CreatePaymentRequest.recurrence`), every retry included.
   */
  | { kind: "decline_recurrent"; declineCode: DeclineCode; returnCode: string; message: string }
  /** The provider charged the card, but its answer never came back: the caller sees `unknown`. */
  | { kind: "timeout_after_charge" }
  /** The request never reached the provider: the caller sees `unknown`, and nothing was charged. */
  | { kind: "timeout_before_receipt" };

/** For reading an outcome back from the ledger file (a stored card keeps its outcome, not its number). */
export const testCardOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("approve") }),
  z.object({
    kind: z.literal("decline"),
    declineCode: z.enum(declineCodes),
    returnCode: z.string(),
    message: z.string(),
  }),
  z.object({
    kind: z.literal("decline_recurrent"),
    declineCode: z.enum(declineCodes),
    returnCode: z.string(),
    message: z.string(),
  }),
  z.object({ kind: z.literal("timeout_after_charge") }),
  z.object({ kind: z.literal("timeout_before_receipt") }),
]);

export interface TestCard {
  number: string;
  brand: CardBrand;
  outcome: TestCardOutcome;
}

/**
 * The sandbox's documented test cards. Any holder name, any CVC (3 digits, 4 for Amex) and
 * any expiry date works — except that a date already past declines as `expired_card`, as a
 * real issuer would. Every number is Luhn-valid, so a checkout page's own validation
 * accepts it.
 *
 * | number              | brand      | outcome                                               | return code |
 * |---------------------|------------|-------------------------------------------------------|-------------|
 * | 4111 1111 1111 1111 | visa       | approved                                              | 00          |
 * | 5555 5555 5555 4444 | mastercard | approved                                              | 00          |
 * | 4000 0000 0000 0515 | visa       | declined, `insufficient_funds`                        | 51          |
 * | 4000 0000 0000 0432 | visa       | declined, `stolen_card`                               | 43          |
 * | 4000 0000 0000 0549 | visa       | declined, `expired_card`                              | 54          |
 * | 5100 0000 0000 0057 | mastercard | declined, `do_not_honor`                              | 05          |
 * | 4000 0000 0000 0572 | visa       | declined, `card_declined`                             | 57          |
 * | 4000 0000 0000 0903 | visa       | charged, but the answer is lost: `unknown`; a lookup by our key finds it succeeded | — |
 * | 4000 0000 0000 0994 | visa       | never reached the provider: `unknown`; a lookup by our key finds nothing | — |
 * | 4000 0000 0000 1513 | visa       | approved; every charge the provider makes for a recurrence declined, `insufficient_funds` | 51 |
 *
 * Any other Luhn-valid number is approved, like most providers' sandboxes; a number that
 * fails the Luhn check is refused at tokenization.
 */
export const sandboxTestCards = {
  approvedVisa: { number: "4111111111111111", brand: "visa", outcome: { kind: "approve" } },
  approvedMastercard: { number: "5555555555554444", brand: "mastercard", outcome: { kind: "approve" } },
  insufficientFunds: {
    number: "4000000000000515",
    brand: "visa",
    outcome: {
      kind: "decline",
      declineCode: "insufficient_funds",
      returnCode: "51",
      message: "Insufficient funds.",
    },
  },
  stolenCard: {
    number: "4000000000000432",
    brand: "visa",
    outcome: {
      kind: "decline",
      declineCode: "stolen_card",
      returnCode: "43",
      message: "Card reported stolen.",
    },
  },
  expiredCard: {
    number: "4000000000000549",
    brand: "visa",
    outcome: { kind: "decline", declineCode: "expired_card", returnCode: "54", message: "Card expired." },
  },
  doNotHonor: {
    number: "5100000000000057",
    brand: "mastercard",
    outcome: {
      kind: "decline",
      declineCode: "do_not_honor",
      returnCode: "05",
      message: "Not authorized (do not honor).",
    },
  },
  cardDeclined: {
    number: "4000000000000572",
    brand: "visa",
    outcome: {
      kind: "decline",
      declineCode: "card_declined",
      returnCode: "57",
      message: "Transaction not permitted for this card.",
    },
  },
  timeoutAfterCharge: {
    number: "4000000000000903",
    brand: "visa",
    outcome: { kind: "timeout_after_charge" },
  },
  timeoutBeforeReceipt: {
    number: "4000000000000994",
    brand: "visa",
    outcome: { kind: "timeout_before_receipt" },
  },
  recurrentDeclines: {
    number: "4000000000001513",
    brand: "visa",
    outcome: {
      kind: "decline_recurrent",
      declineCode: "insufficient_funds",
      returnCode: "51",
      message: "Insufficient funds.",
    },
  },
} as const satisfies Record<string, TestCard>;

export type SandboxTestCardName = keyof typeof sandboxTestCards;

/** The return code and message a past expiry date declines with (ABECS 54, as for the test card). */
export const expiredByDateOutcome = sandboxTestCards.expiredCard.outcome;

/** What the sandbox does with `digits`: the table's outcome, or approval for any other number. */
export function testCardOutcome(digits: string): TestCardOutcome {
  const card: TestCard | undefined = Object.values(sandboxTestCards).find((entry) => entry.number === digits);
  return card?.outcome ?? { kind: "approve" };
}
