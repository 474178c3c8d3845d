/** The address inputs of the checkout form, by the `PostalAddress` field each fills. */
export const addressFields = [
  "postalCode",
  "street",
  "number",
  "complement",
  "district",
  "city",
  "state",
] as const;
export type AddressField = (typeof addressFields)[number];

/** The form's input names, one place for the parser, the page and the error mapping. */
export const formNames = {
  name: "name",
  email: "email",
  document: "document",
  phone: "phone",
  method: "method",
  /** Which input holds the provider's card token: the session's `tokenField` (e.g. `cardToken`). */
  cardTokenField: "cardTokenField",
  /** Which input holds the card's brand: the session's `brandField`. */
  cardBrandField: "cardBrandField",
  idempotencyKey: "idempotencyKey",
  address: (field: AddressField) => `address.${field}`,
  extra: (key: string) => `extra.${key}`,
} as const;
