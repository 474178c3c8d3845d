import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStoredCardToken } from "./card-token";
import { cieloInstant, mapCieloPayment } from "./mapping";
import { type CieloPayment, cieloSaleSchema } from "./schemas";

/**
 * Cielo's own published answers (see SOURCES.md beside them) through the adapter's parser
 * and its status table. The payloads are Cielo's data and live in the shared reference
 * folder, not in this package: where a checkout has no such folder, those cases are skipped
 * (and say so) rather than failing for a missing file; the synthetic cases below still run.
 */
const fixtures = "/work/shared/reference/gateways/cielo";
const noFixtures = !existsSync(fixtures);

function documented(name: string): CieloPayment {
  return cieloSaleSchema.parse(JSON.parse(readFileSync(join(fixtures, name), "utf8"))).Payment;
}

const sandbox = { environment: "sandbox" as const };
const production = { environment: "production" as const };

function payment(fields: Partial<CieloPayment> & { Status: number }): CieloPayment {
  return {
    PaymentId: "24bc8366-fc31-4d6c-8555-17049a836a07",
    Type: "CreditCard",
    Amount: 15_700,
    CreditCard: { CardNumber: "455187******0183", Brand: "Visa" },
    ...fields,
  };
}

describe("mapCieloPayment on Cielo's documented answers", () => {
  it.skipIf(noFixtures)(
    "reads sale-authorized-response.json as authorized, with the card's brand and last four",
    () => {
      expect(mapCieloPayment(documented("sale-authorized-response.json"), sandbox)).toEqual({
        status: "authorized",
        providerReference: "24bc8366-fc31-4d6c-8555-17049a836a07",
        rawStatus: "1/4",
        amount: { amount: 15_700, currency: "BRL" },
        refundedAmount: { amount: 0, currency: "BRL" },
        card: { brand: "visa", last4: "0183", reusableToken: null },
      });
    },
  );

  it.skipIf(noFixtures)("reads sale-captured-response.json as succeeded, nothing refunded", () => {
    const result = mapCieloPayment(documented("sale-captured-response.json"), sandbox);
    expect(result).toMatchObject({
      status: "succeeded",
      rawStatus: "2/6",
      amount: { amount: 15_700, currency: "BRL" },
      refundedAmount: { amount: 0, currency: "BRL" },
      card: { brand: "visa", last4: "0183" },
    });
  });

  it.skipIf(noFixtures)(
    "reads sale-denied-expired-card-response.json as declined expired_card in the sandbox",
    () => {
      const result = mapCieloPayment(documented("sale-denied-expired-card-response.json"), sandbox);
      expect(result).toMatchObject({
        status: "declined",
        declineCode: "expired_card",
        rawStatus: "3/57",
        message: "Card Expired",
      });
    },
  );

  it.skipIf(noFixtures)(
    "reads query-by-paymentid-response.json by its Status (1, authorized), whatever its amounts say",
    () => {
      // The manual's example mixes Status 1 with captured and voided amounts: Status decides.
      const result = mapCieloPayment(documented("query-by-paymentid-response.json"), sandbox);
      expect(result).toMatchObject({
        status: "authorized",
        providerReference: "24bc8366-fc31-4d6c-8555-17049a836a07",
        rawStatus: "1",
        amount: { amount: 10_000, currency: "BRL" },
        card: { brand: "visa", last4: "0183", reusableToken: null },
      });
    },
  );

  it.skipIf(noFixtures)(
    "reads recurrent-authorizenow-true-response.json with the recurrence's RecurrentPaymentId",
    () => {
      const result = mapCieloPayment(documented("recurrent-authorizenow-true-response.json"), sandbox);
      expect(result).toMatchObject({
        status: "authorized",
        rawStatus: "1/4",
        recurrenceReference: "61e5bd30-ec11-44b3-ba0a-56fbbc8274c5",
      });
    },
  );

  it.skipIf(noFixtures)(
    "reads sale-savecard-response.json with the saved CardToken as a reusable token beside its brand",
    () => {
      const result = mapCieloPayment(documented("sale-savecard-response.json"), sandbox);
      if (result.status !== "succeeded" && result.status !== "authorized")
        throw new Error(`unexpected ${result.status}`);
      expect(parseStoredCardToken(result.card?.reusableToken ?? "")).toEqual({
        brand: "Visa",
        cardToken: "d37bf475-307d-47be-b50a-8dcc38c5056c",
      });
    },
  );
});

