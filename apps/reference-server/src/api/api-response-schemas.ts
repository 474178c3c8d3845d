import type { DueGroupOutcome } from "@tessera/core";
import { z } from "zod";

/**
 * What the API answers, as zod schemas the OpenAPI document is generated from and the tests
 * check answers against. Core's records are typed, not parsed, so these are the API's own
 * description of them: every field a client may rely on is named and typed; objects stay
 * open (`looseObject`) where core may add fields without breaking clients.
 */

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const instant = z.string().meta({ description: "An ISO 8601 instant in UTC." });
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const unitView = z.looseObject({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  slug: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  locale: z.string(),
  notificationEmails: z.array(z.string()),
  clientFeeBasisPoints: z.number().int(),
  paymentMethods: z.array(z.object({ method: z.string(), gatewayId: z.string(), mode: z.string() })),
  checkoutFields: z.array(z.looseObject({ key: z.string(), label: z.string(), type: z.string() })),
  dunningRetryDays: z.array(z.number().int()),
  renewalTerms: z.enum(["plan", "contract"]).meta({
    description:
      "The terms an auto-renewing contract renews on: `plan` — the plan's on the renewal day; `contract` — the ending contract's own.",
  }),
  reminderDays: z
    .object({
      before: z.number().int().nullable(),
      after: z.number().int().nullable(),
    })
    .meta({
      description:
        "The e-mail reminders of an unpaid installment: `before` days before its due date, `after` days after it while unpaid; null = off.",
    }),
  createdAt: instant,
  updatedAt: instant,
});

export const unitPage = pageOf(unitView);

export const planView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(["recurring", "pass"]),
  price: money,
  interval: z.object({ unit: z.enum(["month", "day"]), count: z.number().int() }),
  installmentCount: z.number().int().nullable(),
  enrollmentFee: money.nullable(),
  autoRenew: z.boolean(),
  quotas: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
  onlineSale: z.looseObject({
    enabled: z.boolean(),
    slug: z.string(),
    buttonText: z.string(),
    buttonDesign: z.looseObject({}),
  }),
  activationMode: z.enum(["immediate", "staff_code"]),
  status: z.enum(["active", "archived"]),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().int(),
});

export const planPage = pageOf(planView);

export const paymentView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  customerId: z.string(),
  method: z.string(),
  amount: money.meta({
    description: "What the provider collects (for a `wallet` payment: what the balance paid).",
  }),
  fromBalance: z
    .object({
      amount: money,
      entryId: z.string().meta({ description: "The wallet line (`wal_…`) that debited it." }),
    })
    .nullable()
    .meta({
      description:
        "The part the customer's wallet paid beside `amount` (a split payment); null when the wallet paid no part. The installments cost `amount` plus this. Given back to the wallet (a `reversal` line) if the attempt fails or is canceled.",
    }),
  status: z.string(),
  providerReference: z.string().nullable(),
  action: z.looseObject({ type: z.enum(["pix", "boleto", "redirect"]) }).nullable(),
  failureCode: z.string().nullable(),
  refundedAmount: money,
  attempt: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});

/** A sale's outcome (`SaleOutcome`): switch on `status`. */
export const saleOutcomeView = z.looseObject({
  status: z.enum([
    "succeeded",
    "pending",
    "requires_action",
    "declined",
    "canceled",
    "processing",
    "authorized",
    "unknown",
    "not_sent",
    "no_charge",
  ]),
  replayed: z.boolean(),
  contract: z.looseObject({ id: z.string(), unitId: z.string(), status: z.string() }),
  customer: z.looseObject({ id: z.string(), name: z.string() }),
  installments: z.array(z.looseObject({ id: z.string(), amount: money, status: z.string() })),
  activationCode: z.looseObject({ code: z.string() }).nullable(),
  payment: paymentView.nullable(),
});

/** The OpenAPI document itself, as far as a schema says anything useful about it. */
export const openApiView = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({}),
  paths: z.looseObject({}),
});

