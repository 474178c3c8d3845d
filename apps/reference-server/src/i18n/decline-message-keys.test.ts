import { createTessera, declineCodes } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { describe, expect, it } from "vitest";
import { catalogs, supportedLocales } from "./catalogs";
import { declineMessageKey, declineMessageKeys } from "./decline-message-keys";
import { createTranslator } from "./translator";

describe("the payment.declined.* messages", () => {
  it.each(supportedLocales)("%s has a message for every decline code core can answer", (locale) => {
    const catalog: Record<string, unknown> = catalogs[locale];
    for (const code of declineCodes) {
      const key = `payment.declined.${code}`;
      expect(declineMessageKeys[code], code).toBe(key);
      expect(typeof catalog[key] === "string" && catalog[key].trim().length > 0, `${locale} ${key}`).toBe(
        true,
      );
    }
  });

  it.each(supportedLocales)(
    "%s never tells the buyer a card was reported stolen or lost, or looks like fraud",
    (locale) => {
      const t = createTranslator(locale);
      const plain = t(declineMessageKeys.other);
      for (const code of ["stolen_card", "lost_card", "suspected_fraud"] as const) {
        expect(t(declineMessageKeys[code]), `${locale} ${code}`).toBe(plain);
      }
    },
  );

  it("translates the messageKey of a real declined sale in every language", async () => {
    const storage = await createSqliteStorage();
    try {
      const sandbox = createSandboxGateway();
      const tessera = createTessera({ storage, gateways: [sandbox] });
      const studio = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
      const unit = await tessera.organizations.createUnit({
        organizationId: studio.id,
        name: "Centro",
        slug: "aurora-centro",
        paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
      });
      const plan = await tessera.plans.create({
        unitId: unit.id,
        name: "Mensal",
        price: { amount: 18990, currency: "BRL" },
      });
      const { token } = await sandbox.sandbox.tokenizeCard({
        number: sandbox.sandbox.testCards.insufficientFunds.number,
        holder: "MARIA SOUZA",
        expMonth: 12,
        expYear: 2099,
        cvc: "123",
      });
      const outcome = await tessera.sales.start({
        unitId: unit.id,
        planId: plan.id,
        method: "card",
        card: { type: "token", token },
        buyer: {
          name: "Maria Souza",
          email: "maria@example.com",
          document: { kind: "cpf", value: "52998224725" },
        },
        idempotencyKey: "declined-0001",
      });
      if (outcome.status !== "declined") throw new Error(`expected a decline, got ${outcome.status}`);
      expect(outcome.declineCode).toBe("insufficient_funds");
      expect(declineMessageKey(outcome.messageKey)).toBe("payment.declined.insufficient_funds");
      expect(createTranslator("pt-BR")(declineMessageKey(outcome.messageKey))).toMatch(
        /saldo ou limite insuficiente/,
      );
      expect(createTranslator("en")(declineMessageKey(outcome.messageKey))).toMatch(/not enough funds/);
      expect(createTranslator("ru")(declineMessageKey(outcome.messageKey))).toMatch(/недостаточно средств/);
    } finally {
      await storage.close();
    }
  });

  it("falls back to the plain decline for a key of no decline code", () => {
    expect(declineMessageKey("payment.declined.card_on_fire")).toBe("payment.declined.other");
    expect(declineMessageKey("error.internal")).toBe("payment.declined.other");
  });
});
