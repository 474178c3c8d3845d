/**
 * `@tessera/adapter-pix`: PIX through any PSP's BACEN API Pix — dynamic BR Codes from `cob`
 * and `cobv`, static BR Codes, expiry computed from the charge's calendar, cancel, devoluções
 * keyed by our refund key, and callbacks over mutual TLS confirmed by lookup. The API Pix
 * conversation itself is `@tessera/pix-api`'s.
 *
 * @example
 * ```ts
 * import { pixProvider } from "@tessera/adapter-pix";
 * const tessera = createTessera({ storage, providers: [pixProvider], … });
 * ```
 * @module
 */
export { chargeViewOf, type PixMerchant } from "./charge-view";
export { type PixChargeView, pixChargeExpiresAt, pixChargeResult } from "./mapping";
export { defaultPixScopes, type PixOptions, pixOptionsSchema } from "./options";
export { pixCapabilities } from "./pix-capabilities";
export { createPixGateway, type PixGatewayOptions } from "./pix-gateway";
export { pixProvider } from "./pix-provider";
export { type StaticPixBrCodeInput, staticPixBrCode } from "./static-brcode";
