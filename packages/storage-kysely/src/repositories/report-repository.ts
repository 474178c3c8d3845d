import {
  type ContractStatus,
  type ContractTerms,
  customerSearchTerms,
  type Id,
  type InstallmentKind,
  type InstallmentStatus,
  type PaymentMethod,
  type PaymentStatus,
  type ReportRepository,
} from "@tessera/core";
import { type ExpressionBuilder, sql } from "kysely";
import type { Database } from "../database";
import type { RepositoryContext } from "../repository-context";

/** The methods whose installments the recurring-credit report lists (a card charged again, a provider's link). */
const creditMethods = ["card", "payment_link"] as const;

/** `%`, `_` and the escape itself match literally (the terms are already folded). */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function customerMatches(eb: ExpressionBuilder<Database, "customers">, search: string) {
  const terms = customerSearchTerms(search);
  return eb.or(
    terms.map(
      (term) => sql<boolean>`${sql.ref("customers.search_key")} like ${likePattern(term)} escape '\\'`,
    ),
  );
}

export function createReportRepository(ctx: RepositoryContext): ReportRepository {
  const { db, codec } = ctx;
  return {
    async recurringCreditBatch(query) {
      if (query.unitIds.length === 0) return [];
      let select = db
        .selectFrom("installments")
        .innerJoin("contracts", "contracts.id", "installments.contract_id")
        .innerJoin("customers", "customers.id", "installments.customer_id")
        // The latest attempt: the link with the highest payment id for the installment.
        .leftJoin("payment_installments as link", (join) =>
          join
            .onRef("link.installment_id", "=", "installments.id")
            .on((eb) =>
              eb.not(
                eb.exists(
                  eb
                    .selectFrom("payment_installments as newer")
                    .select(sql.lit(1).as("one"))
                    .whereRef("newer.installment_id", "=", "installments.id")
                    .whereRef("newer.payment_id", ">", "link.payment_id"),
                ),
              ),
            ),
        )
        .leftJoin("payments", "payments.id", "link.payment_id")
        .select([
          "installments.id as installment_id",
          "installments.unit_id",
          "installments.contract_id",
          "installments.customer_id",
          "customers.name as customer_name",
          "contracts.terms",
          "installments.sequence",
          "installments.kind",
          "installments.amount",
          "installments.currency",
          "installments.due_date",
          "installments.status as installment_status",
          "installments.confirmed_at",
          "payments.id as payment_id",
          "payments.status as payment_status",
          "payments.method",
          "payments.gateway_id",
          "payments.failure_code",
          "payments.failure_message",
        ])
        .where("installments.unit_id", "in", [...query.unitIds])
        .where("installments.due_date", ">=", query.from)
        .where("installments.due_date", "<=", query.to)
        .where((eb) =>
          eb.or([
            eb("payments.method", "in", [...creditMethods]),
            eb.exists(
              eb
                .selectFrom("recurrences")
                .select(sql.lit(1).as("one"))
                .whereRef("recurrences.contract_id", "=", "installments.contract_id"),
            ),
          ]),
        );
      if (query.customerId) select = select.where("installments.customer_id", "=", query.customerId);
      const search = query.customerSearch;
      if (search && customerSearchTerms(search).length > 0)
        select = select.where((eb) => customerMatches(eb, search));
      const after = query.after;
      if (after) {
        select = select.where((eb) =>
          eb.or([
            eb("installments.due_date", ">", after.dueDate),
            eb.and([
              eb("installments.due_date", "=", after.dueDate),
              eb("installments.id", ">", after.installmentId),
            ]),
          ]),
        );
      }
      const rows = await select
        .orderBy("installments.due_date")
        .orderBy("installments.id")
        .limit(query.limit)
        .execute();
      return rows.map((row) => ({
        installmentId: row.installment_id as Id<"installment">,
        unitId: row.unit_id as Id<"unit">,
        contractId: row.contract_id as Id<"contract">,
        customerId: row.customer_id as Id<"customer">,
        customerName: row.customer_name,
        planName: codec.readJson<ContractTerms>(row.terms).planName,
        sequence: row.sequence,
        kind: row.kind as InstallmentKind,
        amount: { amount: codec.readBigint(row.amount), currency: row.currency },
        dueDate: row.due_date,
        installmentStatus: row.installment_status as InstallmentStatus,
        confirmedAt: codec.readNullableInstant(row.confirmed_at),
        paymentId: (row.payment_id ?? null) as Id<"payment"> | null,
        paymentStatus: (row.payment_status ?? null) as PaymentStatus | null,
        method: (row.method ?? null) as PaymentMethod | null,
        gatewayId: row.gateway_id ?? null,
        failureCode: row.failure_code ?? null,
        failureMessage: row.failure_message ?? null,
      }));
    },

    async onlineSignUpBatch(query) {
      if (query.unitIds.length === 0) return [];
      let select = db
        .selectFrom("contracts")
        .innerJoin("customers", "customers.id", "contracts.customer_id")
        .select([
          "contracts.id",
          "contracts.unit_id",
          "contracts.customer_id",
          "customers.name as customer_name",
          "customers.email as customer_email",
          "contracts.terms",
          "contracts.status",
          "contracts.start_date",
          "contracts.created_at",
        ])
        .where("contracts.unit_id", "in", [...query.unitIds])
        .where("contracts.origin", "=", "online")
        .where("contracts.start_date", ">=", query.from)
        .where("contracts.start_date", "<=", query.to);
      if (query.customerId) select = select.where("contracts.customer_id", "=", query.customerId);
      const search = query.customerSearch;
      if (search && customerSearchTerms(search).length > 0)
        select = select.where((eb) => customerMatches(eb, search));
      if (query.after) select = select.where("contracts.id", ">", query.after.contractId);
      const rows = await select.orderBy("contracts.id").limit(query.limit).execute();
      return rows.map((row) => {
        const terms = codec.readJson<ContractTerms>(row.terms);
        return {
          contractId: row.id as Id<"contract">,
          unitId: row.unit_id as Id<"unit">,
          customerId: row.customer_id as Id<"customer">,
          customerName: row.customer_name,
          customerEmail: row.customer_email,
          planName: terms.planName,
          price: terms.price,
          enrollmentFee: terms.enrollmentFee,
          status: row.status as ContractStatus,
          startDate: row.start_date,
          createdAt: codec.readInstant(row.created_at),
        };
      });
    },
  };
}
