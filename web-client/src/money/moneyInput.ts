/**
 * What a person types as an amount ("120.50", "1,200", "1 200,5") ↔ the API's integer minor units.
 * Pure string arithmetic: no floating point ever touches the amount, so "0.29" is 29 and never 28.999….
 */
import { minorUnitExponent } from "./formatMoney";

export type MoneyInputResult = { ok: true; amount: number } | { ok: false; error: string };

/**
 * Splits the typed text into whole and fraction digits. The last "." or "," is the decimal separator when the
 * other kind also appears ("1,200.50", "1.200,50"), or when it is the only separator and is not followed by a
 * group of exactly three digits ("120,5" → 120.5, but "1,200" → 1200). Spaces and apostrophes group digits.
 */
function splitDecimal(text: string): { whole: string; fraction: string } | null {
  const compact = text.replace(/[\s'’_]/g, "");
  if (!/^\d*([.,]\d*)*$/.test(compact) || !/\d/.test(compact)) return null;
  const lastDot = compact.lastIndexOf(".");
  const lastComma = compact.lastIndexOf(",");
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalAt = Math.max(lastDot, lastComma);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const occurrences = compact.split(separator).length - 1;
    const after = compact.slice(compact.lastIndexOf(separator) + 1);
    // "1,200" and "1.200.000" group; "1.200" alone reads as a decimal (as most English speakers mean it).
    const looksGrouped = after.length === 3 && (occurrences > 1 || separator === ",");
    if (occurrences === 1 && !looksGrouped) decimalAt = compact.lastIndexOf(separator);
    else if (occurrences > 1 && !looksGrouped) return null; // "1.2.3"
  }
  const wholePart = decimalAt >= 0 ? compact.slice(0, decimalAt) : compact;
  const fraction = decimalAt >= 0 ? compact.slice(decimalAt + 1) : "";
  // Group separators sit between groups of three ("1,200,000") or, the South Asian way, twos then a three
  // ("1,00,000"); never in odd places ("12,0").
  if (/[.,]/.test(wholePart) && !/^\d{1,3}([.,]\d{3})+$/.test(wholePart) && !/^\d{1,2}(,\d{2})*,\d{3}$/.test(wholePart)) return null;
  if (/[.,]/.test(fraction)) return null;
  return { whole: wholePart.replace(/[.,]/g, ""), fraction };
}

/** "120.50" in USD → 12050; "500" in JPY → 500; errors read as sentences for the form. */
export function parseMoneyInput(text: string, currency: string): MoneyInputResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "Enter an amount." };
  if (trimmed.startsWith("-")) return { ok: false, error: "Enter an amount greater than zero." };
  const parts = splitDecimal(trimmed);
  if (!parts) return { ok: false, error: "Enter a number, like 120.50." };
  const exponent = minorUnitExponent(currency);
  const fraction = parts.fraction.replace(/0+$/, "");
  if (fraction.length > exponent) {
    return {
      ok: false,
      error: exponent === 0 ? `${currency.toUpperCase()} has no decimals.` : `Use at most ${exponent} decimal${exponent === 1 ? "" : "s"}.`,
    };
  }
  const digits = `${parts.whole || "0"}${fraction.padEnd(exponent, "0")}`.replace(/^0+(?=\d)/, "");
  if (digits.length > 15) return { ok: false, error: "That amount is too large." };
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) return { ok: false, error: "That amount is too large." };
  if (amount === 0) return { ok: false, error: "Enter an amount greater than zero." };
  return { ok: true, amount };
}

/** Minor units back to what the input shows: 12050 USD → "120.50", 500 JPY → "500" (no grouping, "." decimals). */
export function moneyInputValue(amount: number, currency: string): string {
  if (!Number.isInteger(amount)) throw new RangeError(`Money amounts are integer minor units, got ${amount}`);
  const exponent = minorUnitExponent(currency);
  const digits = Math.abs(amount).toString().padStart(exponent + 1, "0");
  const sign = amount < 0 ? "-" : "";
  return exponent ? `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : `${sign}${digits}`;
}
