/**
 * Money from the API is `{ amount, currency }` with `amount` in the currency's minor units (like Stripe):
 * `{ amount: 80000, currency: "pkr" }` is PKR 800.00, `{ amount: 500, currency: "JPY" }` is ¥500.
 */

export interface Money {
  amount: number;
  currency: string;
}

// ISO 4217 minor units that are not 2. (Intl's own fraction digits follow CLDR display habits, which differ:
// it shows PKR with 0 decimals, while the API, Stripe and ISO count PKR in paisa, 2 decimals.)
const ISO_EXPONENTS: Record<string, number> = {
  ...Object.fromEntries(
    ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"].map((c) => [c, 0]),
  ),
  ...Object.fromEntries(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

/** The number of minor-unit digits of an ISO 4217 currency: 2 for USD and PKR, 0 for JPY, 3 for KWD. */
export function minorUnitExponent(currency: string): number {
  return ISO_EXPONENTS[currency.toUpperCase()] ?? 2;
}

/** Formats integer minor units exactly (no float rounding of large amounts) in the reader's locale. */
export function formatMoney(money: Money, locale?: string | string[]): string {
  if (!Number.isInteger(money.amount)) throw new RangeError(`Money amounts are integer minor units, got ${money.amount}`);
  const code = money.currency.toUpperCase();
  const exponent = minorUnitExponent(code);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: code,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // A decimal string keeps every digit of amounts beyond 2^53 / 10^exponent; Intl formats strings exactly.
  return formatter.format(toDecimalString(money.amount, exponent) as unknown as number);
}

function toDecimalString(amount: number, exponent: number): string {
  const negative = amount < 0;
  const digits = Math.abs(amount).toString().padStart(exponent + 1, "0");
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = exponent ? `.${digits.slice(-exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
