import { X509Certificate } from "node:crypto";
import { expect } from "vitest";
import { paymentMethods } from "../../payments/payment-method";
import { distinguishedNameAttributes, sameDistinguishedName } from "../../webhooks/client-certificate-issuer";
import type { GatewayScenario } from "./scenario-kit";

/** The certificate a PEM holds, or null when it holds none. */
function certificateOf(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

/** What a gateway says about itself must match what it has (STYLE 7: an optional method exists only behind its flag). */
export const declarationScenarios = {
  declaresConsistentCapabilities: {
    title: "declares its methods and capabilities consistently",
    async run({ gateway, harness }) {
      expect(gateway.id).toMatch(/^[a-z][a-z0-9_-]*$/);
      expect(gateway.methods.length, "offers at least one method").toBeGreaterThan(0);
      expect(new Set(gateway.methods).size, "lists each method once").toBe(gateway.methods.length);
      for (const method of gateway.methods) expect(paymentMethods).toContain(method);

      const capabilities = gateway.capabilities;
      expect(capabilities.currencies.length, "charges in at least one currency").toBeGreaterThan(0);
      for (const currency of capabilities.currencies) expect(currency).toMatch(/^[A-Z]{3}$/);

      const offersCards = gateway.methods.includes("card");
      if (capabilities.cardTokenization === "client_side")
        expect(offersCards, "tokenizes cards it takes").toBe(true);
      if (capabilities.storedCards) expect(offersCards, "stores cards it takes").toBe(true);
      if (capabilities.acceptsRawCard) expect(offersCards, "accepts raw cards it takes").toBe(true);
      expect(harness.cards !== null, "the harness has card controls exactly when cards are offered").toBe(
        offersCards,
      );

      const recurrenceRules = capabilities.recurrenceRules;
      if (recurrenceRules !== undefined) {
        expect(
          capabilities.providerRecurrence.length,
          "declares recurrence rules only with a provider recurrence to rule",
        ).toBeGreaterThan(0);
        const { maxCharges } = recurrenceRules;
        if (maxCharges !== null)
          expect(
            Number.isInteger(maxCharges) && maxCharges >= 2,
            `maxCharges ${maxCharges} is a whole number of at least 2: a recurrence has a charge 2`,
          ).toBe(true);
      }

      if (capabilities.webhooks !== null) {
        const { authentication, confirmsByLookup } = capabilities.webhooks;
        // Mutual TLS is proven below the adapter, so its news is still confirmed by lookup (DESIGN §3).
        if (
          authentication === "none" ||
          authentication === "shared_secret" ||
          authentication === "mutual_tls"
        ) {
          expect(
            confirmsByLookup,
            `proof the adapter cannot see (${authentication}) is confirmed by lookup`,
          ).toBe(true);
        }
        for (const name of capabilities.webhooks.secretHeaders) {
          expect(name, "secret header names are lower case").toBe(name.toLowerCase());
        }
        const issuers = capabilities.webhooks.trustedClientCertificateIssuers;
        if (authentication !== "mutual_tls") {
          expect(issuers, `no client-certificate CA to trust for ${authentication}`).toEqual([]);
        }
        for (const issuer of issuers) {
          expect(
            distinguishedNameAttributes(issuer.name),
            `"${issuer.name}" is a distinguished name`,
          ).not.toBeNull();
          if (issuer.pem === null) continue;
          const ca = certificateOf(issuer.pem);
          expect(ca?.ca, `the PEM of "${issuer.name}" is a CA certificate`).toBe(true);
          expect(
            sameDistinguishedName(ca?.subject ?? "", issuer.name),
            `the PEM's subject is "${issuer.name}"`,
          ).toBe(true);
        }
      }
    },
  },
  declaresUsableReferenceRules: {
    title: "declares a reference shape core can fill, and method rules for methods it offers",
    async run({ gateway }) {
      const rules = gateway.capabilities.references;
      if (rules.kind === "alphanumeric") {
        expect(rules.minLength, "a reference has at least one character").toBeGreaterThanOrEqual(1);
        expect(rules.maxLength, "minLength ≤ maxLength").toBeGreaterThanOrEqual(rules.minLength);
        expect(rules.maxLength, "no provider takes a reference over 100 characters").toBeLessThanOrEqual(100);
      } else {
        expect(rules.kind).toBe("uuid");
      }
      for (const [method, rule] of Object.entries(gateway.capabilities.methodRules)) {
        expect(gateway.methods, `rules for ${method}, a method it offers`).toContain(method);
        if (rule.minAmount !== null && rule.maxAmount !== null) {
          expect(rule.maxAmount, `${method}: minAmount ≤ maxAmount`).toBeGreaterThanOrEqual(rule.minAmount);
        }
      }
    },
  },
  captureExistsExactlyWhenDeclared: {
    title: "has a capture method exactly when it declares capabilities.capture",
    async run({ gateway }) {
      expect(typeof gateway.capture === "function").toBe(gateway.capabilities.capture);
    },
  },
  tokenizationSessionExistsExactlyWhenDeclared: {
    title: 'has cardTokenizationSession exactly when it declares cardTokenization "client_side"',
    async run({ gateway }) {
      expect(typeof gateway.cardTokenizationSession === "function").toBe(
        gateway.capabilities.cardTokenization === "client_side",
      );
    },
  },
  cancelExistsExactlyWhenDeclared: {
    title: "has a cancel method exactly when it declares capabilities.cancel",
    async run({ gateway }) {
      expect(typeof gateway.cancel === "function").toBe(gateway.capabilities.cancel);
    },
  },
  boletoDocumentExistsExactlyWhenDeclared: {
    title: "has boletoDocument exactly when it declares capabilities.boletoDocument, and only with boletos",
    async run({ gateway }) {
      expect(typeof gateway.boletoDocument === "function").toBe(gateway.capabilities.boletoDocument);
      if (gateway.capabilities.boletoDocument) expect(gateway.methods).toContain("boleto");
    },
  },
  deactivateRecurrenceExistsExactlyWhenDeclared: {
    title:
      "has deactivateRecurrence exactly when capabilities.providerRecurrence is not empty, listing methods it offers",
    async run({ gateway }) {
      const methods = gateway.capabilities.providerRecurrence;
      expect(typeof gateway.deactivateRecurrence === "function", "deactivateRecurrence is present").toBe(
        methods.length > 0,
      );
      expect(new Set(methods).size, "lists each method once").toBe(methods.length);
      for (const method of methods)
        expect(gateway.methods, `recurs by ${method}, a method it offers`).toContain(method);
    },
  },
} satisfies Record<string, GatewayScenario>;
