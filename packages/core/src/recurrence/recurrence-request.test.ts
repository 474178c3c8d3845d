import { describe, expect, it } from "vitest";
import type { ContractTerms } from "../contracts/contract";
import type { RecurrenceRules } from "../ports/gateway";
import { recurrenceRequestFor } from "./recurrence-request";

const monthly = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  planName: "Mensal",
  kind: "recurring",
  price: { amount: 12_990, currency: "BRL" },
  interval: { unit: "month", count: 1 },
  installmentCount: null,
  enrollmentFee: null,
  clientFeeBasisPoints: 0,
  autoRenew: false,
  quotas: [],
  activationMode: "immediate",
  ...overrides,
});

/** PagoLivre's shape: at most 12 equal monthly charges, on days it picks, a declined month left declined. */
const pagolivreRules: RecurrenceRules = {
  maxCharges: 12,
  equalCharges: true,
  secondChargeDay: "one_interval_after_create",
  declinedCharge: "next_period",
};

const ask = (terms: ContractTerms, rules?: RecurrenceRules) =>
  recurrenceRequestFor(
    { providerRecurrence: ["payment_link"], ...(rules ? { recurrenceRules: rules } : {}) },
    "payment_link",
    { terms, startDate: "2026-03-10" },
    "2026-03-10",
  );

describe("recurrenceRequestFor", () => {
  it("asks the provider for any count and amount where it declares no rules", () => {
    expect(ask(monthly())).toMatchObject({ charges: null, secondChargeOn: "2026-04-10" });
    expect(
      ask(monthly({ installmentCount: 24, enrollmentFee: { amount: 5_000, currency: "BRL" } })),
    ).toMatchObject({
      charges: 24,
      amount: { amount: 12_990, currency: "BRL" },
    });
  });

  it("asks nothing of a provider with a charge limit for an open-ended plan or one longer than the limit", () => {
    expect(ask(monthly(), pagolivreRules)).toBeNull();
    expect(ask(monthly({ installmentCount: 13 }), pagolivreRules)).toBeNull();
    expect(ask(monthly({ installmentCount: 12 }), pagolivreRules)).toMatchObject({ charges: 12 });
  });

  it("asks nothing of a provider of equal charges when charge 1 holds more (an enrollment fee)", () => {
    const withFee = monthly({ installmentCount: 6, enrollmentFee: { amount: 5_000, currency: "BRL" } });
    expect(ask(withFee, pagolivreRules)).toBeNull();
    expect(ask(withFee, { ...pagolivreRules, equalCharges: false })).toMatchObject({ charges: 6 });
    // A client-paid fee is on every period alike: the charges stay equal.
    expect(ask(monthly({ installmentCount: 6, clientFeeBasisPoints: 250 }), pagolivreRules)).toMatchObject({
      amount: { amount: 13_315, currency: "BRL" },
    });
  });
});
