import { describe, expect, it } from "vitest";

import { apiStatusFor, matchesFilter, milestone, parseMissionFilter } from "./missionFilters";

describe("mission filters", () => {
  it("reads the filter from the address, defaulting to active missions", () => {
    expect(parseMissionFilter("completed")).toBe("completed");
    expect(parseMissionFilter(null)).toBe("active");
    expect(parseMissionFilter("nonsense")).toBe("active");
  });

  it("asks the API for one status where it can, and narrows 'active' itself", () => {
    expect(apiStatusFor("delivered")).toBe("DELIVERED");
    expect(apiStatusFor("completed")).toBe("COMPLETED");
    expect(apiStatusFor("active")).toBeNull();
    expect(apiStatusFor("all")).toBeNull();
    const statuses = ["PENDING_PAYMENT", "ACCEPTED", "STARTED", "DELIVERED", "DISPUTED", "COMPLETED", "CANCELLED", "REFUNDED"];
    expect(statuses.filter((status) => matchesFilter("active", status))).toEqual(["PENDING_PAYMENT", "ACCEPTED", "STARTED", "DISPUTED"]);
    expect(statuses.filter((status) => matchesFilter("all", status))).toEqual(statuses);
  });

  it("dates a job by its latest milestone", () => {
    const base = { status: "STARTED", createdAt: "2026-11-01T10:00:00Z", paidAt: "2026-11-01T11:00:00Z", startedAt: "2026-11-02T09:00:00Z" };
    expect(milestone(base)).toEqual({ label: "Started", at: "2026-11-02T09:00:00Z" });
    expect(milestone({ ...base, deliveredAt: "2026-11-03T09:00:00Z", completedAt: "2026-11-04T09:00:00Z" })).toEqual({ label: "Completed", at: "2026-11-04T09:00:00Z" });
    expect(milestone({ status: "PENDING_PAYMENT", createdAt: "2026-11-01T10:00:00Z" })).toEqual({ label: "Created", at: "2026-11-01T10:00:00Z" });
  });
});
