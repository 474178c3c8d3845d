/**
 * The gateway conformance suite, published so every adapter package runs the same
 * scenarios against its own mock server (STYLE 17).
 * @module
 */
export type {
  CardControls,
  ConformanceDeclineCode,
  FaultControls,
  GatewayHarness,
  ProviderChargeRecord,
  ProviderRecords,
  ProviderRefundRecord,
  TimeoutKind,
  WebhookForgery,
} from "./gateway-harness";
export { conformanceDeclineCodes } from "./gateway-harness";
export {
  type GatewayScenarioId,
  gatewayScenarios,
  type SkippableGatewayScenarioId,
  unskippableGatewayScenarios,
} from "./gateway-scenarios";
export { type GatewayConformanceOptions, runGatewayConformance } from "./run-gateway-conformance";
export type { GatewayScenario, ScenarioContext } from "./scenario-kit";
