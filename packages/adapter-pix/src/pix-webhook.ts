import type { Clock, GatewayEvent, WebhookInput, WebhookParseResult } from "@tessera/core";
import { parsePixCallback } from "@tessera/pix-api";
import type { PixChargeLookup } from "./pix-gateway";
import { refundNewsOf } from "./pix-refunds";

/**
 * The PSP's callbacks (`POST {webhookUrl}/pix`, API Pix `listaPix`). They carry no signature:
 * the PSP proves itself by its client certificate, which the listener or proxy verified below
 * (`verifiedClientCertificate`; core also checks its issuer). Their content proves nothing,
 * so each Pix is confirmed by looking its charge up: only a Pix the PSP itself lists under
 * that txid becomes an event, and the event says what the lookup says — a forged or
 * tampered body changes nothing. Pix without a txid (static BR Codes, someone else's
 * charges) are no news of ours.
 *
 * Event ids: `pix:<endToEndId>` for a payment; `devolucao:<endToEndId>:<id>:<status>` for
 * each step of a refund, so a repeated callback is dropped by the inbox and a refund's
 * later status is news again.
 */
export function createPixWebhookParser(deps: { charges: PixChargeLookup; clock: Clock }) {
  const { charges, clock } = deps;
  return async function parseWebhook(input: WebhookInput): Promise<WebhookParseResult> {
    if (input.verifiedClientCertificate === undefined) {
      return {
        authentic: false,
        reason: "no verified client certificate: API Pix callbacks come over mutual TLS",
      };
    }
    const callback = parsePixCallback(input.rawBody);
    if (!callback.ok) return { authentic: false, reason: callback.reason };
    const events: GatewayEvent[] = [];
    for (const said of callback.pix) {
      if (said.txid === undefined || said.txid === "") continue;
      // A PSP that cannot be asked now throws: the inbox keeps the body and asks again later.
      const charge = await charges.find(said.txid);
      const pix = charge?.pix.find((paid) => paid.endToEndId === said.endToEndId);
      if (charge === null || charge === undefined || pix === undefined) continue;
      const payment = charges.result(charge);
      const base = { payment, idempotencyKey: charge.txid };
      const refunds = said.devolucoes ?? [];
      if (refunds.length === 0) {
        events.push({ ...base, providerEventId: `pix:${pix.endToEndId}`, occurredAt: pix.paidAt });
        continue;
      }
      for (const told of refunds) {
        const refund = pix.refunds.find((made) => made.id === told.id);
        if (refund === undefined) continue;
        events.push({
          ...base,
          providerEventId: `devolucao:${pix.endToEndId}:${refund.id}:${refund.status}`,
          occurredAt: clock.now(),
          refund: refundNewsOf(refund),
        });
      }
    }
    return { authentic: true, events };
  };
}