describe("mapCieloPayment's status table", () => {
  it("maps Status 0 (NotFinished) to unknown, never declined, whatever the ReturnCode or environment", () => {
    for (const context of [sandbox, production])
      for (const ReturnCode of ["99", "05", "57", undefined]) {
        const result = mapCieloPayment(payment({ Status: 0, ReturnCode }), context);
        expect(result.status, `${context.environment} ${ReturnCode}`).toBe("unknown");
        expect(result.providerReference).toBe("24bc8366-fc31-4d6c-8555-17049a836a07");
      }
  });

  it("maps Status 10 with no CapturedAmount (an authorization voided) to canceled by_us, nothing refunded", () => {
    expect(mapCieloPayment(payment({ Status: 10, ReturnCode: "9", VoidedAmount: 15_700 }), sandbox)).toEqual({
      status: "canceled",
      reason: "by_us",
      providerReference: "24bc8366-fc31-4d6c-8555-17049a836a07",
      rawStatus: "10/9",
      amount: { amount: 15_700, currency: "BRL" },
      refundedAmount: { amount: 0, currency: "BRL" },
    });
  });

  it("maps Status 10 after a capture (voided the same day) to succeeded with all of it refunded", () => {
    const result = mapCieloPayment(
      payment({
        Status: 10,
        CapturedAmount: 15_700,
        VoidedAmount: 15_700,
        CapturedDate: "2026-03-10 12:00:00",
      }),
      sandbox,
    );
    expect(result).toMatchObject({
      status: "succeeded",
      refundedAmount: { amount: 15_700, currency: "BRL" },
      paidAt: "2026-03-10T15:00:00.000Z",
    });
  });

  it("maps Status 11 (Refunded) to succeeded with refundedAmount from VoidedAmount", () => {
    const result = mapCieloPayment(
      payment({ Status: 11, ReturnCode: "9", CapturedAmount: 15_700, VoidedAmount: 5_000 }),
      sandbox,
    );
    expect(result).toMatchObject({
      status: "succeeded",
      rawStatus: "11/9",
      refundedAmount: { amount: 5_000, currency: "BRL" },
    });
  });

  it("maps a partial void of a captured sale (Status 2) to succeeded with what was given back", () => {
    const result = mapCieloPayment(
      payment({ Status: 2, ReturnCode: "0", CapturedAmount: 15_700, VoidedAmount: 2_500 }),
      sandbox,
    );
    expect(result).toMatchObject({ status: "succeeded", refundedAmount: { amount: 2_500, currency: "BRL" } });
  });

  it("dates a payment by its CapturedDate, else its ReceivedDate, in São Paulo time", () => {
    const captured = mapCieloPayment(
      payment({ Status: 2, ReceivedDate: "2022-07-29 17:16:21", CapturedDate: "2022-07-29 17:16:22" }),
      sandbox,
    );
    const received = mapCieloPayment(payment({ Status: 2, ReceivedDate: "2022-07-29 17:16:21" }), sandbox);
    expect(
      [captured, received].map((result) => (result.status === "succeeded" ? result.paidAt : null)),
    ).toEqual(["2022-07-29T20:16:22.000Z", "2022-07-29T20:16:21.000Z"]);
  });

  it("maps Status 13 (Aborted) to canceled by the provider and Status 20 (Scheduled) to processing", () => {
    expect(mapCieloPayment(payment({ Status: 13 }), sandbox)).toMatchObject({
      status: "canceled",
      reason: "by_provider",
    });
    expect(mapCieloPayment(payment({ Status: 20 }), sandbox).status).toBe("processing");
  });

  it("maps a Status it does not know to unknown, naming it", () => {
    const result = mapCieloPayment(payment({ Status: 42 }), sandbox);
    expect(result).toMatchObject({ status: "unknown", rawStatus: "42" });
    expect(result.status === "unknown" ? result.reason : "").toContain("42");
  });

  it("keeps no card summary when the answer shows no card number", () => {
    const result = mapCieloPayment(payment({ Status: 1, ReturnCode: "4", CreditCard: undefined }), sandbox);
    expect(result.status === "authorized" ? result.card : "not authorized").toBeNull();
  });
});

describe("cieloInstant", () => {
  it("reads Cielo's wall time as São Paulo's (UTC−3): 2022-07-29 17:16:21 is 20:16:21Z", () => {
    expect(cieloInstant("2022-07-29 17:16:21")).toBe("2022-07-29T20:16:21.000Z");
  });

  it("reads the T-separated and the dd/MM/yyyy forms the same way, across midnight UTC", () => {
    expect(cieloInstant("2022-07-29T17:16:21")).toBe("2022-07-29T20:16:21.000Z");
    expect(cieloInstant("29/07/2022 17:16:21")).toBe("2022-07-29T20:16:21.000Z");
    expect(cieloInstant("2022-12-31 22:30:00")).toBe("2023-01-01T01:30:00.000Z");
  });

  it("answers null for nothing or for what is no date", () => {
    expect(cieloInstant(undefined)).toBeNull();
    expect(cieloInstant("")).toBeNull();
    expect(cieloInstant("yesterday")).toBeNull();
    expect(cieloInstant("2022-13-45 99:99:99")).toBeNull();
  });
});
