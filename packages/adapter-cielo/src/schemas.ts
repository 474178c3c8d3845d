import { z } from "zod";

/**
 * Cielo's answers, parsed leniently: the manual's own examples disagree on case and types
 * (`SaveCard: "true"`, `ReturnCode` "05" or "5", `Payment` or `Payments`), so only what the
 * adapter reads is required and everything else passes through.
 */
const code = z.union([z.string(), z.number()]).transform((value) => String(value));

export const cieloCreditCardSchema = z.looseObject({
  CardNumber: z.string().optional(),
  Brand: z.string().optional(),
  CardToken: z.string().optional(),
});

export const cieloPaymentSchema = z.looseObject({
  PaymentId: z.string(),
  Type: z.string(),
  Amount: z.number().int(),
  Status: z.number().int(),
  ReturnCode: code.optional(),
  ReturnMessage: z.string().optional(),
  CapturedAmount: z.number().int().optional(),
  VoidedAmount: z.number().int().optional(),
  ReceivedDate: z.string().optional(),
  CapturedDate: z.string().optional(),
  CreditCard: cieloCreditCardSchema.optional(),
  Provider: z.string().optional(),
  /** PIX: the BR Code "copia e cola" (`QrcodeBase64Image`, sic, is its picture: not read). */
  QrCodeString: z.string().optional(),
  /** PIX with `Cielo2`: the QR code's lifetime in seconds, as the sale asked it (read when the answer echoes it). */
  QrCode: z.looseObject({ Expiration: z.number().int().positive().optional() }).optional(),
  /** Boleto: its page, digitable line (with the dots and spaces a printed line shows), barcode and due day. */
  Url: z.string().optional(),
  DigitableLine: z.string().optional(),
  BarCodeNumber: z.string().optional(),
  ExpirationDate: z.string().optional(),
  RecurrentPayment: z
    .looseObject({ RecurrentPaymentId: z.string().optional(), NextRecurrency: z.string().optional() })
    .optional(),
});
export type CieloPayment = z.output<typeof cieloPaymentSchema>;

export const cieloSaleSchema = z.looseObject({
  MerchantOrderId: z.string(),
  Payment: cieloPaymentSchema,
});
export type CieloSale = z.output<typeof cieloSaleSchema>;

/** `GET /1/sales?merchantOrderId=`: `Payments` (current reference, SDKs) or `Payment` (old manual). */
const orderSaleSchema = z.looseObject({
  PaymentId: z.string(),
  /** Sic: Cielo's spelling; `ReceivedDate` accepted too. */
  ReceveidDate: z.string().optional(),
  ReceivedDate: z.string().optional(),
});
export const cieloOrderSalesSchema = z
  .looseObject({
    Payments: z.array(orderSaleSchema).optional(),
    Payment: z.array(orderSaleSchema).optional(),
  })
  .transform((answer) => answer.Payments ?? answer.Payment ?? []);

/** The answer of capture and void (`PUT …/capture|void`). */
export const cieloChangeAnswerSchema = z.looseObject({
  Status: z.number().int(),
  ReturnCode: code.optional(),
  ReturnMessage: z.string().optional(),
  ProviderReturnCode: code.optional(),
  ProviderReturnMessage: z.string().optional(),
  VoidedAmount: z.number().int().optional(),
});

export const cieloRecurrenceSchema = z.looseObject({
  RecurrentPayment: z.looseObject({
    RecurrentPaymentId: z.string(),
    Status: z.number().int(),
    NextRecurrency: z.string().optional(),
    RecurrentTransactions: z
      .array(
        z.looseObject({
          PaymentId: z.string(),
          PaymentNumber: z.number().int(),
          TryNumber: z.number().int(),
        }),
      )
      .default([]),
  }),
});
export type CieloRecurrence = z.output<typeof cieloRecurrenceSchema>["RecurrentPayment"];

/** Cielo's 400 body (manual "Erros de integração"). */
export const cieloErrorsSchema = z.array(
  z.looseObject({ Code: z.union([z.number(), z.string()]), Message: z.string() }),
);

/** The "Post de Notificação" body. */
export const cieloNotificationSchema = z.looseObject({
  PaymentId: z.string().min(1),
  ChangeType: z.coerce.number().int(),
  RecurrentPaymentId: z.string().optional(),
});

export const sopOAuthAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number(),
});
export const sopAccessTokenAnswerSchema = z.looseObject({
  AccessToken: z.string().min(1),
  ExpiresIn: z.string(),
});
