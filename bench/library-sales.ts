/**
 * Sales through the library — `tessera.sales.start` with an approved card token, each buyer
 * new — on any storage, with one sandbox as provider. The sandbox costs the same at its ten
 * thousandth charge as at its first (its due index and card vault do work only for what is
 * due or expired), so every card is tokenized before the clock starts and one provider
 * serves the whole run.
 */
import { createTessera, type SaleInput, type Storage, type Tessera } from "@tessera/core";
import { createSandboxGateway, type SandboxGateway } from "@tessera/core/sandbox";
import { type BenchBuyer, buyerSequence } from "./bench-buyers";
import { benchPlan, type SaleCatalog } from "./sale-floor-rows";

export interface LibrarySales {
  /** The catalog sold from, to set up a floor on the same shape of data. */
  catalog: SaleCatalog;
  /**
   * Inputs for the next `count` sales — buyers made and cards tokenized now, before any
   * clock starts.
   */
  prepare(count: number): Promise<SaleInput[]>;
  /** One sale; throws unless it succeeded. */
  sell(input: SaleInput): Promise<void>;
  /** Milliseconds spent inside the provider's `createPayment` so far, all sales together. */
  providerMs(): number;
  close(): Promise<void>;
}

/** A world on `storage` (which it closes) for `sales` sales in all, the provider answering after `latencyMs`. */
export async function openLibrarySales(
  storage: Storage,
  options: { latencyMs: number; sales: number },
): Promise<LibrarySales> {
  let providerMs = 0;
  const sandbox = createSandboxGateway({ latencyMs: options.latencyMs });
  const gateway = {
    ...sandbox,
    async createPayment(request: Parameters<SandboxGateway["createPayment"]>[0]) {
      const start = performance.now();
      try {
        return await sandbox.createPayment(request);
      } finally {
        providerMs += performance.now() - start;
      }
    },
  };
  const tessera: Tessera = createTessera({ storage, gateways: [gateway] });
  const organization = await tessera.organizations.createOrganization({ name: "Bench Studio" });
  const unit = await tessera.organizations.createUnit({
    organizationId: organization.id,
    name: "Unidade",
    slug: "bench",
    paymentMethods: [{ method: "card", gatewayId: sandbox.id }],
  });
  const plan = await tessera.plans.create({
    unitId: unit.id,
    ...benchPlan,
    onlineSale: { enabled: true, slug: "mensal" },
  });
  const catalog: SaleCatalog = {
    organizationId: organization.id,
    unitId: unit.id,
    planId: plan.id,
    gatewayId: sandbox.id,
  };

  const buyers = buyerSequence();
  const inputFor = async (buyer: BenchBuyer): Promise<SaleInput> => {
    const { token } = await sandbox.sandbox.tokenizeCard({
      number: sandbox.sandbox.testCards.approvedVisa.number,
      holder: "BENCH BUYER",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    return {
      unitId: catalog.unitId,
      planId: catalog.planId,
      buyer: { name: buyer.name, email: buyer.email, document: { kind: "cpf", value: buyer.cpf } },
      method: "card",
      card: { type: "token", token },
      idempotencyKey: buyer.idempotencyKey,
      source: "online",
    };
  };

  return {
    catalog,
    prepare: (count) => Promise.all(buyers(count).map(inputFor)),
    async sell(input) {
      const outcome = await tessera.sales.start(input);
      if (outcome.status !== "succeeded") {
        throw new Error(`a benchmark sale with an approved card ended ${outcome.status}`);
      }
    },
    providerMs: () => providerMs,
    close: () => storage.close(),
  };
}
