import type { CardInput, CardTokenizationSession } from "@tessera/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CieloHarness, createCieloHarness, testCardNumber } from "./testing";

let harness: CieloHarness | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.close?.();
  harness = null;
});

const cvc = "9317";

/** What the page's script does with a card: to Cielo's SOP host, with the session's access token. */
async function tokenize(session: CardTokenizationSession, number: string, save = false): Promise<CardInput> {
  const form = new URLSearchParams({
    AccessToken: session.accessToken,
    HolderName: "MARIA SOUZA",
    RawNumber: number,
    Expiration: "12/2030",
    SecurityCode: cvc,
    EnableBinQuery: "true",
  });
  const answer = await fetch(session.postUrl, { method: "POST", body: form });
  const json = (await answer.json()) as { PaymentToken: string; brand: string };
  return { type: "token", token: json.PaymentToken, brand: json.brand, saveForRenewals: save };
}

describe("what the Cielo adapter keeps and says", () => {
  it("never puts a card number, CVV, MerchantKey, SOP secret or access token in a log line, a result or a request but the card's post to Cielo", async () => {
    harness = await createCieloHarness();
    const { gateway, cielo } = harness;
    const lines: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const)
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void lines.push(args.map(String).join(" ")),
      );
    const write = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(write);
    vi.spyOn(process.stderr, "write").mockImplementation(write);

    const numbers = [testCardNumber("1"), testCardNumber("1"), testCardNumber("2"), testCardNumber("0")];
    const said: unknown[] = [];
    const open = () => {
      const start = gateway.cardTokenizationSession;
      if (!start) throw new Error("no tokenization session");
      return start.call(gateway, { amount: { amount: 10_000, currency: "BRL" } });
    };
    const payer = {
      name: "Maria Souza",
      email: "maria@example.com",
      phone: null,
      document: { kind: "cpf" as const, value: "52998224725" },
      address: null,
    };
    const request = (card: CardInput, extra: object = {}) => ({
      idempotencyKey: crypto.randomUUID().replaceAll("-", ""),
      amount: { amount: 10_000, currency: "BRL" },
      method: "card" as const,
      description: "Mensal",
      payer,
      card,
      ...extra,
    });

    const sessions: CardTokenizationSession[] = [];
    for (const _ of numbers) sessions.push(await open());
    const paid = await gateway.createPayment(request(await tokenize(sessions[0]!, numbers[0]!, true)));
    said.push(paid);
    const authorized = await gateway.createPayment(
      request(await tokenize(sessions[1]!, numbers[1]!), { capture: false }),
    );
    said.push(authorized, await gateway.createPayment(request(await tokenize(sessions[2]!, numbers[2]!))));
    const recurring = request(await tokenize(sessions[3]!, numbers[3]!), {
      recurrence: {
        interval: { unit: "month", count: 1 },
        charges: null,
        amount: { amount: 10_000, currency: "BRL" },
        secondChargeOn: "2026-03-20",
      },
    });
    said.push(await gateway.createPayment(recurring));
    if (paid.status === "succeeded" && paid.card?.reusableToken)
      said.push(await gateway.createPayment(request({ type: "stored", token: paid.card.reusableToken })));
    if (paid.status === "succeeded")
      said.push(
        await gateway.refund({
          refundKey: "ref1",
          providerReference: paid.providerReference,
          paymentIdempotencyKey: "x",
          amount: { amount: 2_500, currency: "BRL" },
        }),
      );
    if (authorized.status === "authorized")
      said.push(
        await gateway.capture?.({
          idempotencyKey: "x",
          providerReference: authorized.providerReference,
          method: "card",
          amount: authorized.amount,
          createdAt: harness.clock.now(),
        }),
      );
    await harness.advanceClock?.(12 * 86_400_000);
    for (const notification of await harness.deliveredNotifications())
      said.push(await gateway.parseWebhook(notification));
    expect(
      said.length,
      "the session ran: sales, a renewal, a refund, a capture, notifications",
    ).toBeGreaterThan(10);

    const secrets = [
      ...numbers,
      cvc,
      cielo.merchantKey,
      cielo.sopClientSecret,
      ...cielo.issuedTokens(),
      ...sessions.map((session) => session.accessToken),
    ];
    const results = JSON.stringify(said);
    // The CVV is four digits a UUID may also hold: it is looked for as a value of its own.
    const cvcAlone = new RegExp(`(?<![\\w-])${cvc}(?![\\w-])`);
    for (const line of lines) expect(line).not.toMatch(cvcAlone);
    expect(results).not.toMatch(cvcAlone);
    for (const secret of secrets.filter((secret) => secret !== cvc)) {
      for (const line of lines) expect(line).not.toContain(secret);
      if (!sessions.some((session) => session.accessToken === secret)) expect(results).not.toContain(secret);
    }
    // The card went to Cielo's SOP host, once each, and nowhere else the adapter sent anything.
    for (const number of numbers)
      expect(
        cielo
          .requests()
          .filter((sent) => sent.body.includes(number))
          .map((sent) => sent.path),
      ).toEqual(["/post/api/public/v2/card"]);
    for (const sent of cielo.requests()) {
      const text = `${sent.path}\n${JSON.stringify(sent.headers)}\n${sent.body}`;
      expect(text).not.toContain(cielo.merchantKey);
      expect(text).not.toContain(cielo.sopClientSecret);
      const cardPost = sent.path === "/post/api/public/v2/card";
      for (const number of numbers)
        expect(text.includes(number), `${sent.method} ${sent.path}`).toBe(
          cardPost && sent.body.includes(number),
        );
      if (!cardPost) expect(text).not.toContain(`SecurityCode":"${cvc}`);
    }
  });
});
