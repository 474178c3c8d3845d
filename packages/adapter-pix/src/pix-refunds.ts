import {
  gatewayError,
  type RefundNews,
  type RefundReference,
  type RefundRequest,
  type RefundResult,
} from "@tessera/core";
import {
  type Devolucao,
  isDevolucaoId,
  type PixApiClient,
  PixTransportError,
  pixValor,
} from "@tessera/pix-api";
import { refundStatusOf } from "./mapping";
import type { PixChargeLookup } from "./pix-gateway";

/** A devolução's reference at the PSP: its return's end-to-end id (`rtrId`) once it has one, else our id. */
export function devolucaoReference(devolucao: { id: string; rtrId?: string | null }): string {
  return devolucao.rtrId ?? devolucao.id;
}

/** A devolução as core's refund result. */
export function refundResultOf(devolucao: Devolucao): RefundResult {
  const status = refundStatusOf(devolucao.status);
  const providerRefundReference = devolucaoReference(devolucao);
  if (status === "failed") {
    return {
      status,
      providerRefundReference,
      rawStatus: devolucao.status,
      message: devolucao.motivo ?? "The PSP did not make the refund (NAO_REALIZADO).",
    };
  }
  return { status, providerRefundReference, rawStatus: devolucao.status };
}

/** A devolução as refund news for a notification. */
export function refundNewsOf(devolucao: {
  id: string;
  rtrId: string | null;
  amount: RefundNews["amount"];
  status: Devolucao["status"];
}): RefundNews {
  return {
    refundKey: devolucao.id,
    providerRefundReference: devolucaoReference(devolucao),
    status: refundStatusOf(devolucao.status),
    amount: devolucao.amount,
    rawStatus: devolucao.status,
  };
}

/**
 * Devoluções (API Pix `PUT /pix/{e2eid}/devolucao/{id}`), keyed by our refund key: the PSP
 * refuses an id it has seen even with the same body, so a refund is looked up before it is
 * sent, and a lost answer is found again by the same id. A refund is of the Pix that paid
 * the charge, found by looking the charge up.
 */
export function createPixRefunds(deps: {
  client: PixApiClient;
  charges: PixChargeLookup;
  gatewayId: string;
}) {
  const { client, charges, gatewayId } = deps;

  /** The end-to-end id of the Pix that paid the charge with this txid, or null when none did. */
  async function paidPixOf(txid: string): Promise<string | null> {
    const charge = await charges.find(txid);
    return charge?.pix[0]?.endToEndId ?? null;
  }

  function checkKey(refundKey: string) {
    if (!isDevolucaoId(refundKey)) {
      throw gatewayError(
        gatewayId,
        "gateway_invalid_request",
        "An API Pix devolução id has 1 to 35 letters and digits.",
        { details: { issues: [{ path: ["refundKey"], code: "invalid", message: "not a devolução id" }] } },
      );
    }
  }

  return {
    async refund(request: RefundRequest): Promise<RefundResult> {
      checkKey(request.refundKey);
      try {
        const endToEndId = await paidPixOf(request.providerReference);
        if (endToEndId === null) {
          throw gatewayError(
            gatewayId,
            "gateway_invalid_request",
            "No Pix paid this charge: there is nothing to refund.",
            {
              details: {
                issues: [{ path: ["providerReference"], code: "not_paid", message: "no Pix paid it" }],
              },
            },
          );
        }
        const sent = await client.getDevolucao(endToEndId, request.refundKey);
        if (sent !== null) return refundResultOf(sent);
        // The PSP refuses what it cannot refund (more than is left, past 90 days) with a
        // problem (`PixDevolucaoInvalida`): a gateway_invalid_request with its reason, not a
        // refund that failed — nothing was made, and core checks those bounds before.
        return refundResultOf(
          await client.putDevolucao(endToEndId, request.refundKey, { valor: pixValor(request.amount) }),
        );
      } catch (error) {
        if (error instanceof PixTransportError) return { status: "unknown", reason: error.message };
        throw error;
      }
    },

    async getRefund(reference: RefundReference): Promise<RefundResult | null> {
      if (!isDevolucaoId(reference.refundKey)) return null;
      try {
        const endToEndId = await paidPixOf(
          reference.payment.providerReference ?? reference.payment.idempotencyKey,
        );
        if (endToEndId === null) return null;
        const devolucao = await client.getDevolucao(endToEndId, reference.refundKey);
        return devolucao === null ? null : refundResultOf(devolucao);
      } catch (error) {
        if (error instanceof PixTransportError) return { status: "unknown", reason: error.message };
        throw error;
      }
    },
  };
}
