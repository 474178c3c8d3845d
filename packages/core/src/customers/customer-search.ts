import type { Customer } from "./customer";

/** Lower case without accents: "João" and "joao" are one name to a search box. */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The one text a customer search looks in, kept beside the customer by the storage: the
 * folded name, the e-mail, the document's digits (or a foreign id, folded) and the phone's
 * digits, one per line — so "529.982.247-25", "52998224725" and "(11) 98765" all find them.
 */
export function customerSearchText(
  customer: Pick<Customer, "name" | "email" | "document" | "phone">,
): string {
  return [
    foldText(customer.name),
    customer.email.toLowerCase(),
    customer.document ? foldText(customer.document.value) : "",
    customer.phone ? customer.phone.replace(/\D/g, "") : "",
  ].join("\n");
}

/**
 * What a typed search looks for in `customerSearchText`, any one matching: the folded text,
 * and when it is only digits and punctuation (a CPF, a CNPJ, a phone as people type them),
 * its digits alone. Empty for a search that is only blanks.
 */
export function customerSearchTerms(search: string): string[] {
  const text = foldText(search.trim());
  if (text === "") return [];
  const digits = text.replace(/\D/g, "");
  const numeric = /^[\d\s().\-/+]+$/.test(text) && digits.length > 0 && digits !== text;
  return numeric ? [text, digits] : [text];
}
