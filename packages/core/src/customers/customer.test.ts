import { describe, expect, it } from "vitest";
import { customerInputSchema, postalAddressSchema } from "./customer";

const valid = {
  organizationId: "org_01JABCDEFGHJKMNPQRSTVWXYZ0",
  name: "  Ana Souza ",
  document: { kind: "cpf", value: "529.982.247-25" },
  email: "ana@example.com",
};

const issuePaths = (input: unknown) =>
  customerInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];

describe("customerInputSchema", () => {
  it("trims the name, keeps the CPF's digits and fills defaults", () => {
    expect(customerInputSchema.parse(valid)).toEqual({
      organizationId: valid.organizationId,
      name: "Ana Souza",
      document: { kind: "cpf", value: "52998224725" },
      email: "ana@example.com",
      phone: null,
      address: null,
      source: "api",
      extraFields: {},
    });
  });

  it("lets the document be left out", () => {
    expect(customerInputSchema.parse({ ...valid, document: undefined }).document).toBeNull();
  });

  it("refuses an invalid CPF on document.value", () => {
    expect(issuePaths({ ...valid, document: { kind: "cpf", value: "529.982.247-24" } })).toEqual([
      "document.value",
    ]);
  });

  it("refuses a bad e-mail, phone, organization id and a one-letter name, each on its field", () => {
    expect(issuePaths({ ...valid, email: "ana-at-example" })).toEqual(["email"]);
    expect(issuePaths({ ...valid, phone: "call me" })).toEqual(["phone"]);
    expect(issuePaths({ ...valid, organizationId: "unit_1" })).toEqual(["organizationId"]);
    expect(issuePaths({ ...valid, name: " A " })).toEqual(["name"]);
    expect(issuePaths({ ...valid, source: "import" })).toEqual(["source"]);
  });

  it("accepts Brazilian phone formats", () => {
    for (const phone of ["+55 11 91234-5678", "(11) 91234-5678", "11912345678"]) {
      expect(customerInputSchema.safeParse({ ...valid, phone }).success).toBe(true);
    }
  });

  it("checks the address field by field and defaults the country to BR", () => {
    const address = {
      street: "Rua A",
      number: "10",
      district: "Centro",
      city: "São Paulo",
      state: "SP",
      postalCode: "01001-000",
    };
    expect(postalAddressSchema.parse(address).country).toBe("BR");
    expect(issuePaths({ ...valid, address: { ...address, city: " " } })).toEqual(["address.city"]);
    expect(issuePaths({ ...valid, address: { ...address, country: "Brasil" } })).toEqual(["address.country"]);
  });
});
