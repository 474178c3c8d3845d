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

/** A reading at 2026-03-10 12:00 in São Paulo, PIX QR codes living Cielo's legacy two hours unless the answer says. */
const now = "2026-03-10T15:00:00.000Z";
const sandbox = { environment: "sandbox" as const, now, pixLifetimeSeconds: 7_200 };
const production = { environment: "production" as const, now, pixLifetimeSeconds: 7_200 };

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

describe("mapCieloPayment on Cielo's documented PIX and boleto answers", () => {
  // pix-create-response.json was received 2020-10-15 18:53:20 São Paulo time (21:53:20Z).
  const createdAt = "2020-10-15T21:53:20.000Z";
  const legacy = { environment: "sandbox" as const, now: createdAt, pixLifetimeSeconds: 7_200 };

  it.skipIf(noFixtures)(
    "reads pix-create-response.json (Status 12) as pending with its BR Code, payable for the legacy two hours",
    () => {
      const result = mapCieloPayment(documented("pix-create-response.json"), legacy);
      expect(result).toEqual({
        status: "pending",
        providerReference: "1997be4d-694a-472e-98f0-e7f4b4c8f1e7",
        rawStatus: "12/0",
        amount: { amount: 100, currency: "BRL" },
        refundedAmount: { amount: 0, currency: "BRL" },
        action: {
          type: "pix",
          qrCodePayload:
            "00020101021226880014br.gov.bcb.pix2566qrcodes-h.cielo.com.br/pix-qr/d05b1a34-ec52-4201-ba1e-d3cc2a43162552040000530398654041.005802BR5918Merchant Teste HML6009Sao Paulo62120508000101296304031C",
          expiresAt: "2020-10-15T23:53:20.000Z",
        },
      });
    },
  );

  it.skipIf(noFixtures)(
    "reads the same unpaid PIX, still Status 12, as canceled expired once its QR code's life is over",
    () => {
      const payment = documented("pix-create-response.json");
      const before = mapCieloPayment(payment, { ...legacy, now: "2020-10-15T23:53:19.000Z" });
      const after = mapCieloPayment(payment, { ...legacy, now: "2020-10-15T23:53:20.000Z" });
      expect(before.status).toBe("pending");
      expect(after).toMatchObject({ status: "canceled", reason: "expired", rawStatus: "12/0" });
    },
  );

  it.skipIf(noFixtures)(
    "reads the PIX paid (Status 2) as succeeded, with no card and no invented paid time",
    () => {
      const paid = { ...documented("pix-create-response.json"), Status: 2 };
      expect(mapCieloPayment(paid, { ...legacy, now: "2020-10-16T12:00:00.000Z" })).toMatchObject({
        status: "succeeded",
        card: null,
        paidAt: null,
        refundedAmount: { amount: 0, currency: "BRL" },
      });
    },
  );

  it.skipIf(noFixtures)(
    "reads boleto-response.json (Status 1) as pending with its line and barcode as digits, its due day and its page",
    () => {
      const result = mapCieloPayment(documented("boleto-response.json"), sandbox);
      expect(result).toEqual({
        status: "pending",
        providerReference: "a5f3181d-c2e2-4df9-a5b4-d8f6edf6bd51",
        rawStatus: "1",
        amount: { amount: 15_700, currency: "BRL" },
        refundedAmount: { amount: 0, currency: "BRL" },
        action: {
          type: "boleto",
          digitableLine: "00090494205000000001323006565602662990000015700",
          barcode: "00096629900000157000494250000000012300656560",
          dueDate: "2015-01-05",
          pdfUrl:
            "https://apisandbox.cieloecommerce.cielo.com.br/post/pagador/reenvia.asp/a5f3181d-c2e2-4df9-a5b4-d8f6edf6bd51",
          pixPayload: null,
        },
      });
    },
  );

  it.skipIf(noFixtures)("reads the boleto reconciled (Status 2) as succeeded", () => {
    const paid = { ...documented("boleto-response.json"), Status: 2 };
    expect(mapCieloPayment(paid, sandbox)).toMatchObject({ status: "succeeded", card: null });
  });
});

