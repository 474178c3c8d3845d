import type { Plan } from "../../catalog/plan";
import type { Organization } from "../../organizations/organization";
import type { Unit } from "../../organizations/unit";
import type { Plugin } from "../../plugins/define-plugin";
import type { CardInput } from "../../ports/gateway";
import type { Storage } from "../../ports/storage";
import { createSandboxGateway, type SandboxGateway } from "../../sandbox/sandbox-gateway";
import type { SandboxGatewayOptions } from "../../sandbox/sandbox-options";
import type { sandboxTestCards } from "../../sandbox/test-cards";
import { createTessera, type Tessera } from "../../tessera/create-tessera";
import type { Instant } from "../../time/instant";
import { createManualClock, type ManualClock } from "../manual-clock";

export { rejection } from "../tessera-rejection";

/** One scenario's world: a storage, a Tessera on it, the sandbox provider and a studio. */
export interface ScenarioEnv {
  storage: Storage;
  tessera: Tessera;
  clock: ManualClock;
  sandbox: SandboxGateway;
  org: Organization;
  unit: Unit;
  /** Monthly, open-ended, with an enrollment fee. */
  monthly: Plan;
  /** Twelve monthly installments. */
  annual: Plan;
  /** A pass activated by a staff code. */
  pass: Plan;
  /** A card token, made the way the provider's browser script makes it. */
  card(name: keyof typeof sandboxTestCards): Promise<CardInput>;
}

/** São Paulo noon on 2026-03-10. */
export const scenarioStart: Instant = "2026-03-10T15:00:00.000Z";

export const brl = (amount: number) => ({ amount, currency: "BRL" });

export const buyerAna = {
  name: "Ana Souza",
  email: "ana@example.com",
  document: { kind: "cpf" as const, value: "529.982.247-25" },
  phone: "+55 11 98888-7777",
};

export const address = {
  street: "Rua das Flores",
  number: "100",
  district: "Centro",
  city: "São Paulo",
  state: "SP",
  postalCode: "01001-000",
};

export async function createScenarioEnv(
  storage: Storage,
  options: {
    plugins?: Plugin[];
    clientFeeBasisPoints?: number;
    start?: Instant;
    unitSlug?: string;
    /** The sandbox's own options beyond the clock and secret (`providerRecurrence: false`, …). */
    sandbox?: Partial<SandboxGatewayOptions>;
  } = {},
): Promise<ScenarioEnv> {
  const clock = createManualClock(options.start ?? scenarioStart);
  const sandbox = createSandboxGateway({
    ...options.sandbox,
    clock,
    webhookSecret: "scenario-secret-0123456789",
  });
  const tessera = createTessera({ storage, clock, gateways: [sandbox], plugins: options.plugins ?? [] });
  const org = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
  const unit = await tessera.organizations.createUnit({
    organizationId: org.id,
    name: "Centro",
    slug: options.unitSlug ?? "aurora-centro",
    clientFeeBasisPoints: options.clientFeeBasisPoints ?? 0,
    paymentMethods: [
      { method: "card", gatewayId: "sandbox" },
      { method: "pix", gatewayId: "sandbox" },
      { method: "boleto", gatewayId: "sandbox" },
    ],
  });
  const monthly = await tessera.plans.create({
    unitId: unit.id,
    name: "Mensal",
    price: brl(14990),
    enrollmentFee: brl(5000),
    autoRenew: true,
    quotas: [{ name: "aulas", quantity: 8 }],
    onlineSale: { enabled: true, slug: "mensal" },
  });
  const annual = await tessera.plans.create({
    unitId: unit.id,
    name: "Anual",
    price: brl(9990),
    installmentCount: 12,
    onlineSale: { enabled: true, slug: "anual" },
  });
  const pass = await tessera.plans.create({
    unitId: unit.id,
    name: "10 aulas",
    kind: "pass",
    price: brl(40000),
    quotas: [{ name: "aulas", quantity: 10 }],
    activationMode: "staff_code",
    onlineSale: { enabled: true, slug: "10-aulas" },
  });
  return {
    storage,
    tessera,
    clock,
    sandbox,
    org,
    unit,
    monthly,
    annual,
    pass,
    async card(name) {
      const { token } = await sandbox.sandbox.tokenizeCard({
        number: sandbox.sandbox.testCards[name].number,
        holder: "ANA SOUZA",
        expMonth: 12,
        expYear: 2030,
        cvc: "123",
      });
      return { type: "token", token };
    },
  };
}
