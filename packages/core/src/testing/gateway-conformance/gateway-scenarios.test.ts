import { describe, expect, it } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { Money } from "../../money/money";
import {
  defaultRecurrenceRules,
  type Gateway,
  type GatewayCapabilities,
  type PaymentResult,
} from "../../ports/gateway";
import type { SandboxGateway } from "../../sandbox/sandbox-gateway";
import { sandboxNotificationEvent } from "../../sandbox/sandbox-notification";
import type { SandboxGatewayOptions } from "../../sandbox/sandbox-options";
import { paymentReferenceFor } from "../payment-reference-for";
import { type GatewayScenarioId, gatewayScenarios } from "./gateway-scenarios";
import { runGatewayConformance } from "./run-gateway-conformance";
import { createSandboxHarness } from "./sandbox-harness";
import { defaultConformancePayer, scenarioContext } from "./scenario-kit";

/** Runs one scenario against the sandbox, optionally broken by `wrap`; a skip rejects with its reason. */
async function runScenario(
  id: GatewayScenarioId,
  wrap?: (gateway: SandboxGateway) => Gateway,
  sandbox?: SandboxGatewayOptions,
): Promise<void> {
  const harness = await createSandboxHarness({ ...(wrap ? { wrap } : {}), ...(sandbox ? { sandbox } : {}) });
  try {
    await gatewayScenarios[id].run(
      scenarioContext(harness, defaultConformancePayer, (reason) => {
        throw new Error(`skipped: ${reason}`);
      }),
    );
  } finally {
    await harness.close?.();
  }
}

/** The sandbox declaring otherwise than it does: `capabilities` patched, the rest as it is. */
function declaring(capabilities: Partial<GatewayCapabilities>) {
  return (gateway: SandboxGateway): Gateway => ({
    ...gateway,
    capabilities: { ...gateway.capabilities, ...capabilities },
  });
}

/** A decline a broken gateway makes up for what was not one. */
function declinedAs(amount: Money, rawStatus: string): PaymentResult {
  return {
    status: "declined",
    providerReference: "made-up",
    rawStatus,
    declineCode: "processing_error",
    message: "Declined.",
    amount,
    refundedAmount: { amount: 0, currency: amount.currency },
  };
}

