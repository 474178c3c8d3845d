/**
 * An amount as staff type it, in minor units: `189,90`, `189.90`, `1.234,56`, `1,234.56`,
 * `R$ 50` or `1234` — the last separator followed by one or two digits is the decimal one,
 * any other is a thousands separator. Null for anything else (letters, a negative sign, three
 * decimals, more than a safe integer), so the form says "enter an amount such as 189,90".
 */
export function parseMoneyText(typed: string): number | null {
  const text = typed.replace(/^\s*R\$\s*/i, "").replace(/\s+/g, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[.,]/g, "");
  if (!/^\d+$/.test(whole) || whole.length > 13) return null;
  const cents = decimal ? decimal[1]!.padEnd(2, "0") : "00";
  // A thousands separator groups three digits: "1.23.4" is a typo, not an amount.
  const grouped = decimal ? text.slice(0, decimal.index) : text;
  if (/[.,]/.test(grouped) && !/^\d{1,3}([.,]\d{3})+$/.test(grouped)) return null;
  return Number(whole) * 100 + Number(cents);
}

/** Minor units as a form shows them back for editing: `18990` → `189,90`. */
export function moneyTextOf(amount: number): string {
  return `${Math.trunc(amount / 100)},${String(amount % 100).padStart(2, "0")}`;
}
