/**
 * PagoLivre REST API v2: EVERYTHING Tessera knows or assumes about the wire protocol, in one
 * module. The adapter and the loopback mock both read it; a maintainer holding PagoLivre's
 * real documentation corrects this file and the tests show what moved.
 *
 * PagoLivre publishes no API documentation. Each fact below carries its basis:
 * - **documented**: PagoLivre's docs as the one public integration read them (GitHub
 *   `Crossoften/genecode-ws`, its PagoLivre gateway and webhook controller);
 * - **observed**: what that integration saw in PagoLivre's sandbox, where it contradicts
 *   the docs (see `PagoLivreBehaviour`);
 * - **assumed**: Tessera's own guess, with no published source. MUST be confirmed with
 *   PagoLivre before production: the production host, the monthly charges (`installments`
 *   detail in the order, `installment.*` events, `installmentNumber`, their days, no retry of
 *   a declined month), `refunds`, `amount`
 *   and `description` fields, error bodies, HTTP status codes of the answers, limits.
 *
 * The same facts as data, per topic: `pagolivreProtocol.basis`.
 * @module
 */
import { z } from "zod";

/**
 * The switch between PagoLivre as documented and as its sandbox was seen behaving, where the
 * two differ (the mock serves either; the adapter must survive both).
 */
export const pagolivreBehaviour = {
  documented:
    "a repeated POST /orders with the same orderKey and requestId answers the existing order; with another requestId it is refused",
  observed: "every POST /orders creates another payable order, whatever its orderKey and requestId",
} as const;
export type PagoLivreBehaviour = keyof typeof pagolivreBehaviour;

export const orderStatuses = ["created", "paid", "canceled", "declined", "expired"] as const;
/** documented. `paid` includes "authorized, not captured", which the docs say counts as paid. */
export type PagoLivreOrderStatus = (typeof orderStatuses)[number];

export const installmentStatuses = ["scheduled", "paid", "declined", "canceled"] as const;
/** assumed: the status of one monthly charge. */
export type PagoLivreInstallmentStatus = (typeof installmentStatuses)[number];

export const receivingOptionTypes = ["creditCard", "pix", "bankSlip"] as const;
/** documented (`bankSlip` must be enabled on the account, else 403). */
export type PagoLivreReceivingOption = (typeof receivingOptionTypes)[number];

export const refundStatuses = ["pending", "refunded"] as const;
/** assumed. */
export type PagoLivreRefundStatus = (typeof refundStatuses)[number];

export const orderEventNames = ["order.paid", "order.declined", "order.canceled", "order.expired"] as const;
export const installmentEventNames = ["installment.paid", "installment.declined"] as const;
/** `order.*` documented (names as the integration handled them); `installment.*` assumed. */
export type PagoLivreEventName = (typeof orderEventNames)[number] | (typeof installmentEventNames)[number];

/** The wire protocol as data. */
export const pagolivreProtocol = {
  hosts: {
    /** documented. */
    sandbox: "https://api.sbx.pagolivre.com.br/api/v2",
    /** assumed: the production host is unpublished. */
    production: "https://api.pagolivre.com.br/api/v2",
  },
  /** Under the host's `/api/v2`; `{name}` is a path parameter, URI-encoded. */
  paths: {
    createOrder: "/orders",
    orderByKey: "/orders/byOrderKey/{orderKey}",
    cancelOrder: "/orders/{id}/cancel",
  },
  headers: {
    /** `Basic <token>`: the token is issued already base64-encoded and sent as is (documented). */
    authorization: "authorization",
    authorizationScheme: "Basic",
    /** Required: without one the edge (Cloudflare) answers 403 with an HTML page (documented). */
    userAgent: "user-agent",
    /** Seconds to wait, on a 429 (assumed). */
    retryAfter: "retry-after",
  },
  callback: {
    /** The merchant's own API token, appended to `callbackUrl` as this query parameter: the callback's only authentication (documented). */
    tokenParameter: "accessToken",
    /** Non-2xx → 10 more tries, 5 minutes apart (documented); repeats and disorder possible. */
    retries: 10,
    retryIntervalMs: 5 * 60_000,
  },
  lookup: {
    /** documented: no lookup of an order sooner than 5 s after its creation… */
    firstAfterCreateMs: 5_000,
    /** …nor more than one per second per order. */
    minIntervalMs: 1_000,
    /** documented: an unknown orderKey answers 204 with no body. */
    unknownStatus: 204,
  },
  create: {
    /** assumed: a new order 201, the documented replay of an orderKey 200. */
    createdStatus: 201,
    replayStatus: 200,
    /** assumed: the most monthly charges an order may have. */
    maxInstallments: 12,
  },
  /**
   * assumed, all of it: how PagoLivre makes the monthly charges after the first. The BEMP seed
   * says only that each is reported confirmed or denied.
   */
  monthlyCharges: {
    /**
     * PagoLivre picks the days itself: charge n falls n − 1 months after the day the order was
     * made (São Paulo), the first paid on the hosted page; the order takes no day of ours.
     */
    days: "monthly_from_order_creation",
    /**
     * A declined monthly charge is not tried again: that month stays declined ("Negado"),
     * the next is charged on its own day, and the order ends with its last month.
     */
    declinedRetried: false,
  },
  orderStatuses,
  installmentStatuses,
  receivingOptionTypes,
  refundStatuses,
  eventNames: [...orderEventNames, ...installmentEventNames],
  basis: {
    sandboxHost: "documented",
    productionHost: "assumed",
    basicAuthAndUserAgent: "documented",
    createOrderFields: "documented",
    description: "assumed",
    orderFields: "documented",
    orderAmountInstallmentsRefunds: "assumed",
    lookupByOrderKey: "documented",
    cancelRequest: "documented",
    cancelOutcomeAndRefunds: "assumed",
    stopLaterChargesWithoutRefund: "assumed",
    orderEvents: "documented",
    installmentEvents: "assumed",
    monthlyChargeDays: "assumed",
    declinedMonthNotRetried: "assumed",
    callbackRetries: "documented",
    errorBodies: "assumed",
    orderKeyReplay: "documented/observed",
  },
} as const;

