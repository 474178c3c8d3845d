/**
 * @module
 * A loopback mock of PagoLivre's REST API v2 (plain HTTP), its hosted payment page and its
 * callbacks, for the PagoLivre adapter's tests: `startPagoLivreMock`.
 */

export {
  type LoopbackCallbackReceiver,
  type ReceivedCallback,
  startLoopbackCallbackReceiver,
} from "./loopback-callback-receiver";
export type {
  PagoLivreGuest,
  PagoLivreInstallmentRecord,
  PagoLivreOrderRecord,
  PagoLivreRecords,
  PagoLivreRefundRecord,
} from "./pagolivre-books";
export { type PagoLivreMock, startPagoLivreMock } from "./pagolivre-mock";
export { type PagoLivreMockOptions, pagolivreRetryDelaysMs } from "./pagolivre-mock-options";
export type { PagoLivreDelivery } from "./pagolivre-notifier";
export { apiBasePath, type ReceivedRequest } from "./pagolivre-request-handler";
