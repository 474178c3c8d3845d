import { type CreatePaymentRequest, gatewayError, type TaxDocument } from "@tessera/core";

export interface CieloIdentity {
  Identity: string;
  IdentityType: "CPF" | "CNPJ";
}

/** Cielo's `Customer.Identity` and `IdentityType` for a Brazilian document; null for a foreign one or none. */
export function cieloIdentityOf(document: TaxDocument | null): CieloIdentity | null {
  if (document === null || document.kind === "foreign") return null;
  return { Identity: document.value, IdentityType: document.kind === "cpf" ? "CPF" : "CNPJ" };
}

/**
 * The payer's CPF or CNPJ, which a PIX and a registered boleto cannot go without (manual
 * "Pix": `Customer.Identity` and `IdentityType` "Obrigatório: Sim"). Refused before
 * anything is sent; core refuses it earlier still, from the declared method rules.
 */
export function requiredIdentity(request: CreatePaymentRequest, origin: string): CieloIdentity {
  const identity = cieloIdentityOf(request.payer.document);
  if (identity === null)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `A Cielo ${request.method} needs the payer's CPF or CNPJ.`,
      { details: { field: "payer.document" } },
    );
  return identity;
}
