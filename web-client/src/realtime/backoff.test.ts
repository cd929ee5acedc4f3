import { describe, expect, it } from "vitest";

import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("doubles the ceiling with each attempt", () => {
    const top = (attempt: number) => backoffDelay(attempt, { baseMs: 500, random: () => 1 });
    expect([0, 1, 2, 3, 4].map(top)).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it("never waits longer than the cap, however many attempts", () => {
    expect(backoffDelay(50, { baseMs: 500, maxMs: 30_000, random: () => 1 })).toBe(30_000);
    expect(backoffDelay(1000, { baseMs: 500, maxMs: 30_000, random: () => 1 })).toBe(30_000);
  });

  it("spreads clients out with jitter, but never retries in a tight loop", () => {
    expect(backoffDelay(3, { baseMs: 500, random: () => 0 })).toBe(250);
    expect(backoffDelay(3, { baseMs: 500, random: () => 0.5 })).toBe(2125);
    for (let attempt = 0; attempt < 20; attempt++) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(250);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
  });
});
