import type { PaymentMethod } from "@tessera/core";

/**
 * The methods a Cielo store offers, and what Cielo's API asks of each, as data the
 * capabilities, the sale bodies and the mapping all read. Sources: Cielo's manual
 * (`DeveloperCielo/developercielo.github.io`, "Pix", "Boleto" and its "Regras Adicionais")
 * and docs.cielo.com.br (`ecommerce-cielo-en/reference/create-pix-cielo2`,
 * `ecommerce-cielo/docs/pix`, `ecommerce-cielo/v3.0-en/docs/banco-do-brasil`).
 */

/**
 * `Cielo2`: the PIX provider every store integrating since 2025-09-01 must send
 * (`Payment.Provider`), whose QR code lives `Payment.QrCode.Expiration` seconds, at most 24 h.
 * `legacy`: no `Provider`, the QR code lives two hours, set by Cielo.
 */
export const cieloPixProviders = ["Cielo2", "legacy"] as const;
export type CieloPixProvider = (typeof cieloPixProviders)[number];

/**
 * The registered boletos Cielo issues (`Payment.Provider`): Bradesco, and Banco do Brasil —
 * `BancoDoBrasil3` for Banco do Brasil "valid from 03/05/2026" (docs.cielo.com.br, "Banco do
 * Brasil", as written there). The sandbox takes `Simulado` only (manual "Outros meios de pagamento em sandbox").
 */
export const cieloBoletoProviders = ["Bradesco2", "BancoDoBrasil2", "BancoDoBrasil3"] as const;
export type CieloBoletoProvider = (typeof cieloBoletoProviders)[number];

/** The `Payment.Provider` of every boleto in Cielo's sandbox ("não há validação bancária"). */
export const cieloSandboxBoletoProvider = "Simulado";

/** What the options say about methods: cards always, PIX and boleto when switched on. */
export interface CieloMethodOptions {
  pix: boolean;
  pixProvider: CieloPixProvider;
  boleto: "off" | CieloBoletoProvider;
}

/** The methods this store offers, cards first. */
export function cieloMethods(options: CieloMethodOptions): PaymentMethod[] {
  return [
    "card",
    ...(options.pix ? (["pix"] as const) : []),
    ...(options.boleto !== "off" ? (["boleto"] as const) : []),
  ];
}

/** How long a legacy PIX QR code lives, fixed by Cielo: "O tempo de expiração do QRCode Pix Cielo é de duas horas" (manual, "Pix"). */
export const legacyPixLifetimeSeconds = 7_200;
/** The longest a `Cielo2` QR code lives, and what it lives when the sale names nothing: 24 h (reference "Create a payment with Pix QR Code"). */
export const cielo2PixMaxLifetimeSeconds = 86_400;

/**
 * How long a PIX QR code lives when the answer does not say: what Cielo sets for the legacy
 * provider, the longest `Cielo2` allows otherwise — so a PIX is never taken for expired
 * before it is.
 */
export function defaultPixLifetimeSeconds(provider: CieloPixProvider): number {
  return provider === "Cielo2" ? cielo2PixMaxLifetimeSeconds : legacyPixLifetimeSeconds;
}

/** Days within which Cielo gives a PIX back: 90, BACEN's rule (manual, "Regras para devolução Pix"). */
export const cieloPixRefundWindowDays = 90;
