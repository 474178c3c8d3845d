/**
 * Sales through the library — `tessera.sales.start` with an approved card token, each buyer
 * new — on any storage, with the sandbox as provider.
 *
 * The sandbox is an in-process fake whose calls cost more the more it holds: a card payment
 * on a sandbox with 5000 charges costs twice what it does on a fresh one, and with 4000 live
 * card tokens (what tokenizing every input before the clock starts leaves) a few hundred
 * times. So a world spreads its sales over several sandbox gateways ("vaults"), one unit
 * with the bench plan on each, so that none holds more than `salesPerVault` tokens and
 * charges: the run then measures the library, not the growth of the fake's books. Every unit
 * is alike, so every sale does the same work.
 */
import { createTessera, type SaleInput, type Storage, type Tessera } from "@tessera/core";
import { createSandboxGateway, type SandboxGateway } from "@tessera/core/sandbox";
import { type BenchBuyer, buyerSequence } from "./bench-buyers";
import { benchPlan, type SaleCatalog } from "./sale-floor-rows";

const salesPerVault = 40;

export interface LibrarySales {
  /** The first vault's catalog, to set up a floor on the same shape of data. */
  catalog: SaleCatalog;
  /**
   * Inputs for the next `count` sales — buyers made and cards tokenized now, before any
   * clock starts — dealt round the vaults.
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
  const vaults = Math.max(1, Math.ceil(options.sales / salesPerVault));
  let providerMs = 0;
  const sandboxes: SandboxGateway[] = Array.from({ length: vaults }, (_, i) =>
    createSandboxGateway({ id: `sandbox-${i}`, latencyMs: options.latencyMs }),
  );
  const gateways = sandboxes.map((sandbox) => ({
    ...sandbox,
    async createPayment(request: Parameters<SandboxGateway["createPayment"]>[0]) {
      const start = performance.now();
      try {
        return await sandbox.createPayment(request);
      } finally {
        providerMs += performance.now() - start;
      }
    },
  }));
  const tessera: Tessera = createTessera({ storage, gateways });
  const organization = await tessera.organizations.createOrganization({ name: "Bench Studio" });
  const catalogs: SaleCatalog[] = [];
  for (const [i, sandbox] of sandboxes.entries()) {
    const unit = await tessera.organizations.createUnit({
      organizationId: organization.id,
      name: `Unidade ${i}`,
      slug: `bench-${i}`,
      paymentMethods: [{ method: "card", gatewayId: sandbox.id }],
    });
    const plan = await tessera.plans.create({
      unitId: unit.id,
      ...benchPlan,
      onlineSale: { enabled: true, slug: "mensal" },
    });
    catalogs.push({
      organizationId: organization.id,
      unitId: unit.id,
      planId: plan.id,
      gatewayId: sandbox.id,
    });
  }

  const buyers = buyerSequence();
  let dealt = 0;
  const inputFor = async (buyer: BenchBuyer, vault: number): Promise<SaleInput> => {
    const sandbox = sandboxes[vault]!;
    const { token } = await sandbox.sandbox.tokenizeCard({
      number: sandbox.sandbox.testCards.approvedVisa.number,
      holder: "BENCH BUYER",
      expMonth: 12,
      expYear: 2030,
      cvc: "123",
    });
    const { unitId, planId } = catalogs[vault]!;
    return {
      unitId,
      planId,
      buyer: { name: buyer.name, email: buyer.email, document: { kind: "cpf", value: buyer.cpf } },
      method: "card",
      card: { type: "token", token },
      idempotencyKey: buyer.idempotencyKey,
      source: "online",
    };
  };

  return {
    catalog: catalogs[0]!,
    prepare: (count) => Promise.all(buyers(count).map((buyer) => inputFor(buyer, dealt++ % vaults))),
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
