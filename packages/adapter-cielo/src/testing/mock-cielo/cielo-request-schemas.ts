import { z } from "zod";

/**
 * The request bodies the mock accepts, typed as Cielo's API is: a number where Cielo reads a
 * number (`"Amount": "1500"` is refused), and the booleans its own examples send as strings
 * (`"SaveCard": "true"`, `"AuthorizeNow": "true"`) accepted either way.
 */
const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);
const cents = z.number().int().positive();

const creditCardSchema = z.union([
  z.object({
    CardNumber: z.string().regex(/^\d{12,19}$/),
    Holder: z.string().min(1).max(25),
    ExpirationDate: z.string().regex(/^(0[1-9]|1[0-2])\/\d{4}$/),
    SecurityCode: z
      .string()
      .regex(/^\d{3,4}$/)
      .optional(),
    Brand: z.string().min(1),
    SaveCard: flag.optional(),
  }),
  z.object({
    CardToken: z.uuid(),
    SecurityCode: z
      .string()
      .regex(/^\d{3,4}$/)
      .optional(),
    Brand: z.string().min(1),
  }),
  z.object({ PaymentToken: z.uuid(), Brand: z.string().min(1), SaveCard: flag.optional() }),
]);
export type CreditCardInput = z.output<typeof creditCardSchema>;

export const intervalMonths = { Monthly: 1, Bimonthly: 2, Quarterly: 3, SemiAnnual: 6, Annual: 12 } as const;

const recurrentPaymentSchema = z.object({
  AuthorizeNow: flag,
  StartDate: z.iso.date().optional(),
  EndDate: z.iso.date().optional(),
  Interval: z.enum(["Monthly", "Bimonthly", "Quarterly", "SemiAnnual", "Annual"]),
});

/** `Customer.Address` as a boleto needs it (manual "Boleto": street, number, CEP, district, city and state required). */
const addressSchema = z.object({
  Street: z.string().min(1).max(255),
  Number: z.string().min(1).max(15),
  Complement: z.string().max(50).optional(),
  ZipCode: z.string().regex(/^\d{5}-?\d{3}$/),
  District: z.string().min(1).max(50),
  City: z.string().min(1).max(50),
  State: z.string().regex(/^[A-Za-z]{2}$/),
  Country: z.string().max(35).optional(),
});

/** The banks whose registered boletos Cielo issues, and its sandbox's `Simulado`. */
export const boletoProviders = ["Bradesco2", "BancoDoBrasil2", "BancoDoBrasil3", "Simulado"] as const;

/** A `Cielo2` QR code lives at most 24 h (reference "Create a payment with Pix QR Code"). */
export const maxQrCodeExpirationSeconds = 86_400;

const pixPaymentSchema = z.object({
  Type: z.literal("Pix"),
  Amount: cents,
  Provider: z.literal("Cielo2").optional(),
  QrCode: z.object({ Expiration: z.number().int().min(1).max(maxQrCodeExpirationSeconds) }).optional(),
});

const boletoPaymentSchema = z.object({
  Type: z.literal("Boleto"),
  Amount: cents,
  Provider: z.enum(boletoProviders),
  Address: z.string().max(255).optional(),
  BoletoNumber: z.union([z.string().regex(/^\d{1,11}$/), z.number().int().nonnegative()]).optional(),
  Assignor: z.string().max(200).optional(),
  Demonstrative: z.string().max(255).optional(),
  ExpirationDate: z.iso.date().optional(),
  Identification: z.string().max(14).optional(),
  Instructions: z.string().max(255).optional(),
});

/** A custom issue carrying the API error Cielo answers for it. */
function refuse(ctx: z.core.$RefinementCtx, path: (string | number)[], code: number, message: string) {
  ctx.addIssue({ code: "custom", path, message, params: { cieloCode: code } });
}

/**
 * What only some sales need (manual "Pix" and "Boleto", "Regras Adicionais"): a PIX the
 * payer's CPF or CNPJ, and with `Cielo2` a `MerchantOrderId` of at most 25; a boleto the
 * payer's address, a registered one their CPF or CNPJ too, Bradesco's a `MerchantOrderId` of
 * at most 27 and the address lengths it validates; Banco do Brasil's a city of at most 18.
 */
function checkPerMethod(sale: z.output<typeof saleShape>, ctx: z.core.$RefinementCtx) {
  const { Customer, Payment, MerchantOrderId } = sale;
  const identity = () => {
    const digits = Customer.IdentityType === "CNPJ" ? 14 : 11;
    if (Customer.Identity === undefined || Customer.IdentityType === undefined)
      refuse(ctx, ["Customer", "Identity"], 104, "Customer Identity is required");
    else if (!new RegExp(`^\\d{${digits}}$`).test(Customer.Identity))
      refuse(ctx, ["Customer", "Identity"], 156, "Customer Identity length exceeded");
  };
  if (Payment.Type === "Pix") {
    identity();
    if (Payment.Provider === "Cielo2" && MerchantOrderId.length > 25)
      refuse(ctx, ["MerchantOrderId"], 107, "OrderId is invalid or does not exists");
  }
  if (Payment.Type !== "Boleto") return;
  if (Payment.Provider !== "Simulado") identity();
  const address = Customer.Address;
  if (address === undefined) return refuse(ctx, ["Customer", "Address"], 197, "Street is required");
  if (Payment.Provider === "Bradesco2") {
    if (MerchantOrderId.length > 27)
      refuse(ctx, ["MerchantOrderId"], 107, "OrderId is invalid or does not exists");
    const limits = [
      ["Street", 70, 147, "Address Street length exceeded"],
      ["Number", 10, 148, "Address Number length exceeded"],
      ["Complement", 20, 149, "Address Complement length exceeded"],
    ] as const;
    for (const [field, max, code, message] of limits)
      if ((address[field] ?? "").length > max) refuse(ctx, ["Customer", "Address", field], code, message);
  }
  if (Payment.Provider.startsWith("BancoDoBrasil") && address.City.length > 18)
    refuse(ctx, ["Customer", "Address", "City"], 151, "Address City length exceeded");
}

