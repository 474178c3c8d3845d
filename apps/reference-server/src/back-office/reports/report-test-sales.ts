import type { ComposedTestServer } from "../../http/test-app";

/** A second buyer for the reports' tests. */
export const buyerJoao = {
  name: "João Conceição",
  email: "joao@example.com",
  document: { kind: "cpf" as const, value: "111.444.777-35" },
  phone: "+55 21 97777-1234",
};

/**
 * A sale of one of the demo's plans paid by card at the online checkout, as a buyer makes it
 * (the card tokenized by the sandbox, as the provider's script does): the rows the reports list.
 */
export async function cardSale(
  server: Pick<ComposedTestServer, "tessera" | "sandbox" | "unit" | "plans">,
  options: {
    plan: string;
    buyer: { name: string; email: string; document: { kind: "cpf"; value: string }; phone: string };
    card: "approvedVisa" | "insufficientFunds";
    key: string;
  },
) {
  const plan = server.plans.find((candidate) => candidate.name === options.plan);
  if (!plan) throw new Error(`the demo has no plan ${options.plan}`);
  const { token } = await server.sandbox.sandbox.tokenizeCard({
    number: server.sandbox.sandbox.testCards[options.card].number,
    holder: options.buyer.name.toUpperCase(),
    expMonth: 12,
    expYear: 2099,
    cvc: "123",
  });
  return server.tessera.sales.start({
    unitId: server.unit.id,
    planId: plan.id,
    buyer: options.buyer,
    method: "card",
    card: { type: "token", token },
    idempotencyKey: options.key,
    source: "online",
  });
}