const calendarDate = z
  .string()
  .meta({ description: "A calendar day, `YYYY-MM-DD`, in the unit's timezone." });

/** A customer as the API shows them: never the client-area password's hash (`publicCustomer`). */
export const customerView = z.looseObject({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  document: z.looseObject({ kind: z.enum(["cpf", "cnpj", "foreign"]), value: z.string() }).nullable(),
  email: z.string(),
  phone: z.string().nullable(),
  status: z.enum(["active", "blocked"]),
  source: z.enum(["online", "staff", "api"]),
  extraFields: z.record(z.string(), z.string()),
  createdAt: instant,
  updatedAt: instant,
});

export const customerPage = pageOf(customerView);

export const contractView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  customerId: z.string(),
  planId: z.string(),
  status: z.enum(["pending_payment", "active", "past_due", "canceled", "ended"]),
  startDate: calendarDate,
  endDate: calendarDate.nullable(),
  origin: z.enum(["online", "staff", "api", "renewal"]),
  paymentIssue: z
    .looseObject({
      paymentId: z.string(),
      code: z.string(),
      message: z.string(),
      at: instant,
    })
    .nullable()
    .meta({ description: "The last failed attempt to collect, until a payment succeeds." }),
  createdAt: instant,
  updatedAt: instant,
});

export const contractPage = pageOf(contractView);

/**
 * An amount due on a day, with where its collection stands: `failedAttempts` and
 * `nextAttemptOn` are the billing run's dunning (the unit's `dunningRetryDays` after the due
 * date); `nextAttemptOn` `9999-12-31` means no more automatic attempts, null the due date.
 */
export const installmentView = z.looseObject({
  id: z.string(),
  contractId: z.string().nullable(),
  orderId: z
    .string()
    .nullable()
    .meta({ description: "The order (`ord_…`) it is a part of; null for a contract's." }),
  sequence: z.number().int().meta({ description: "From 1; lines due together share it." }),
  kind: z.enum(["enrollment_fee", "period", "closing_prorata", "fee", "order"]),
  amount: money,
  status: z.enum(["awaiting", "confirmed", "denied", "canceled", "refunded"]),
  dueDate: calendarDate,
  periodStart: calendarDate.nullable(),
  periodEnd: calendarDate.nullable(),
  failedAttempts: z.number().int().meta({ description: "Collection attempts that failed." }),
  nextAttemptOn: calendarDate.nullable().meta({
    description:
      "The day of the next automatic attempt; null: the due date; `9999-12-31`: none (the retries are spent).",
  }),
});

/** A contract as staff open it: installments in due order, each with its attempts newest first. */
export const contractDetailView = z.object({
  contract: contractView,
  customer: customerView,
  planName: z.string(),
  installments: z.array(z.object({ installment: installmentView, payments: z.array(paymentView) })),
  refunds: z.array(
    z.looseObject({ id: z.string(), paymentId: z.string(), amount: money, status: z.string() }),
  ),
});

/** A contract canceled: as `GET /contracts/{contract}` shows it now, and what the cancellation did. */
export const contractCancellationView = contractDetailView.extend({
  canceled: z.array(installmentView).meta({ description: "The unpaid lines it canceled." }),
  closing: z.array(installmentView).meta({
    description:
      "The closing pro-rata of the unpaid period it ended in (and its client fee), due on the last day; empty when that period was paid.",
  }),
  replayed: z.boolean().meta({
    description: "An answer to a key used before: the contract as it is now, `canceled` and `closing` empty.",
  }),
});

export const activationCodeView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  contractId: z.string(),
  code: z.string(),
  status: z.enum(["unattached", "attached", "revoked"]),
  attachedCustomerId: z.string().nullable(),
  validFrom: calendarDate.nullable(),
  validUntil: calendarDate.nullable(),
  attachedAt: instant.nullable(),
  createdAt: instant,
});

export const activationCodePage = pageOf(activationCodeView);

