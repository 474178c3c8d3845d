import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIdGenerator } from "../ids/id";
import { newPaymentReference } from "./payment-reference";

const ids = createIdGenerator(() => Date.UTC(2026, 2, 10));
const random = (size: number) => Uint8Array.from({ length: size }, (_, i) => (i * 37 + 11) % 256);

describe("newPaymentReference", () => {
  it("uses the payment id without its underscore where 29 characters fit (API Pix txid 26–35)", () => {
    const id = ids("payment");
    expect(newPaymentReference({ kind: "alphanumeric", minLength: 26, maxLength: 35 }, id, random)).toBe(
      id.replace("_", ""),
    );
  });

  it("falls back to the id's 26-character ULID where 29 is too long (Cielo boleto MerchantOrderId ≤ 27)", () => {
    const id = ids("payment");
    expect(newPaymentReference({ kind: "alphanumeric", minLength: 1, maxLength: 27 }, id, random)).toBe(
      id.slice(4),
    );
  });

  it("draws 15 random base-32 characters for Banco Inter's seuNumero (≤ 15)", () => {
    const reference = newPaymentReference(
      { kind: "alphanumeric", minLength: 1, maxLength: 15 },
      ids("payment"),
      random,
    );
    expect(reference).toMatch(/^[0-9A-Z]{15}$/);
  });

  it("makes a lower-case RFC 4122 version 4 UUID where the provider wants one (PagoLivre)", () => {
    const reference = newPaymentReference({ kind: "uuid" }, ids("payment"), random);
    expect(reference).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("always fits the declared length and alphabet", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (min, extra, bytes) => {
          const rules = { kind: "alphanumeric" as const, minLength: min, maxLength: min + extra };
          const reference = newPaymentReference(rules, ids("payment"), (size) => bytes.slice(0, size));
          expect(reference).toMatch(/^[0-9A-Za-z]+$/);
          expect(reference.length).toBeGreaterThanOrEqual(rules.minLength);
          expect(reference.length).toBeLessThanOrEqual(rules.maxLength);
        },
      ),
    );
  });
});
