/**
 * `@tessera/adapter-inter/testing`: a loopback Banco Inter Cobrança v3 over mutual TLS
 * (`startInterMock`) and the adapter's conformance harness on it.
 * @module
 */
export { createInterHarness, type InterHarness, interProviderRecords } from "./inter-harness";
export * from "./mock-inter";
