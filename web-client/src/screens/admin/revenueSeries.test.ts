import { describe, expect, it } from "vitest";

import {
  addDays,
  categorySeries,
  dayCount,
  dayLabel,
  daySeries,
  isDay,
  labelStep,
  presetOf,
  presetRange,
  rangeFromSearch,
  rangeToApi,
  todayUtc,
  validateRange,
} from "./revenueSeries";

const money = (amount: number) => ({ amount, currency: "usd" });
const line = (key: string, gross: number, commission = 0, tax = 0, refunds = 0) => ({
  key,
  gross: money(gross),
  commission: money(commission),
  tax: money(tax),
  refunds: money(refunds),
});

describe("date ranges", () => {
  it("counts whole UTC days", () => {
    expect(todayUtc(new Date("2026-03-01T23:30:00-05:00"))).toBe("2026-03-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(dayCount({ from: "2026-03-01", to: "2026-03-01" })).toBe(1);
    expect(dayCount({ from: "2026-03-25", to: "2026-04-03" })).toBe(10); // across a DST change elsewhere: still whole days
  });

  it("offers the last 7, 30 and 90 days, today included", () => {
    expect(presetRange(7, "2026-03-10")).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(presetRange(30, "2026-03-10")).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(presetOf({ from: "2026-02-09", to: "2026-03-10" }, "2026-03-10")).toBe(30);
    expect(presetOf({ from: "2026-02-10", to: "2026-03-10" }, "2026-03-10")).toBeNull();
  });

  it("sends the API a half-open interval that includes the last day", () => {
    expect(rangeToApi({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
  });

  it("validates the form", () => {
    expect(validateRange({ from: "2026-03-01", to: "2026-03-01" })).toEqual({});
    expect(validateRange({ from: "", to: "2026-02-30" })).toEqual({ from: "Enter a start date.", to: "Enter an end date." });
    expect(validateRange({ from: "2026-03-02", to: "2026-03-01" })).toEqual({ to: "The end date must not be before the start date." });
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2024-02-29")).toBe(true);
  });

  it("reads the range from the URL, defaulting to the last 30 days", () => {
    expect(rangeFromSearch(new URLSearchParams("from=2026-01-01&to=2026-01-31"), "2026-03-10")).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    expect(rangeFromSearch(new URLSearchParams(""), "2026-03-10")).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(rangeFromSearch(new URLSearchParams("from=2026-02-01&to=2026-01-01"), "2026-03-10")).toEqual({ from: "2026-02-09", to: "2026-03-10" });
  });
});

describe("daySeries", () => {
  const byDay = [line("2026-03-02", 5000, 1000), line("2026-03-04", 2500, 500, 0, 700), line("2026-02-01", 9999)];

  it("has one point per day of the range, zero where nothing was booked", () => {
    expect(daySeries(byDay, { from: "2026-03-01", to: "2026-03-05" }, "gross")).toEqual({
      bucket: "day",
      points: [
        { key: "2026-03-01", amount: 0 },
        { key: "2026-03-02", amount: 5000 },
        { key: "2026-03-03", amount: 0 },
        { key: "2026-03-04", amount: 2500 },
        { key: "2026-03-05", amount: 0 },
      ],
    });
    expect(daySeries(byDay, { from: "2026-03-04", to: "2026-03-04" }, "refunds").points).toEqual([{ key: "2026-03-04", amount: 700 }]);
  });

  it("groups a long range by week starting Monday, the first week clipped to the range", () => {
    // 2026-01-01 is a Thursday; 2026-02-15 a Sunday: 47 days → Thu–Sun, then six full weeks.
    const series = daySeries(
      [line("2026-01-01", 100), line("2026-01-04", 10), line("2026-01-05", 1), line("2026-02-15", 7)],
      { from: "2026-01-01", to: "2026-02-15" },
      "gross",
    );
    expect(series.bucket).toBe("week");
    expect(series.points.map((p) => p.key)).toEqual(["2026-01-01", "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09"]);
    expect(series.points.map((p) => p.amount)).toEqual([110, 1, 0, 0, 0, 0, 7]);
  });

  it("keeps 31 days daily", () => {
    expect(daySeries([], { from: "2026-03-01", to: "2026-03-31" }, "tax").points).toHaveLength(31);
  });
});

describe("categorySeries", () => {
  it("orders categories by the measure and leaves out empty ones", () => {
    const byCategory = [line("Cleaning", 100, 20), line("Plumbing", 5000, 1000), line("Electrical", 0, 0), line("Carpentry", 100, 20)];
    expect(categorySeries(byCategory, "commission")).toEqual([
      { key: "Plumbing", amount: 1000 },
      { key: "Carpentry", amount: 20 },
      { key: "Cleaning", amount: 20 },
    ]);
  });
});

describe("dayLabel", () => {
  it("names the UTC day, with the year when asked", () => {
    expect(dayLabel("2026-03-02", false, "en-US")).toBe("Mar 2");
    expect(dayLabel("2026-03-02", true, "en-US")).toBe("Mar 2, 2026");
  });
});

describe("labelStep", () => {
  it("keeps at most seven labels under a chart", () => {
    expect(labelStep(7)).toBe(1);
    expect(labelStep(8)).toBe(2);
    expect(labelStep(14)).toBe(2);
    expect(labelStep(30)).toBe(7);
    expect(labelStep(31)).toBe(7);
    expect(labelStep(13)).toBe(2);
    expect(labelStep(90)).toBe(13);
  });
});
