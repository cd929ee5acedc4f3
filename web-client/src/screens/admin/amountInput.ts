/**
 * What an admin types as an amount ("120.50") ⇄ the API's integer minor units (12050 for USD), in string
 * arithmetic only: no binary float ever touches the digits, so "0.29" is 29 cents and not 28.999….
 */
import { minorUnitExponent } from "../../money/formatMoney";

export type ParsedAmount = { ok: true; amount: number } | { ok: false; error: string };

/**
 * Parses a positive decimal amount in `currency` into minor units. Accepts "120", "120.5", "120.50", "1,250.00"
 * (commas as thousands separators when a dot marks the decimals) and "120,50" (a lone comma as the decimal mark).
 * Refuses more decimals than the currency has, signs, exponents and amounts beyond a safe integer.
 */
export function parseDecimalAmount(text: string, currency: string): ParsedAmount {
  const exponent = minorUnitExponent(currency);
  let value = text.trim().replace(/\s+/g, "");
  if (!value) return { ok: false, error: "Enter an amount." };
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(value)) value = value.replace(/,/g, "");
  else if (/^\d+,\d+$/.test(value)) value = value.replace(",", ".");
  const match = /^(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match || (!match[1] && !match[2])) return { ok: false, error: "Enter a number such as 120.50." };
  const [, whole, fraction = ""] = match;
  if (fraction.length > exponent) {
    return { ok: false, error: exponent ? `Use at most ${exponent} decimal places.` : "This currency has no decimal places." };
  }
  const digits = `${whole || "0"}${fraction.padEnd(exponent, "0")}`.replace(/^0+(?=\d)/, "");
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) return { ok: false, error: "That amount is too large." };
  if (amount <= 0) return { ok: false, error: "Enter an amount above zero." };
  return { ok: true, amount };
}

/** Minor units as the plain decimal an input shows (12050 USD → "120.50"), no grouping, no symbol. */
export function minorToDecimalInput(amount: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const digits = Math.abs(amount).toString().padStart(exponent + 1, "0");
  const sign = amount < 0 ? "-" : "";
  return exponent ? `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : `${sign}${digits}`;
}
