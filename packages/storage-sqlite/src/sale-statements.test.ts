import { createTessera } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { expect, it } from "vitest";
import { createSqliteStorage } from "./sqlite-storage";

/** `select from "units"`, `insert into "payments"`: a statement's verb and its main table. */
function shapeOf(sql: string): string {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "?";
  // The outer query's table comes last: a derived column's subquery (the customer's
  // "blocked" EXISTS) names its own table first.
  const tables = [...sql.matchAll(/\b(?:from|into|update)\s+"?(\w+)"?/gi)].map((m) => m[1]);
  return `${verb} ${(verb === "select" ? tables.at(-1) : tables[0]) ?? "?"}`;
}

/**
 * What one new customer's card sale costs in SQL. A change that adds a statement fails here
 * with the whole list, so it is a decision, not an accident. Fewer is welcome: update the
 * list (the bench, `npm run bench -- sales --details`, shows the same with transactions).
 */
const expected = [
  // the sale's checks, before any transaction
  "select units",
  "select plans",
  "select idempotency_keys",
  // transaction 1: the write-ahead
  "select customers",
  "insert customers",
  "insert outbox",
  "insert contracts",
  "insert installments",
  "insert payments",
  "insert payment_installments",
  "insert idempotency_keys",
  "insert outbox",
  // transaction 2: the provider's answer applied
  "select payments",
  "select payment_installments",
  "update payments",
  "select payment_installments",
  "select installments",
  "select contracts",
  "select customers",
  "update installments",
  "update installments",
  "update contracts",
  "select customers",
  "insert outbox",
];

it("sells a plan to a new customer by card in exactly the listed statements", async () => {
  const statements: string[] = [];
  let counting = false;
  const storage = await createSqliteStorage({
    onQuery: (sql) => {
      if (counting && !/^\s*(begin|commit|rollback)\b/i.test(sql)) statements.push(shapeOf(sql));
    },
  });
  try {
    const sandbox = createSandboxGateway();
    const tessera = createTessera({ storage, gateways: [sandbox] });
    const org = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
    const unit = await tessera.organizations.createUnit({
      organizationId: org.id,
      name: "Centro",
      slug: "aurora-centro",
      paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
    });
    const plan = await tessera.plans.create({
      unitId: unit.id,
      name: "Mensal",
      price: { amount: 14990, currency: "BRL" },
      enrollmentFee: { amount: 5000, currency: "BRL" },
      onlineSale: { enabled: true, slug: "mensal" },
    });
    const { token } = await sandbox.sandbox.tokenizeCard({
      number: sandbox.sandbox.testCards.approvedVisa.number,
      holder: "ANA SOUZA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    counting = true;
    const outcome = await tessera.sales.start({
      unitId: unit.id,
      planId: plan.id,
      method: "card",
      card: { type: "token", token },
      idempotencyKey: "statement-count-0001",
      buyer: {
        name: "Ana Souza",
        email: "ana@example.com",
        document: { kind: "cpf", value: "529.982.247-25" },
      },
    });
    counting = false;
    expect(outcome.status).toBe("succeeded");
    expect(statements).toEqual(expected);
  } finally {
    await storage.close();
  }
});
