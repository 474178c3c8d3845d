/**
 * `@tessera/core/testing` — what adapter and storage packages test themselves with: the
 * storage, gateway and file store conformance suites (vitest), a controllable clock, the
 * sandbox, and a file store in memory.
 * @module
 */

export { createSandboxGateway, type SandboxGateway, type SandboxGatewayOptions } from "../sandbox";
export {
  type FileStoreConformanceOptions,
  type FileStoreScenario,
  type FileStoreScenarioId,
  fileStoreScenarios,
  runFileStoreConformance,
} from "./file-store-conformance";
export {
  type CardControls,
  type ConformanceDeclineCode,
  conformanceDeclineCodes,
  type GatewayConformanceOptions,
  type GatewayHarness,
  type GatewayScenario,
  type GatewayScenarioId,
  gatewayScenarios,
  type ProviderChargeRecord,
  type ProviderRecords,
  type ProviderRefundRecord,
  runGatewayConformance,
  type ScenarioContext,
  type SkippableGatewayScenarioId,
  type TimeoutKind,
  unskippableGatewayScenarios,
  type WebhookForgery,
} from "./gateway-conformance";
export { forgeMutualTlsNotification } from "./gateway-conformance/mutual-tls-forgery";
export { createManualClock, type ManualClock } from "./manual-clock";
export { createMemoryFileStore, type MemoryFileStore } from "./memory-file-store";
export { withMutualTls } from "./mutual-tls-gateway";
export { paymentReferenceFor } from "./payment-reference-for";
export {
  runTesseraScenarios,
  type ScenarioStorage,
  type TesseraScenarioOptions,
} from "./scenarios/tessera-scenarios";
export {
  runStorageConformance,
  type SecondConnection,
  type StorageConformanceOptions,
  type StorageScenarioId,
  type StorageUnderTest,
} from "./storage-conformance";
export { rejection } from "./tessera-rejection";
