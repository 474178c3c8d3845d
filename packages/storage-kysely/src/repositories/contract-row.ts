import type { Contract, Id } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { ContractsTable } from "../database";

export function contractToRow(contract: Contract, codec: ColumnCodec): Insertable<ContractsTable> {
  return {
    id: contract.id,
    unit_id: contract.unitId,
    customer_id: contract.customerId,
    plan_id: contract.planId,
    terms: codec.json(contract.terms),
    status: contract.status,
    start_date: contract.startDate,
    billing_day: contract.billingDay,
    end_date: contract.endDate,
    next_period_on: contract.nextPeriodOn,
    origin: contract.origin,
    renews_contract_id: contract.renewsContractId,
    payment_issue: codec.nullableJson(contract.paymentIssue),
    created_at: contract.createdAt,
    updated_at: contract.updatedAt,
    version: contract.version,
  };
}

export function contractFromRow(row: Selectable<ContractsTable>, codec: ColumnCodec): Contract {
  return {
    id: row.id as Id<"contract">,
    unitId: row.unit_id as Id<"unit">,
    customerId: row.customer_id as Id<"customer">,
    planId: row.plan_id as Id<"plan">,
    terms: codec.readJson(row.terms),
    status: row.status as Contract["status"],
    startDate: row.start_date,
    billingDay: row.billing_day,
    endDate: row.end_date,
    nextPeriodOn: row.next_period_on,
    origin: row.origin as Contract["origin"],
    renewsContractId: row.renews_contract_id as Id<"contract"> | null,
    paymentIssue: codec.readNullableJson(row.payment_issue),
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
