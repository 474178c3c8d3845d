import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import type { CreatePaymentRequest } from "../ports/gateway";
import { createManualClock } from "../testing/manual-clock";
import { paymentReferenceFor } from "../testing/payment-reference-for";
import { createSandboxGateway } from "./sandbox-gateway";
import type { SandboxGatewayOptions } from "./sandbox-options";
import { sandboxTestCards } from "./test-cards";

const brl = (amount: number) => ({ amount, currency: "BRL" });
const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function setup(options: SandboxGatewayOptions = {}) {
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const gateway = createSandboxGateway({ clock, webhookSecret: "whsec_unit_0123456789abcdef", ...options });
  let keys = 0;
  const authorize = async (): Promise<{ request: CreatePaymentRequest; reference: string }> => {
    keys += 1;
    const { token } = await gateway.sandbox.tokenizeCard({
      number: sandboxTestCards.approvedVisa.number,
      holder: "MARIA DA SILVA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    const request: CreatePaymentRequest = {
      idempotencyKey: `pay_capture_${keys}`,
      amount: brl(10_000),
      method: "card",
      description: "Plano anual",
      payer: {
        name: "Maria da Silva",
        email: "maria@example.com",
        phone: null,
        document: null,
        address: null,
      },
      card: { type: "token", token },
      capture: false,
    };
    const result = await gateway.createPayment(request);
    expect(result.status).toBe("authorized");
    return { request, reference: result.providerReference as string };
  };
  const lookup = (reference: string) => paymentReferenceFor({ providerReference: reference });
  return { clock, gateway, authorize, lookup };
}

describe("sandbox capture", () => {
  it("holds an authorize-only card without collecting or notifying, and captures it in full", async () => {
    const { gateway, authorize, lookup } = setup();
    const { reference } = await authorize();
    expect(gateway.sandbox.ledger().charges[0]).toMatchObject({ status: "authorized", paidAt: null });
    expect(gateway.sandbox.takeNotifications()).toEqual([]);

    const captured = await gateway.capture(lookup(reference));
    expect(captured).toMatchObject({ status: "succeeded", amount: brl(10_000), rawStatus: "paid" });
    expect(gateway.sandbox.takeNotifications().map((notification) => notification.type)).toEqual([
      "payment.paid",
    ]);
    // Captured once: a second capture answers the payment as it stands.
    expect((await gateway.capture(lookup(reference))).status).toBe("succeeded");
  });

  it("captures part, and then refunds no more than what was captured", async () => {
    const { gateway, authorize, lookup } = setup();
    const { request, reference } = await authorize();
    expect(await gateway.capture(lookup(reference), brl(6_000))).toMatchObject({
      status: "succeeded",
      amount: brl(6_000),
    });
    const overRefund = gateway.refund({
      refundKey: "ref_1",
      providerReference: reference,
      paymentIdempotencyKey: request.idempotencyKey,
      amount: brl(6_001),
    });
    await expect(overRefund).rejects.toSatisfy((error) => isTesseraError(error, "gateway_invalid_request"));
  });

  it("refuses a capture over the authorized amount, in another currency, and of a PIX", async () => {
    const { gateway, authorize, lookup } = setup();
    const { reference } = await authorize();
    for (const amount of [brl(10_001), { amount: 100, currency: "USD" }, brl(0)]) {
      await expect(gateway.capture(lookup(reference), amount)).rejects.toSatisfy((error) =>
        isTesseraError(error, "gateway_invalid_request"),
      );
    }
    const pix = await gateway.createPayment({
      idempotencyKey: "pay_pix_1",
      amount: brl(1_000),
      method: "pix",
      description: "Aula avulsa",
      payer: { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null },
    });
    await expect(gateway.capture(lookup(pix.providerReference as string))).rejects.toSatisfy((error) =>
      isTesseraError(error, "gateway_invalid_request"),
    );
    expect(gateway.sandbox.ledger().charges[0]?.status, "the authorization is untouched").toBe("authorized");
  });

  it("lets an authorization lapse after authorizationLapseDays on the clock, and answers a capture then as it stands", async () => {
    const { clock, gateway, authorize, lookup } = setup({ authorizationLapseDays: 5 });
    const { reference } = await authorize();
    clock.advance(5 * 86_400_000 - 1);
    expect((await gateway.getPayment(lookup(reference)))?.status).toBe("authorized");
    clock.advance(1);
    expect(await gateway.capture(lookup(reference))).toMatchObject({ status: "canceled", reason: "expired" });
    expect(gateway.sandbox.takeNotifications().map((notification) => notification.type)).toEqual([
      "payment.expired",
    ]);
  });

  it("voids an authorization on cancel", async () => {
    const { gateway, authorize, lookup } = setup();
    const { reference } = await authorize();
    expect(await gateway.cancel(lookup(reference))).toMatchObject({ status: "canceled", reason: "by_us" });
  });

  it("keeps the captured amount in the ledger file across a restart", async () => {
    const directory = mkdtempSync(join(tmpdir(), "tessera-capture-"));
    directories.push(directory);
    const ledgerFile = join(directory, "ledger.jsonl");
    const { clock, gateway, authorize, lookup } = setup({ ledgerFile });
    const { reference } = await authorize();
    await gateway.capture(lookup(reference), brl(2_500));
    const reopened = createSandboxGateway({
      clock,
      webhookSecret: "whsec_unit_0123456789abcdef",
      ledgerFile,
    });
    expect(await reopened.getPayment(lookup(reference))).toMatchObject({
      status: "succeeded",
      amount: brl(2_500),
    });
  });

  it("refuses capture: false for anything but a card", async () => {
    const { gateway } = setup();
    const request: CreatePaymentRequest = {
      idempotencyKey: "pay_pix_hold",
      amount: brl(1_000),
      method: "pix",
      description: "Aula avulsa",
      payer: { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null },
      capture: false,
    };
    await expect(gateway.createPayment(request)).rejects.toSatisfy((error) =>
      isTesseraError(error, "gateway_invalid_request"),
    );
  });
});
