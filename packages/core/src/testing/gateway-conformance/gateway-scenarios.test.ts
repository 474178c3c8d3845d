import { describe, expect, it } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { Gateway } from "../../ports/gateway";
import type { SandboxGateway } from "../../sandbox/sandbox-gateway";
import { sandboxNotificationEvent } from "../../sandbox/sandbox-notification";
import type { SandboxGatewayOptions } from "../../sandbox/sandbox-options";
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

  it("catch a cancel method the capabilities do not declare", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: { ...gateway.capabilities, cancel: false },
    });
    await expect(runScenario("cancelExistsExactlyWhenDeclared", wrap)).rejects.toThrow();
  });

  it("catch a gateway that takes raw card numbers without declaring it", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: { ...gateway.capabilities, acceptsRawCard: false },
    });
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
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: { ...gateway.capabilities, cardTokenization: "none" },
    });
    await expect(runScenario("tokenizationSessionExistsExactlyWhenDeclared", wrap)).rejects.toThrow();
  });

  it("skip, with the reason, what the gateway does not declare", async () => {
    const wrap = (gateway: SandboxGateway): Gateway => ({
      ...gateway,
      capabilities: { ...gateway.capabilities, idempotentCreate: false },
    });
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
