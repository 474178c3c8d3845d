import { describe, expect, it } from "vitest";
import { rejection } from "../testing/tessera-rejection";
import { parseInput } from "../validation/parse-input";
import { normalizePassword, passwordSchema, staffEmailSchema, staffMemberInputSchema } from "./staff-input";

const valid = {
  organizationId: "org_01JQ0000000000000000000001",
  name: " Joana Prado ",
  email: " Joana.Prado@Example.COM ",
  password: "0123456789",
  role: "manager" as const,
  scope: { kind: "unit" as const, unitId: "unit_01JQ0000000000000000000001" },
};
const issuesOf = async (input: unknown) =>
  (await rejection(Promise.resolve().then(() => parseInput(staffMemberInputSchema, input, "staff member"))))
    .details.issues;

describe("staff member input", () => {
  it("keeps the e-mail trimmed and lower-cased, and the name trimmed", () => {
    expect(parseInput(staffMemberInputSchema, valid, "staff member")).toMatchObject({
      name: "Joana Prado",
      email: "joana.prado@example.com",
    });
    expect(staffEmailSchema.safeParse("not an e-mail").success).toBe(false);
  });

  it("asks a password of at least ten characters, counted as characters, not UTF-16 units", () => {
    expect(passwordSchema.safeParse("012345678").success).toBe(false);
    expect(passwordSchema.safeParse("0123456789").success).toBe(true);
    // Five emoji are ten UTF-16 units but five characters.
    expect(passwordSchema.safeParse("😀😀😀😀😀").success).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(1025)).success).toBe(false);
  });

  it("treats a password composed two ways as one password", () => {
    expect(normalizePassword("senha-segura-c\u0327")).toBe(normalizePassword("senha-segura-ç"));
    expect(passwordSchema.parse("senha-segura-c\u0327")).toBe("senha-segura-ç");
  });

  it("refuses an owner scoped to a unit, naming scope", async () => {
    expect(await issuesOf({ ...valid, role: "owner" })).toMatchObject([
      { path: ["scope"], code: "owner_scope" },
    ]);
    expect(
      parseInput(staffMemberInputSchema, { ...valid, role: "owner", scope: { kind: "organization" } }, "x")
        .role,
    ).toBe("owner");
  });

  it("names every bad field and never echoes the password", async () => {
    const issues = await issuesOf({ ...valid, password: "segredo", role: "admin", scope: { kind: "unit" } });
    expect(issues?.map((issue) => issue.path.join("."))).toEqual(["password", "role", "scope.unitId"]);
    expect(JSON.stringify(issues)).not.toContain("segredo");
  });
});
