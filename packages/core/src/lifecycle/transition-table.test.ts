import { describe, expect, it } from "vitest";
import { contractLifecycle } from "../contracts/contract-status";
import { isTesseraError, TesseraError } from "../errors/tessera-error";
import { installmentLifecycle } from "../installments/installment-status";
import { orderLifecycle } from "../orders/order-status";
import { paymentLifecycle } from "../payments/payment-status";
import { refundLifecycle } from "../refunds/refund-status";
import { defineLifecycle, type Lifecycle } from "./transition-table";

/**
 * Each lifecycle's allowed moves, written out again as "from → to" so that a change to a
 * table shows up here as a diff a reviewer reads. Every move not listed must be refused.
 */
const expected: Record<string, { lifecycle: Lifecycle<string>; moves: string[]; finals: string[] }> = {
  contract: {
    lifecycle: contractLifecycle,
    moves: [
      "pending_payment → active",
      "pending_payment → canceled",
      "active → past_due",
      "active → canceled",
      "active → ended",
      "past_due → active",
      "past_due → canceled",
      "past_due → ended",
    ],
    finals: ["canceled", "ended"],
  },
  payment: {
    lifecycle: paymentLifecycle,
    moves: [
      ...["processing", "pending", "requires_action", "authorized", "succeeded", "failed", "canceled"].map(
        (to) => `unknown → ${to}`,
      ),
      ...["pending", "requires_action", "authorized", "succeeded", "failed", "canceled", "unknown"].map(
        (to) => `processing → ${to}`,
      ),
      ...["processing", "requires_action", "authorized", "succeeded", "failed", "canceled", "unknown"].map(
        (to) => `pending → ${to}`,
      ),
      ...["pending", "authorized", "succeeded", "failed", "canceled", "unknown"].map(
        (to) => `requires_action → ${to}`,
      ),
      "authorized → succeeded",
      "authorized → canceled",
      "authorized → failed",
      "succeeded → refunded",
      "succeeded → partially_refunded",
      "partially_refunded → refunded",
      "partially_refunded → partially_refunded",
      "failed → succeeded",
      "canceled → succeeded",
    ],
    finals: ["refunded"],
  },
  installment: {
    lifecycle: installmentLifecycle,
    moves: [
      "awaiting → confirmed",
      "awaiting → denied",
      "awaiting → canceled",
      "denied → confirmed",
      "denied → awaiting",
      "denied → canceled",
      "confirmed → refunded",
    ],
    finals: ["canceled", "refunded"],
  },
  order: {
    lifecycle: orderLifecycle,
    moves: ["open → paid", "open → canceled", "paid → refunded"],
    finals: ["canceled", "refunded"],
  },
  refund: {
    lifecycle: refundLifecycle,
    moves: [
      "pending → succeeded",
      "pending → failed",
      "pending → unknown",
      "unknown → pending",
      "unknown → succeeded",
      "unknown → failed",
    ],
    finals: ["succeeded", "failed"],
  },
};

describe("lifecycles", () => {
  for (const [entity, { lifecycle, moves, finals }] of Object.entries(expected)) {
    describe(entity, () => {
      const allowed = new Set(moves);
      const every = lifecycle.statuses.flatMap((from) => lifecycle.statuses.map((to) => [from, to] as const));

      it("allows exactly the listed moves and refuses every other", () => {
        const actual = every
          .filter(([from, to]) => lifecycle.canMove(from, to))
          .map(([f, t]) => `${f} → ${t}`);
        expect(new Set(actual)).toEqual(allowed);
        expect(lifecycle.entity).toBe(entity);
      });

      it("assertMove throws invalid_transition naming from and to for each refused move", () => {
        for (const [from, to] of every) {
          if (allowed.has(`${from} → ${to}`)) {
            expect(() => lifecycle.assertMove(from, to)).not.toThrow();
            continue;
          }
          try {
            lifecycle.assertMove(from, to, "x_1");
            expect.unreachable(`${entity} ${from} → ${to} must be refused`);
          } catch (error) {
            expect(isTesseraError(error, "invalid_transition")).toBe(true);
            expect((error as TesseraError).message).toContain(`from "${from}" to "${to}"`);
            expect((error as TesseraError).details).toEqual({ entity, id: "x_1", from, to });
          }
        }
      });

      it(`ends in ${finals.join(" and ")}`, () => {
        expect(lifecycle.statuses.filter((s) => lifecycle.isFinal(s))).toEqual(finals);
      });

      it("names only its own statuses as targets", () => {
        for (const targets of Object.values(lifecycle.table)) {
          for (const to of targets) expect(lifecycle.statuses).toContain(to);
        }
      });
    });
  }

  it("lets a payment the provider later reports paid converge to succeeded", () => {
    expect(paymentLifecycle.canMove("failed", "succeeded")).toBe(true);
    expect(paymentLifecycle.canMove("canceled", "succeeded")).toBe(true);
    expect(paymentLifecycle.canMove("refunded", "succeeded")).toBe(false);
  });

  it("moves an unknown payment on only by recovery, never back to unknown from a settled state", () => {
    for (const settled of [
      "authorized",
      "succeeded",
      "failed",
      "canceled",
      "refunded",
      "partially_refunded",
    ] as const) {
      expect(paymentLifecycle.canMove(settled, "unknown")).toBe(false);
    }
  });

  it("staying in place is not a transition, except one more partial refund", () => {
    for (const { lifecycle } of Object.values(expected)) {
      const stays = lifecycle.statuses.filter((s) => lifecycle.canMove(s, s));
      expect(stays).toEqual(lifecycle === paymentLifecycle ? ["partially_refunded"] : []);
    }
  });
});

describe("defineLifecycle", () => {
  const door = defineLifecycle("door", { open: ["closed"], closed: ["open", "locked"], locked: [] });

  it("lists the statuses in the table's order", () => {
    expect(door.statuses).toEqual(["open", "closed", "locked"]);
  });

  it("leaves the id out of the details when none is given", () => {
    try {
      door.assertMove("locked", "open");
      expect.unreachable("locked → open must be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(TesseraError);
      expect((error as TesseraError).details).toEqual({ entity: "door", from: "locked", to: "open" });
      expect((error as TesseraError).message).toMatch(/^A door cannot go from "locked" to "open"\./);
    }
  });
});
