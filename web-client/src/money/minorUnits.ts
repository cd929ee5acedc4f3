/**
 * What a person types into a money input ("120.50", "1,200", "$ 75") ↔ the API's integer minor units.
 * Exact: the digits are joined as text and never pass through a float, so "0.29" is 29, not 28.999….
 */
import { minorUnitExponent } from "./formatMoney";

export type ParsedAmount = { ok: true; amount: number } | { ok: false; error: string };

// Currency signs and codes a person may type around the number ("$120", "120 USD", "Rs 500", "€ 9,50").
const AROUND_NUMBER = /^[^\d.,-]*?([-\d.,\s'’_]*\d[\d.,\s'’_]*)[^\d]*$/u;

/**
 * Parses a decimal amount typed in any common style into minor units of `currency`.
 * A lone dot is the decimal mark ("120.5"); a lone comma is too unless three digits follow it ("120,50" but "1,200");
 * with both marks present, the last one is decimal ("1,200.50", "1.200,50"); repeated marks group thousands.
 * Refuses negatives, zero, more decimals than the currency has (¥ has none) and anything that is not a number.
 */
export function toMinorUnits(text: string, currency: string): ParsedAmount {
  const exponent = minorUnitExponent(currency);
  const match = AROUND_NUMBER.exec(text.trim());
  const example = exponent ? `120.${"5".padEnd(exponent, "0")}` : "1200";
  if (!match) return { ok: false, error: `Enter an amount like ${example}.` };
  const raw = match[1].replace(/[\s'’_]/g, "");
  if (raw.startsWith("-")) return { ok: false, error: "Enter an amount above zero." };
  if (!/^[\d.,]+$/.test(raw)) return { ok: false, error: `Enter an amount like ${example}.` };

  const split = splitDecimal(raw, exponent);
  if (!split) return { ok: false, error: `Enter an amount like ${example}.` };
  const { whole, fraction } = split;
  if (fraction.length > exponent) {
    return { ok: false, error: exponent ? `Use at most ${exponent} decimal places.` : `${currency.toUpperCase()} amounts have no decimals.` };
  }
  const digits = `${whole}${fraction.padEnd(exponent, "0")}`.replace(/^0+(?=\d)/, "");
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) return { ok: false, error: "That amount is too large." };
  if (amount <= 0) return { ok: false, error: "Enter an amount above zero." };
  return { ok: true, amount };
}

/** Whole and fractional digits, or null when the separators do not form a number. */
function splitDecimal(raw: string, exponent: number): { whole: string; fraction: string } | null {
  const lastDot = raw.lastIndexOf(".");
  const lastComma = raw.lastIndexOf(",");
  let decimalMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? "." : ",";
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? "." : ",";
    const occurrences = raw.split(mark).length - 1;
    const after = raw.length - raw.lastIndexOf(mark) - 1;
    // A lone dot is always the decimal mark: "1.005" USD is refused (too many decimals) rather than read as 1005.
    // A lone comma followed by three digits groups thousands ("1,200"), unless the currency has three decimals.
    if (occurrences === 1 && (mark === "." || after <= exponent || after !== 3)) decimalMark = mark;
  }
  const [groupedWhole, fraction = "", ...rest] = decimalMark ? raw.split(decimalMark) : [raw];
  if (rest.length) return null;
  const groupMark = decimalMark === "." ? "," : decimalMark === "," ? "." : null;
  if (groupMark && groupedWhole.includes(decimalMark!)) return null;
  const whole = groupedWhole === "" ? "0" : ungroup(groupedWhole, groupMark);
  if (whole === null || !/^\d*$/.test(fraction)) return null;
  return { whole, fraction };
}

/** "1,234,567" → "1234567"; null when the groups are not of three digits. */
function ungroup(text: string, groupMark: string | null): string | null {
  const marks = groupMark ? [groupMark] : [",", "."];
  const mark = marks.find((m) => text.includes(m));
  if (!mark) return /^\d+$/.test(text) ? text : null;
  const groups = text.split(mark);
  if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((group) => !/^\d{3}$/.test(group))) return null;
  return groups.join("");
}

/** Minor units back into the plain text a money input shows for editing: 12050 USD → "120.50", 500 JPY → "500". */
export function toDecimalInput(amount: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const digits = Math.abs(amount).toString().padStart(exponent + 1, "0");
  if (!exponent) return `${amount < 0 ? "-" : ""}${digits}`;
  return `${amount < 0 ? "-" : ""}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
