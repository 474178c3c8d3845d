import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isTesseraError } from "../errors/tessera-error";
import { createIdGenerator, type IdKind, idPrefixes, isId } from "./id";

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** The millisecond a ULID carries in its first ten characters (48 bits, Crockford base32). */
const timeOf = (id: string) =>
  [...id.slice(id.indexOf("_") + 1, id.indexOf("_") + 11)].reduce((t, c) => t * 32 + crockford.indexOf(c), 0);

/** The 80-bit random part of an id, as a number, to see it step by one. */
const randomOf = (id: string) =>
  [...id.slice(-16)].reduce((r, c) => r * 32n + BigInt(crockford.indexOf(c)), 0n);

const kinds = Object.keys(idPrefixes) as IdKind[];
const T = Date.UTC(2026, 10, 24, 13, 5);

/** The issue paths of the validation error `call` throws. */
function refusal(call: () => unknown): (string | number)[][] {
  try {
    call();
  } catch (error) {
    if (isTesseraError(error, "validation_failed")) return (error.details.issues ?? []).map((i) => i.path);
    throw error;
  }
  throw new Error("expected a validation error");
}

afterEach(() => {
  vi.restoreAllMocks();
});

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

  it("within one millisecond, each id is the previous one plus one in its random part", () => {
    const next = createIdGenerator(() => T);
    const ids = Array.from({ length: 50 }, () => next("payment"));
    for (let i = 1; i < ids.length; i++) {
      expect(timeOf(ids[i]!)).toBe(T);
      expect(randomOf(ids[i]!) - randomOf(ids[i - 1]!)).toBe(1n);
    }
  });

  it("are all different over many ids, within one millisecond and across milliseconds", () => {
    let now = T;
    const next = createIdGenerator(() => now);
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      if (i % 7 === 0) now += 1;
      ids.add(next("order"));
    }
    expect(ids.size).toBe(100_000);
    // Two generators in the same millisecond draw their own random parts.
    const a = createIdGenerator(() => T);
    const b = createIdGenerator(() => T);
    const fromA = new Set(Array.from({ length: 1000 }, () => a("order")));
    for (let i = 0; i < 1000; i++) expect(fromA.has(b("order"))).toBe(false);
  });

  it("sort by the clock's time across milliseconds, and never repeat, for any clock", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 2 ** 48 - 10_000 }),
        (steps, start) => {
          let now = start;
          const next = createIdGenerator(() => now);
          const ids = steps.map((step) => {
            now += step;
            return next("event");
          });
          now = start;
          steps.forEach((step, i) => {
            now += step;
            expect(timeOf(ids[i]!)).toBe(now);
            if (i > 0) expect(ids[i]! > ids[i - 1]!).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("draw randomness a block at a time: one getRandomValues call per 256 ids", () => {
    const getRandomValues = vi.spyOn(globalThis.crypto, "getRandomValues");
    let now = T;
    const next = createIdGenerator(() => now++);
    for (let i = 0; i < 1024; i++) next("payment");
    expect(getRandomValues).toHaveBeenCalledTimes(4);
    // Ids in the same millisecond take no new randomness at all.
    const same = createIdGenerator(() => T);
    for (let i = 0; i < 1024; i++) same("payment");
    expect(getRandomValues).toHaveBeenCalledTimes(5);
  });

  it("use every one of the 32 digits about equally in the random part", () => {
    let now = T;
    const next = createIdGenerator(() => now++);
    const counts = new Map<string, number>();
    const ids = 4096;
    for (let i = 0; i < ids; i++)
      for (const c of next("payment").slice(-16)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe(crockford);
    // 65 536 digits, 2048 of each expected; ±15 % is about seven standard deviations.
    for (const count of counts.values()) expect(Math.abs(count - 2048)).toBeLessThan(2048 * 0.15);
  });

  it("move to the next millisecond when the random part runs out (all Zs), staying in order", () => {
    vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation((array) => {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).fill(0xff);
      return array;
    });
    const next = createIdGenerator(() => T);
    const first = next("payment");
    expect(first.slice(-16)).toBe("Z".repeat(16));
    const second = next("payment");
    expect(timeOf(second)).toBe(T + 1);
    expect(second > first).toBe(true);
  });

  it("drop a fraction of a millisecond from the clock", () => {
    expect(timeOf(createIdGenerator(() => T + 0.9)("payment"))).toBe(T);
  });

  it("refuse, as validation errors, an unknown kind, a clock that is not a function, and a clock out of ULID range", () => {
    const next = createIdGenerator(() => T);
    for (const kind of ["bogus", "toString", "__proto__", "", 42, null]) {
      expect(refusal(() => next(kind as IdKind))).toEqual([["kind"]]);
    }
    expect(refusal(() => createIdGenerator(42 as never))).toEqual([["now"]]);
    for (const reading of [Number.NaN, -1, 2 ** 48, Number.POSITIVE_INFINITY, "1700000000000", undefined]) {
      expect(refusal(() => createIdGenerator(() => reading as number)("order"))).toEqual([["now"]]);
    }
    expect(createIdGenerator(() => 2 ** 48 - 1)("order")).toMatch(/^ord_7ZZZZZZZZZ/);
  });

  it("isId says false for a non-string, and refuses an unknown kind", () => {
    for (const value of [42, null, undefined, {}, Symbol("ctr")])
      expect(isId("contract", value as string)).toBe(false);
    expect(refusal(() => isId("bogus" as IdKind, "ctr_01JD5Q4N3S8Y0XK2H7ZB6W9RCE"))).toEqual([["kind"]]);
  });
});
