import { type CreatePaymentRequest, gatewayError } from "@tessera/core";
import {
  type CieloMethodOptions,
  type CieloPixProvider,
  cielo2PixMaxLifetimeSeconds,
  legacyPixLifetimeSeconds,
} from "./cielo-methods";
import { requiredIdentity } from "./customer-identity";
import { merchantOrderIdFor } from "./merchant-order-id";
import { cieloAmountOf } from "./sale-amount";

/**
 * How long the QR code will live, in seconds: what the request asks, up to `Cielo2`'s 24 h
 * (its default when nothing is asked); the two hours Cielo fixes for the legacy provider,
 * whatever the request asks.
 */
export function pixLifetimeSeconds(
  request: CreatePaymentRequest,
  provider: CieloPixProvider,
  origin: string,
): number {
  if (provider === "legacy") return legacyPixLifetimeSeconds;
  const asked = request.expiresInSeconds;
  if (asked === undefined) return cielo2PixMaxLifetimeSeconds;
  if (!Number.isInteger(asked) || asked < 1)
    throw gatewayError(origin, "gateway_invalid_request", "A PIX lives a positive whole number of seconds.", {
      details: { field: "expiresInSeconds" },
    });
  return Math.min(asked, cielo2PixMaxLifetimeSeconds);
}

/**
 * The `POST /1/sales/` body for a PIX (manual "Criando uma transação com QR Code Pix";
 * reference "Create a payment with Pix QR Code" for `Cielo2`): the payer's name and CPF or
 * CNPJ, the amount in cents, and with `Cielo2` the provider and the QR code's lifetime in
 * seconds (`Payment.QrCode.Expiration`). `MerchantOrderId` is our key: Cielo does not
 * deduplicate it, so this body is sent once.
 */
export function cieloPixSaleBody(
  request: CreatePaymentRequest,
  options: { origin: string; methods: CieloMethodOptions },
) {
  const provider = options.methods.pixProvider;
  const lifetime = pixLifetimeSeconds(request, provider, options.origin);
  return {
    MerchantOrderId: merchantOrderIdFor(request, options.methods, options.origin),
    Customer: { Name: request.payer.name.slice(0, 255), ...requiredIdentity(request, options.origin) },
    Payment: {
      Type: "Pix" as const,
      Amount: cieloAmountOf(request, options.origin),
      ...(provider === "Cielo2" ? { Provider: "Cielo2" as const, QrCode: { Expiration: lifetime } } : {}),
    },
  };
}
