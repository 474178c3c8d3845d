import { boletoDocumentScenarios } from "./boleto-document-scenarios";
import { cancelScenarios } from "./cancel-scenarios";
import { captureScenarios } from "./capture-scenarios";
import { cardScenarios } from "./card-scenarios";
import { cardTokenizationScenarios } from "./card-tokenization-scenarios";
import { declarationScenarios } from "./declaration-scenarios";
import { expiryScenarios } from "./expiry-scenarios";
import { faultScenarios } from "./fault-scenarios";
import { idempotencyScenarios } from "./idempotency-scenarios";
import { lookupScenarios } from "./lookup-scenarios";
import { methodRuleScenarios } from "./method-rule-scenarios";
import { notificationScenarios } from "./notification-scenarios";
import { pendingScenarios } from "./pending-scenarios";
import { processingScenarios } from "./processing-scenarios";
import { recurrenceScenarios } from "./recurrence-scenarios";
import { refundLifecycleScenarios } from "./refund-lifecycle-scenarios";
import { refundScenarios } from "./refund-scenarios";
import { webhookScenarios } from "./webhook-scenarios";

/**
 * Every scenario of the gateway conformance suite, by id. The ids are the keys of
 * `skip`, so a skipped scenario is type-checked and carries its reason.
 */
export const gatewayScenarios = {
  ...declarationScenarios,
  ...cardScenarios,
  ...cardTokenizationScenarios,
  ...pendingScenarios,
  ...lookupScenarios,
  ...idempotencyScenarios,
  ...cancelScenarios,
  ...methodRuleScenarios,
  ...refundScenarios,
  ...refundLifecycleScenarios,
  ...webhookScenarios,
  ...faultScenarios,
  ...processingScenarios,
  ...boletoDocumentScenarios,
  ...expiryScenarios,
  ...notificationScenarios,
  ...captureScenarios,
  ...recurrenceScenarios,
};

export type GatewayScenarioId = keyof typeof gatewayScenarios;

/**
 * Scenarios no gateway may skip: its declarations, and lookup by our reference, on which
 * recovery after a timeout or a crash rests (DESIGN §3).
 */
export const unskippableGatewayScenarios = [
  "declaresConsistentCapabilities",
  "cancelExistsExactlyWhenDeclared",
  "boletoDocumentExistsExactlyWhenDeclared",
  "deactivateRecurrenceExistsExactlyWhenDeclared",
  "captureExistsExactlyWhenDeclared",
  "tokenizationSessionExistsExactlyWhenDeclared",
  "declaresUsableReferenceRules",
  "findsPaymentByOurReference",
  "returnsNullForUnknownReference",
] as const satisfies readonly GatewayScenarioId[];

export type SkippableGatewayScenarioId = Exclude<
  GatewayScenarioId,
  (typeof unskippableGatewayScenarios)[number]
>;
