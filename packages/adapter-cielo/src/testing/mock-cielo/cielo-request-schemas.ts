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

export const saleRequestSchema = z.object({
  MerchantOrderId: z.string().regex(/^[A-Za-z0-9]{1,50}$/),
  Customer: z.object({
    Name: z.string().min(1).max(255),
    Identity: z.string().max(14).optional(),
    IdentityType: z.enum(["CPF", "CNPJ"]).optional(),
    Email: z.string().max(255).optional(),
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
    z.object({ Type: z.literal("Pix"), Amount: cents, Provider: z.string().optional() }),
  ]),
});
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
};

/** Cielo's 400 body, `[{Code, Message}]`, for zod's issues: the mock's choice where Cielo names no code. */
export function cieloErrorsOf(issues: readonly z.core.$ZodIssue[]): { Code: number; Message: string }[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const known =
      fieldCodes[path] ?? Object.entries(fieldCodes).find(([prefix]) => path.startsWith(prefix))?.[1];
    return known
      ? { Code: known.code, Message: known.message }
      : { Code: 0, Message: `Invalid value for ${path || "the request"}` };
  });
}
