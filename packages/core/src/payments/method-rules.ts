import type { FieldIssue } from "../errors/tessera-error";
import type { Money } from "../money/money";
import type { GatewayPayer, MethodRules } from "../ports/gateway";
import type { PaymentMethod } from "./payment-method";

/**
 * What the gateway's declared rules for `method` say is missing or out of bounds, as field
 * issues on the sale's paths (`buyer.document`, `buyer.address`, `buyer.phone`, `amount`).
 * Core checks them before the write-ahead, so a request the provider would refuse is a
 * validation error for the buyer to fix, never a failed payment that blocks them.
 */
export function methodRuleIssues(
  rules: Readonly<Partial<Record<PaymentMethod, MethodRules>>>,
  method: PaymentMethod,
  request: { amount: Money; payer: Pick<GatewayPayer, "document" | "address" | "phone"> },
): FieldIssue[] {
  const rule = rules[method];
  if (!rule) return [];
  const issues: FieldIssue[] = [];
  if (rule.payer.document && !request.payer.document) {
    issues.push({
      path: ["buyer", "document"],
      code: "required",
      message: `${method} needs the payer's CPF or CNPJ`,
    });
  }
  if (rule.payer.address && !request.payer.address) {
    issues.push({
      path: ["buyer", "address"],
      code: "required",
      message: `${method} needs the payer's address`,
    });
  }
  if (rule.payer.phone && !request.payer.phone) {
    issues.push({ path: ["buyer", "phone"], code: "required", message: `${method} needs the payer's phone` });
  }
  if (rule.minAmount !== null && request.amount.amount < rule.minAmount) {
    issues.push({
      path: ["amount"],
      code: "too_small",
      message: `${method} takes at least ${rule.minAmount} minor units`,
    });
  }
  if (rule.maxAmount !== null && request.amount.amount > rule.maxAmount) {
    issues.push({
      path: ["amount"],
      code: "too_big",
      message: `${method} takes at most ${rule.maxAmount} minor units`,
    });
  }
  return issues;
}
