import type { Id, StaffSession } from "@tessera/core";
import type { Insertable, Selectable } from "kysely";
import type { ColumnCodec } from "../column-codec";
import type { StaffSessionsTable } from "../database";

export function staffSessionToRow(session: StaffSession): Insertable<StaffSessionsTable> {
  return {
    id: session.id,
    staff_id: session.staffId,
    token_hash: session.tokenHash,
    csrf_secret: session.csrfSecret,
    from_address: session.from,
    created_at: session.createdAt,
    expires_at: session.expiresAt,
    last_used_at: session.lastUsedAt,
    revoked_at: session.revokedAt,
  };
}

export function staffSessionFromRow(row: Selectable<StaffSessionsTable>, codec: ColumnCodec): StaffSession {
  return {
    id: row.id as Id<"staffSession">,
    staffId: row.staff_id as Id<"staffMember">,
    tokenHash: row.token_hash,
    csrfSecret: row.csrf_secret,
    from: row.from_address,
    createdAt: codec.readInstant(row.created_at),
    expiresAt: codec.readInstant(row.expires_at),
    lastUsedAt: codec.readInstant(row.last_used_at),
    revokedAt: codec.readNullableInstant(row.revoked_at),
  };
}