describe("mapCieloPayment for PIX and boletos", () => {
  const pix = (fields: Partial<CieloPayment> & { Status: number }): CieloPayment => ({
    PaymentId: "1997be4d-694a-472e-98f0-e7f4b4c8f1e7",
    Type: "Pix",
    Amount: 10_000,
    QrCodeString: "00020101021226…6304ABCD",
    ReceivedDate: "2026-03-10 12:00:00",
    ...fields,
  });

  it("dates a Cielo2 QR code's end by the QrCode.Expiration the answer states, else by the reading's lifetime", () => {
    const stated = mapCieloPayment(pix({ Status: 12, QrCode: { Expiration: 600 } }), sandbox);
    const unstated = mapCieloPayment(pix({ Status: 12 }), { ...sandbox, pixLifetimeSeconds: 86_400 });
    expect(stated.status === "pending" && stated.action).toMatchObject({
      expiresAt: "2026-03-10T15:10:00.000Z",
    });
    expect(unstated.status === "pending" && unstated.action).toMatchObject({
      expiresAt: "2026-03-11T15:00:00.000Z",
    });
  });

  it("maps a PIX given back in full (11) to succeeded with all of it refunded, and one removed unpaid (10) to canceled by_us", () => {
    expect(mapCieloPayment(pix({ Status: 11, VoidedAmount: 10_000 }), sandbox)).toMatchObject({
      status: "succeeded",
      refundedAmount: { amount: 10_000, currency: "BRL" },
    });
    expect(mapCieloPayment(pix({ Status: 2, VoidedAmount: 4_000 }), sandbox)).toMatchObject({
      status: "succeeded",
      refundedAmount: { amount: 4_000, currency: "BRL" },
    });
    expect(mapCieloPayment(pix({ Status: 10 }), sandbox)).toMatchObject({
      status: "canceled",
      reason: "by_us",
      refundedAmount: { amount: 0, currency: "BRL" },
    });
  });

  it("maps an aborted PIX (13) to canceled by the provider, or expired once past its QR code's life", () => {
    expect(mapCieloPayment(pix({ Status: 13 }), sandbox)).toMatchObject({
      status: "canceled",
      reason: "by_provider",
    });
    expect(
      mapCieloPayment(pix({ Status: 13 }), { ...sandbox, now: "2026-03-10T17:00:00.000Z" }),
    ).toMatchObject({ status: "canceled", reason: "expired" });
  });

  it("answers a PIX without its QR code yet as processing, never pending without what the payer needs", () => {
    expect(mapCieloPayment(pix({ Status: 12, QrCodeString: undefined }), sandbox).status).toBe("processing");
  });

  it("maps statuses Cielo does not document for a PIX or a boleto (a PIX authorized, a boleto refunded) to unknown, naming them", () => {
    for (const [Type, Status] of [
      ["Pix", 1],
      ["Pix", 3],
      ["Boleto", 11],
      ["Boleto", 12],
    ] as const) {
      const result = mapCieloPayment(pix({ Type, Status }), sandbox);
      expect(result.status, `${Type} ${Status}`).toBe("unknown");
      expect(result.status === "unknown" ? result.reason : "").toContain(`${Status} for a ${Type} sale`);
    }
  });

  it("sends the payer to a boleto's page when the answer has no line or barcode (Banco do Brasil's), and holds one with neither as processing", () => {
    const boleto = (fields: Partial<CieloPayment>): CieloPayment => ({
      PaymentId: "a5f3181d-c2e2-4df9-a5b4-d8f6edf6bd51",
      Type: "Boleto",
      Amount: 15_700,
      Status: 1,
      ...fields,
    });
    expect(mapCieloPayment(boleto({ Url: "https://cielo.example/boleto/1" }), sandbox)).toMatchObject({
      status: "pending",
      action: { type: "redirect", url: "https://cielo.example/boleto/1", expiresAt: null },
    });
    expect(mapCieloPayment(boleto({}), sandbox).status).toBe("processing");
  });
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
