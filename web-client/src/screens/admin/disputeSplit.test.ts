import { describe, expect, it } from "vitest";

import { allocate, disputeOutcome, parsePercent, price, share, totalOf } from "./disputeSplit";

// Reference figures printed by the backend's own functions (marketplace.payments.amounts price/allocate/split).
const BACKEND = [
  { subtotal: 12050, taxRateBps: 0, commissionRateBps: 2000, held: undefined, percent: 60, released: [7230, 0, 1446, 5784], refunded: 4820, heldTotal: 12050, release: [9640, 2410, 0] },
  { subtotal: 12050, taxRateBps: 1700, commissionRateBps: 2000, held: undefined, percent: 60, released: [7230, 1229, 1446, 5784], refunded: 5640, heldTotal: 14099, release: [9640, 2410, 2049] },
  { subtotal: 999, taxRateBps: 1700, commissionRateBps: 2000, held: undefined, percent: 33, released: [330, 56, 66, 264], refunded: 783, heldTotal: 1169, release: [799, 200, 170] },
  { subtotal: 10001, taxRateBps: 1250, commissionRateBps: 1500, held: undefined, percent: 50, released: [5001, 625, 750, 4251], refunded: 5625, heldTotal: 11251, release: [8501, 1500, 1250] },
  { subtotal: 12050, taxRateBps: 1700, commissionRateBps: 2000, held: 9000, percent: 60, released: [4615, 785, 923, 3692], refunded: 3600, heldTotal: 9000, release: [6154, 1538, 1308] },
  { subtotal: 1, taxRateBps: 0, commissionRateBps: 2000, held: undefined, percent: 50, released: [1, 0, 0, 1], refunded: 0, heldTotal: 1, release: [1, 0, 0] },
  { subtotal: 333, taxRateBps: 1700, commissionRateBps: 2000, held: undefined, percent: 1, released: [3, 1, 1, 2], refunded: 386, heldTotal: 390, release: [266, 67, 57] },
  { subtotal: 333, taxRateBps: 1700, commissionRateBps: 2000, held: undefined, percent: 99, released: [330, 56, 66, 264], refunded: 4, heldTotal: 390, release: [266, 67, 57] },
];

describe("share", () => {
  it("rounds half up in integers", () => {
    expect(share(12050, 2000)).toBe(2410);
    expect(share(1, 5000)).toBe(1); // 0.5 → 1
    expect(share(3, 5000)).toBe(2); // 1.5 → 2
    expect(share(1, 4999)).toBe(0);
    expect(share(0, 2000)).toBe(0);
    expect(() => share(-1, 2000)).toThrow(RangeError);
  });
});

describe("disputeOutcome", () => {
  it.each(BACKEND)("matches the backend for $subtotal at $percent% (tax $taxRateBps bps, held $held)", (c) => {
    const terms = { subtotal: c.subtotal, taxRateBps: c.taxRateBps, commissionRateBps: c.commissionRateBps, held: c.held };
    const split = disputeOutcome("SPLIT", c.percent, terms);
    expect([split.released.subtotal, split.released.tax, split.released.commission, split.toProvider]).toEqual(c.released);
    expect(split.refunded).toBe(c.refunded);
    expect(split.held).toBe(c.heldTotal);

    const release = disputeOutcome("RELEASE", null, terms);
    expect([release.toProvider, release.commission, release.tax]).toEqual(c.release);
    expect(release.refunded).toBe(0);

    const refund = disputeOutcome("REFUND", null, terms);
    expect(refund).toMatchObject({ toProvider: 0, commission: 0, tax: 0, refunded: c.heldTotal });
  });

  it("always adds up to what is held", () => {
    for (const subtotal of [1, 7, 99, 100, 101, 12345, 999_999]) {
      for (const taxRateBps of [0, 1, 1700, 2500]) {
        for (const percent of [1, 17, 33, 50, 67, 99]) {
          const outcome = disputeOutcome("SPLIT", percent, { subtotal, taxRateBps, commissionRateBps: 2000 });
          expect(outcome.toProvider + outcome.commission + outcome.tax + outcome.refunded).toBe(outcome.held);
          expect(outcome.held).toBe(totalOf(price(subtotal, taxRateBps, 2000)));
          expect(Math.min(outcome.toProvider, outcome.commission, outcome.tax, outcome.refunded)).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it("refuses a split share outside 1–99", () => {
    const terms = { subtotal: 1000, taxRateBps: 0, commissionRateBps: 2000 };
    for (const percent of [null, 0, 100, 12.5, -3]) expect(() => disputeOutcome("SPLIT", percent, terms)).toThrow(RangeError);
  });

  it("divides a partly refunded payment in the original proportions", () => {
    const paid = price(12050, 1700, 2000);
    expect(allocate(totalOf(paid), paid, 2000)).toEqual(paid);
    expect(allocate(9000, paid, 2000)).toEqual({ subtotal: 7692, tax: 1308, commission: 1538 });
    expect(() => allocate(totalOf(paid) + 1, paid, 2000)).toThrow(RangeError);
  });
});

describe("parsePercent", () => {
  it("reads whole percentages only", () => {
    expect(parsePercent(" 60 ")).toBe(60);
    expect(parsePercent("")).toBeNull();
    expect(parsePercent("12.5")).toBeNull();
    expect(parsePercent("-3")).toBeNull();
    expect(parsePercent("abc")).toBeNull();
  });
});