const saleShape = z.object({
  MerchantOrderId: z.string().regex(/^[A-Za-z0-9]{1,50}$/),
  Customer: z.object({
    Name: z.string().min(1).max(255),
    Identity: z.string().max(14).optional(),
    IdentityType: z.enum(["CPF", "CNPJ"]).optional(),
    Email: z.string().max(255).optional(),
    Address: addressSchema.optional(),
    Billing: z.looseObject({}).optional(),
  }),
  Payment: z.discriminatedUnion("Type", [
    z.object({
      Type: z.literal("CreditCard"),
      Amount: cents,
      Installments: z.number().int().min(1).max(12),
      Capture: flag.optional(),
      SoftDescriptor: z.string().max(13).optional(),
      CreditCard: creditCardSchema,
      RecurrentPayment: recurrentPaymentSchema.optional(),
    }),
    pixPaymentSchema,
    boletoPaymentSchema,
  ]),
});

export const saleRequestSchema = saleShape.superRefine(checkPerMethod);
export type SaleRequest = z.output<typeof saleRequestSchema>;

export const cardTokenizeRequestSchema = z.object({
  CustomerName: z.string().min(1),
  CardNumber: z.string().regex(/^\d{12,19}$/),
  Holder: z.string().min(1).max(25),
  ExpirationDate: z.string().regex(/^(0[1-9]|1[0-2])\/\d{4}$/),
  Brand: z.string().min(1),
});

/** The API error code (manual "Códigos de Erros da API") for a refused field, where one names it. */
const fieldCodes: Record<string, { code: number; message: string }> = {
  MerchantOrderId: { code: 122, message: "MerchantOrderId is required" },
  "Customer.Name": { code: 105, message: "Customer Name is required" },
  "Payment.Type": { code: 102, message: "Payment Type is required" },
  "Payment.Amount": { code: 108, message: "Amount must be greater or equal to zero" },
  "Payment.Installments": { code: 123, message: "Installments must be greater or equal to one" },
  "Payment.CreditCard.Holder": { code: 117, message: "Credit Card Holder is required" },
  "Payment.CreditCard.CardNumber": { code: 118, message: "Credit Card Number is required" },
  "Payment.CreditCard.ExpirationDate": { code: 126, message: "Credit Card Expiration Date is invalid" },
  "Payment.CreditCard.Brand": { code: 182, message: "Brand is required" },
  "Payment.RecurrentPayment.AuthorizeNow": { code: 166, message: "AuthorizeNow is required" },
  "Payment.Provider": { code: 133, message: "Provider is not supported for this Payment Type" },
  "Customer.Identity": { code: 104, message: "Customer Identity is required" },
  "Customer.Address.Street": { code: 197, message: "Street is required" },
  "Customer.Address.Number": { code: 198, message: "Number is required" },
  "Customer.Address.ZipCode": { code: 199, message: "ZipCode is required" },
  "Customer.Address.City": { code: 200, message: "City is required" },
  "Customer.Address.State": { code: 201, message: "State is required" },
  "Customer.Address.District": { code: 202, message: "District is required" },
};

/** The "length exceeded" codes, where a value is too long rather than missing. */
const lengthCodes: Record<string, { code: number; message: string }> = {
  "Customer.Name": { code: 155, message: "Customer Name length exceeded" },
  "Customer.Identity": { code: 156, message: "Customer Identity length exceeded" },
  "Customer.Address.Street": { code: 147, message: "Address Street length exceeded" },
  "Customer.Address.Number": { code: 148, message: "Address Number length exceeded" },
  "Customer.Address.Complement": { code: 149, message: "Address Complement length exceeded" },
  "Customer.Address.City": { code: 151, message: "Address City length exceeded" },
  "Customer.Address.District": { code: 154, message: "Address District length exceeded" },
  "Payment.Instructions": { code: 161, message: "Boleto Instructions length exceeded" },
  "Payment.Demonstrative": { code: 162, message: "Boleto Demostrative length exceeded" },
};

/** Cielo's 400 body, `[{Code, Message}]`, for zod's issues: the mock's choice where Cielo names no code. */
export function cieloErrorsOf(issues: readonly z.core.$ZodIssue[]): { Code: number; Message: string }[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const custom = issue.code === "custom" ? (issue.params as { cieloCode?: number } | undefined) : undefined;
    if (custom?.cieloCode !== undefined) return { Code: custom.cieloCode, Message: issue.message };
    const long = issue.code === "too_big" ? lengthCodes[path] : undefined;
    if (long !== undefined) return { Code: long.code, Message: long.message };
    const known =
      fieldCodes[path] ?? Object.entries(fieldCodes).find(([prefix]) => path.startsWith(prefix))?.[1];
    return known
      ? { Code: known.code, Message: known.message }
      : { Code: 0, Message: `Invalid value for ${path || "the request"}` };
  });
}
