import { z } from "zod";
import type { Id } from "../ids/id";
import { isId } from "../ids/id";
import { operationModes } from "../organizations/unit";
import { calendarDateSchema } from "../time/calendar-date";
import { recurringCreditStatuses } from "./recurring-credit-status";
import { reportPeriodSchema } from "./report-period";

const unitIdSchema = z
  .string()
  .refine((value) => isId("unit", value), "must be a unit id")
  .transform((value) => value as Id<"unit">);
const customerIdSchema = z
  .string()
  .refine((value) => isId("customer", value), "must be a customer id")
  .transform((value) => value as Id<"customer">);

/** What every report narrows by: the unit asked from, whether the whole organization, and the period. */
const reportBaseSchema = z.object({
  /** The unit the report is asked from: its timezone resolves the period presets. */
  unitId: unitIdSchema,
  /** `organization`: every unit of the unit's organization — only for an organization-scoped actor. */
  scope: z.enum(["unit", "organization"]).default("unit"),
  period: reportPeriodSchema,
  /** Rows read per storage query; memory holds one batch at a time (the server's exports read 3,000). */
  batchSize: z.number().int().min(1).max(5000).default(500),
});

/** The recurring-credit report's filters (BEMP seed: período, status, modo de operação, cliente, unidade). */
export const recurringCreditInputSchema = reportBaseSchema.extend({
  status: z.enum(recurringCreditStatuses).optional(),
  mode: z.enum(operationModes).optional(),
  customerId: customerIdSchema.optional(),
  customerSearch: z.string().trim().max(200).optional(),
  /** Start after this row (a page's last, as `RecurringCreditCursor`): the API's cursor pages. */
  after: z
    .object({
      dueDate: calendarDateSchema,
      installmentId: z
        .string()
        .refine((value) => isId("installment", value), "must be an installment id")
        .transform((value) => value as Id<"installment">),
    })
    .optional(),
});
export type RecurringCreditInput = z.input<typeof recurringCreditInputSchema>;

/** The online sign-ups report's filters (Conexa seed: "registrado por contratação online"). */
export const onlineSignUpsInputSchema = reportBaseSchema.extend({
  customerId: customerIdSchema.optional(),
  customerSearch: z.string().trim().max(200).optional(),
  /** Start after this contract (a page's last, as `OnlineSignUpCursor`). */
  after: z
    .object({
      contractId: z
        .string()
        .refine((value) => isId("contract", value), "must be a contract id")
        .transform((value) => value as Id<"contract">),
    })
    .optional(),
});
export type OnlineSignUpsInput = z.input<typeof onlineSignUpsInputSchema>;
