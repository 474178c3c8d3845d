import { describe, expect, it } from "vitest";
import { rejection } from "../testing/tessera-rejection";
import { parseInput } from "../validation/parse-input";
import { auditListOptionsSchema, auditRecordInputSchema } from "./audit-entry";

const valid = {
  organizationId: "org_01JQ0000000000000000000001",
  actor: { kind: "staff" as const, id: "stf_01JQ0000000000000000000001" },
  action: "plan.updated",
};
const pathsOf = async (input: unknown) =>
  (
    await rejection(Promise.resolve().then(() => parseInput(auditRecordInputSchema, input, "audit entry")))
  ).details.issues?.map((issue) => issue.path.join("."));

describe("audit entry input", () => {
  it("takes an action of lower-case words joined by dots", async () => {
    expect(parseInput(auditRecordInputSchema, { ...valid, action: "api_key.revoked" }, "x").action).toBe(
      "api_key.revoked",
    );
    for (const action of ["updated", "Plan.Updated", "plan..updated", "plan.updated.", "plan updated"]) {
      expect(await pathsOf({ ...valid, action })).toEqual(["action"]);
    }
  });

  it("takes details of plain values only, at most thirty", async () => {
    const details = { price: 14_990, note: "ação", archived: true, reason: null };
    expect(parseInput(auditRecordInputSchema, { ...valid, details }, "x").details).toEqual(details);
    expect(await pathsOf({ ...valid, details: { nested: { a: 1 } } })).toEqual(["details.nested"]);
    expect(await pathsOf({ ...valid, details: { ratio: Number.NaN } })).toEqual(["details.ratio"]);
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i]));
    expect(await pathsOf({ ...valid, details: many })).toEqual(["details"]);
  });

  it("refuses detail keys that name a password, token or secret", async () => {
    for (const key of [
      "password",
      "newPassword",
      "senha_pass",
      "sessionToken",
      "client_secret",
      "apiKey",
      "Authorization",
    ]) {
      expect(await pathsOf({ ...valid, details: { [key]: "x" } })).toEqual([`details.${key}`]);
    }
  });

  it("takes an actor that is a staff member or an API key, by id", async () => {
    expect(
      await pathsOf({ ...valid, actor: { kind: "staff", id: "cus_01JQ0000000000000000000001" } }),
    ).toEqual(["actor.id"]);
    expect(await pathsOf({ ...valid, actor: { kind: "plugin", id: "stf_1" } })).toEqual(["actor.kind"]);
  });

  it("pages with a cursor from an earlier page and a limit of 1 to 200", () => {
    expect(
      auditListOptionsSchema.safeParse({ cursor: "aud_01JQ0000000000000000000001", limit: 200 }).success,
    ).toBe(true);
    expect(auditListOptionsSchema.safeParse({ cursor: "stf_01JQ0000000000000000000001" }).success).toBe(
      false,
    );
    expect(auditListOptionsSchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(auditListOptionsSchema.safeParse({ limit: 201 }).success).toBe(false);
  });

  it("filters by an actor, an action and a period that does not end before it starts", async () => {
    const filter = {
      actor: { kind: "api_key", id: "key_01JQ0000000000000000000001" },
      action: "plan.updated",
      occurredFrom: "2026-03-01T03:00:00Z",
      occurredBefore: "2026-04-01T03:00:00.000Z",
    };
    expect(parseInput(auditListOptionsSchema, filter, "x")).toEqual({
      ...filter,
      occurredFrom: "2026-03-01T03:00:00.000Z",
    });
    const issues = async (options: unknown) =>
      (
        await rejection(Promise.resolve().then(() => parseInput(auditListOptionsSchema, options, "x")))
      ).details.issues?.map((issue) => `${issue.path.join(".")}:${issue.code}`);
    expect(
      await issues({ occurredFrom: "2026-04-01T00:00:00Z", occurredBefore: "2026-04-01T00:00:00Z" }),
    ).toEqual(["occurredBefore:range_reversed"]);
    expect((await issues({ action: "Plan Updated" }))?.[0]).toMatch(/^action:/);
    expect((await issues({ occurredFrom: "2026-04-01" }))?.[0]).toMatch(/^occurredFrom:/);
    expect((await issues({ actor: { kind: "staff", id: "plan_1" } }))?.[0]).toMatch(/^actor\.id:/);
  });
});
