/**
 * @module
 * A loopback mock of Banco Inter's API Cobrança v3 (boleto with Pix) over mutual TLS, for the
 * Inter adapter's tests: `startInterMock`.
 */

export type {
  InterChargeRecord,
  InterRecords,
  InterSituacao,
  OrigemRecebimento,
} from "./inter-books";
export { type InterMock, startInterMock } from "./inter-mock";
export type { InterMockOptions } from "./inter-mock-options";
export type { CallbackItem, InterDelivery } from "./inter-notifier";
export { type InterScope, interScopes } from "./inter-oauth";
export { apiBasePath, tokenPath } from "./inter-request-handler";
export { type InterSchemaName, schemaErrors as interSchemaErrors, type Violacao } from "./inter-schemas";