// The suite is only worth running if it fails for the gateways it exists to catch.
describe("the gateway conformance scenarios", () => {
  it("pass against the sandbox as it is", async () => {
    await expect(runScenario("refusesOverRefund")).resolves.toBeUndefined();
  });

  it("catch a gateway that reports a lost answer as a decline", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async createPayment(request) {
        const result = await gateway.createPayment(request);
        if (result.status !== "unknown") return result;
        return {
          status: "declined",
          providerReference: "x",
          rawStatus: "timeout",
          declineCode: "processing_error",
          message: "Timed out.",
          amount: request.amount,
          refundedAmount: { amount: 0, currency: "BRL" },
        };
      },
    });
    await expect(runScenario("recoversTimeoutAfterCharge", wrap)).rejects.toThrow(/unknown/);
  });

  it("catch a gateway whose declared boleto minimum is not what it enforces", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: {
        ...gateway.capabilities,
        methodRules: {
          boleto: { payer: { document: true, address: true, phone: false }, minAmount: 100, maxAmount: null },
        },
      },
    });
    // The request at the declared minimum (R$ 1,00) is refused: the rule declared is not the real one.
    await expect(runScenario("refusesBelowDeclaredMinimum", wrap)).rejects.toThrow(/at least R\$ 2,50/);
  });

  it("catch a gateway that throws when asked to cancel a payment already paid", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async cancel(reference) {
        const found = await gateway.getPayment(reference);
        if (found?.status === "succeeded") throw new Error("cannot cancel a paid payment");
        return gateway.cancel(reference);
      },
    });
    await expect(runScenario("answersCancelOfPaidPaymentAsItStands", wrap)).rejects.toThrow(/cannot cancel/);
  });

  it("catch a gateway that throws on a decline instead of returning it", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async createPayment(request) {
        const result = await gateway.createPayment(request);
        if (result.status === "declined") throw new Error("declined");
        return result;
      },
    });
    await expect(runScenario("declinesStolenCard", wrap)).rejects.toThrow("declined");
  });

  it("catch a gateway that answers an over-refund with success", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async refund(request) {
        try {
          return await gateway.refund(request);
        } catch (error) {
          if (!isTesseraError(error, "gateway_invalid_request")) throw error;
          return { status: "succeeded", providerRefundReference: "made-up", rawStatus: "ok" };
        }
      },
    });
    await expect(runScenario("refusesOverRefund", wrap)).rejects.toThrow(/over what is left/);
  });

  it("catch a gateway that refunds a replayed refund key twice", async () => {
    let sent = 0;
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      refund(request) {
        sent += 1;
        return gateway.refund({ ...request, refundKey: `${request.refundKey}r${sent}` });
      },
    });
    await expect(runScenario("replayedRefundKeyRefundsOnce", wrap)).rejects.toThrow(
      /refunded once|same refund/,
    );
  });

  it("catch a gateway that refunds part of a payment it declares refunded only whole", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: {
        ...gateway.capabilities,
        refunds: {
          ...gateway.capabilities.refunds,
          card: { partial: false, windowDays: 360, keyedByUs: false },
        },
      },
    });
    await expect(runScenario("refusesPartialWhereNotPartial", wrap)).rejects.toThrow(
      /partial refund of a card payment, declared refunded only whole/,
    );
  });

  it("pass a sandbox that refunds cards only whole, as it declares", async () => {
    const refundRules = { card: { partial: false, windowDays: 360, keyedByUs: false } };
    await expect(
      runScenario("refusesPartialWhereNotPartial", undefined, { refundRules }),
    ).resolves.toBeUndefined();
  });

  it("catch a gateway that declares a longer refund window than it keeps", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: {
        ...gateway.capabilities,
        refunds: {
          ...gateway.capabilities.refunds,
          card: { partial: true, windowDays: 400, keyedByUs: false },
        },
      },
    });
    // A day inside the declared 400 days is 39 days past the 360 the sandbox keeps.
    await expect(runScenario("refusesRefundAfterWindow", wrap)).rejects.toThrow(/within 360 days/);
  });

  it("catch a gateway whose getRefund loses the refunds it made", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({ ...gateway, getRefund: async () => null });
    await expect(runScenario("findsRefundAfterLostAnswer", wrap)).rejects.toThrow(/finds the refund it made/);
  });

  it("catch a gateway whose getRefund reports a pending refund succeeded", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async getRefund(reference) {
        const found = await gateway.getRefund(reference);
        return found?.status === "pending" ? { ...found, status: "succeeded" } : found;
      },
    });
    await expect(runScenario("settlesPendingRefund", wrap)).rejects.toThrow(
      /to match object { status: 'pending'/,
    );
  });

  it("catch a gateway that answers a refund the provider refused as succeeded", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async refund(request) {
        const answer = await gateway.refund(request);
        if (answer.status !== "failed") return answer;
        return { status: "succeeded", providerRefundReference: "made-up", rawStatus: "ok" };
      },
    });
    await expect(runScenario("refusedRefundEndsFailed", wrap)).rejects.toThrow(/answers failed/);
  });

  it("catch a gateway that believes any notification", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const event = sandboxNotificationEvent(input.rawBody);
        return event === null
          ? { authentic: false, reason: "unreadable" }
          : { authentic: true, events: [event] };
      },
    });
    await expect(runScenario("rejectsTamperedBody", wrap)).rejects.toThrow(/accepted without lookup/);
  });

  it("catch a client-certificate CA declared without mutual TLS, or named by what is not a CA's name", async () => {
    const trusting =
      (authentication: "hmac_signature" | "mutual_tls", issuer: { name: string; pem: string | null }) =>
      (gateway: SandboxGateway): Gateway => ({
        ...gateway,
        capabilities: {
          ...gateway.capabilities,
          webhooks: {
            ...gateway.capabilities.webhooks!,
            authentication,
            confirmsByLookup: true,
            trustedClientCertificateIssuers: [issuer],
          },
        },
      });
    const inter = "CN=Inter Webhook CA,O=Banco Inter,C=BR";
    await expect(
      runScenario("declaresConsistentCapabilities", trusting("hmac_signature", { name: inter, pem: null })),
    ).rejects.toThrow(/no client-certificate CA to trust for hmac_signature/);
    await expect(
      runScenario("declaresConsistentCapabilities", trusting("mutual_tls", { name: "Inter CA", pem: null })),
    ).rejects.toThrow(/is a distinguished name/);
    await expect(
      runScenario(
        "declaresConsistentCapabilities",
        trusting("mutual_tls", { name: inter, pem: "not a PEM" }),
      ),
    ).rejects.toThrow(/is a CA certificate/);
    await expect(
      runScenario("declaresConsistentCapabilities", trusting("mutual_tls", { name: inter, pem: null })),
    ).resolves.toBeUndefined();
  });

  it("catch a cancel method the capabilities do not declare", async () => {
    const wrap = declaring({ cancel: false });
    await expect(runScenario("cancelExistsExactlyWhenDeclared", wrap)).rejects.toThrow();
  });

  it("catch a gateway that takes raw card numbers without declaring it", async () => {
    const wrap = declaring({ acceptsRawCard: false });
    await expect(
      runScenario("refusesRawCardWithoutCapability", wrap, { acceptRawCardNumbers: true }),
    ).rejects.toThrow(/raw card number/);
  });

  it("catch a gateway whose tokenization access token outlives the expiry it declares", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async cardTokenizationSession(request) {
        const session = await gateway.cardTokenizationSession(request);
        // Declares one minute; the provider behind it keeps the token live for twenty.
        const declared = new Date(new Date(session.expiresAt).getTime() - 19 * 60_000).toISOString();
        return { ...session, expiresAt: declared };
      },
    });
    await expect(runScenario("refusesExpiredTokenizationAccessToken", wrap)).rejects.toThrow(
      /refuses an expired access token/,
    );
  });

  it("catch a cardTokenizationSession the capabilities do not declare", async () => {
    const wrap = declaring({ cardTokenization: "none" });
    await expect(runScenario("tokenizationSessionExistsExactlyWhenDeclared", wrap)).rejects.toThrow();
  });

  // Provider faults, timeouts, notifications as they arrive, capture.
  it("catch a gateway that reports a rate limit as a decline", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async createPayment(request) {
        try {
          return await gateway.createPayment(request);
        } catch (error) {
          if (!isTesseraError(error, "gateway_unavailable")) throw error;
          return declinedAs(request.amount, "429");
        }
      },
    });
    await expect(runScenario("reportsRateLimitAsUnavailable", wrap)).rejects.toThrow(
      /expected gateway_unavailable, got .*"declined"/,
    );
  });

  it("catch a gateway that reports a PIX timeout as declined", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async createPayment(request) {
        const result = await gateway.createPayment(request);
        return result.status === "unknown" && request.method === "pix"
          ? declinedAs(request.amount, "timeout")
          : result;
      },
    });
    await expect(runScenario("pixTimeoutAfterChargeIsFound", wrap)).rejects.toThrow(/never declined/);
    await expect(runScenario("pixTimeoutBeforeReceiptFindsNothing", wrap)).rejects.toThrow(/never declined/);
  });

  it("catch a gateway that reports an authorization as succeeded", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async createPayment(request) {
        const result = await gateway.createPayment(request);
        return result.status === "authorized" ? { ...result, status: "succeeded", paidAt: null } : result;
      },
    });
    await expect(runScenario("authorizeOnlyCollectsNothing", wrap)).rejects.toThrow(/never succeeded/);
  });

  it("catch a gateway whose lookup answers null when the provider refuses its credentials", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async getPayment(reference) {
        try {
          return await gateway.getPayment(reference);
        } catch (error) {
          if (isTesseraError(error, "gateway_authentication")) return null;
          throw error;
        }
      },
    });
    await expect(runScenario("reportsRefusedCredentialsAsAuthenticationError", wrap)).rejects.toThrow(
      /a lookup with refused credentials: expected gateway_authentication, got null/,
    );
  });

  it("catch a gateway that captures the whole authorization when asked for more", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async capture(reference, amount) {
        try {
          return await gateway.capture(reference, amount);
        } catch (error) {
          if (!isTesseraError(error, "gateway_invalid_request")) throw error;
          return gateway.capture(reference);
        }
      },
    });
    await expect(runScenario("refusesCaptureOverAuthorized", wrap)).rejects.toThrow(
      /expected gateway_invalid_request, got .*"succeeded"/,
    );
  });

  it("catch a gateway that answers a cancel crossing the payer's payment as canceled", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async cancel(reference) {
        const answer = await gateway.cancel(reference);
        if (answer.status !== "succeeded") return answer;
        const { providerReference, amount, refundedAmount } = answer;
        return {
          status: "canceled",
          reason: "by_us",
          providerReference,
          rawStatus: "canceled",
          amount,
          refundedAmount,
        };
      },
    });
    await expect(runScenario("answersCancelCrossingPaymentAsPaid", wrap)).rejects.toThrow(
      /applies it as paid/,
    );
  });

  it("catch a gateway that reads only the first event of a batched notification", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const parsed = await gateway.parseWebhook(input);
        return parsed.authentic ? { authentic: true, events: parsed.events.slice(0, 1) } : parsed;
      },
    });
    await expect(runScenario("parsesBatchedNotificationIntoEachEvent", wrap)).rejects.toThrow(
      /several payments' news/,
    );
  });

  it("catch a gateway that gives every event of a batch one id, so the inbox would drop all but one", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const parsed = await gateway.parseWebhook(input);
        if (!parsed.authentic) return parsed;
        const id = parsed.events[0]?.providerEventId ?? "evt";
        return { authentic: true, events: parsed.events.map((event) => ({ ...event, providerEventId: id })) };
      },
    });
    await expect(runScenario("parsesBatchedNotificationIntoEachEvent", wrap)).rejects.toThrow(
      /an id per event/,
    );
  });

  it("catch a gateway whose notifications date news older than it is, so a late one wins", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const parsed = await gateway.parseWebhook(input);
        if (!parsed.authentic) return parsed;
        const events = parsed.events.map((event) =>
          event.refund === undefined ? event : { ...event, occurredAt: "2020-01-01T00:00:00.000Z" },
        );
        return { authentic: true, events };
      },
    });
    await expect(runScenario("convergesOnNotificationsInReverseOrder", wrap)).rejects.toThrow(
      /the newest news is the final state/,
    );
  });

  it("pass against a sandbox that issues boletos asynchronously, as Banco Inter does", async () => {
    await expect(
      runScenario("processingBecomesPendingThenPaid", undefined, { boletoIssueDelayMs: 5_000 }),
    ).resolves.toBeUndefined();
  });

  it("pass a gateway declaring idempotentCreate false whose lookup still finds the charge", async () => {
    const wrap = declaring({ idempotentCreate: false });
    await expect(runScenario("repeatedCreateWithoutDeduplicationIsFound", wrap)).resolves.toBeUndefined();
  });

  it("catch a gateway that confirms recurrent news by our key, so it reports charge 1 again", async () => {
    // Cielo's trap: every recurrent charge keeps the first sale's MerchantOrderId.
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const parsed = await gateway.parseWebhook(input);
        if (!parsed.authentic) return parsed;
        const events = await Promise.all(
          parsed.events.map(async (event) => {
            if (event.recurrenceCharge === undefined || event.idempotencyKey === null) return event;
            const byKey = await gateway.getPayment(
              paymentReferenceFor({ idempotencyKey: event.idempotencyKey }),
            );
            return byKey === null ? event : { ...event, payment: byKey };
          }),
        );
        return { authentic: true, events };
      },
    });
    await expect(runScenario("recurrenceMakesSecondChargeOnItsDay", wrap)).rejects.toThrow(/not charge 1/);
  });

  it("catch a gateway whose lookup by our key answers the provider's latest charge instead of charge 1", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async getPayment(reference) {
        if (reference.providerReference !== null) return gateway.getPayment(reference);
        const latest = gateway.sandbox
          .ledger()
          .charges.filter((charge) => charge.idempotencyKey === reference.idempotencyKey)
          .at(-1);
        return gateway.getPayment({ ...reference, providerReference: latest?.reference ?? null });
      },
    });
    await expect(runScenario("recurrenceMakesSecondChargeOnItsDay", wrap)).rejects.toThrow(
      /still finds charge 1/,
    );
  });

  it("catch a gateway that answers deactivated but lets the provider keep charging", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      deactivateRecurrence: async () => ({ status: "deactivated", rawStatus: "deactivated" }),
    });
    await expect(runScenario("deactivatedRecurrenceChargesNoMore", wrap)).rejects.toThrow(/charge 1 only/);
  });

  it("catch a gateway that never reports a recurrence ended", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const parsed = await gateway.parseWebhook(input);
        if (!parsed.authentic) return parsed;
        const events = parsed.events.map((event) =>
          event.recurrenceCharge === undefined
            ? event
            : { ...event, recurrenceCharge: { ...event.recurrenceCharge, recurrenceEnded: false } },
        );
        return { authentic: true, events };
      },
    });
    await expect(runScenario("fixedCountRecurrenceEndsOnItsLastCharge", wrap)).rejects.toThrow(/last ending/);
    await expect(runScenario("recurrenceRetriesDeclinedChargeThenEnds", wrap)).rejects.toThrow(
      /only the last try ends/,
    );
  });

  it("catch a deactivateRecurrence the capabilities do not declare", async () => {
    const wrap = declaring({ providerRecurrence: [] });
    await expect(runScenario("deactivateRecurrenceExistsExactlyWhenDeclared", wrap)).rejects.toThrow(
      /deactivateRecurrence is present/,
    );
  });

  it("skip the recurrence scenarios, with the reason, for a gateway that declares no recurrence", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: { ...gateway.capabilities, providerRecurrence: [] },
      deactivateRecurrence: undefined,
    });
    await expect(runScenario("deactivateRecurrenceExistsExactlyWhenDeclared", wrap)).resolves.toBeUndefined();
    await expect(runScenario("recurrenceMakesSecondChargeOnItsDay", wrap)).rejects.toThrow(
      "skipped: the gateway declares no provider recurrence",
    );
  });

  it("skip the recurrence scenarios, with the reason, for a recurrence on a method the suite cannot run", async () => {
    const wrap = declaring({ providerRecurrence: ["pix"] });
    await expect(runScenario("recurrenceStartsWithOneCharge", wrap)).rejects.toThrow(
      "skipped: the suite runs provider recurrence on cards and payment links; the gateway declares it for pix only",
    );
  });

  it("catch a gateway that declares it picks charge 2's day itself, yet charges on secondChargeOn", async () => {
    const wrap = declaring({
      recurrenceRules: { ...defaultRecurrenceRules, secondChargeDay: "one_interval_after_create" },
    });
    await expect(runScenario("recurrenceMakesSecondChargeOnItsDay", wrap)).rejects.toThrow(
      /nothing charged before the provider's own day/,
    );
  });

  it("catch a gateway that declares a declined charge is never retried, yet retries it", async () => {
    const wrap = declaring({ recurrenceRules: { ...defaultRecurrenceRules, declinedCharge: "next_period" } });
    await expect(runScenario("recurrenceRetriesDeclinedChargeThenEnds", wrap)).rejects.toThrow(
      /charge 2 is notified declined, the recurrence going on|never tries a declined charge again/,
    );
  });

  it("catch a gateway that declares retries but leaves a declined charge for the next period", async () => {
    // The sandbox's own retries, hidden: a gateway reporting only each charge's first try.
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      async parseWebhook(input) {
        const parsed = await gateway.parseWebhook(input);
        if (!parsed.authentic) return parsed;
        return {
          authentic: true,
          events: parsed.events.filter((event) => (event.recurrenceCharge?.attempt ?? 1) === 1),
        };
      },
    });
    await expect(runScenario("recurrenceRetriesDeclinedChargeThenEnds", wrap)).rejects.toThrow(
      /tried charge 2 more than once/,
    );
  });

  it("skip, with the reason, a recurrence longer than the gateway declares it takes", async () => {
    const wrap = declaring({ recurrenceRules: { ...defaultRecurrenceRules, maxCharges: 2 } });
    await expect(runScenario("fixedCountRecurrenceEndsOnItsLastCharge", wrap)).rejects.toThrow(
      "skipped: the gateway takes at most 2 charges per recurrence (recurrenceRules.maxCharges); the scenario needs 3",
    );
  });

  it("catch recurrence rules declared without a provider recurrence, or a maximum without a charge 2", async () => {
    const without = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: {
        ...gateway.capabilities,
        providerRecurrence: [],
        recurrenceRules: defaultRecurrenceRules,
      },
      deactivateRecurrence: undefined,
    });
    await expect(runScenario("declaresConsistentCapabilities", without)).rejects.toThrow(
      /only with a provider recurrence/,
    );
    const single = declaring({ recurrenceRules: { ...defaultRecurrenceRules, maxCharges: 1 } });
    await expect(runScenario("declaresConsistentCapabilities", single)).rejects.toThrow(/at least 2/);
  });

  it("skip, with the reason, what the gateway does not declare", async () => {
    const wrap = declaring({ idempotentCreate: false });
    await expect(runScenario("idempotentCreateChargesOnce", wrap)).rejects.toThrow(
      "skipped: the gateway declares idempotentCreate false",
    );
  });

  it("refuse to let a gateway skip lookup by our reference", () => {
    const skip = { findsPaymentByOurReference: "our provider cannot" } as Record<string, string>;
    expect(() =>
      runGatewayConformance({ name: "evasive", createHarness: () => createSandboxHarness(), skip }),
    ).toThrow('The gateway conformance scenario "findsPaymentByOurReference" cannot be skipped.');
  });
});
