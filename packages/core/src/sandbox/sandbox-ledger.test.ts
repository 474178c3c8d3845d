import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import type { CreatePaymentRequest, PaymentResult } from "../ports/gateway";
import { createManualClock } from "../testing/manual-clock";
import { paymentReferenceFor } from "../testing/payment-reference-for";
import { createSandboxGateway } from "./sandbox-gateway";
import { readSandboxLedgerFile } from "./sandbox-ledger";

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function ledgerFile(): string {
  const directory = mkdtempSync(join(tmpdir(), "tessera-ledger-"));
  directories.push(directory);
  return join(directory, "provider-ledger.jsonl");
}

const clock = createManualClock("2026-03-10T15:00:00.000Z");
const request = (idempotencyKey: string, method: "card" | "pix"): CreatePaymentRequest => ({
  idempotencyKey,
  amount: { amount: 10_000, currency: "BRL" },
  method,
  description: "Plano mensal",
  payer: { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null },
});
const card = { number: "4111111111111111", holder: "MARIA", expMonth: 12, expYear: 2030, cvc: "123" };

function referenceOf(result: PaymentResult | null): string {
  if (!result?.providerReference) throw new Error("no provider reference");
  return result.providerReference;
}

describe("the sandbox ledger file", () => {
  it("survives a restart: a new sandbox on the same file knows every payment, refund and stored card", async () => {
    const file = ledgerFile();
    const before = createSandboxGateway({ clock, ledgerFile: file });
    const { token } = await before.sandbox.tokenizeCard(card);
    const charged = await before.createPayment({
      ...request("pay_a", "card"),
      card: { type: "token", token, saveForRenewals: true },
    });
    await before.createPayment(request("pay_b", "pix"));
    await before.refund({
      refundKey: "ref_1",
      providerReference: referenceOf(charged),
      paymentIdempotencyKey: "pay_a",
      amount: { amount: 3000, currency: "BRL" },
    });

    const after = createSandboxGateway({ clock, ledgerFile: file });
    expect(await after.getPayment(paymentReferenceFor({ idempotencyKey: "pay_a" }))).toMatchObject({
      status: "succeeded",
      refundedAmount: { amount: 3000, currency: "BRL" },
    });
    const replay = await after.refund({
      refundKey: "ref_1",
      providerReference: referenceOf(charged),
      paymentIdempotencyKey: "pay_a",
      amount: { amount: 3000, currency: "BRL" },
    });
    expect(replay).toMatchObject({ status: "succeeded" });
    expect(after.sandbox.ledger().refunds).toHaveLength(1);
    expect(referenceOf(await after.createPayment(request("pay_a", "card")))).toBe(referenceOf(charged));
    const reusableToken = charged.status === "succeeded" ? charged.card?.reusableToken : null;
    const renewal = await after.createPayment({
      ...request("pay_c", "card"),
      card: { type: "stored", token: reusableToken ?? "" },
    });
    expect(renewal.status).toBe("succeeded");
    expect(after.sandbox.pay("pay_b").status).toBe("succeeded");
    expect(readSandboxLedgerFile(file).map((entry) => entry.kind)).toEqual([
      "stored_card",
      "charge",
      "charge",
      "refund",
      "charge",
      "charge_status",
    ]);
  });

  it("has the charge on disk when onCharge runs, before createPayment answers", async () => {
    const file = ledgerFile();
    let answered = false;
    const seen: { onDisk: boolean; answered: boolean; status: string }[] = [];
    const gateway = createSandboxGateway({
      clock,
      ledgerFile: file,
      onCharge(record) {
        const onDisk = readSandboxLedgerFile(file).some(
          (entry) => entry.kind === "charge" && entry.charge.reference === record.reference,
        );
        seen.push({ onDisk, answered, status: record.status });
      },
    });
    await gateway.createPayment(request("pay_hook", "pix")).then(() => {
      answered = true;
    });
    expect(seen).toEqual([{ onDisk: true, answered: false, status: "pending" }]);
  });

  it("drops a last line torn by a crash, and cuts it so the next line starts clean", async () => {
    const file = ledgerFile();
    await createSandboxGateway({ clock, ledgerFile: file }).createPayment(request("pay_1", "pix"));
    appendFileSync(file, '{"kind":"charge","at":"2026-03-10T15:00:00.000Z","charge":{"refer');
    const reopened = createSandboxGateway({ clock, ledgerFile: file });
    expect(readFileSync(file, "utf8").endsWith("\n")).toBe(true);
    await reopened.createPayment(request("pay_2", "pix"));
    expect(
      readSandboxLedgerFile(file).map((entry) => entry.kind === "charge" && entry.charge.idempotencyKey),
    ).toEqual(["pay_1", "pay_2"]);
  });

  it("refuses a ledger unreadable in the middle with gateway_configuration", async () => {
    const file = ledgerFile();
    await createSandboxGateway({ clock, ledgerFile: file }).createPayment(request("pay_1", "pix"));
    const lines = readFileSync(file, "utf8");
    writeFileSync(file, `{"kind":"nonsense"}\n${lines}`);
    try {
      createSandboxGateway({ clock, ledgerFile: file });
      throw new Error("expected gateway_configuration");
    } catch (error) {
      expect(isTesseraError(error, "gateway_configuration")).toBe(true);
      expect(String(error)).toMatch(/line 1/);
    }
  });

  it("reads a missing file as an empty ledger", () => {
    expect(readSandboxLedgerFile(join(tmpdir(), "tessera-no-such-ledger.jsonl"))).toEqual([]);
  });
});
