import type { ActivationCode, Id } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { ActivationCodesTable } from "../database";

export function activationCodeToRow(code: ActivationCode): Insertable<ActivationCodesTable> {
  return {
    id: code.id,
    unit_id: code.unitId,
    contract_id: code.contractId,
    code: code.code,
    status: code.status,
    attached_customer_id: code.attachedCustomerId,
    valid_from: code.validFrom,
    valid_until: code.validUntil,
    attached_at: code.attachedAt,
    created_at: code.createdAt,
    version: code.version,
  };
}

export function activationCodeFromRow(
  row: Selectable<ActivationCodesTable>,
  codec: ColumnCodec,
): ActivationCode {
  return {
    id: row.id as Id<"activationCode">,
    unitId: row.unit_id as Id<"unit">,
    contractId: row.contract_id as Id<"contract">,
    code: row.code,
    status: row.status as ActivationCode["status"],
    attachedCustomerId: row.attached_customer_id as Id<"customer"> | null,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    attachedAt: codec.readNullableInstant(row.attached_at),
    createdAt: codec.readInstant(row.created_at),
    version: row.version,
  };
}
