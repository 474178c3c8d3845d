/**
 * API Pix writes amounts as decimal text with two places (`"37.00"`, schema pattern
 * `\d{1,10}\.\d{2}`); the mock's books keep integer centavos, as all Tessera money is.
 */

/** Centavos of a `valor` the schema has already checked (`"37.00"` → 3700). */
export function centavosOfValor(valor: string): number {
  const [units = "0", cents = "00"] = valor.split(".");
  return Number(units) * 100 + Number(cents);
}

/** The `valor` text of an amount in centavos (3700 → `"37.00"`). */
export function valorOfCentavos(centavos: number): string {
  const units = Math.floor(centavos / 100);
  return `${units}.${String(centavos % 100).padStart(2, "0")}`;
}
