import type {
  BuyerAddressInput,
  BuyerInput,
  CheckoutField,
  PaymentMethod,
  SaleCardInput,
  TaxDocument,
} from "@tessera/core";
import { type FormBody, formText } from "../http/read-form-body";
import { type AddressField, addressFields, formNames } from "./checkout-form-names";
import type { FieldErrors } from "./form-errors";

/** What the buyer typed, as text, to show the form again with their answers after an error. */
export type FormValues = Record<string, string>;

/** An uploaded file answering one of the unit's `file` fields. */
export interface UploadedFile {
  fieldKey: string;
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

/** The checkout form, read: what goes to `sales.start`, or what the buyer must fix. */
export interface CheckoutSubmission {
  values: FormValues;
  buyer: BuyerInput;
  method: PaymentMethod | undefined;
  card: { token: string; brand: string | undefined } | null;
  idempotencyKey: string;
  files: UploadedFile[];
  errors: FieldErrors;
}

/** Inputs of our own that can never be the provider's token or brand input. */
const reservedInputs: ReadonlySet<string> = new Set([
  formNames.name,
  formNames.email,
  formNames.document,
  formNames.phone,
  formNames.method,
  formNames.idempotencyKey,
  formNames.cardTokenField,
  formNames.cardBrandField,
]);

/** One input's text; longer than 2,000 characters is cut (core's own limits are shorter). */
const text = (body: FormBody, name: string) => formText(body, name);

function files(body: FormBody, name: string): File[] {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is File => typeof item === "object" && item !== null && item.size > 0,
  );
}

/** The buyer's choice of method, and the card token when it is the card: a sale's or a retry's. */
export interface PaymentChoice {
  method: PaymentMethod | undefined;
  card: { token: string; brand: string | undefined } | null;
}

/**
 * Reads the method (one of `methods`) and, for the card, the provider's token from the
 * inputs the form names; adds what is missing to `errors`.
 */
export function readPaymentChoice(
  body: FormBody,
  methods: readonly PaymentMethod[],
  errors: FieldErrors,
): PaymentChoice {
  const methodText = text(body, formNames.method);
  const method = methods.find((offered) => offered === methodText);
  if (methods.length > 0 && !method) errors[formNames.method] = "form.error.method";
  // The token's inputs are named by the provider's session; the form says which they were.
  const inputName = (name: string) => {
    const named = text(body, name);
    return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(named) && !reservedInputs.has(named) ? named : null;
  };
  const tokenInput = inputName(formNames.cardTokenField);
  const brandInput = inputName(formNames.cardBrandField);
  const cardToken = tokenInput ? text(body, tokenInput) : "";
  const cardBrand = brandInput ? text(body, brandInput) : "";
  const card =
    method === "card" && cardToken !== "" ? { token: cardToken, brand: cardBrand || undefined } : null;
  if (method === "card" && card === null) errors.card = "form.error.cardNotTokenized";

  return { method, card };
}

/**
 * A CPF or CNPJ as a Brazilian buyer types it, punctuated or not: 11 digits are a CPF, 14 a
 * CNPJ. Core checks the check digits; anything else is refused here with advice.
 */
function documentOf(typed: string): TaxDocument | "invalid" | null {
  if (typed === "") return null;
  const digits = typed.replace(/[\s.\-/]/g, "");
  if (/^\d{11}$/.test(digits)) return { kind: "cpf", value: digits };
  if (/^\d{14}$/.test(digits)) return { kind: "cnpj", value: digits };
  return "invalid";
}

/**
 * Reads the address inputs into `values`. The address is all or nothing: a half-typed one is
 * the buyer's to finish (each missing input is added to `errors`); none at all is null —
 * core's to require when the chosen method needs it (Banco Inter's boleto).
 */
export function readAddress(
  body: FormBody,
  values: FormValues,
  errors: FieldErrors,
): BuyerAddressInput | null {
  const addressText = Object.fromEntries(
    addressFields.map((field) => {
      const value = text(body, formNames.address(field));
      values[formNames.address(field)] = value;
      return [field, value];
    }),
  ) as Record<AddressField, string>;
  if (!addressFields.some((field) => addressText[field] !== "")) return null;
  for (const field of addressFields) {
    if (field !== "complement" && addressText[field] === "")
      errors[formNames.address(field)] = "form.error.required";
  }
  return {
    street: addressText.street,
    number: addressText.number,
    district: addressText.district,
    city: addressText.city,
    state: addressText.state.toUpperCase(),
    postalCode: addressText.postalCode,
    ...(addressText.complement ? { complement: addressText.complement } : {}),
  };
}

/**
 * Reads a submitted checkout form. Shape only: required inputs present, the document
 * recognisable, the method one the page offered. Every rule about the data itself (a CPF's
 * check digits, an e-mail, a method's payer requirements) stays in core, whose field issues
 * `formErrorsOf` puts beside the same inputs — one set of rules, not two.
 */
export async function readCheckoutForm(
  body: FormBody,
  offer: { methods: readonly PaymentMethod[]; fields: readonly CheckoutField[] },
): Promise<CheckoutSubmission> {
  const errors: FieldErrors = {};
  const values: FormValues = {};
  const read = (name: string) => {
    const value = text(body, name);
    values[name] = value;
    return value;
  };

  const name = read(formNames.name);
  const email = read(formNames.email);
  const documentText = read(formNames.document);
  const phone = read(formNames.phone);
  values[formNames.method] = text(body, formNames.method);
  const idempotencyKey = read(formNames.idempotencyKey);
  if (name === "") errors[formNames.name] = "form.error.required";
  if (email === "") errors[formNames.email] = "form.error.required";
  const document = documentOf(documentText);
  if (document === null) errors[formNames.document] = "form.error.required";
  else if (document === "invalid") errors[formNames.document] = "form.error.document";

  const { method, card } = readPaymentChoice(body, offer.methods, errors);

  const address = readAddress(body, values, errors);

  const extraFields: Record<string, string> = {};
  const uploads: UploadedFile[] = [];
  for (const field of offer.fields) {
    const input = formNames.extra(field.key);
    if (field.type === "file") {
      for (const file of files(body, input)) {
        uploads.push({
          fieldKey: field.key,
          fileName: file.name,
          contentType: file.type,
          data: new Uint8Array(await file.arrayBuffer()),
        });
      }
      if (field.required && !uploads.some((upload) => upload.fieldKey === field.key))
        errors[input] = "form.error.fileRequired";
      continue;
    }
    // A password is never shown back: the buyer types it again after an error.
    const answer = field.type === "password" ? text(body, input) : read(input);
    if (answer !== "") extraFields[field.key] = answer;
  }

  return {
    values,
    buyer: {
      name,
      email,
      document: document === "invalid" ? null : document,
      phone: phone === "" ? null : phone,
      address,
      extraFields,
    },
    method,
    card,
    idempotencyKey,
    files: uploads,
    errors,
  };
}

/** The card a sale or retry sends core: the provider's token (and brand), never a card number. */
export function cardInputOf(choice: PaymentChoice): SaleCardInput | undefined {
  if (choice.method !== "card" || !choice.card) return undefined;
  return {
    type: "token",
    token: choice.card.token,
    ...(choice.card.brand ? { brand: choice.card.brand } : {}),
  };
}
