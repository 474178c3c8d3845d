/**
 * `@tessera/adapter-pix/testing`: the PIX adapter's conformance harness on the loopback API
 * Pix PSP of `@tessera/pix-api/testing`, for the adapter's own suite and for integrators who
 * test their set-up against it.
 * @module
 */
export { createPixHarness, type PixHarness, pixProviderRecords } from "./pix-harness";
