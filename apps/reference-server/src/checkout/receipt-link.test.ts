import { describe, expect, it } from "vitest";
import { createReceiptLinks } from "./receipt-link";

const links = createReceiptLinks(new Uint8Array(32).fill(7));
const subject = "pay_01JQ3Z5V7X9B2C4D6F8G0H1J2K" as const;

describe("receipt links", () => {
  it("opens with the token it gave", () => {
    const [, , id, token] = links.pathOf(subject).split("/");
    expect(id).toBe(subject);
    expect(links.verify(subject, token!)).toBe(true);
  });

  it("refuses another subject's token, a token of another key, and a malformed one", () => {
    const token = links.pathOf(subject).split("/")[3]!;
    expect(links.verify("pay_01JQ3Z5V7X9B2C4D6F8G0H1J2L", token)).toBe(false);
    const other = createReceiptLinks(new Uint8Array(32).fill(8));
    expect(other.verify(subject, token)).toBe(false);
    expect(links.verify(subject, token.slice(1))).toBe(false);
    expect(links.verify("../etc/passwd", token)).toBe(false);
  });
});
