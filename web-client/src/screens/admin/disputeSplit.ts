/**
 * What resolving a dispute moves, computed exactly as the backend does (`marketplace/payments/amounts.py` and
 * `movements.release_held_funds`): integer minor units, half-up rounding, and parts that always add up to what is
 * held. The confirmation shows these figures before the admin commits.
 */

export type Resolution = "RELEASE" | "REFUND" | "SPLIT";

export const RESOLUTIONS: readonly Resolution[] = ["RELEASE", "REFUND", "SPLIT"];

/** round_half_up(amount × bps / 10 000) for amount ≥ 0, in integers (amounts.share). */
export function share(amount: number, bps: number): number {
  if (amount < 0 || bps < 0) throw new RangeError("amounts and rates are non-negative");
  if (!Number.isSafeInteger(2 * amount * bps + 10_000)) throw new RangeError("amount too large to compute exactly");
  return Math.floor((2 * amount * bps + 10_000) / 20_000);
}

export interface Breakdown {
  subtotal: number;
  tax: number;
  commission: number;
}

export const providerNet = (b: Breakdown) => b.subtotal - b.commission;
export const totalOf = (b: Breakdown) => b.subtotal + b.tax;

/** What a job's payment was: subtotal + tax at the tax rate, commission on the subtotal (amounts.price). */
export function price(subtotal: number, taxRateBps: number, commissionRateBps: number): Breakdown {
  return { subtotal, tax: share(subtotal, taxRateBps), commission: share(subtotal, commissionRateBps) };
}

/** `held` (≤ subtotal + tax) in the proportions of the original price (amounts.allocate). */
export function allocate(held: number, paid: Breakdown, commissionRateBps: number): Breakdown {
  const total = totalOf(paid);
  if (held < 0 || held > total) throw new RangeError("held must be between 0 and the total paid");
  const tax = held === total ? paid.tax : Math.floor((2 * held * paid.tax + total) / (2 * total));
  const subtotal = held - tax;
  return { subtotal, tax, commission: share(subtotal, commissionRateBps) };
}

export interface DisputeOutcome {
  /** What leaves the held money towards the provider's side: their net + the platform's commission + the tax. */
  released: Breakdown;
  /** Paid to the provider (released subtotal − commission). */
  toProvider: number;
  commission: number;
  tax: number;
  /** Back to the customer. */
  refunded: number;
  /** Everything held before the resolution; released total + refunded always equals it. */
  held: number;
}

export interface DisputeTerms {
  /** The job's agreed subtotal (Job.amount). */
  subtotal: number;
  taxRateBps: number;
  commissionRateBps: number;
  /** Still held for the job; defaults to everything paid (subtotal + tax), i.e. no earlier partial refund. */
  held?: number;
}

/** The money each resolution moves. SPLIT needs the provider's share, 1–99 percent (the API refuses others). */
export function disputeOutcome(resolution: Resolution, providerSharePercent: number | null, terms: DisputeTerms): DisputeOutcome {
  const paid = price(terms.subtotal, terms.taxRateBps, terms.commissionRateBps);
  const held = allocate(terms.held ?? totalOf(paid), paid, terms.commissionRateBps);
  const heldTotal = totalOf(held);
  if (resolution === "REFUND") {
    return { released: { subtotal: 0, tax: 0, commission: 0 }, toProvider: 0, commission: 0, tax: 0, refunded: heldTotal, held: heldTotal };
  }
  let percent = 100;
  if (resolution === "SPLIT") {
    if (providerSharePercent === null || !Number.isInteger(providerSharePercent) || providerSharePercent < 1 || providerSharePercent > 99) {
      throw new RangeError("A split gives the provider between 1 and 99 percent.");
    }
    percent = providerSharePercent;
  }
  const bps = percent * 100;
  const releasedSubtotal = share(held.subtotal, bps);
  const released: Breakdown = {
    subtotal: releasedSubtotal,
    tax: share(held.tax, bps),
    commission: share(releasedSubtotal, terms.commissionRateBps),
  };
  return {
    released,
    toProvider: providerNet(released),
    commission: released.commission,
    tax: released.tax,
    refunded: heldTotal - totalOf(released),
    held: heldTotal,
  };
}

/** A whole percentage typed by the admin, or null when it is not one (the form shows the error). */
export function parsePercent(text: string): number | null {
  const value = text.trim();
  return /^\d{1,3}$/.test(value) ? Number(value) : null;
}
