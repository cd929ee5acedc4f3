import { describe, expect, it } from "vitest";

import { paymentBreakdown, share } from "./payment";

describe("paymentBreakdown", () => {
  it("adds tax at the site's rate to the agreed subtotal", () => {
    expect(paymentBreakdown(12050, 1700)).toEqual({ subtotal: 12050, tax: 2049, total: 14099 }); // 2048.5 → 2049
    expect(paymentBreakdown(80000, 0)).toEqual({ subtotal: 80000, tax: 0, total: 80000 });
  });

  it("rounds half up, in integers, like the API", () => {
    expect(share(1, 5000)).toBe(1); // 0.5 → 1
    expect(share(3, 5000)).toBe(2); // 1.5 → 2
    expect(share(1, 4999)).toBe(0);
    expect(share(10_000, 1)).toBe(1);
    // Exact for large amounts (no float multiplication of the result).
    expect(share(100_000_000, 1850)).toBe(18_500_000);
  });

  it("refuses fractions and negative figures", () => {
    expect(() => share(10.5, 100)).toThrow(RangeError);
    expect(() => share(-1, 100)).toThrow(RangeError);
  });
});
