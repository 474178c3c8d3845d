import type { Id, OperationMode, Unit } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import { everyColumn, type UnitsTable } from "../database";

/**
 * Every column of `units`, by name: its hot read (`findById`, twice in each sale) lists them
 * rather than `*`, so PostgreSQL keeps it as a named statement (`named-statements.ts` names
 * none with a `*`, whose result another instance's migration could widen).
 */
export const unitColumns = everyColumn<UnitsTable>()([
  "id",
  "organization_id",
  "name",
  "slug",
  "time_zone",
  "currency",
  "locale",
  "notification_emails",
  "client_fee_basis_points",
  "payment_methods",
  "checkout_fields",
  "dunning_retry_days",
  "renewal_terms",
  "reminder_days",
  "created_at",
  "updated_at",
]);

export function unitToRow(unit: Unit, codec: ColumnCodec): Insertable<UnitsTable> {
  return {
    id: unit.id,
    organization_id: unit.organizationId,
    name: unit.name,
    slug: unit.slug,
    time_zone: unit.timeZone,
    currency: unit.currency,
    locale: unit.locale,
    notification_emails: codec.json(unit.notificationEmails),
    client_fee_basis_points: unit.clientFeeBasisPoints,
    payment_methods: codec.json(unit.paymentMethods),
    checkout_fields: codec.json(unit.checkoutFields),
    dunning_retry_days: codec.json(unit.dunningRetryDays),
    renewal_terms: unit.renewalTerms,
    reminder_days: codec.json(unit.reminderDays),
    created_at: unit.createdAt,
    updated_at: unit.updatedAt,
  };
}

export function unitFromRow(row: Selectable<UnitsTable>, codec: ColumnCodec): Unit {
  return {
    id: row.id as Id<"unit">,
    organizationId: row.organization_id as Id<"organization">,
    name: row.name,
    slug: row.slug,
    timeZone: row.time_zone,
    currency: row.currency,
    locale: row.locale as Unit["locale"],
    notificationEmails: codec.readJson(row.notification_emails),
    clientFeeBasisPoints: row.client_fee_basis_points,
    // Rows written before operation modes existed hold integrated methods.
    paymentMethods: codec
      .readJson<Array<Omit<Unit["paymentMethods"][number], "mode"> & { mode?: OperationMode }>>(
        row.payment_methods,
      )
      .map((entry) => ({ ...entry, mode: entry.mode ?? "integrated" })),
    checkoutFields: codec.readJson(row.checkout_fields),
    dunningRetryDays: codec.readJson(row.dunning_retry_days),
    renewalTerms: row.renewal_terms as Unit["renewalTerms"],
    reminderDays: codec.readJson(row.reminder_days),
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
  };
}
