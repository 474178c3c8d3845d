import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database } from "../database";

/**
 * True when the customer has a contract that blocks them: one `past_due`, or one still
 * `pending_payment` with a payment issue (a failed checkout; Tecnofit seed). Derived in SQL
 * on every read, so the block lifts by itself the moment the contract changes — there is
 * no flag to drift, and a filtered list needs no second query.
 */
export function customerIsBlocked(eb: ExpressionBuilder<Database, "customers">) {
  return eb.exists(
    eb
      .selectFrom("contracts")
      .select(sql.lit(1).as("one"))
      .whereRef("contracts.customer_id", "=", "customers.id")
      .where((c) =>
        c.or([
          c("contracts.status", "=", "past_due"),
          c.and([
            c("contracts.status", "=", "pending_payment"),
            c("contracts.payment_issue", "is not", null),
          ]),
        ]),
      ),
  );
}

/** Customers with their derived `status` column. */
export function selectCustomers(db: Kysely<Database>) {
  return db
    .selectFrom("customers")
    .selectAll("customers")
    .select((eb) =>
      eb
        .case()
        .when(customerIsBlocked(eb))
        .then(sql.lit("blocked"))
        .else(sql.lit("active"))
        .end()
        .$castTo<"active" | "blocked">()
        .as("status"),
    );
}
