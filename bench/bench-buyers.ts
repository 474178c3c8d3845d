import { isValidCpf } from "@tessera/core";

/** Who buys in one benchmark sale: a new person each time, as at a checkout. */
export interface BenchBuyer {
  name: string;
  email: string;
  /** Eleven digits, valid check digits, different for each number. */
  cpf: string;
  idempotencyKey: string;
}

/** The CPF check digit over `digits`: weights count down to 2, then 10 × sum mod 11, 10 read as 0. */
function checkDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (digits.length + 1 - i);
  return String(((sum * 10) % 11) % 10);
}

/** A different valid CPF for each number, so each sale registers a new buyer. */
function cpf(n: number): string {
  const nine = String(100_000_000 + n).slice(-9);
  const ten = nine + checkDigit(nine);
  const candidate = ten + checkDigit(ten);
  if (!isValidCpf(candidate)) throw new Error(`${candidate} is not a valid CPF`);
  return candidate;
}

/**
 * Buyers `first` … `first + count - 1`, made before any clock starts: generating CPFs is the
 * harness's work, not the sale's.
 */
export function benchBuyers(first: number, count: number): BenchBuyer[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return {
      name: `Buyer ${n}`,
      email: `buyer${n}@example.com`,
      cpf: cpf(n),
      idempotencyKey: `bench-sale-${n}`,
    };
  });
}

/** Buyers in sequence: each call gives the next `count`, none given before. */
export function buyerSequence(): (count: number) => BenchBuyer[] {
  let made = 0;
  return (count) => {
    const buyers = benchBuyers(made, count);
    made += count;
    return buyers;
  };
}