/** A provider account as shown: its settings with every secret masked (`••••` and the last four). */
export const providerAccountView = z.looseObject({
  id: z.string(),
  organizationId: z.string(),
  unitId: z.string(),
  kind: z.string(),
  label: z.string(),
  maskedOptions: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  webhookUrl: z
    .string()
    .nullable()
    .meta({ description: "The URL to register with the provider; null without a public address." }),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().int(),
});

export const providerAccountPage = pageOf(providerAccountView);

/** A kind of provider account: what its settings are, as JSON Schema, and which are secrets. */
export const providerKindView = z.object({
  kind: z.string(),
  label: z.string(),
  secretFields: z.array(z.string()),
  webhook: z.object({
    authentication: z.string(),
    pathSuffix: z.string().optional(),
    mutualTls: z.boolean().optional(),
  }),
  optionsSchema: z.record(z.string(), z.unknown()).meta({ description: "The settings' JSON Schema." }),
});

export const providerKindList = z.object({ data: z.array(providerKindView) });

/** One line of a customer's wallet: signed (credits positive, debits negative), never edited. */
export const walletEntryView = z.looseObject({
  id: z.string(),
  customerId: z.string(),
  unitId: z.string().meta({ description: "The unit where it happened, for its books." }),
  kind: z.enum(["credit", "debit", "refund_credit", "reversal"]),
  amount: money,
  method: z.string().nullable().meta({ description: "How the money came in (a credit's method)." }),
  note: z.string(),
  actor: z
    .string()
    .meta({ description: "Who did it: a staff member's or API key's id, `customer`, `system`." }),
  orderId: z.string().nullable(),
  paymentId: z.string().nullable().meta({ description: "The payment it paid or refunded." }),
  refundId: z.string().nullable(),
  reversesEntryId: z.string().nullable().meta({ description: "The line a reversal undoes." }),
  createdAt: instant,
});

/** A customer's wallet: the balance in each currency of the organization's units, and a page of its lines. */
export const walletView = z.object({
  customerId: z.string(),
  balances: z.array(money).meta({ description: "One per currency the organization's units use." }),
  data: z.array(walletEntryView).meta({ description: "The lines, oldest first." }),
  nextCursor: z.string().nullable(),
});

/** A line as a credit or debit wrote it (or as the first call with the key did), and the balance now. */
export const walletOutcomeView = z.object({
  entry: walletEntryView,
  balance: money,
  replayed: z.boolean(),
});

/** Installments paid from the balance: the payment (method `wallet`), the contract, the debit, the balance left. */
export const balancePaymentView = z.object({
  payment: paymentView,
  contract: contractView,
  entry: walletEntryView,
  balance: money,
  replayed: z.boolean(),
});

export const refundView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  paymentId: z.string(),
  customerId: z.string(),
  amount: money,
  destination: z.enum(["original_method", "wallet"]),
  status: z.enum(["pending", "unknown", "succeeded", "failed"]),
  providerReference: z.string().nullable(),
  reason: z.string(),
  actor: z.string(),
  createdAt: instant,
  updatedAt: instant,
});

/** What became of a refund, and the payment as it is now. */
export const refundOutcomeView = z.object({
  refund: refundView,
  payment: paymentView,
  replayed: z.boolean(),
  message: z
    .string()
    .nullable()
    .meta({ description: "The provider's words when it refused (`status: failed`)." }),
});

/** A one-off order (`tessera.orders`): what was bought, its total and where its payment stands. */
export const orderView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  customerId: z.string(),
  items: z.array(z.looseObject({ description: z.string(), quantity: z.number().int(), unitPrice: money })),
  total: money,
  installmentCount: z.number().int().meta({ description: "How many monthly lines the total is split into." }),
  status: z.enum(["open", "paid", "canceled", "refunded"]),
  paidFromBalance: z
    .boolean()
    .meta({ description: "True when the customer's wallet paid it, whole or in part." }),
  createdAt: instant,
  updatedAt: instant,
  version: z.number().int(),
});

export const orderPage = pageOf(orderView);

