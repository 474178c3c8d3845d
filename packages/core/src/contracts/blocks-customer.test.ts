import { describe, expect, it } from "vitest";
import { blocksCustomer } from "./blocks-customer";
import { contractLifecycle } from "./contract-status";

const issue = {
  paymentId: "pay_1" as const,
  code: "insufficient_funds",
  message: "",
  at: "2026-03-01T12:00:00.000Z",
};

describe("blocksCustomer", () => {
  it("blocks while past due, with or without a payment issue", () => {
    expect(blocksCustomer({ status: "past_due", paymentIssue: null })).toBe(true);
    expect(blocksCustomer({ status: "past_due", paymentIssue: issue })).toBe(true);
  });

  it("blocks a contract waiting for its first payment only once a payment failed", () => {
    expect(blocksCustomer({ status: "pending_payment", paymentIssue: null })).toBe(false);
    expect(blocksCustomer({ status: "pending_payment", paymentIssue: issue })).toBe(true);
  });

  it("never blocks in any other status, whatever the payment issue", () => {
    const others = contractLifecycle.statuses.filter((s) => s !== "past_due" && s !== "pending_payment");
    expect(others.length).toBeGreaterThan(0);
    for (const status of others) {
      expect(blocksCustomer({ status, paymentIssue: null })).toBe(false);
      expect(blocksCustomer({ status, paymentIssue: issue })).toBe(false);
    }
  });
});
