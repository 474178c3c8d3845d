import { describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { createManualClock } from "../testing/manual-clock";
import { createCardTokenizer, isCardExpired, type RawCard, readCardFacts } from "./card-tokenizer";

const card: RawCard = {
  number: "4111 1111 1111 1111",
  holder: "MARIA DA SILVA",
  expMonth: 12,
  expYear: 2030,
  cvc: "123",
};

function setup() {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  let issued = 0;
  // Each pruning's work, as the tokenizer reports it: what a test counts instead of time.
  const prunes: { examined: number; dropped: number }[] = [];
  const tokenizer = createCardTokenizer({
    gatewayId: "sandbox",
    clock,
    ttlSeconds: 900,
    newToken: () => {
      issued += 1;
      return `tok_${issued}`;
    },
    onPrune: (work) => prunes.push(work),
  });
  return { clock, tokenizer, prunes };
}

function invalidIssues(action: () => unknown): unknown[] {
  try {
    action();
  } catch (error) {
    if (isTesseraError(error, "gateway_invalid_request")) return error.details.issues ?? [];
    throw error;
  }
  throw new Error("expected gateway_invalid_request");
}

describe("the card tokenizer", () => {
  it("answers a token with the brand and last four digits, expiring after its lifetime", () => {
    const { tokenizer } = setup();
    expect(tokenizer.tokenize(card)).toEqual({
      token: "tok_1",
      brand: "visa",
      last4: "1111",
      expiresAt: "2026-03-10T15:15:00.000Z",
    });
  });

  it("lets a token be read until it is used up, and never after", () => {
    const { tokenizer } = setup();
    const { token } = tokenizer.tokenize(card);
    expect(tokenizer.read(token).last4).toBe("1111");
    expect(tokenizer.read(token).last4).toBe("1111");
    tokenizer.useUp(token);
    expect(invalidIssues(() => tokenizer.read(token))).toEqual([
      { path: ["card", "token"], code: "invalid_token", message: "unknown, used or expired" },
    ]);
  });

  it("forgets a token once the clock passes its expiry", () => {
    const { clock, tokenizer } = setup();
    const { token } = tokenizer.tokenize(card);
    clock.advance(899_999);
    expect(tokenizer.read(token).brand).toBe("visa");
    clock.advance(1);
    expect(invalidIssues(() => tokenizer.read(token))).toHaveLength(1);
  });

  it("looks at one live token per call, however many are live", () => {
    const { tokenizer, prunes } = setup();
    for (let i = 0; i < 2_000; i++) tokenizer.tokenize(card);
    prunes.length = 0;
    tokenizer.tokenize(card);
    tokenizer.read("tok_1000");
    // Scanning every live token, as a full sweep does, would report 2000 and 2001 here.
    expect(prunes).toEqual([
      { examined: 1, dropped: 0 },
      { examined: 1, dropped: 0 },
    ]);
  });

  it("drops the expired tokens, oldest first, and refuses them while later ones still read", () => {
    const { clock, tokenizer, prunes } = setup();
    for (let i = 0; i < 3; i++) tokenizer.tokenize(card); // tok_1–3 expire at 15:15
    clock.advance(5 * 60_000);
    tokenizer.tokenize(card); // tok_4 expires at 15:20
    tokenizer.tokenize(card); // tok_5
    clock.advance(10 * 60_000); // 15:15: tok_1–3 are due
    prunes.length = 0;
    expect(invalidIssues(() => tokenizer.read("tok_2"))).toHaveLength(1);
    // Three dropped, then one look at tok_4, which is live: tok_5 is never reached.
    expect(prunes).toEqual([{ examined: 4, dropped: 3 }]);
    expect(tokenizer.read("tok_4").last4).toBe("1111");
    expect(tokenizer.read("tok_5").last4).toBe("1111");
    expect(prunes.slice(1)).toEqual([
      { examined: 1, dropped: 0 },
      { examined: 1, dropped: 0 },
    ]);
    for (const token of ["tok_1", "tok_3"])
      expect(invalidIssues(() => tokenizer.read(token))).toHaveLength(1);
  });

  it("refuses an expired token queued behind a live one after the clock was set back", () => {
    const { clock, tokenizer } = setup();
    const { token: later } = tokenizer.tokenize(card); // expires 15:15
    clock.set("2026-03-10T14:50:00.000Z");
    const { token: earlier } = tokenizer.tokenize(card); // expires 15:05, queued after `later`
    clock.set("2026-03-10T15:06:00.000Z");
    expect(invalidIssues(() => tokenizer.read(earlier))).toHaveLength(1);
    expect(tokenizer.read(later).last4).toBe("1111");
  });

  it("refuses a number that fails the Luhn check, naming the field but not the number", () => {
    const { tokenizer } = setup();
    const issues = invalidIssues(() => tokenizer.tokenize({ ...card, number: "4111111111111112" }));
    expect(issues).toEqual([
      { path: ["number"], code: "invalid_card_number", message: "is not a valid card number" },
    ]);
    expect(JSON.stringify(issues)).not.toContain("4111111111111112");
  });

  it("refuses a bad month, CVC and empty holder, each as its own issue", () => {
    const issues = invalidIssues(() =>
      readCardFacts("sandbox", { ...card, expMonth: 13, cvc: "12", holder: " " }),
    );
    expect(issues.map((issue) => (issue as { path: string[] }).path[0]).sort()).toEqual([
      "cvc",
      "expMonth",
      "holder",
    ]);
  });

  it("reads a two-digit year as 20xx", () => {
    expect(readCardFacts("sandbox", { ...card, expYear: 29 }).expYear).toBe(2029);
  });
});

describe("isCardExpired", () => {
  it("keeps a card valid through the last day of its expiry month", () => {
    expect(isCardExpired({ expMonth: 3, expYear: 2026 }, "2026-03-31T23:59:59.999Z")).toBe(false);
    expect(isCardExpired({ expMonth: 3, expYear: 2026 }, "2026-04-01T00:00:00.000Z")).toBe(true);
    expect(isCardExpired({ expMonth: 12, expYear: 2025 }, "2026-01-15T12:00:00.000Z")).toBe(true);
  });
});
