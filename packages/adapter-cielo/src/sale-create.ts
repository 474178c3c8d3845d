import { gatewayError, type PaymentResult } from "@tessera/core";
import { type CieloClient, CieloTransportError, cieloErrorCodes, cieloErrorText } from "./client";
import { type CieloSale, cieloSaleSchema } from "./schemas";

/** API error codes that mean the store's set-up, not the request (manual "Códigos de Erros da API"): 173 a method not enabled, 133 a provider it has not. */
const configurationCodes = new Set(["114", "115", "116", "129", "133", "173", "185", "300", "306"]);

/** A result nobody can settle yet: the sale may or may not exist at Cielo; recovery asks. */
export const unknownOf = (reason: string, providerReference: string | null = null): PaymentResult => ({
  status: "unknown",
  providerReference,
  rawStatus: null,
  reason,
});

/**
 * `POST /1/sales/`, once. Cielo makes a second sale when one `MerchantOrderId` is sent
 * twice, so a create whose answer was lost (a timeout, a reset, a 5xx) is never sent again:
 * it is `unknown`, and recovery asks by `MerchantOrderId`. Only a request that provably
 * never left (`not_sent`) is `gateway_unavailable`, which core may retry under a new key.
 * Cards, PIX and boletos all go through here.
 */
export async function sendSale(
  client: CieloClient,
  body: unknown,
  origin: string,
): Promise<PaymentResult | { sale: CieloSale }> {
  let answer: Awaited<ReturnType<CieloClient["send"]>>;
  try {
    answer = await client.send({ host: "api", method: "POST", path: "/1/sales/", body });
  } catch (error) {
    if (!(error instanceof CieloTransportError)) throw error;
    if (error.kind === "not_sent")
      throw gatewayError(origin, "gateway_unavailable", `Cielo could not be reached: ${error.message}`, {
        cause: error,
      });
    // Never re-sent: Cielo would make a second sale. Recovery asks by MerchantOrderId.
    return unknownOf(error.message);
  }
  if (answer.status >= 500) return unknownOf(`Cielo answered ${answer.status}: the sale may have been made`);
  const codes = cieloErrorCodes(answer);
  // "Bloquear pedidos duplicados": an authorized sale under this id already exists; recovery finds it.
  if (codes.includes("302"))
    return unknownOf("Cielo refused a duplicated MerchantOrderId: a sale under it exists");
  if (answer.status !== 201 && answer.status !== 200) {
    const code = codes.some((entry) => configurationCodes.has(entry))
      ? "gateway_configuration"
      : "gateway_invalid_request";
    throw gatewayError(
      origin,
      code,
      `Cielo refused the sale: ${cieloErrorText(answer) || `HTTP ${answer.status}`}`,
      {
        details: { status: answer.status, codes },
      },
    );
  }
  const sale = cieloSaleSchema.safeParse(answer.json);
  if (!sale.success) return unknownOf("Cielo's answer to the sale could not be read");
  return { sale: sale.data };
}