/** A path of `pagolivreProtocol.paths` with its parameters filled in. */
export function pagolivrePath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pagolivrePath: no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/** True when `value` has at most two decimals (reais and centavos), float noise aside. */
function hasCents(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/** Decimal reais as a JSON number, `12.5` for R$ 12,50 (documented); > 0, at most 2 decimals. */
export const reaisSchema = z
  .number()
  .positive("must be greater than zero")
  .refine(hasCents, "must have at most 2 decimals");

/** One payer (documented). Both required by Tessera: without `mobileNumber` the sandbox's hosted page is blank (observed). */
export const orderGuestSchema = z.object({
  cpf: z.string("cpf is required").regex(/^\d{11}$/, "cpf must be 11 digits"),
  /** With DDD, digits only. */
  mobileNumber: z
    .string("mobileNumber is required: without it the payment page is blank")
    .regex(/^\d{10,11}$/, "mobileNumber must be 10 or 11 digits with DDD"),
});

/** `POST /orders` (documented unless marked). */
export const orderCreateRequestSchema = z.object({
  /** A GUID per request. */
  requestId: z.guid("requestId must be a GUID"),
  /** Ours; Tessera sends a lower-case UUID. Length limit assumed. */
  orderKey: z.string().min(1).max(100),
  /** The whole order in reais; each monthly charge is a share of it (assumed). */
  amount: reaisSchema,
  orderGuests: z.array(orderGuestSchema).min(1, "orderGuests needs one payer"),
  /** How many MONTHLY charges. */
  installments: z.number().int().min(1).max(pagolivreProtocol.create.maxInstallments),
  receivingOptionType: z.enum(receivingOptionTypes),
  callbackUrl: z.url(),
  returnUrl: z.url(),
  /** assumed: shown to the payer. */
  description: z.string().max(255).optional(),
  /** Sent by the public integration ("Pedido 123 - …"); meaning unknown. */
  message: z.string().max(255).optional(),
});
export type PagoLivreOrderCreateRequest = z.infer<typeof orderCreateRequestSchema>;

/** assumed: one monthly charge of an order, as the order's `installments` lists them. */
export const installmentSchema = z.object({
  /** 1 to the order's number of installments; 1 is paid on the hosted page. */
  number: z.number().int().min(1),
  dueDate: z.iso.date(),
  amount: reaisSchema,
  status: z.enum(installmentStatuses),
  /** Tries at charging it, from 1. */
  attempt: z.number().int().min(1),
  paidAt: z.iso.datetime({ offset: true }).optional(),
  decliningReason: z.string().optional(),
});
export type PagoLivreInstallment = z.infer<typeof installmentSchema>;

/** assumed: a refund a cancel of a paid order gave. */
export const refundSchema = z.object({
  cancellationRequestId: z.guid(),
  amount: reaisSchema,
  status: z.enum(refundStatuses),
});
export type PagoLivreRefund = z.infer<typeof refundSchema>;

/** An order, as create, lookup and cancel answer it. Assumed fields are optional so a real answer without them still parses. */
export const orderSchema = z.object({
  id: z.string().min(1),
  orderKey: z.string().min(1),
  status: z.enum(orderStatuses),
  paymentUrl: z.url(),
  expirationDate: z.iso.datetime({ offset: true }),
  decliningReason: z.string().nullish(),
  /** Seen in the integration's order type. */
  cancelingReason: z.string().nullish(),
  /** assumed. */
  amount: reaisSchema.optional(),
  /** assumed: the monthly charges. In the request `installments` is a count; here, the detail. */
  installments: z.array(installmentSchema).optional(),
  /** assumed. */
  refunds: z.array(refundSchema).optional(),
});
export type PagoLivreOrder = z.infer<typeof orderSchema>;

/** `POST /orders/{id}/cancel` (documented): no `amount` cancels (or refunds) the whole; with one, that much (partial). */
export const cancelRequestSchema = z.object({
  cancellationRequestId: z.guid("cancellationRequestId must be a GUID"),
  reason: z.string().min(1).max(255),
  amount: reaisSchema.optional(),
  /**
   * assumed: `false` on a paid order stops the monthly charges still to come and refunds
   * nothing (a contract canceled mid-way keeps what it paid). PagoLivre's way to stop later
   * charges is unpublished: confirm it before production.
   */
  refund: z.boolean().optional(),
});
export type PagoLivreCancelRequest = z.infer<typeof cancelRequestSchema>;

/** The callback's JSON body; the token travels in the URL (`?accessToken=`). */
export const callbackBodySchema = z.object({
  eventName: z.string().min(1),
  orderKey: z.string().min(1),
  orderId: z.string().min(1),
  /** assumed: which monthly charge an `installment.*` event is about. */
  installmentNumber: z.number().int().min(1).optional(),
});
export type PagoLivreCallbackBody = z.infer<typeof callbackBodySchema>;

/** assumed: a 400's body, one entry per refused field (`orderGuests.0.mobileNumber`). */
export const validationErrorSchema = z.object({
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type PagoLivreValidationError = z.infer<typeof validationErrorSchema>;

/** assumed: 401, 404 and 429 bodies. */
export const messageErrorSchema = z.object({ message: z.string() });
