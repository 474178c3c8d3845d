/**
 * `@tessera/adapter-pagolivre`: PagoLivre (Afinz) recurring credit — an order whose payment
 * link the payer opens by SMS, then monthly card charges, notified by callbacks and
 * confirmed by lookup. For now this entry holds the wire protocol (`pagolivre-protocol.ts`:
 * what is documented, observed and assumed); the gateway comes next.
 * @module
 */
export * from "./pagolivre-protocol";
