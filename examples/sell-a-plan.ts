/**
 * The library quickstart (docs/library-quickstart.md), as a program: create a studio and a
 * plan, sell it by card through the sandbox, and print the contract and its installments.
 * Run it: `npx tsx --conditions=@tessera/source examples/sell-a-plan.ts`
 */
import { createTessera, formatMoney } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createSqliteStorage } from "@tessera/storage-sqlite";

export async function sellAPlan(log: (line: string) => void = console.log): Promise<string> {
  // 1. Ports: where to keep things, and who collects the money.
  const storage = await createSqliteStorage({ filename: ":memory:" });
  const sandbox = createSandboxGateway();
  const tessera = createTessera({ storage, gateways: [sandbox] });

  try {
    // 2. A studio, one location, and what it sells.
    const studio = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
    const unit = await tessera.organizations.createUnit({
      organizationId: studio.id,
      name: "Centro",
      slug: "aurora-centro",
      paymentMethods: [
        { method: "card", gatewayId: "sandbox" },
        { method: "pix", gatewayId: "sandbox" },
      ],
    });
    const plan = await tessera.plans.create({
      unitId: unit.id,
      name: "Plano Trimestral",
      price: { amount: 12990, currency: "BRL" }, // R$ 129,90 a month
      installmentCount: 3,
      enrollmentFee: { amount: 4900, currency: "BRL" },
    });

    // 3. The buyer's browser turns the card into a token at the provider (never our server).
    const { token } = await sandbox.sandbox.tokenizeCard({
      number: "4111111111111111",
      holder: "MARIA SOUZA",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });

    // 4. Sell. The idempotency key makes a double submit return this same sale.
    const outcome = await tessera.sales.start({
      unitId: unit.id,
      planId: plan.id,
      method: "card",
      card: { type: "token", token },
      buyer: {
        name: "Maria Souza",
        email: "maria@example.com",
        document: { kind: "cpf", value: "529.982.247-25" },
      },
      idempotencyKey: "order-2026-0001",
    });

    // 5. Every outcome is a value to switch on.
    switch (outcome.status) {
      case "succeeded":
        log(
          `Contract ${outcome.contract.id} is ${outcome.contract.status}, starting ${outcome.contract.startDate}`,
        );
        break;
      case "pending":
      case "requires_action":
        log(`The payer must act: ${outcome.action.type}`);
        break;
      case "declined":
        log(`Declined: ${outcome.declineCode}`);
        break;
      case "canceled":
      case "unknown":
        log(`Not settled yet (${outcome.status}): recovery will settle it`);
        break;
    }
    for (const line of outcome.installments) {
      log(
        `  #${line.sequence} ${line.kind.padEnd(14)} due ${line.dueDate}  ${formatMoney(line.amount, "pt-BR")}  ${line.status}`,
      );
    }
    return outcome.status;
  } finally {
    await storage.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await sellAPlan();
}
