/**
 * `@tessera/adapter-pagolivre/testing`: a loopback PagoLivre REST API v2 with its hosted
 * payment page and callbacks (`startPagoLivreMock`), and a callback receiver for tests.
 * @module
 */
export * from "./mock-pagolivre";
export { createPagoLivreHarness, type PagoLivreHarness, pagolivreProviderRecords } from "./pagolivre-harness";