/**
 * What became of creating or paying an order (`OrderOutcome`): switched on `status` as a
 * sale's outcome, plus `awaiting_payment` — created with no method and a balance short of
 * its first installment, it waits for `POST /orders/{order}/pay`.
 */
export const orderOutcomeView = z.looseObject({
  status: z.enum([
    "succeeded",
    "pending",
    "requires_action",
    "declined",
    "canceled",
    "processing",
    "authorized",
    "unknown",
    "not_sent",
    "awaiting_payment",
  ]),
  replayed: z.boolean(),
  order: orderView,
  customer: customerView,
  installments: z.array(installmentView).meta({ description: "All the order's lines, in due order." }),
  payment: paymentView
    .nullable()
    .meta({ description: "The attempt this is about; null while `awaiting_payment`." }),
});

/**
 * What became of the sale or order a payment belongs to (`GET /payments/{payment}`): a sale's
 * outcome (with `contract`) for a contract's payment, an order's (with `order`) for an order's.
 */
export const paymentOutcomeView = z.union([saleOutcomeView, orderOutcomeView]);

/** An order as staff open it: who bought what, its lines in due order with their attempts (newest first), its refunds. */
export const orderDetailView = z.object({
  order: orderView,
  customer: customerView,
  description: z.string().meta({ description: "One line naming it: its first item, and how many more." }),
  installments: z.array(z.object({ installment: installmentView, payments: z.array(paymentView) })),
  refunds: z.array(refundView).meta({ description: "Of the order's payments, oldest payment first." }),
});

const count = (description: string) => z.number().int().meta({ description });

/** One count per way a due group ended (`DueGroupOutcome`): a kind core adds fails type-checking here. */
const billingOutcomeCounts = {
  paid: count("Paid now: by a stored card, or from the wallet's balance."),
  declined: count("Declined by the issuer."),
  link_issued: count("A PIX, boleto or provider link was issued and the customer told."),
  unknown: count("The provider's answer was lost: recovery settles it."),
  not_sent: count("The provider refused before charging (credentials, an outage, a rate limit)."),
  in_progress: count("Another attempt at it is still open."),
  provider_owned: count("The provider charges it by itself (its own recurrence)."),
  provider_declined: count("A provider that never retries declined it: the unit's schedule retries it."),
  no_method: count("The unit offers no method the run can charge by itself."),
  nothing_due: count("Paid, canceled, or its contract no longer collects."),
  past_due: count("The retry schedule is spent: the contract is now `past_due`."),
  held: count("A later line of a `past_due` contract, not charged until it is paid up."),
  error: count("A bug or a storage failure; the first ones are in `errors`."),
} satisfies Record<DueGroupOutcome["kind"], z.ZodType>;

/** What one billing run did in one unit (`BillingRunRecord`); only runs that did something there are kept. */
export const billingRunView = z.looseObject({
  id: z.string(),
  unitId: z.string(),
  owner: z
    .string()
    .meta({ description: "The worker that ran it (`BillingRunOptions.owner`, or its lease id)." }),
  startedAt: instant,
  finishedAt: instant,
  report: z.looseObject({
    startedAt: instant,
    finishedAt: instant,
    claimed: count("Installments claimed (lines due together count each)."),
    periodsScheduled: count("Periods added to open-ended contracts."),
    renewed: count("Contracts whose term ended and that renewed."),
    ended: count("Contracts whose term ended without renewing."),
    reminders: z.object({
      beforeDue: count("Reminders sent before the due date."),
      overdue: count("Reminders sent after it, while unpaid."),
    }),
    outcomes: z.looseObject(billingOutcomeCounts).meta({
      description: "Each due group (a contract's lines due together) counted once, by its outcome.",
    }),
    errors: z
      .array(z.object({ installmentId: z.string(), message: z.string() }))
      .meta({ description: "The first errors met in the unit, at most 20." }),
  }),
});

/** A unit's latest billing runs, newest first. */
export const billingRunList = z.object({ data: z.array(billingRunView) });
