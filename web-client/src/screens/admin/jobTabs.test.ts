import { describe, expect, it } from "vitest";

import { JOB_TABS, inTab, mergeNewestFirst, tabFor } from "./jobTabs";

const job = (id: string, createdAt: string) => ({ id, createdAt });

describe("job tabs", () => {
  it("puts disputes first and falls back to them for an unknown tab", () => {
    expect(JOB_TABS[0].slug).toBe("disputed");
    expect(tabFor("nope").slug).toBe("disputed");
    expect(tabFor(null).slug).toBe("disputed");
    expect(tabFor("all").statuses).toEqual([]);
  });

  it("lets a job leave a tab when its status changes", () => {
    expect(inTab(tabFor("disputed"), "DISPUTED")).toBe(true);
    expect(inTab(tabFor("disputed"), "COMPLETED")).toBe(false);
    expect(inTab(tabFor("active"), "STARTED")).toBe(true);
    expect(inTab(tabFor("all"), "REFUNDED")).toBe(true);
  });

  it("covers every job status exactly once outside 'All'", () => {
    const statuses = JOB_TABS.flatMap((tab) => tab.statuses);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect([...statuses].sort()).toEqual(["ACCEPTED", "CANCELLED", "COMPLETED", "DELIVERED", "DISPUTED", "PENDING_PAYMENT", "REFUNDED", "STARTED"]);
  });
});

describe("mergeNewestFirst", () => {
  it("merges lists sorted newest first and keeps the newest `limit`", () => {
    const accepted = [job("a3", "2026-03-05T10:00:00Z"), job("a1", "2026-03-01T10:00:00Z")];
    const started = [job("s2", "2026-03-04T10:00:00Z"), job("s1", "2026-03-02T10:00:00.5+00:00")];
    expect(mergeNewestFirst([accepted, started], 3).map((j) => j.id)).toEqual(["a3", "s2", "s1"]);
    expect(mergeNewestFirst([accepted, started], 10).map((j) => j.id)).toEqual(["a3", "s2", "s1", "a1"]);
    expect(mergeNewestFirst([[], []], 5)).toEqual([]);
  });

  it("shows an item met in two answers once", () => {
    const moved = job("x", "2026-03-03T00:00:00Z");
    expect(mergeNewestFirst([[moved], [moved, job("y", "2026-03-01T00:00:00Z")]], 5).map((j) => j.id)).toEqual(["x", "y"]);
  });
});
