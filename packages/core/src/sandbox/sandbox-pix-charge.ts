import type { PayerAction } from "../payments/payer-action";
import { dynamicPixBrCode } from "../pix/brcode";
import type { CreatePaymentRequest, PaymentResult } from "../ports/gateway";
import { addMilliseconds } from "../time/instant";
import { paymentResultOf } from "./sandbox-lookup";
import { newCharge, recordCharge } from "./sandbox-record-charge";
import { newSandboxReference } from "./sandbox-reference";
import { invalidRequest, type SandboxState } from "./sandbox-state";

/**
 * A PIX payment: pending, with a dynamic BR Code whose location is the sandbox's own, until
 * the payer pays (`sandbox.pay`, or `autoPayAfterMs`) or it expires after
 * `expiresInSeconds` (`pixExpiresInSeconds` when the request gives none).
 */
export function chargePix(state: SandboxState, request: CreatePaymentRequest): PaymentResult {
  const seconds = request.expiresInSeconds ?? state.options.pixExpiresInSeconds;
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw invalidRequest(state, "`expiresInSeconds` must be a positive whole number.", {
      field: "expiresInSeconds",
    });
  }
  const action: PayerAction = {
    type: "pix",
    qrCodePayload: dynamicPixBrCode({
      location: `${state.options.pixLocationHost}/qr/v2/${newSandboxReference("cob")}`,
      merchantName: state.options.pixMerchantName,
      merchantCity: state.options.pixMerchantCity,
    }),
    expiresAt: addMilliseconds(state.clock.now(), seconds * 1000),
  };
  const charge = newCharge(state, request, {
    status: "pending",
    paidAt: null,
    card: null,
    decline: null,
    action,
  });
  recordCharge(state, charge);
  return paymentResultOf(state, charge);
}
