import {
  addDays,
  type CalendarDate,
  type CreatePaymentRequest,
  calendarDateInZone,
  gatewayError,
  type Instant,
  type PostalAddress,
} from "@tessera/core";
import {
  type CieloBoletoProvider,
  type CieloMethodOptions,
  cieloSandboxBoletoProvider,
} from "./cielo-methods";
import { requiredIdentity } from "./customer-identity";
import { merchantOrderIdFor } from "./merchant-order-id";
import { cieloAmountOf } from "./sale-amount";

/**
 * The longest each text may be, per bank (manual "Boleto", "Regras Adicionais"): Cielo
 * validates Bradesco's address lengths and cuts its payer name at 34 by itself; Banco do
 * Brasil takes a name of 60 and a city of 18. The adapter cuts to these, so no boleto is
 * refused for a long street name. `BancoDoBrasil3` is assumed to keep `BancoDoBrasil2`'s.
 */
const textLimits = {
  Bradesco2: { name: 34, street: 70, number: 10, complement: 20, district: 50, city: 50 },
  BancoDoBrasil2: { name: 60, street: 255, number: 15, complement: 50, district: 50, city: 18 },
  BancoDoBrasil3: { name: 60, street: 255, number: 15, complement: 50, district: 50, city: 18 },
} as const satisfies Record<CieloBoletoProvider, Record<string, number>>;

/** `Payment.Demonstrative` and `Instructions` are at most 255 characters (API errors 161, 162). */
const boletoTextLength = 255;

/**
 * Banco do Brasil takes "Letras de A a Z - MAIÚSCULAS" in the payer's name and address
 * ("Regras Adicionais"): accents dropped, upper case. Bradesco takes them as written.
 */
function forBank(provider: CieloBoletoProvider, text: string, length: number): string {
  const plain =
    provider === "Bradesco2"
      ? text.trim()
      : text
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toUpperCase()
          .trim();
  return plain.slice(0, length).trim();
}

function invalid(origin: string, message: string, field: string): never {
  throw gatewayError(origin, "gateway_invalid_request", message, { details: { field } });
}

/** `Customer.Address`, every field the manual marks "Obrigatório: Sim" present: street, number, district, city, state, CEP. */
function addressOf(address: PostalAddress | null, provider: CieloBoletoProvider, origin: string) {
  if (address === null) return invalid(origin, "A Cielo boleto needs the payer's address.", "payer.address");
  const zipCode = address.postalCode.replace(/\D/g, "");
  if (!/^\d{8}$/.test(zipCode))
    return invalid(origin, "A Cielo boleto needs the payer's CEP, 8 digits.", "payer.address.postalCode");
  if (!/^[A-Za-z]{2}$/.test(address.state.trim()))
    return invalid(
      origin,
      "A Cielo boleto needs the payer's state as its two letters (UF).",
      "payer.address.state",
    );
  const limits = textLimits[provider];
  const complement = address.complement?.trim() ?? "";
  return {
    Street: forBank(provider, address.street, limits.street),
    Number: forBank(provider, address.number, limits.number),
    ...(complement !== "" ? { Complement: forBank(provider, complement, limits.complement) } : {}),
    ZipCode: zipCode,
    District: forBank(provider, address.district, limits.district),
    City: forBank(provider, address.city, limits.city),
    State: address.state.trim().toUpperCase(),
    // The manual's example writes the country in three letters.
    Country: address.country === "BR" ? "BRA" : address.country,
  };
}

/**
 * The day the boleto falls due: the request's, else `dueDays` from today in São Paulo,
 * else none and Cielo applies the store's registered default. Never a day already past.
 */
function dueDateOf(
  request: CreatePaymentRequest,
  options: { dueDays: number | undefined; now: Instant; origin: string },
): CalendarDate | undefined {
  const today = calendarDateInZone(options.now, "America/Sao_Paulo");
  const due =
    request.dueDate ?? (options.dueDays !== undefined ? addDays(today, options.dueDays) : undefined);
  if (due !== undefined && due < today)
    return invalid(options.origin, "A boleto cannot fall due before today.", "dueDate");
  return due;
}

/**
 * The `POST /1/sales/` body for a registered boleto (manual "Boleto"): the payer's name,
 * CPF or CNPJ and address, the amount in cents, the bank (`Provider`; `Simulado` in the
 * sandbox, as the manual requires), the due day (`ExpirationDate`) and the payment's
 * description as the boleto's `Demonstrative`. The bank numbers the boleto itself (no
 * `BoletoNumber`). `MerchantOrderId` is our key: Cielo does not deduplicate it, so this body
 * is sent once.
 */
export function cieloBoletoSaleBody(
  request: CreatePaymentRequest,
  options: {
    origin: string;
    methods: CieloMethodOptions;
    sandbox: boolean;
    dueDays?: number;
    now: Instant;
  },
) {
  const provider = options.methods.boleto;
  if (provider === "off") return invalid(options.origin, "This Cielo gateway issues no boletos.", "method");
  const identity = requiredIdentity(request, options.origin);
  const dueDate = dueDateOf(request, { dueDays: options.dueDays, now: options.now, origin: options.origin });
  const demonstrative = request.description.trim().slice(0, boletoTextLength).trim();
  return {
    MerchantOrderId: merchantOrderIdFor(request, options.methods, options.origin),
    Customer: {
      Name: forBank(provider, request.payer.name, textLimits[provider].name),
      ...identity,
      Address: addressOf(request.payer.address, provider, options.origin),
    },
    Payment: {
      Type: "Boleto" as const,
      Amount: cieloAmountOf(request, options.origin),
      Provider: options.sandbox ? cieloSandboxBoletoProvider : provider,
      ...(dueDate !== undefined ? { ExpirationDate: dueDate } : {}),
      ...(demonstrative !== "" ? { Demonstrative: demonstrative } : {}),
    },
  };
}
