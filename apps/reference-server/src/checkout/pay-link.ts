import type { Id } from "@tessera/core";
import { createCapabilityTokens } from "./capability-token";

/**
 * The customer's link that pays every due, unpaid installment of one contract at once
 * (issue #17; Tecnofit seed: "a link to pay open installments"), sent with the overdue and
 * past-due e-mails and copied from the back office. Like a receipt link it is a capability —
 * the contract's id and a MAC of it — under a purpose of its own, so a receipt's token for
 * the same contract never opens it, nor its token a receipt.
 */
export interface PayLinks {
  /** `/pay/<contract>/<token>`. */
  pathOf(contractId: Id<"contract">): string;
  /** Whether `token` is the one `pathOf` gives `contractId` (compared in constant time). */
  verify(contractId: string, token: string): contractId is Id<"contract">;
}

export function createPayLinks(key: Uint8Array): PayLinks {
  const tokens = createCapabilityTokens(key, "pay-due");
  return {
    pathOf: (contractId) => `/pay/${contractId}/${tokens.tokenOf(contractId)}`,
    verify(contractId, token): contractId is Id<"contract"> {
      return /^ctr_[0-9A-Za-z]{10,40}$/.test(contractId) && tokens.matches(contractId, token);
    },
  };
}
