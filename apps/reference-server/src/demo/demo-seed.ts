import { randomBytes } from "node:crypto";
import { isTesseraError, type Plan, type Tessera, type Unit } from "@tessera/core";

/** The demo unit's slug: how `seedDemo` recognises that the demo already exists. */
export const demoUnitSlug = "aurora-centro";

/** What `seedDemo` did. */
/** The demo's owner, who signs in to the back office at `/admin`. */
export const demoOwnerEmail = "dono@aurora.example";

/** What `seedDemo` did; a new demo's owner password is given once, to be shown once. */
export type DemoSeedResult =
  | { created: true; unit: Unit; plans: Plan[]; owner: { email: string; password: string } }
  | { created: false; unit: Unit };

const brl = (amount: number) => ({ amount, currency: "BRL" as const });

/**
 * Seeds the demo studio — "Estúdio Aurora", one unit in São Paulo selling four plans
 * online through the sandbox gateway — unless its unit (`aurora-centro`) already exists.
 * Running it again, or from two processes at once, leaves one demo organization.
 */
export async function seedDemo(tessera: Tessera): Promise<DemoSeedResult> {
  const existing = await tessera.organizations.findUnitBySlug(demoUnitSlug);
  if (existing) return { created: false, unit: existing };

  const organization = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
  let unit: Unit;
  try {
    unit = await tessera.organizations.createUnit({
      organizationId: organization.id,
      name: "Estúdio Aurora — Centro",
      slug: demoUnitSlug,
      timeZone: "America/Sao_Paulo",
      currency: "BRL",
      locale: "pt-BR",
      notificationEmails: ["recepcao@aurora.example"],
      paymentMethods: [
        { method: "card", gatewayId: "sandbox" },
        { method: "pix", gatewayId: "sandbox" },
        { method: "boleto", gatewayId: "sandbox" },
      ],
      // What a studio asks beyond the buyer's data (Conexa: "campos do formulário"): a
      // password for the client area, and a medical certificate kept through the file store.
      checkoutFields: [
        { key: "senha", label: "Senha da área do cliente", type: "password", required: false },
        { key: "atestado", label: "Atestado médico", type: "file", required: false },
      ],
    });
  } catch (error) {
    // Another process seeded the demo between our lookup and our insert: the slug is
    // unique, so its unit won. (Our organization stays behind, empty and unlisted.)
    const winner = isTesseraError(error, "conflict")
      ? await tessera.organizations.findUnitBySlug(demoUnitSlug)
      : null;
    if (winner) return { created: false, unit: winner };
    throw error;
  }

  const sale = (slug: string, buttonText = "Assinar") => ({ enabled: true, slug, buttonText });
  const plans = [
    await tessera.plans.create({
      unitId: unit.id,
      name: "Mensal",
      description: "Acesso livre a todas as aulas. Renova todo mês no cartão.",
      kind: "recurring",
      price: brl(18990),
      interval: { unit: "month", count: 1 },
      installmentCount: 1,
      enrollmentFee: brl(5000),
      autoRenew: true,
      onlineSale: sale("mensal"),
    }),
    await tessera.plans.create({
      unitId: unit.id,
      name: "Anual",
      description: "Doze meses de acesso livre, em 12 parcelas mensais.",
      kind: "recurring",
      price: brl(15990),
      interval: { unit: "month", count: 1 },
      installmentCount: 12,
      autoRenew: false,
      onlineSale: sale("anual"),
    }),
    await tessera.plans.create({
      unitId: unit.id,
      name: "Pacote 10 aulas",
      description: "Dez aulas para usar em até um mês.",
      kind: "recurring",
      price: brl(29900),
      interval: { unit: "month", count: 1 },
      installmentCount: 1,
      quotas: [{ name: "aulas", quantity: 10 }],
      onlineSale: sale("pacote-10-aulas", "Comprar"),
    }),
    await tessera.plans.create({
      unitId: unit.id,
      name: "Day pass",
      description: "Um dia de acesso. Apresente o código na recepção.",
      kind: "pass",
      price: brl(4500),
      interval: { unit: "day", count: 1 },
      installmentCount: 1,
      activationMode: "staff_code",
      onlineSale: sale("day-pass", "Comprar"),
    }),
  ];
  // A random password, shown once by the command that seeded: a demo left reachable from a
  // network must not open to a password everyone knows.
  const password = randomBytes(12).toString("base64url");
  await tessera.staff.create({
    organizationId: organization.id,
    name: "Dona do Estúdio Aurora",
    email: demoOwnerEmail,
    password,
    role: "owner",
    scope: { kind: "organization" },
  });
  return { created: true, unit, plans, owner: { email: demoOwnerEmail, password } };
}
