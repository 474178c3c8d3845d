/**
 * @module What a buyer does on the checkout pages, step by step, finding each element by its
 * role and the words on the page (read from the catalog of the page's language, so the same
 * steps buy in Portuguese and in Russian).
 */
import type { SupportedLocale } from "@tessera/core";
import type { Page } from "playwright-core";
import { createTranslator, type Translate } from "../i18n/translator";

/** A buyer of one test: a valid CPF and an e-mail no other buyer of the file has. */
export interface Buyer {
  name: string;
  email: string;
  /** As a person types it: `529.982.247-25`. */
  cpf: string;
  /** The digits alone, as the customer's document is stored. */
  cpfDigits: string;
  phone: string;
}

/** A CPF's two check digits (Receita Federal's modulo-11 rule) after its first nine. */
function cpfWithCheckDigits(base: string): string {
  let digits = base;
  for (const length of [9, 10]) {
    const sum = [...digits.slice(0, length)].reduce(
      (total, digit, index) => total + Number(digit) * (length + 1 - index),
      0,
    );
    digits += String(((sum * 10) % 11) % 10);
  }
  return digits;
}

let buyersMade = 0;

/** A new buyer with a CPF of their own, so a test counts only its own customers and contracts. */
export function newBuyer(name = "Ana Souza"): Buyer {
  buyersMade += 1;
  const cpfDigits = cpfWithCheckDigits(String(123_456_000 + buyersMade * 7).padStart(9, "0"));
  return {
    name,
    email: `comprador${buyersMade}@example.com`,
    cpf: `${cpfDigits.slice(0, 3)}.${cpfDigits.slice(3, 6)}.${cpfDigits.slice(6, 9)}-${cpfDigits.slice(9)}`,
    cpfDigits,
    phone: "(11) 98888-7777",
  };
}

/** The sandbox's documented test cards (`sandboxTestCards`), as a buyer types them. */
export const testCards = {
  approved: "4111 1111 1111 1111",
  declinedInsufficientFunds: "4000 0000 0000 0515",
  approvedMastercard: "5555 5555 5555 4444",
} as const;

/** An address a boleto accepts. */
export const boletoAddress = {
  postalCode: "01310-100",
  street: "Avenida Paulista",
  number: "1000",
  district: "Bela Vista",
  city: "São Paulo",
  state: "SP",
} as const;

/** The buyer on one page, in the page's language. */
export function checkoutSteps(page: Page, locale: SupportedLocale = "pt-BR") {
  const t: Translate = createTranslator(locale);
  /** A required input's label as the page reads it: "Nome completo (obrigatório)". */
  const required = (label: string) => `${label} ${t("form.requiredMark")}`;
  const byLabel = (label: string) => page.getByLabel(label, { exact: true });

  return {
    t,
    async fillBuyer(buyer: Buyer) {
      await byLabel(required(t("checkout.field.name"))).fill(buyer.name);
      await byLabel(required(t("checkout.field.email"))).fill(buyer.email);
      await byLabel(required(t("checkout.field.document"))).fill(buyer.cpf);
      await byLabel(t("checkout.field.phone")).fill(buyer.phone);
    },
    async chooseMethod(method: "card" | "pix" | "boleto" | "payment_link") {
      await page.getByRole("radio", { name: t(`method.${method}`), exact: true }).check();
    },
    /**
     * Types the card into the card inputs (shown once the card is chosen): the expiry in
     * month and year inputs, or in one `MM/YYYY` input where the provider asks for that (Cielo).
     */
    async typeCard(number: string, options: { cvc?: string } = {}) {
      const card = page.getByRole("group", { name: t("checkout.card.legend"), exact: true });
      await card.getByLabel(t("checkout.card.holder"), { exact: true }).fill("ANA SOUZA");
      await card.getByLabel(t("checkout.card.number"), { exact: true }).fill(number);
      const oneExpiry = card.getByLabel(t("checkout.card.expiry"), { exact: true });
      if ((await oneExpiry.count()) > 0) {
        await oneExpiry.fill("12/2030");
      } else {
        await card.getByLabel(t("checkout.card.expMonth"), { exact: true }).fill("12");
        await card.getByLabel(t("checkout.card.expYear"), { exact: true }).fill("2030");
      }
      await card.getByLabel(t("checkout.card.cvc"), { exact: true }).fill(options.cvc ?? "123");
    },
    async fillAddress(address: typeof boletoAddress) {
      const group = page.getByRole("group", { name: t("checkout.address"), exact: true });
      for (const field of ["postalCode", "street", "number", "district", "city", "state"] as const) {
        await group.getByLabel(t(`checkout.field.address.${field}`), { exact: true }).fill(address[field]);
      }
    },
    /** Presses the form's button (the plan's own text, "Assinar" or "Comprar") and waits for the next page. */
    async submit(buttonText: string | RegExp) {
      const navigated = page.waitForEvent("framenavigated", (frame) => frame === page.mainFrame());
      await page.getByRole("button", { name: buttonText }).click();
      await navigated;
      await page.waitForLoadState();
    },
    /** Waits for the page's main heading to read `text`, and answers it. */
    async heading(text: string) {
      const heading = page.getByRole("heading", { level: 1, name: text, exact: true });
      await heading.waitFor();
      return heading;
    },
  };
}

/** The subject (`pay_…` or `ctr_…`) of the checkout link the page is on. */
export function checkoutSubjectOf(page: Page): string {
  const match = /\/checkout\/((?:pay|ctr)_\w+)\/[\w-]+$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`${page.url()} is not a checkout link`);
  return match[1];
}
