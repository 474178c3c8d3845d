import { createIdGenerator } from "@tessera/core";
import BetterSqlite3 from "better-sqlite3";

type Row = Record<string, unknown>;

/** What the floor did: months billed, and what that cost in statements and transactions. */
export interface BillingFloorResult {
  billed: number;
  ms: number;
  statements: number;
  transactions: number;
}

/**
 * The floor of a billing run on SQLite: the same rows the library's run writes for each due
 * month of an open-ended contract billed by a kept card — the period's line and the
 * contract's next step, the payment written ahead with its link to the line, then the
 * provider's answer (payment succeeded, line confirmed and its claim dropped, the contract's
 * version, the event) — by raw better-sqlite3, every statement prepared once, three
 * `IMMEDIATE` transactions a month as the library's claim, write-ahead and answer are, and no
 * provider call at all. The pragmas are `openSqliteConnection`'s. Row shapes are copied from
 * the rows the seeding sale wrote, so nothing here restates the schema's columns by hand
 * beyond the ones that change.
 */
export function billSqliteFloor(
  file: string,
  dueOn: string,
  nextPeriodOn: string,
  now: string,
): BillingFloorResult {
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  const ids = createIdGenerator();
  let statements = 0;
  let transactions = 0;
  const prepared = new Map<string, BetterSqlite3.Statement>();
  const run = (sql: string) => {
    statements++;
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      prepared.set(sql, statement);
    }
    return statement;
  };
  const insert = (table: string, row: Row) => {
    const columns = Object.keys(row);
    run(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`).run(
      ...Object.values(row),
    );
  };
  try {
    const start = performance.now();
    const due = run(
      "select * from contracts where status = 'active' and next_period_on <= ? order by next_period_on, id",
    ).all(dueOn) as Row[];
    let billed = 0;
    for (const contract of due) {
      const line = db.transaction(() => {
        const first = run(
          "select * from installments where contract_id = ? and sequence = 1 and kind = 'period'",
        ).get(contract["id"]) as Row;
        const added: Row = {
          ...first,
          id: ids("installment"),
          sequence: 2,
          due_date: dueOn,
          period_start: dueOn,
          period_end: nextPeriodOn,
          status: "awaiting",
          confirmed_at: null,
          lease_owner: "floor",
          lease_expires_at: now,
          lease_version: 1,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        insert("installments", added);
        run(
          "update contracts set next_period_on = ?, updated_at = ?, version = version + 1 where id = ? and version = ?",
        ).run(nextPeriodOn, now, contract["id"], contract["version"]);
        return { first, added };
      });
      const { first, added } = line.immediate();
      transactions++;
      const payment = db.transaction(() => {
        const sale = run(
          "select payments.* from payments join payment_installments on payment_installments.payment_id = payments.id where payment_installments.installment_id = ?",
        ).get(first["id"]) as Row;
        const row: Row = {
          ...sale,
          id: ids("payment"),
          idempotency_key: ids("payment"),
          provider_reference: null,
          status: "pending",
          raw_status: null,
          attempt: 1,
          created_at: now,
          updated_at: now,
          version: 1,
        };
        insert("payments", row);
        insert("payment_installments", { payment_id: row["id"], installment_id: added["id"], position: 0 });
        run("update contracts set updated_at = ?, version = version + 1 where id = ?").run(
          now,
          contract["id"],
        );
        return row;
      });
      const written = payment.immediate();
      transactions++;
      const answer = db.transaction(() => {
        run(
          "update payments set status = 'succeeded', provider_reference = ?, raw_status = 'paid', updated_at = ?, version = version + 1 where id = ? and version = 1",
        ).run(ids("payment"), now, written["id"]);
        run(
          "update installments set status = 'confirmed', confirmed_at = ?, lease_owner = null, lease_expires_at = null, updated_at = ?, version = version + 1 where id = ? and version = 1",
        ).run(now, now, added["id"]);
        run("update contracts set updated_at = ?, version = version + 1 where id = ?").run(
          now,
          contract["id"],
        );
        insert("outbox", {
          id: ids("event"),
          type: "payment.succeeded",
          unit_id: contract["unit_id"],
          occurred_at: now,
          payload: JSON.stringify({ paymentId: written["id"], contractId: contract["id"] }),
          attempts: 0,
          next_attempt_at: now,
          delivered_at: null,
          last_error: null,
          lease_owner: null,
          lease_expires_at: null,
          lease_version: 0,
        });
      });
      answer.immediate();
      transactions++;
      billed++;
    }
    return { billed, ms: performance.now() - start, statements, transactions };
  } finally {
    db.close();
  }
}
