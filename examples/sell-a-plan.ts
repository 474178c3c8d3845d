/**
 * The library quickstart (docs/library-quickstart.md) as one program: open a storage, find
 * or create a studio, a location and a plan, sell the plan by card through the sandbox, and
 * print the contract and its installments. It can be run again and again on the same
 * database: the second run finds the studio by its slug and the plan by its own, and the
 * sale's idempotency key answers the first sale again (`replayed`) instead of selling twice.
 *
 * In a project of your own (see the quickstart's "Install"):
 *   npx tsx sell-a-plan.ts                                    # SQLite file ./data/quickstart.db
 *   DATABASE_URL=postgres://user@127.0.0.1:5432/db npx tsx sell-a-plan.ts   # PostgreSQL
 * In this repository, without a build: `npx tsx --conditions=@tessera/source examples/sell-a-plan.ts`.
 * Exits 0 when the plan is sold, 1 otherwise.
 */
import { createTessera, formatMoney, type Storage, type Tessera, type Unit } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";

/**
 * PostgreSQL when DATABASE_URL is set (in DATABASE_SCHEMA, when given), otherwise a SQLite
 * file. Both create or update their tables on open. Imported on demand, so a project that
 * installed only one of the two packages runs.
 */
async function openStorage(): Promise<Storage> {
  const url = process.env["DATABASE_URL"];
  if (url) {
    const { createPostgresStorage } = await import("@tessera/storage-postgres");
    return createPostgresStorage({ url, schema: process.env["DATABASE_SCHEMA"] || undefined });
  }
  const { createSqliteStorage } = await import("@tessera/storage-sqlite");
  return createSqliteStorage({ filename: "./data/quickstart.db" }); // the directory is created
}

/** A studio and its location, found by the location's slug (unique in the installation). */
async function findOrCreateUnit(tessera: Tessera): Promise<Unit> {
  const existing = await tessera.organizations.findUnitBySlug("aurora-paulista");
  if (existing) return existing;
  const studio = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
  return tessera.organizations.createUnit({
    organizationId: studio.id,
    name: "Paulista",
    slug: "aurora-paulista", // timezone America/Sao_Paulo, BRL, pt-BR by default
    paymentMethods: [
      { method: "card", gatewayId: "sandbox" },
      { method: "pix", gatewayId: "sandbox" },
    ],
  });
}

const storage = await openStorage();
const sandbox = createSandboxGateway(); // a provider for trying things out
const tessera = createTessera({ storage, gateways: [sandbox] });

try {
  const unit = await findOrCreateUnit(tessera);

  // A plan, found by its online-sale slug within the unit.
  const plan =
    (await tessera.plans.findOnSale(unit.id, "trimestral")) ??
    (await tessera.plans.create({
      unitId: unit.id,
      name: "Plano Trimestral",
      price: { amount: 12990, currency: "BRL" }, // per period: R$ 129,90, in integer centavos
      interval: { unit: "month", count: 1 }, // a period is one month (the default)
      installmentCount: 3, // three periods, then it ends; null = until cancelled
      enrollmentFee: { amount: 4900, currency: "BRL" }, // once, with the first period
      onlineSale: { enabled: true, slug: "trimestral" },
    }));

  // The buyer's browser turns the card into a token at the provider; here the sandbox plays that part.
  const card = await sandbox.sandbox.tokenizeCard({
    number: "4111 1111 1111 1111", // the sandbox's approved Visa
    holder: "MARIA SOUZA",
    expMonth: 12,
    expYear: 2030,
    cvc: "123",
  });
  // card: { token: "tok_…", brand: "visa", last4: "1111", expiresAt: "…" } — single-use, 15 minutes

  const outcome = await tessera.sales.start({
    unitId: unit.id,
    planId: plan.id,
    method: "card", // or "pix", "boleto" (boleto needs buyer.address)
    card: { type: "token", token: card.token },
    buyer: {
      name: "Maria Souza",
      email: "maria@example.com",
      document: { kind: "cpf", value: "529.982.247-25" },
    },
    idempotencyKey: "order-2026-0001", // your own request id: the same one never sells twice
  });

  switch (outcome.status) {
    case "succeeded": // paid: the contract is active
    case "no_charge": // nothing to collect now (a free plan): active as well
      console.log(
        `${outcome.replayed ? "Replayed" : "Sold"}: ${plan.name} to ${outcome.customer.name}, contract ${outcome.contract.id} ${outcome.contract.status} from ${outcome.contract.startDate}`,
      );
      break;
    case "pending": // PIX or boleto: show outcome.action (QR payload, boleto line)
    case "requires_action": // send the payer to outcome.action.url
      console.log(`The payer must act: ${outcome.action.type}`);
      break;
    case "declined": // the customer is blocked until a payment succeeds; tell the buyer why
      console.log(`Declined (${outcome.declineCode}): show the message ${outcome.messageKey}`);
      break;
    case "processing": // the provider is still preparing what the payer needs
    case "authorized": // the card's money is held until payments.capture
    case "unknown": // no answer yet: NOT a failure (the buyer may have paid); recovery settles it
      console.log(`Waiting (${outcome.status}): a webhook, payments.refresh or payments.recover settles it`);
      break;
    case "canceled": // the attempt was dropped; the contract still waits for payment
    case "not_sent": // the provider or our set-up refused it before charging: nobody is blocked
      console.log(`Not paid (${outcome.status}): the contract waits for another attempt`);
      break;
  }
  for (const line of outcome.installments) {
    console.log(
      `  #${line.sequence} ${line.kind.padEnd(14)} due ${line.dueDate}  ${formatMoney(line.amount, "pt-BR")}  ${line.status}`,
    );
  }
  for (const recurrence of await tessera.recurrences.listByContract(outcome.contract.id)) {
    console.log(
      `The provider charges the next periods itself from ${recurrence.terms.secondChargeOn} (${recurrence.status})`,
    );
  }
  // On a timer in a real system: asks the provider about payments left open (none here).
  await tessera.payments.recover();
  process.exitCode = outcome.status === "succeeded" ? 0 : 1;
} finally {
  await storage.close(); // a PostgreSQL pool left open would keep the process alive
}
