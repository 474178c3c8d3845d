import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CardInput, CreatePaymentRequest } from "../ports/gateway";
import { createManualClock } from "../testing/manual-clock";
import { addMilliseconds, instantToMillis } from "../time/instant";
import { cancel } from "./sandbox-cancel";
import type { SandboxCharge } from "./sandbox-charge";
import { createPayment } from "./sandbox-create-payment";
import { openSandboxLedger, type SandboxLedger } from "./sandbox-ledger";
import { parseSandboxOptions } from "./sandbox-options";
import { settle } from "./sandbox-settle";
import { createSandboxState, type SandboxState } from "./sandbox-state";

const start = "2026-03-10T15:00:00.000Z";
const payer = { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null };
const card: CardInput = {
  type: "raw",
  number: "4111111111111111",
  holder: "MARIA",
  expMonth: 12,
  expYear: 2030,
  cvc: "123",
};
const sale = (idempotencyKey: string, method: "card" | "pix"): CreatePaymentRequest => ({
  idempotencyKey,
  amount: { amount: 10_000, currency: "BRL" },
  method,
  description: "Plano mensal",
  payer,
  ...(method === "card" ? { card } : { expiresInSeconds: 600 }),
});

/** A pending PIX as the ledger records it, settling (expiring) at `expiresAt`. */
const pendingPix = (reference: string, expiresAt: string): SandboxCharge => ({
  reference,
  idempotencyKey: `key_${reference}`,
  method: "pix",
  amount: { amount: 1000, currency: "BRL" },
  description: "Plano",
  status: "pending",
  createdAt: start,
  paidAt: null,
  closedAt: null,
  card: null,
  decline: null,
  action: { type: "pix", qrCodePayload: "000201…", expiresAt },
  requestFingerprint: "pix:1000:BRL",
});
const paidCard = (reference: string): SandboxCharge => ({
  ...pendingPix(reference, start),
  method: "card",
  status: "paid",
  paidAt: start,
  action: null,
});
const settlesAtExpiry = (charge: SandboxCharge) =>
  charge.action?.type === "pix" ? instantToMillis(charge.action.expiresAt) : Number.POSITIVE_INFINITY;
const at = (ms: number) => addMilliseconds(start, ms);

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("the ledger's open-charge index", () => {
  it("holds only the pending charges, however many closed ones the books keep", () => {
    const ledger = openSandboxLedger({ gatewayId: "sandbox", file: null, settlesAt: settlesAtExpiry });
    for (let i = 0; i < 5000; i += 1)
      ledger.append({ kind: "charge", at: start, charge: paidCard(`card_${i}`) });
    ledger.append({ kind: "charge", at: start, charge: pendingPix("pix_a", at(60_000)) });
    ledger.append({ kind: "charge", at: start, charge: pendingPix("pix_b", at(30_000)) });
    expect(ledger.openCharges().map((charge) => charge.reference)).toEqual(["pix_a", "pix_b"]);
    ledger.append({ kind: "charge_status", at: start, reference: "pix_a", status: "canceled" });
    expect(ledger.openCharges().map((charge) => charge.reference)).toEqual(["pix_b"]);
  });

  it("hands out only the charges whose time has come, oldest first, until they are closed", () => {
    const ledger = openSandboxLedger({ gatewayId: "sandbox", file: null, settlesAt: settlesAtExpiry });
    ledger.append({ kind: "charge", at: start, charge: pendingPix("pix_late", at(90_000)) });
    ledger.append({ kind: "charge", at: start, charge: pendingPix("pix_first", at(60_000)) });
    ledger.append({ kind: "charge", at: start, charge: pendingPix("pix_second", at(30_000)) });
    ledger.append({ kind: "charge", at: start, charge: pendingPix("pix_canceled", at(10_000)) });
    ledger.append({ kind: "charge_status", at: start, reference: "pix_canceled", status: "canceled" });
    const now = instantToMillis(at(60_000));
    // Made before pix_second, so handed out before it although it expires later.
    expect(ledger.dueCharges(now).map((charge) => charge.reference)).toEqual(["pix_first", "pix_second"]);
    expect(ledger.dueCharges(now).map((charge) => charge.reference)).toEqual(["pix_first", "pix_second"]);
    ledger.append({ kind: "charge_status", at: start, reference: "pix_first", status: "expired" });
    ledger.append({ kind: "charge_status", at: start, reference: "pix_second", status: "paid" });
    expect(ledger.dueCharges(now)).toEqual([]);
    expect(ledger.dueCharges(instantToMillis(at(90_000))).map((charge) => charge.reference)).toEqual([
      "pix_late",
    ]);
  });

  it("is rebuilt from the ledger file when the sandbox restarts", () => {
    const directory = mkdtempSync(join(tmpdir(), "tessera-ledger-index-"));
    directories.push(directory);
    const file = join(directory, "ledger.jsonl");
    const before = openSandboxLedger({ gatewayId: "sandbox", file, settlesAt: settlesAtExpiry });
    before.append({ kind: "charge", at: start, charge: paidCard("card_1") });
    before.append({ kind: "charge", at: start, charge: pendingPix("pix_a", at(60_000)) });
    before.append({ kind: "charge", at: start, charge: pendingPix("pix_b", at(60_000)) });
    before.append({ kind: "charge_status", at: start, reference: "pix_b", status: "canceled" });
    const after = openSandboxLedger({ gatewayId: "sandbox", file, settlesAt: settlesAtExpiry });
    expect(after.openCharges().map((charge) => charge.reference)).toEqual(["pix_a"]);
    expect(after.dueCharges(instantToMillis(at(60_000))).map((charge) => charge.reference)).toEqual([
      "pix_a",
    ]);
  });
});

