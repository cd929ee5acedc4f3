/**
 * What the customer will be asked to pay, before the payment exists: subtotal + tax at the site's current rate,
 * rounded half-up in integer minor units exactly as the API does (marketplace/payments/amounts.py), so the
 * confirmation shows the same figure the payment will carry.
 */

/** round_half_up(amount × bps / 10 000), integers only (amount, bps ≥ 0). */
export function share(amount: number, bps: number): number {
  if (!Number.isInteger(amount) || !Number.isInteger(bps) || amount < 0 || bps < 0) {
    throw new RangeError("amounts and rates are non-negative integers");
  }
  return Math.floor((2 * amount * bps + 10_000) / 20_000);
}

export interface PaymentBreakdown {
  subtotal: number;
  tax: number;
  total: number;
}

export function paymentBreakdown(subtotal: number, taxRateBps: number): PaymentBreakdown {
  const tax = share(subtotal, taxRateBps);
  return { subtotal, tax, total: subtotal + tax };
}
