import { formatWithOptions, inspect } from "node:util";
import type {
  CardInput,
  CardTokenizationSession,
  CreatePaymentRequest,
  PaymentReference,
  PaymentResult,
} from "@tessera/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CieloHarness, cieloNotificationHeader, createCieloHarness, testCardNumber } from "./testing";

/**
 * The scrubbing test (STYLE 21): a whole session — SOP tokenization, sales captured and
 * not, a capture, a partial refund, a card saved and charged again, a decline, a recurrence
 * and its own charge, a PIX paid and refunded and one removed, a boleto paid and its refund
 * refused, notifications, lookups, a deactivation, a refused credential — while
 * every console call and every write to stdout/stderr is kept. Then no card number, CVV,
 * MerchantKey, SOP secret, notification secret or issued token may be in any of it, in what
 * the gateway returned or threw, or in any request Cielo received but the card's own post.
 */

let harness: CieloHarness | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.close?.();
  harness = null;
});

const cardPostPath = "/post/api/public/v2/card";
/** Unusual on purpose; see `cvvIn` for why it is matched only as a whole value. */
const cvv = "9317";
const wrongKey = "someone-elses-key";

/**
 * The CVV as a value of its own (`"9317"`, `=9317&`, ` 9317 `), never as four digits inside
 * a random UUID, Tid or amount: those are bounded by hex digits, letters or dashes, and
 * would make a plain `includes` fail one run in a few hundred.
 */
