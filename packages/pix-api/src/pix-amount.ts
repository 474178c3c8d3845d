import type { Money } from "@tessera/core";

/**
 * Centavos as API Pix writes an amount (`valor.original`, `devolucao.valor`: `\d{1,10}\.\d{2}`):
 * reais, a point, two decimals, built from the integer so no float ever rounds it.
 */
export function pixValor(money: Money): string {
  if (money.currency !== "BRL") throw new RangeError(`API Pix charges in reais, not ${money.currency}.`);
  if (!Number.isSafeInteger(money.amount) || money.amount < 0) {
    throw new RangeError("An amount is a whole, non-negative number of centavos.");
  }
  const text = String(money.amount).padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** An API Pix amount as centavos; null for text that is not one (`1.5`, `-1.00`, `1e3`). */
export function centavosOfPixValor(valor: string): number | null {
  const match = /^(\d{1,13})\.(\d{2})$/.exec(valor.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number(match[2]);
}

/** An API Pix amount as money in reais; throws a `RangeError` for text that is not one. */
export function moneyOfPixValor(valor: string): Money {
  const amount = centavosOfPixValor(valor);
  if (amount === null)
    throw new RangeError(`"${valor}" is not an API Pix amount (digits, a point, two decimals).`);
  return { amount, currency: "BRL" };
}
