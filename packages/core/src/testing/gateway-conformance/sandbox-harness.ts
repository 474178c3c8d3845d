import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CardInput, Gateway } from "../../ports/gateway";
import { createSandboxGateway, type SandboxGateway } from "../../sandbox/sandbox-gateway";
import { readSandboxLedgerFile } from "../../sandbox/sandbox-ledger";
import type { SandboxGatewayOptions } from "../../sandbox/sandbox-options";
import { type SandboxTestCardName, sandboxTestCards } from "../../sandbox/test-cards";
import { sandboxSignatureHeader, signWebhookPayload } from "../../sandbox/webhook-signature";
import { instantToMillis } from "../../time/instant";
import { createManualClock } from "../manual-clock";
import type { ConformanceDeclineCode, GatewayHarness, ProviderRecords } from "./gateway-harness";

const declineCards: Record<ConformanceDeclineCode, SandboxTestCardName> = {
  insufficient_funds: "insufficientFunds",
  stolen_card: "stolenCard",
  expired_card: "expiredCard",
  do_not_honor: "doNotHonor",
  card_declined: "cardDeclined",
};

/** The provider's books as the ledger file holds them: read from disk, not from the gateway. */
function recordsFromFile(file: string): ProviderRecords {
  const records: ProviderRecords = { charges: [], refunds: [] };
  const paid = new Set<string>();
  for (const entry of readSandboxLedgerFile(file)) {
    if (entry.kind === "charge") {
      const { reference, idempotencyKey, method, amount, status } = entry.charge;
      if (status === "paid") paid.add(reference);
      records.charges.push({
        idempotencyKey,
        providerReference: reference,
        method,
        amount,
        collected: amount,
      });
    }
    if (entry.kind === "charge_status" && entry.status === "paid") paid.add(entry.reference);
    if (entry.kind === "refund") {
      const { chargeReference, refundKey, amount } = entry.refund;
      records.refunds.push({ providerReference: chargeReference, refundKey, amount });
    }
    // A refund that failed gave nothing back: the books no longer count it.
    if (entry.kind === "refund_status" && entry.status === "failed") {
      const { chargeReference, refundKey } = entry;
      records.refunds = records.refunds.filter(
        (refund) => !(refund.providerReference === chargeReference && refund.refundKey === refundKey),
      );
    }
  }
  for (const charge of records.charges) {
    if (!paid.has(charge.providerReference)) charge.collected = { ...charge.amount, amount: 0 };
  }
  return records;
}

/**
 * The sandbox as the gateway conformance suite sees it: a fresh gateway on a manual clock
 * with its ledger in a temporary file, and provider records read back from that file —
 * never from the gateway's answers. Test support, not part of `@tessera/core/testing`'s
 * exports; it lives here, not in `sandbox/`, because testing depends on the sandbox and
 * never the other way round.
 */
export async function createSandboxHarness(
  options: { wrap?: (gateway: SandboxGateway) => Gateway; sandbox?: SandboxGatewayOptions } = {},
): Promise<GatewayHarness & { sandboxGateway: SandboxGateway }> {
  const directory = mkdtempSync(join(tmpdir(), "tessera-sandbox-"));
  const ledgerFile = join(directory, "ledger.jsonl");
  const clock = createManualClock("2026-03-10T15:00:00.000Z");
  const secret = "whsec_conformance_0123456789abcdef";
  const gateway = createSandboxGateway({ ...options.sandbox, clock, webhookSecret: secret, ledgerFile });
  const card = async (name: SandboxTestCardName): Promise<CardInput> => {
    const { number } = sandboxTestCards[name];
    const tokenized = await gateway.sandbox.tokenizeCard({
      number,
      holder: "MARIA DA SILVA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    return { type: "token", token: tokenized.token };
  };
  const nowSeconds = () => Math.floor(instantToMillis(clock.now()) / 1000);
  return {
    gateway: options.wrap ? options.wrap(gateway) : gateway,
    sandboxGateway: gateway,
    clock,
    cards: {
      approved: () => card("approvedVisa"),
      declined: (code) => card(declineCards[code]),
      timeout: (kind) => card(kind === "after_charge" ? "timeoutAfterCharge" : "timeoutBeforeReceipt"),
      async tokenizeThroughSession(session) {
        // The page posts the fields itself (no script): build the body from the session's names.
        const { fields } = session;
        if (!("month" in fields.expiry)) throw new Error("the sandbox's form has month and year apart");
        const body: Record<string, string | number> = {
          [fields.holder]: "MARIA DA SILVA",
          [fields.number]: sandboxTestCards.approvedVisa.number,
          [fields.expiry.month]: 12,
          [fields.expiry.year]: 2030,
          [fields.cvc]: "123",
        };
        if (fields.accessToken !== null) body[fields.accessToken] = session.accessToken;
        const response = await gateway.sandbox.handleTokenizationRequest(
          new Request(new URL(session.postUrl, "https://studio.example"), {
            method: "POST",
            headers: { "content-type": "application/json", origin: "https://studio.example" },
            body: JSON.stringify(body),
          }),
        );
        const answer = (await response.json()) as {
          token?: string;
          brand?: string;
          error?: { code: string };
        };
        if (response.status !== 201 || answer.token === undefined)
          return { refused: answer.error?.code ?? `HTTP ${response.status}` };
        return {
          card: { type: "token", token: answer.token, ...(answer.brand ? { brand: answer.brand } : {}) },
        };
      },
    },
    advanceClock: async (ms) => void clock.advance(ms),
    payPending: async (providerReference) => void gateway.sandbox.pay(providerReference),
    deliveredNotifications: async () => gateway.sandbox.takeNotifications(),
    async forge(notification, forgery) {
      const { [sandboxSignatureHeader]: _signature, ...unsigned } = notification.headers;
      const signed = (key: string, at: number, rawBody: string) => ({
        rawBody,
        headers: { ...unsigned, [sandboxSignatureHeader]: signWebhookPayload(key, at, rawBody) },
      });
      const body = JSON.parse(notification.rawBody);
      switch (forgery) {
        case "bad_signature":
          return signed("whsec_someone_else_0123456789abcdef", nowSeconds(), notification.rawBody);
        case "missing_signature":
          return { headers: unsigned, rawBody: notification.rawBody };
        case "tampered_body":
          body.data.charge.amount.amount += 1;
          return { headers: notification.headers, rawBody: JSON.stringify(body) };
        case "stale_timestamp":
          return signed(secret, nowSeconds() - 600, notification.rawBody);
      }
    },
    providerRecords: async () => recordsFromFile(ledgerFile),
    close: async () => rmSync(directory, { recursive: true, force: true }),
  };
}
