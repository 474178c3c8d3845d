import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readSchemaForm, schemaFormFields, schemaFormValues } from "./schema-form";

/** Settings as a real adapter declares them: Banco Inter's, with a certificate and a key. */
const interLike = z.object({
  clientId: z.string().min(1).describe("Client ID from the Inter portal."),
  clientSecret: z.string().min(1),
  certificate: z.string().startsWith("-----BEGIN"),
  privateKey: z.string().meta({ title: "Private key (PEM)" }),
  environment: z.enum(["sandbox", "production"]).default("sandbox"),
  accountNumber: z.string().regex(/^\d+$/).optional().describe("Conta corrente, digits only."),
  boletoDays: z.number().int().min(1).max(60).default(3),
  feePercent: z.number().min(0).max(100).nullable(),
  sendEmails: z.boolean().default(true),
  scopes: z.array(z.string()).default([]),
});
const fields = schemaFormFields(interLike, ["clientSecret", "privateKey"]);
const byName = Object.fromEntries(fields.map((field) => [field.name, field]));

describe("the settings form drawn from an options schema", () => {
  it("picks each field's control from its type, secrets as password inputs (a multiline one as a text area never filled in), PEM as text areas", () => {
    expect(fields.map((field) => [field.name, field.control])).toEqual([
      ["clientId", "text"],
      ["clientSecret", "password"],
      ["certificate", "textarea"],
      ["privateKey", "secret-textarea"],
      ["environment", "select"],
      ["accountNumber", "text"],
      ["boletoDays", "number"],
      ["feePercent", "number"],
      ["sendEmails", "checkbox"],
    ]);
    expect(byName["environment"]?.choices).toEqual(["sandbox", "production"]);
  });

  it("takes labels, hints, limits, defaults and whether a field is required from the schema", () => {
    expect(byName["clientId"]).toMatchObject({
      label: "Client id",
      description: "Client ID from the Inter portal.",
      required: true,
    });
    expect(byName["privateKey"]?.label).toBe("Private key (PEM)");
    expect(byName["accountNumber"]).toMatchObject({
      required: false,
      description: "Conta corrente, digits only.",
    });
    expect(byName["boletoDays"]).toMatchObject({
      min: 1,
      max: 60,
      integer: true,
      required: false,
      defaultValue: 3,
    });
    expect(byName["feePercent"]).toMatchObject({ min: 0, max: 100, integer: false, required: true });
    expect(byName["environment"]?.defaultValue).toBe("sandbox");
    expect(byName["sendEmails"]).toMatchObject({ required: false, defaultValue: true });
  });

  it("reads a posted form into what the schema parses: numbers, booleans, empty left out", () => {
    const options = readSchemaForm(
      fields,
      {
        "o.clientId": " abc ",
        "o.clientSecret": "",
        "o.certificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "o.environment": "production",
        "o.boletoDays": "5",
        "o.feePercent": "2,5",
        "o.accountNumber": "",
      },
      "o.",
    );
    expect(options).toEqual({
      clientId: "abc",
      certificate: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
      environment: "production",
      boletoDays: 5,
      feePercent: 2.5,
      sendEmails: false,
    });
    expect(interLike.safeParse({ ...options, clientSecret: "s", privateKey: "k" }).success).toBe(true);
    expect(readSchemaForm(fields, { "o.boletoDays": "cinco" }, "o.")["boletoDays"]).toBe("cinco");
  });

  it("never shows a secret back", () => {
    expect(
      schemaFormValues(fields, {
        clientId: "abc",
        clientSecret: "s3cr3t",
        privateKey: "-----BEGIN",
        sendEmails: true,
      }),
    ).toEqual({
      clientId: "abc",
      sendEmails: "on",
    });
  });
});
