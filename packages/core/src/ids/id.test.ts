import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIdGenerator, type IdKind, idPrefixes, isId } from "./id";

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** The millisecond a ULID carries in its first ten characters (48 bits, Crockford base32). */
const timeOf = (id: string) =>
  [...id.slice(id.indexOf("_") + 1, id.indexOf("_") + 11)].reduce((t, c) => t * 32 + crockford.indexOf(c), 0);

const kinds = Object.keys(idPrefixes) as IdKind[];
const T = Date.UTC(2026, 10, 24, 13, 5);

describe("ids", () => {
  it("are the kind's prefix, an underscore and a 26-character ULID", () => {
    const next = createIdGenerator(() => T);
    for (const kind of kinds) {
      const id = next(kind);
      expect(id).toMatch(new RegExp(`^${idPrefixes[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`));
      expect(isId(kind, id)).toBe(true);
    }
    expect(next("contract").startsWith("ctr_")).toBe(true);
    expect(next("customer").startsWith("cus_")).toBe(true);
  });

  it("carry the clock's time, so a test that moves time moves the ids", () => {
    let now = T;
    const next = createIdGenerator(() => now);
    expect(timeOf(next("payment"))).toBe(T);
    now = T + 60_000;
    expect(timeOf(next("payment"))).toBe(T + 60_000);
  });

  it("isId refuses another kind's prefix, a lower-case or short ULID, and look-alike letters", () => {
    const id = createIdGenerator(() => T)("contract");
    const ulid = id.slice(4);
    expect(isId("order", id)).toBe(false);
    expect(isId("contract", `ctr_${ulid.toLowerCase()}`)).toBe(false);
    expect(isId("contract", `ctr_${ulid.slice(1)}`)).toBe(false);
    expect(isId("contract", `ctr_${ulid.slice(0, 25)}U`)).toBe(false);
    expect(isId("contract", `xctr_${ulid}`)).toBe(false);
    expect(isId("contract", `${id}0`)).toBe(false);
  });

  it("every prefix is distinct, so an id names its kind", () => {
    expect(new Set(Object.values(idPrefixes)).size).toBe(kinds.length);
  });

  it("sort in creation order within one millisecond", () => {
    const next = createIdGenerator(() => T);
    const ids = Array.from({ length: 1000 }, () => next("installment"));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keep increasing when the clock moves back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 2, maxLength: 100 }),
        (steps) => {
          let now = T;
          const next = createIdGenerator(() => now);
          const ids = steps.map((step) => {
            now += step;
            return next("event");
          });
          for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("two generators are independent: one's later clock does not hold the other back", () => {
    const late = createIdGenerator(() => T + 3_600_000);
    const early = createIdGenerator(() => T);
    late("order");
    expect(timeOf(early("order"))).toBe(T);
    expect(early("order") < late("order")).toBe(true);
  });
});
