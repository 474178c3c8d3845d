import { TesseraError } from "../errors/tessera-error";

/**
 * The prefix of each kind of id. Ids are `prefix_` + a ULID: unique, time-sortable (so a
 * list ordered by id is ordered by creation), and readable in a log (`ctr_01J…` is a
 * contract).
 */
export const idPrefixes = {
  organization: "org",
  unit: "unit",
  plan: "plan",
  customer: "cus",
  contract: "ctr",
  order: "ord",
  installment: "ins",
  payment: "pay",
  refund: "ref",
  recurrence: "rec",
  walletEntry: "wal",
  activationCode: "act",
  event: "evt",
  inboxEntry: "inb",
  lease: "lse",
  staffMember: "stf",
  staffSession: "ses",
  apiKey: "key",
  auditEntry: "aud",
  billingRun: "bil",
} as const;

export type IdKind = keyof typeof idPrefixes;
export type Id<K extends IdKind = IdKind> = `${(typeof idPrefixes)[K]}_${string}`;

/** Makes ids; one per Tessera instance (no global state), monotonic within it. */
export type IdGenerator = <K extends IdKind>(kind: K) => Id<K>;

/** Crockford's base 32, the ULID alphabet: no I, L, O or U. */
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** A ULID's time is 48 bits of milliseconds since 1970 (until the year 10889). */
const maxUlidTime = 2 ** 48 - 1;
const timeDigits = 10;
/** 80 random bits, as 16 base-32 digits. */
const randomDigits = 16;
/**
 * Random bytes drawn at a time: one `getRandomValues` call serves 256 ids, where asking
 * once per character cost 8 % of a sale's CPU.
 */
const poolBytes = 4096;

/**
 * A generator of ULID-based ids whose time comes from `now` (the clock), so ids stay
 * sortable when a test moves time.
 *
 * Monotonic, as the ULID spec's monotonic factory: an id made in the same millisecond as
 * the one before, or after the clock went back, keeps the previous id's time and adds one
 * to its random part, so every id sorts after the one made before it by this generator.
 * Each generator keeps its own pool of random bytes and its last id; nothing is shared
 * between generators.
 *
 * @example
 * const ids = createIdGenerator(() => Date.parse(clock.now()));
 * ids("contract"); // "ctr_01JD5Q4N3S8Y0XK2H7ZB6W9RCE"
 */
export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  if (typeof now !== "function") {
    throw invalidArgument("now", "invalid_type", "must be a function returning milliseconds since 1970");
  }
  const pool = new Uint8Array(poolBytes);
  let poolOffset = poolBytes; // empty: the first id fills it
  let lastTime = -1;
  /** The random part of the last id, one base-32 digit (0–31) per byte. */
  const random = new Uint8Array(randomDigits);

  function drawRandom(): void {
    if (poolOffset + randomDigits > poolBytes) {
      globalThis.crypto.getRandomValues(pool);
      poolOffset = 0;
    }
    // 256 is a multiple of 32, so the low five bits of a uniform byte are a uniform digit.
    for (let i = 0; i < randomDigits; i++) random[i] = pool[poolOffset + i]! & 31;
    poolOffset += randomDigits;
  }

  /** Adds one to the random part; false when it was already all ones (2^80 ids in 1 ms). */
  function incrementRandom(): boolean {
    for (let i = randomDigits - 1; i >= 0; i--) {
      if (random[i]! < 31) {
        random[i]! += 1;
        return true;
      }
      random[i] = 0;
    }
    return false;
  }

  return <K extends IdKind>(kind: K) => {
    const prefix = prefixOf(kind);
    const time = clockTime(now());
    if (time > lastTime) {
      lastTime = time;
      drawRandom();
    } else if (!incrementRandom()) {
      lastTime += 1;
      drawRandom();
    }
    return `${prefix}_${encodeUlid(lastTime, random)}` as Id<K>;
  };
}

/** True when `value` looks like an id of `kind`. */
export function isId<K extends IdKind>(kind: K, value: string): value is Id<K> {
  const prefix = prefixOf(kind);
  return (
    typeof value === "string" &&
    value.length === prefix.length + 1 + timeDigits + randomDigits &&
    value.startsWith(`${prefix}_`) &&
    ulidPattern.test(value.slice(prefix.length + 1))
  );
}

const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function prefixOf(kind: unknown): string {
  if (typeof kind !== "string" || !Object.hasOwn(idPrefixes, kind)) {
    throw invalidArgument(
      "kind",
      "invalid_enum_value",
      `must be one of ${Object.keys(idPrefixes).join(", ")}`,
    );
  }
  return idPrefixes[kind as IdKind];
}

/** The clock's reading as a ULID time; a fraction of a millisecond is dropped. */
function clockTime(millis: unknown): number {
  if (typeof millis !== "number" || !(millis >= 0 && millis <= maxUlidTime)) {
    throw invalidArgument(
      "now",
      "invalid_clock",
      `must return milliseconds between 0 and 2^48 − 1, returned ${typeof millis === "number" ? millis : typeof millis}`,
    );
  }
  return Math.floor(millis);
}

function encodeUlid(time: number, random: Uint8Array): string {
  let text = "";
  // Most significant digit first, so ids sort as their times; arithmetic, not bit
  // operators, because JavaScript's bitwise operators stop at 32 bits.
  let rest = time;
  for (let i = 0; i < timeDigits; i++) {
    const digit = rest % 32;
    text = crockford[digit] + text;
    rest = (rest - digit) / 32;
  }
  for (let i = 0; i < randomDigits; i++) text += crockford[random[i]!];
  return text;
}

function invalidArgument(name: string, code: string, message: string): TesseraError {
  return new TesseraError("validation_failed", `Invalid id argument: ${name}: ${message}.`, {
    details: { issues: [{ path: [name], code, message }] },
  });
}