/** The state with a ledger that counts what settle reads: charges handed out, and whole-book reads. */
function counting(state: SandboxState) {
  const reads = { charges: 0, wholeBook: 0 };
  const inner: SandboxLedger = state.ledger;
  const one = (charge: SandboxCharge | null) => {
    if (charge !== null) reads.charges += 1;
    return charge;
  };
  const many = <T>(items: T[]) => {
    reads.wholeBook += 1;
    return items;
  };
  const ledger: SandboxLedger = {
    ...inner,
    findCharge: (reference) => one(inner.findCharge(reference)),
    findChargeByKey: (key) => one(inner.findChargeByKey(key)),
    dueCharges(nowMs) {
      const due = inner.dueCharges(nowMs);
      reads.charges += due.length;
      return due;
    },
    openCharges: () => many(inner.openCharges()),
    charges: () => many(inner.charges()),
    refunds: () => many(inner.refunds()),
    entries: () => many(inner.entries()),
  };
  return { state: { ...state, ledger }, reads };
}

describe("settle", () => {
  /** A sandbox that sold `sold` cards, then three PIX that expire unpaid; what settling them reads. */
  async function settleAfter(sold: number) {
    const clock = createManualClock(start);
    const { state, reads } = counting(
      createSandboxState(parseSandboxOptions({ clock, acceptRawCardNumbers: true })),
    );
    for (let i = 0; i < sold; i += 1) await createPayment(state, sale(`pay_card_${i}`, "card"));
    for (const key of ["pay_pix_1", "pay_pix_2", "pay_pix_3", "pay_pix_4"])
      await createPayment(state, sale(key, "pix"));
    await cancel(state, {
      idempotencyKey: "pay_pix_4",
      providerReference: null,
      method: "pix",
      amount: { amount: 10_000, currency: "BRL" },
      createdAt: start,
    });
    expect(state.ledger.openCharges()).toHaveLength(3);
    clock.advance(600_000);
    reads.charges = 0;
    reads.wholeBook = 0;
    settle(state);
    const expired = { ...reads };
    reads.charges = 0;
    settle(state);
    const again = { ...reads };
    return { expired, again, open: state.ledger.openCharges().length };
  }

  it("reads only the charges it settles, as few after 2,000 sales as after 20", async () => {
    const small = await settleAfter(20);
    const large = await settleAfter(2000);
    // Each of the three expiring PIX is handed out once and read back once after its change.
    expect(small.expired).toEqual({ charges: 6, wholeBook: 0 });
    expect(large.expired).toEqual(small.expired);
    expect(large.again).toEqual({ charges: 0, wholeBook: 0 });
    expect(large.open).toBe(0);
  });
});
