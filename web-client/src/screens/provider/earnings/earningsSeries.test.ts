import { describe, expect, it } from "vitest";

import { monthlyEarnings, statementEarnings } from "./earningsSeries";

const now = new Date(2026, 10, 21, 12); // 21 November 2026, local time
const at = (year: number, month: number, day = 15) => new Date(year, month, day, 12).toISOString();

describe("monthlyEarnings", () => {
  it("sums amounts by calendar month, oldest first, with empty months as zero", () => {
    const bars = monthlyEarnings(
      [
        { at: at(2026, 10, 2), amount: 8000, currency: "usd" },
        { at: at(2026, 10, 20), amount: 4050, currency: "usd" },
        { at: at(2026, 8), amount: 10000, currency: "usd" },
      ],
      { currency: "usd", months: 4, now, locale: "en-US" },
    );
    expect(bars.map((bar) => [bar.label, bar.value])).toEqual([
      ["Aug 2026", 0],
      ["Sep 2026", 10000],
      ["Oct 2026", 0],
      ["Nov 2026", 12050],
    ]);
    expect(bars[3].display).toBe("$120.50");
  });

  it("leaves out amounts before the window, in the future, or in another currency", () => {
    const bars = monthlyEarnings(
      [
        { at: at(2025, 10), amount: 500, currency: "usd" },
        { at: at(2026, 11), amount: 700, currency: "usd" },
        { at: at(2026, 10), amount: 900, currency: "eur" },
        { at: at(2026, 10), amount: 100, currency: "USD" },
      ],
      { currency: "usd", months: 3, now, locale: "en-US" },
    );
    expect(bars.map((bar) => bar.value)).toEqual([0, 0, 100]);
  });

  it("crosses the year boundary", () => {
    const bars = monthlyEarnings([{ at: at(2025, 11, 31), amount: 300, currency: "pkr" }], {
      currency: "pkr",
      months: 3,
      now: new Date(2026, 0, 10),
      locale: "en-US",
    });
    expect(bars.map((bar) => [bar.label, bar.value])).toEqual([
      ["Nov 2025", 0],
      ["Dec 2025", 300],
      ["Jan 2026", 0],
    ]);
  });
});

describe("statementEarnings", () => {
  it("keeps provider statements only, dated when issued, at their net total", () => {
    expect(
      statementEarnings([
        { kind: "PROVIDER_STATEMENT", issuedAt: "2026-11-02T10:00:00Z", total: { amount: 8000, currency: "usd" } },
        { kind: "CUSTOMER_INVOICE", issuedAt: "2026-11-02T10:00:00Z", total: { amount: 10800, currency: "usd" } },
      ]),
    ).toEqual([{ at: "2026-11-02T10:00:00Z", amount: 8000, currency: "usd" }]);
  });
});
