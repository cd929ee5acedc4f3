import { describe, expect, it } from "vitest";

import { formatRate, formatRating } from "./format";

describe("provider figures", () => {
  it("reads a rating out of five and a rate as a percentage", () => {
    expect(formatRating(4.5, "en-US")).toBe("4.5 / 5");
    expect(formatRating(2.333, "en-US")).toBe("2.33 / 5");
    expect(formatRating(5, "en-US")).toBe("5.0 / 5");
    expect(formatRate(0.6667, "en-US")).toBe("66.7%");
    expect(formatRate(1, "en-US")).toBe("100%");
  });

  it("shows a dash until there is history", () => {
    expect(formatRating(null)).toBe("—");
    expect(formatRate(undefined)).toBe("—");
  });
});
