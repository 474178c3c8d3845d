import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Money } from "../../money/money";
import type { CardInput, Gateway } from "../../ports/gateway";
import { createSandboxGateway, type SandboxGateway } from "../../sandbox/sandbox-gateway";
import { readSandboxLedgerFile } from "../../sandbox/sandbox-ledger";
import type { SandboxGatewayOptions } from "../../sandbox/sandbox-options";
import { type SandboxTestCardName, sandboxTestCards } from "../../sandbox/test-cards";
import { sandboxSignatureHeader, signWebhookPayload } from "../../sandbox/webhook-signature";
import { instantToMillis } from "../../time/instant";
import { createManualClock } from "../manual-clock";
import type {
  ConformanceDeclineCode,
  GatewayHarness,
  ProviderRecords,
  ProviderRefundRecord,
} from "./gateway-harness";

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
  // What a capture took of an authorization: that, not the amount held, is collected.
  const captured = new Map<string, Money>();
  for (const entry of readSandboxLedgerFile(file)) {
    if (entry.kind === "charge") {
      const { reference, idempotencyKey, method, amount, status, recurrence } = entry.charge;
      if (status === "paid") paid.add(reference);
      records.charges.push({
        idempotencyKey,
        providerReference: reference,
        method,
        amount,
        collected: amount,
        recurrenceReference: recurrence?.reference ?? null,
      });
    }
    if (entry.kind === "charge_status" && entry.status === "paid") paid.add(entry.reference);
    if (entry.kind === "charge_capture") captured.set(entry.reference, entry.amount);
    // A refund refused at once gave nothing back: the books never count it.
    if (entry.kind === "refund" && entry.refund.status !== "failed") {
      const { chargeReference, refundKey, amount, status } = entry.refund;
      records.refunds.push({ providerReference: chargeReference, refundKey, amount, status });
    }
    if (entry.kind === "refund_status") {
      const { chargeReference, refundKey, status } = entry;
      const same = (refund: ProviderRefundRecord) =>
        refund.providerReference === chargeReference && refund.refundKey === refundKey;
      // One that failed later gave nothing back either: the books no longer count it.
      records.refunds =
        status === "failed"
          ? records.refunds.filter((refund) => !same(refund))
          : records.refunds.map((refund) => (same(refund) ? { ...refund, status } : refund));
    }
  }
  for (const charge of records.charges) {
    const capture = captured.get(charge.providerReference);
    if (capture !== undefined) charge.collected = capture;
    else if (!paid.has(charge.providerReference)) charge.collected = { ...charge.amount, amount: 0 };
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
  const lapseDays = options.sandbox?.authorizationLapseDays ?? 7;
  const settings = {
    ...options.sandbox,
    clock,
    webhookSecret: secret,
    ledgerFile,
    authorizationLapseDays: lapseDays,
  };
  const gateway = createSandboxGateway(settings);
  const wrap = options.wrap ?? ((sandbox: SandboxGateway): Gateway => sandbox);
  const issueDelayMs = options.sandbox?.boletoIssueDelayMs;
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
    gateway: wrap(gateway),
    sandboxGateway: gateway,
    clock,
    cards: {
      approved: () => card("approvedVisa"),
      declined: (code) => card(declineCards[code]),
      timeout: (kind) => card(kind === "after_charge" ? "timeoutAfterCharge" : "timeoutBeforeReceipt"),
      recurrentDeclines: () => card("recurrentDeclines"),
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
    // The provider lives through the time that passed (its recurrent charges are made), as a real one would.
    advanceClock: async (ms) => {
      clock.advance(ms);
      gateway.sandbox.tick();
    },
    payPending: async (providerReference) => void gateway.sandbox.pay(providerReference),
    // Issued asynchronously only when the sandbox was told to (`boletoIssueDelayMs`): its line is ready once that time passed.
    ...(issueDelayMs === undefined ? {} : { issueProcessing: async () => void clock.advance(issueDelayMs) }),
    lapseAuthorizations: async () => void clock.advance((lapseDays + 1) * 86_400_000),
    deliveredNotifications: async () => gateway.sandbox.takeNotifications(),
    payPendingTogether: async (references) => void gateway.sandbox.payTogether(references),
    chargeOutsideUs: async () => void gateway.sandbox.chargeOutside(),
    // No OAuth in the sandbox: expireAccessToken and tokenRequests are left out.
    faults: {
      async timeoutNextCreate(method, kind) {
        gateway.sandbox.injectFault({ kind: "timeout", method, when: kind });
        return true;
      },
      rateLimitNext: async () => gateway.sandbox.injectFault({ kind: "rate_limited", retryAfterSeconds: 30 }),
      // A second gateway on the same books, whose key the provider refuses.
      withWrongCredentials: async () => wrap(createSandboxGateway({ ...settings, refuseCredentials: true })),
    },
    refuseNextRefund: async () => gateway.sandbox.answerNextRefund("failed"),
    holdNextRefund: async () => gateway.sandbox.answerNextRefund("pending"),
    settleRefund: async ({ providerRefundReference }, status) =>
      void gateway.sandbox.settleRefund(providerRefundReference, status),
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
          // A batch (`payTogether`) carries its events under `events`.
          (body.events?.[0] ?? body).data.charge.amount.amount += 1;
          return { headers: notification.headers, rawBody: JSON.stringify(body) };
        case "stale_timestamp":
          return signed(secret, nowSeconds() - 600, notification.rawBody);
      }
    },
    providerRecords: async () => recordsFromFile(ledgerFile),
    close: async () => rmSync(directory, { recursive: true, force: true }),
  };
}
