/**
 * `@tessera/adapter-cielo/testing`: a loopback Cielo API E-commerce 3.0 (transaction, query
 * and Silent Order Post hosts) and the conformance harness over it.
 * @module
 */
export {
  type CieloHarness,
  cieloNotificationHeader,
  cieloProviderRecords,
  createCieloHarness,
} from "./cielo-harness";
export * from "./mock-cielo";
