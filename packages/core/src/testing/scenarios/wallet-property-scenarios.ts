import fc from "fast-check";
import { expect, it } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { Id } from "../../ids/id";
import type { Money } from "../../money/money";
import type { WalletEntry } from "../../wallet/wallet-entry";
import { brl, buyerAna, type ScenarioEnv } from "./scenario-env";

/** One step a property run takes on a wallet. */
type Step =
  | { kind: "credit"; amount: number }
  | { kind: "debit"; amount: number }
  /** Reverses the `pick`-th line written so far in this run (modulo their count). */
  | { kind: "reverse"; pick: number }
  /** A refund of part of the run's paid sale, to the wallet. */
  | { kind: "refund"; amount: number }
  /** A new declined sale's first installments (19 990), paid from the balance. */
  | { kind: "pay" }
  /** A new sale paid `part` from the balance and the rest by a card that pays, or is declined (the part given back). */
  | { kind: "split"; part: number; declined: boolean }
  /** Several debits and credits at once. */
  | { kind: "race"; amounts: number[] };

const amount = fc.integer({ min: 1, max: 30_000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("credit" as const), amount }),
  fc.record({ kind: fc.constant("debit" as const), amount }),
  fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("refund" as const), amount: fc.integer({ min: 1, max: 12_000 }) }),
  fc.constant({ kind: "pay" as const }),
  fc.record({
    kind: fc.constant("split" as const),
    part: fc.integer({ min: 1, max: 19_989 }),
    declined: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("race" as const),
    // Positive: a credit; negative: a debit.
    amounts: fc.array(
      fc.integer({ min: -20_000, max: 20_000 }).filter((n) => n !== 0),
      {
        minLength: 2,
        maxLength: 4,
      },
    ),
  }),
);

/**
 * Property tests of the ledger (fast-check), on the storage under test: under any sequence of
 * credits, debits, reversals, refunds to the wallet, payments from it and split payments
 * whose card pays or is declined — some racing each other — the balance is the sum of the lines and never below zero, each step lands exactly
 * when a model of the balance says it may, and refunds never pass what was paid.
 */
