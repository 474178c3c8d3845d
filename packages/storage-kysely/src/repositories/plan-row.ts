import type { Id, Plan } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import { everyColumn, type PlansTable } from "../database";

/**
 * Every column of `plans`, by name: its hot read (`findById`, twice in each sale) lists them
 * rather than `*`, so PostgreSQL keeps it as a named statement (`named-statements.ts` names
 * none with a `*`, whose result another instance's migration could widen).
 */
export const planColumns = everyColumn<PlansTable>()([
  "id",
  "unit_id",
  "name",
  "description",
  "kind",
  "price_amount",
  "price_currency",
  "interval_unit",
  "interval_count",
  "installment_count",
  "enrollment_fee_amount",
  "enrollment_fee_currency",
  "auto_renew",
  "quotas",
  "online_enabled",
  "online_slug",
  "online_button_text",
  "online_button_design",
  "activation_mode",
  "status",
  "created_at",
  "updated_at",
  "version",
]);

export function planToRow(plan: Plan, codec: ColumnCodec): Insertable<PlansTable> {
  return {
    id: plan.id,
    unit_id: plan.unitId,
    name: plan.name,
    description: plan.description,
    kind: plan.kind,
    price_amount: plan.price.amount,
    price_currency: plan.price.currency,
    interval_unit: plan.interval.unit,
    interval_count: plan.interval.count,
    installment_count: plan.installmentCount,
    enrollment_fee_amount: plan.enrollmentFee?.amount ?? null,
    enrollment_fee_currency: plan.enrollmentFee?.currency ?? null,
    auto_renew: codec.boolean(plan.autoRenew),
    quotas: codec.json(plan.quotas),
    online_enabled: codec.boolean(plan.onlineSale.enabled),
    online_slug: plan.onlineSale.slug,
    online_button_text: plan.onlineSale.buttonText,
    online_button_design: codec.json(plan.onlineSale.buttonDesign),
    activation_mode: plan.activationMode,
    status: plan.status,
    created_at: plan.createdAt,
    updated_at: plan.updatedAt,
    version: plan.version,
  };
}

export function planFromRow(row: Selectable<PlansTable>, codec: ColumnCodec): Plan {
  const feeAmount = codec.readNullableBigint(row.enrollment_fee_amount);
  return {
    id: row.id as Id<"plan">,
    unitId: row.unit_id as Id<"unit">,
    name: row.name,
    description: row.description,
    kind: row.kind as Plan["kind"],
    price: { amount: codec.readBigint(row.price_amount), currency: row.price_currency },
    interval: { unit: row.interval_unit as Plan["interval"]["unit"], count: row.interval_count },
    installmentCount: row.installment_count,
    enrollmentFee:
      feeAmount === null || row.enrollment_fee_currency === null
        ? null
        : { amount: feeAmount, currency: row.enrollment_fee_currency },
    autoRenew: codec.readBoolean(row.auto_renew),
    quotas: codec.readJson(row.quotas),
    onlineSale: {
      enabled: codec.readBoolean(row.online_enabled),
      slug: row.online_slug,
      buttonText: row.online_button_text,
      buttonDesign: codec.readJson(row.online_button_design),
    },
    activationMode: row.activation_mode as Plan["activationMode"],
    status: row.status as Plan["status"],
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