const cvvIn = (text: string) => new RegExp(`(?<![0-9A-Za-z-])${cvv}(?![0-9A-Za-z-])`).test(text);

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the Cielo harness has no ${what}`);
  return value;
}

/** Every console call and stdout/stderr write from here on, as text. */
function captureOutput(): string[] {
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(formatWithOptions({ depth: null }, ...args));
    });
  const write = (chunk: string | Uint8Array) => {
    lines.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(write);
  vi.spyOn(process.stderr, "write").mockImplementation(write);
  return lines;
}

const payer = {
  name: "Maria Souza",
  email: "maria@example.com",
  phone: null,
  document: { kind: "cpf" as const, value: "52998224725" },
  address: null,
};

function saleRequest(card: CardInput, extra: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    idempotencyKey: crypto.randomUUID().replaceAll("-", ""),
    amount: { amount: 10_000, currency: "BRL" },
    method: "card",
    description: "Plano mensal",
    payer,
    card,
    ...extra,
  };
}

function referenceOf(
  request: CreatePaymentRequest,
  result: PaymentResult,
  createdAt: string,
): PaymentReference {
  return {
    idempotencyKey: request.idempotencyKey,
    providerReference: result.providerReference,
    method: "card",
    amount: request.amount,
    createdAt,
  };
}

function paid(result: PaymentResult, status: "succeeded" | "authorized" | "declined") {
  expect(result.status, JSON.stringify(result)).toBe(status);
  return result;
}

describe("what the Cielo adapter keeps to itself", () => {
  it("leaves no card number, CVV, credential or token in a log line, a result or error, or a request but the card's post", async () => {
    harness = await createCieloHarness();
    const { gateway, cielo } = harness;
    const cards = required(harness.cards, "cards");
    const openSession = required(gateway.cardTokenizationSession, "tokenization session").bind(gateway);
    const capture = required(gateway.capture, "capture").bind(gateway);
    const deactivate = required(gateway.deactivateRecurrence, "deactivateRecurrence").bind(gateway);
    const advance = required(harness.advanceClock, "clock control");
    const withWrongCredentials = required(harness.faults?.withWrongCredentials, "credential fault");

    const lines = captureOutput();
    console.warn("probe-line");
    process.stderr.write("probe-write");
    expect(lines, "the capture sees console calls and raw writes").toEqual(["probe-line", "probe-write"]);
    lines.length = 0;

    const said: unknown[] = [];
    const thrown: string[] = [];
    const sessions: CardTokenizationSession[] = [];
    const ownNumbers: string[] = [];

    /** What the page's script does (the harness's `postCard`), with our CVV. */
    async function tokenize(lastDigit: string, saveForRenewals = false): Promise<CardInput> {
      const number = testCardNumber(lastDigit);
      ownNumbers.push(number);
      const session = await openSession({ amount: { amount: 10_000, currency: "BRL" } });
      sessions.push(session);
      const answer = await fetch(session.postUrl, {
        method: "POST",
        body: new URLSearchParams({
          AccessToken: session.accessToken,
          HolderName: "MARIA SOUZA",
          RawNumber: number,
          Expiration: "12/2030",
          SecurityCode: cvv,
          EnableBinQuery: "true",
        }),
      });
      const json = (await answer.json()) as { PaymentToken?: string; brand?: string };
      expect(answer.status).toBe(201);
      return {
        type: "token",
        token: required(json.PaymentToken, "PaymentToken"),
        brand: json.brand,
        saveForRenewals,
      };
    }
    const now = () => required(harness, "harness").clock.now();

    // A sale by a card the harness tokenizes, captured, then part of it given back.
    const firstRequest = saleRequest(await cards.approved());
    const first = paid(await gateway.createPayment(firstRequest), "succeeded");
    const refund = await gateway.refund({
      refundKey: "refund1",
      providerReference: first.providerReference ?? "",
      paymentIdempotencyKey: firstRequest.idempotencyKey,
      amount: { amount: 2_500, currency: "BRL" },
    });
    expect(refund.status).toBe("succeeded");
    said.push(first, refund);
    said.push(
      await gateway.getRefund({
        refundKey: "refund1",
        providerRefundReference: refund.status === "succeeded" ? refund.providerRefundReference : null,
        payment: referenceOf(firstRequest, first, now()),
        amount: { amount: 2_500, currency: "BRL" },
        createdAt: now(),
      }),
    );

    // Authorized only, then captured.
    const holdRequest = saleRequest(await tokenize("1"), { capture: false });
    const held = paid(await gateway.createPayment(holdRequest), "authorized");
    said.push(held, paid(await capture(referenceOf(holdRequest, held, now())), "succeeded"));

    // Saved for renewals, then charged again by its CardToken.
    const saved = paid(await gateway.createPayment(saleRequest(await tokenize("1", true))), "succeeded");
    const reusable = required(
      saved.status === "succeeded" ? saved.card?.reusableToken : null,
      "reusable token",
    );
    said.push(
      saved,
      paid(await gateway.createPayment(saleRequest({ type: "stored", token: reusable })), "succeeded"),
    );

    // A decline.
    said.push(paid(await gateway.createPayment(saleRequest(await tokenize("2"))), "declined"));

    // A recurrence: its first charge now, its second on the day asked, by Cielo itself.
    const recurringRequest = saleRequest(await tokenize("1"), {
      recurrence: {
        interval: { unit: "month", count: 1 },
        charges: null,
        amount: { amount: 8_000, currency: "BRL" },
        secondChargeOn: "2026-03-20",
      },
    });
    const recurring = paid(await gateway.createPayment(recurringRequest), "succeeded");
    said.push(recurring);

    // A PIX paid and part of it given back, another removed unpaid; a boleto paid, whose refund is refused.
    const pendingRequest = (method: "pix" | "boleto"): CreatePaymentRequest => ({
      ...saleRequest({ type: "stored", token: reusable }),
      idempotencyKey: crypto.randomUUID().replaceAll("-", "").slice(0, 25),
      method,
      card: undefined,
      payer: {
        ...payer,
        address: {
          street: "Avenida Paulista",
          number: "1578",
          district: "Bela Vista",
          city: "São Paulo",
          state: "SP",
          postalCode: "01310200",
          country: "BR",
        },
      },
      ...(method === "pix" ? { expiresInSeconds: 3_600 } : { dueDate: "2026-03-13" }),
    });
    const pendingReference = (request: CreatePaymentRequest, result: PaymentResult) => ({
      ...referenceOf(request, result, now()),
      method: request.method,
    });
    const cancel = required(gateway.cancel, "cancel").bind(gateway);
    for (const method of ["pix", "boleto"] as const) {
      const request = pendingRequest(method);
      const created = await gateway.createPayment(request);
      expect(created.status).toBe("pending");
      cielo.payPending(created.providerReference ?? "");
      said.push(created, await gateway.getPayment(pendingReference(request, created)));
      const given = gateway.refund({
        refundKey: `refund-${method}`,
        providerReference: created.providerReference ?? "",
        paymentIdempotencyKey: request.idempotencyKey,
        amount: { amount: 1_000, currency: "BRL" },
      });
      await given.then(
        (answer) => said.push(answer),
        (error: unknown) => thrown.push(inspect(error, { depth: null })),
      );
    }
    const unpaidRequest = pendingRequest("pix");
    const unpaid = await gateway.createPayment(unpaidRequest);
    said.push(await cancel(pendingReference(unpaidRequest, unpaid)));

    // Lookups, by PaymentId and by our key alone.
    said.push(await gateway.getPayment(referenceOf(firstRequest, first, now())));
    said.push(
      await gateway.getPayment({ ...referenceOf(holdRequest, held, now()), providerReference: null }),
    );

    await advance(11 * 86_400_000);
    const notifications = await harness.deliveredNotifications();
    for (const notification of notifications) said.push(await gateway.parseWebhook(notification));
    const genuine = required(notifications[0], "notification");
    const forged = required(await harness.forge(genuine, "bad_signature"), "forgery");
    said.push(await gateway.parseWebhook(forged));
    expect(
      said.some((entry) => JSON.stringify(entry).includes('"recurrenceCharge"')),
      "Cielo's own recurrent charge was notified and parsed",
    ).toBe(true);

    said.push(
      await deactivate({
        recurrenceReference: required(
          recurring.status === "succeeded" ? recurring.recurrenceReference : null,
          "recurrence",
        ),
        firstPayment: referenceOf(recurringRequest, recurring, now()),
      }),
    );

    // A store whose MerchantKey Cielo refuses: what it throws is checked too.
    const refused = await withWrongCredentials();
    for (const attempt of [
      () => refused.createPayment(saleRequest({ type: "stored", token: reusable })),
      () => refused.getPayment(referenceOf(firstRequest, first, now())),
    ])
      await attempt().then(
        () => thrown.push("no error"),
        (error: unknown) => thrown.push(inspect(error, { depth: null })),
      );
    expect(thrown[0], "the boleto's refund was refused").toContain("gateway_invalid_request");
    expect(thrown.slice(1).every((entry) => entry.includes("gateway_authentication"))).toBe(true);

    vi.restoreAllMocks();

    // The card numbers, as the mock received them from the page: ours and the harness's own.
    const requests = cielo.requests();
    const cardPosts = requests.filter((sent) => sent.method === "POST" && sent.path === cardPostPath);
    const numbers = cardPosts.map((sent) =>
      required(new URLSearchParams(sent.body).get("RawNumber"), "RawNumber"),
    );
    expect(numbers, "one card post per tokenization: the harness's and ours").toHaveLength(
      ownNumbers.length + 1,
    );
    expect(numbers).toEqual(expect.arrayContaining(ownNumbers));

    const tokens = cielo.issuedTokens();
    const accessTokens = new Set(cardPosts.map((sent) => new URLSearchParams(sent.body).get("AccessToken")));
    const oauthTokens = tokens.filter((token) => !accessTokens.has(token));
    expect(oauthTokens.length, "the OAuth token was issued and is told apart").toBeGreaterThan(0);
    const basic = Buffer.from(`${cielo.sopClientId}:${cielo.sopClientSecret}`).toString("base64");
    const credentials = [
      cielo.merchantKey,
      wrongKey,
      cielo.sopClientSecret,
      basic,
      cieloNotificationHeader.value,
    ];
    const secrets = [...numbers, ...credentials, ...tokens];

    for (const line of lines) {
      for (const secret of secrets) expect(line).not.toContain(secret);
      expect(cvvIn(line), line).toBe(false);
    }
    const results = [JSON.stringify(said), ...thrown];
    for (const text of results) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(cvvIn(text)).toBe(false);
    }
    // The checkout session carries its SOP access token, for the page; nothing more.
    for (const session of sessions) {
      const text = JSON.stringify(session);
      for (const secret of [...numbers, ...credentials, ...oauthTokens]) expect(text).not.toContain(secret);
    }

    // Every request but the card's post: no number, CVV, credential or token.
    for (const sent of requests) {
      const text = `${sent.method} ${sent.path}\n${JSON.stringify(sent.headers)}\n${sent.body}`;
      for (const secret of [...credentials, ...oauthTokens]) expect(text, sent.path).not.toContain(secret);
      if (sent.path === cardPostPath) continue;
      for (const secret of [...numbers, ...accessTokens]) expect(text, sent.path).not.toContain(secret ?? "");
      expect(cvvIn(text), sent.path).toBe(false);
    }
    // Each number went once, in the body of the card's post to the SOP host, and nowhere else.
    for (const number of numbers)
      expect(
        requests
          .filter((sent) => `${sent.path} ${JSON.stringify(sent.headers)} ${sent.body}`.includes(number))
          .map((sent) => [sent.method, sent.path, sent.body.includes(number)]),
      ).toEqual([["POST", cardPostPath, true]]);
    // The MerchantKey was sent on every API and query call, and recorded only as redacted.
    const apiCalls = requests.filter((sent) => sent.path.startsWith("/1/"));
    expect(apiCalls.length).toBeGreaterThan(10);
    expect(new Set(apiCalls.map((sent) => sent.headers.merchantkey))).toEqual(new Set(["[redacted]"]));
    expect(
      requests.filter((sent) => sent.path === "/oauth2/token").map((sent) => sent.headers.authorization),
    ).toEqual(Array.from({ length: oauthTokens.length }, () => "[redacted]"));
  });
});
