import { expect } from "vitest";
import type { CreatePaymentRequest } from "../../ports/gateway";
import { expectInvalidRequest, type GatewayScenario, pendingMethods, pendingRequest } from "./scenario-kit";

/**
 * The method rules a gateway declares are what its provider enforces: core refuses these
 * requests before writing anything, so a rule declared but not real blocks good sales, and
 * a rule real but not declared turns a buyer's typo into a failed payment.
 */
export const methodRuleScenarios = {
  refusesBelowDeclaredMinimum: {
    title: "refuses a pending-method request under the minimum amount it declares",
    async run(context) {
      const method = pendingMethods(context.gateway).find(
        (m) => (context.gateway.capabilities.methodRules[m]?.minAmount ?? null) !== null,
      );
      if (method === undefined)
        return context.skip("the gateway declares no minimum amount for PIX or boleto");
      const minimum = context.gateway.capabilities.methodRules[method]!.minAmount!;
      const request: CreatePaymentRequest = {
        ...pendingRequest(context, method),
        amount: context.money(minimum - 1),
      };
      await expectInvalidRequest(
        context.gateway,
        context.gateway.createPayment(request),
        `${method} under its minimum`,
      );
      const atMinimum = { ...pendingRequest(context, method), amount: context.money(minimum) };
      expect((await context.gateway.createPayment(atMinimum)).status, `${method} at its minimum`).toMatch(
        /^(pending|processing)$/,
      );
    },
  },
  refusesMissingDeclaredPayerFields: {
    title: "refuses a request without each payer field it declares required",
    async run(context) {
      const method = pendingMethods(context.gateway).find((m) => {
        const payer = context.gateway.capabilities.methodRules[m]?.payer;
        return payer !== undefined && (payer.document || payer.address || payer.phone);
      });
      if (method === undefined) return context.skip("the gateway requires no payer field for PIX or boleto");
      const required = context.gateway.capabilities.methodRules[method]!.payer;
      for (const field of ["document", "address", "phone"] as const) {
        if (!required[field]) continue;
        const base = pendingRequest(context, method);
        const request = { ...base, payer: { ...base.payer, [field]: null } };
        await expectInvalidRequest(
          context.gateway,
          context.gateway.createPayment(request),
          `${method} without ${field}`,
        );
      }
    },
  },
} satisfies Record<string, GatewayScenario>;
