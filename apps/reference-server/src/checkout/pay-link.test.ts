import { describe, expect, it } from "vitest";
import { createPayLinks } from "./pay-link";
import { createReceiptLinks } from "./receipt-link";

const key = new Uint8Array(32).fill(7);
const links = createPayLinks(key);
const contract = "ctr_01JQ3Z5V7X9B2C4D6F8G0H1J2K" as const;

describe("pay links", () => {
  it("opens with the token it gave", () => {
    const [, place, id, token] = links.pathOf(contract).split("/");
    expect(place).toBe("pay");
    expect(id).toBe(contract);
    expect(links.verify(contract, token!)).toBe(true);
  });

  it("never takes the receipt token of the same contract, nor gives one a receipt takes", () => {
    const receipts = createReceiptLinks(key);
    const receiptToken = receipts.pathOf(contract).split("/")[3]!;
    const payToken = links.pathOf(contract).split("/")[3]!;
    expect(payToken).not.toBe(receiptToken);
    expect(links.verify(contract, receiptToken)).toBe(false);
    expect(receipts.verify(contract, payToken)).toBe(false);
  });

  it("refuses another contract's token, a token of another key, a payment id and a malformed one", () => {
    const token = links.pathOf(contract).split("/")[3]!;
    expect(links.verify("ctr_01JQ3Z5V7X9B2C4D6F8G0H1J2L", token)).toBe(false);
    expect(createPayLinks(new Uint8Array(32).fill(8)).verify(contract, token)).toBe(false);
    expect(links.verify("pay_01JQ3Z5V7X9B2C4D6F8G0H1J2K", token)).toBe(false);
    expect(links.verify(contract, token.slice(1))).toBe(false);
    expect(links.verify("../etc/passwd", token)).toBe(false);
  });
});
