import { type Customer, customerSearchText, documentKey, type Id, type NewCustomer } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { CustomersTable } from "../database";

/** The stored columns: everything but `status`, which is derived on read. */
export function customerToRow(
  customer: NewCustomer | Customer,
  codec: ColumnCodec,
): Insertable<CustomersTable> {
  return {
    id: customer.id,
    organization_id: customer.organizationId,
    name: customer.name,
    document: codec.nullableJson(customer.document),
    document_key: customer.document ? documentKey(customer.document) : null,
    email: customer.email,
    phone: customer.phone,
    address: codec.nullableJson(customer.address),
    source: customer.source,
    attachments: codec.json(customer.attachments),
    password_hash: customer.passwordHash,
    extra_fields: codec.json(customer.extraFields),
    search_key: customerSearchText(customer),
    created_at: customer.createdAt,
    updated_at: customer.updatedAt,
    version: customer.version,
  };
}

export function customerFromRow(
  row: Selectable<CustomersTable> & { status: Customer["status"] },
  codec: ColumnCodec,
): Customer {
  return {
    id: row.id as Id<"customer">,
    organizationId: row.organization_id as Id<"organization">,
    name: row.name,
    document: codec.readNullableJson(row.document),
    email: row.email,
    phone: row.phone,
    address: codec.readNullableJson(row.address),
    status: row.status,
    source: row.source as Customer["source"],
    attachments: codec.readJson(row.attachments),
    passwordHash: row.password_hash,
    extraFields: codec.readJson(row.extra_fields),
    createdAt: codec.readInstant(row.created_at),
    updatedAt: codec.readInstant(row.updated_at),
    version: row.version,
  };
}