export function walletPropertyScenarios(current: () => ScenarioEnv): void {
  it("keeps balance = Σ lines ≥ 0 under any sequence of credits, debits, reversals, payments, split payments and refunds, racing too", async () => {
    const env = current();
    const w = env.tessera.wallet;
    let serial = 0;
    const key = () => `wallet-property-${++serial}`;

    const allLines = async (customerId: Id<"customer">): Promise<WalletEntry[]> => {
      const lines: WalletEntry[] = [];
      let after: string | undefined;
      do {
        const page = await w.history(customerId, { limit: 200, ...(after ? { after } : {}) });
        lines.push(...page.items);
        after = page.nextCursor ?? undefined;
      } while (after);
      return lines;
    };

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const sale = await env.tessera.sales.start({
          unitId: env.unit.id,
          planId: env.monthly.id,
          buyer: buyerAna,
          method: "card",
          card: await env.card("approvedVisa"),
          idempotencyKey: key(),
          source: "api",
        });
        if (sale.status !== "succeeded") throw new Error(`expected a paid sale, got ${sale.status}`);
        const customerId = sale.customer.id;
        let model = (await w.balance(customerId, "BRL")).amount;
        let refundable = sale.payment.amount.amount;
        const written: WalletEntry[] = [];
        const reversed = new Set<string>();
        const line = (amountOf: number) => ({
          customerId,
          unitId: env.unit.id,
          amount: brl(amountOf),
          note: "propriedade",
          idempotencyKey: key(),
        });
        /** Runs one step, expecting it to land when `lands` and to be refused with `refusal` otherwise. */
        const expectStep = async <T>(run: Promise<T>, lands: boolean, refusal: string): Promise<T | null> => {
          const settled = await run.then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          if ("value" in settled) {
            expect(lands).toBe(true);
            return settled.value;
          }
          if (lands || !isTesseraError(settled.error, refusal as never)) throw settled.error;
          return null;
        };

        for (const next of steps) {
          switch (next.kind) {
            case "credit": {
              const done = await w.credit({ ...line(next.amount), method: "cash" });
              written.push(done.entry);
              model += next.amount;
              break;
            }
            case "debit": {
              const done = await expectStep(
                w.debit(line(next.amount)),
                model >= next.amount,
                "insufficient_balance",
              );
              if (done) {
                written.push(done.entry);
                model -= next.amount;
              }
              break;
            }
            case "reverse": {
              const target = written[next.pick % Math.max(written.length, 1)];
              if (!target) break;
              const open =
                target.kind !== "reversal" &&
                target.kind !== "refund_credit" &&
                target.paymentId === null &&
                !reversed.has(target.id);
              const lands = open && model - target.amount.amount >= 0;
              const done = await expectStep(
                w.reverse({ entryId: target.id, note: "desfeito", idempotencyKey: key() }),
                lands,
                open ? "insufficient_balance" : "invalid_transition",
              );
              if (done) {
                written.push(done.entry);
                reversed.add(target.id);
                model -= target.amount.amount;
              }
              break;
            }
            case "refund": {
              const done = await expectStep(
                env.tessera.refunds.refund({
                  paymentId: sale.payment.id,
                  amount: brl(next.amount),
                  destination: "wallet",
                  idempotencyKey: key(),
                }),
                next.amount <= refundable,
                "validation_failed",
              );
              if (done) {
                model += next.amount;
                refundable -= next.amount;
                expect(done.payment.refundedAmount.amount).toBe(sale.payment.amount.amount - refundable);
              }
              break;
            }
            case "pay": {
              const declined = await env.tessera.sales.start({
                unitId: env.unit.id,
                planId: env.monthly.id,
                buyer: buyerAna,
                method: "card",
                card: await env.card("insufficientFunds"),
                idempotencyKey: key(),
                source: "api",
              });
              const due = declined.payment?.amount.amount ?? 0;
              const done = await expectStep(
                w.payFromBalance({ contractId: declined.contract.id, idempotencyKey: key() }),
                model >= due,
                "insufficient_balance",
              );
              if (done) {
                expect(done.contract.status).toBe("active");
                model -= due;
              }
              break;
            }
            case "split": {
              const done = await expectStep(
                env.tessera.sales.start({
                  unitId: env.unit.id,
                  planId: env.monthly.id,
                  buyer: buyerAna,
                  method: "card",
                  card: await env.card(next.declined ? "insufficientFunds" : "approvedVisa"),
                  fromBalance: brl(next.part),
                  idempotencyKey: key(),
                  source: "api",
                }),
                model >= next.part,
                "insufficient_balance",
              );
              if (done) {
                expect(done.status).toBe(next.declined ? "declined" : "succeeded");
                if (!next.declined) model -= next.part;
              }
              break;
            }
            case "race": {
              const before = model;
              const settled = await Promise.allSettled(
                next.amounts.map((n) =>
                  n > 0 ? w.credit({ ...line(n), method: "pix" }) : w.debit(line(-n)),
                ),
              );
              for (const [index, result] of settled.entries()) {
                const n = next.amounts[index]!;
                if (result.status === "fulfilled") model += n;
                else if (n > 0 || !isTesseraError(result.reason, "insufficient_balance")) throw result.reason;
              }
              // Only debits may fail, and only for want of balance: what landed never took it below zero.
              expect(model).toBeGreaterThanOrEqual(0);
              expect(model).toBeLessThanOrEqual(
                before + next.amounts.filter((n) => n > 0).reduce((a, n) => a + n, 0),
              );
              break;
            }
          }
          const balance: Money = await w.balance(customerId, "BRL");
          expect(balance.amount).toBe(model);
          expect(balance.amount).toBeGreaterThanOrEqual(0);
        }
        const lines = await allLines(customerId);
        expect(lines.reduce((sum, entry) => sum + entry.amount.amount, 0)).toBe(model);
        const payment = await env.storage.payments.findById(sale.payment.id);
        expect(payment?.refundedAmount.amount).toBeLessThanOrEqual(payment?.amount.amount ?? 0);
      }),
      { numRuns: 12 },
    );
  });
}
