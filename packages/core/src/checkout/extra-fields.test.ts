import { describe, expect, it } from "vitest";
import { hashPassword } from "../customers/password-hash";
import type { CheckoutField } from "../organizations/unit";
import { checkExtraFields } from "./extra-fields";

const random = (size: number) => new Uint8Array(size).fill(7);
const fields: CheckoutField[] = [
  {
    key: "how_found",
    label: "Como nos conheceu?",
    type: "select",
    required: true,
    options: ["instagram", "amigo"],
  },
  { key: "birth_date", label: "Nascimento", type: "date", required: false },
  { key: "accepts_rules", label: "Aceito o regulamento", type: "checkbox", required: true },
  { key: "senha", label: "Senha", type: "password", required: false },
];

describe("checkExtraFields", () => {
  it("accepts the fields asked for and keeps their values", async () => {
    const checked = await checkExtraFields(
      fields,
      { how_found: "amigo", birth_date: "1990-05-01", accepts_rules: "on" },
      random,
    );
    expect(checked.issues).toEqual([]);
    expect(checked.values).toEqual({ how_found: "amigo", birth_date: "1990-05-01", accepts_rules: "true" });
    expect(checked.passwordHash).toBeNull();
  });

  it("names each missing, wrong or unknown field with its path", async () => {
    const checked = await checkExtraFields(
      fields,
      { how_found: "tv", birth_date: "01/05/1990", nickname: "x" },
      random,
    );
    expect(checked.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["buyer.extraFields.nickname", "unknown_field"],
      ["buyer.extraFields.how_found", "invalid_option"],
      ["buyer.extraFields.birth_date", "invalid_date"],
      ["buyer.extraFields.accepts_rules", "required"],
    ]);
  });

  it("hashes a client-area password and never keeps it among the values", async () => {
    const checked = await checkExtraFields(
      fields,
      { how_found: "amigo", accepts_rules: "true", senha: "segredo-123" },
      random,
    );
    expect(checked.values).not.toHaveProperty("senha");
    expect(JSON.stringify(checked)).not.toContain("segredo-123");
    expect(checked.passwordHash).toBe(await hashPassword("segredo-123", random(16)));
    expect(checked.passwordHash).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
  });

  it("refuses a password shorter than 8 characters", async () => {
    const checked = await checkExtraFields(
      fields,
      { how_found: "amigo", accepts_rules: "true", senha: "123" },
      random,
    );
    expect(checked.issues.map((i) => i.code)).toEqual(["too_small"]);
    expect(checked.passwordHash).toBeNull();
  });
});
