import { describe, expect, it } from "vitest";

import { jobActions } from "./actions";

describe("jobActions", () => {
  it("lets the customer pay or cancel an unpaid job, and only cancel a paid one", () => {
    expect(jobActions("CUSTOMER", "PENDING_PAYMENT", false)).toEqual(["pay", "cancel"]);
    expect(jobActions("CUSTOMER", "ACCEPTED", false)).toEqual(["cancel"]);
  });

  it("lets the customer dispute work in progress, and confirm or dispute delivered work", () => {
    expect(jobActions("CUSTOMER", "STARTED", false)).toEqual(["dispute"]);
    expect(jobActions("CUSTOMER", "DELIVERED", false)).toEqual(["confirm", "dispute"]);
  });

  it("lets the provider start and deliver, and cancel before starting", () => {
    expect(jobActions("PROVIDER", "PENDING_PAYMENT", false)).toEqual(["cancel"]);
    expect(jobActions("PROVIDER", "ACCEPTED", false)).toEqual(["start", "cancel"]);
    expect(jobActions("PROVIDER", "STARTED", false)).toEqual(["deliver"]);
    expect(jobActions("PROVIDER", "DELIVERED", false)).toEqual([]);
  });

  it("offers a review to each side after completion, until they have written it", () => {
    expect(jobActions("CUSTOMER", "COMPLETED", false)).toEqual(["review"]);
    expect(jobActions("PROVIDER", "COMPLETED", false)).toEqual(["review"]);
    expect(jobActions("CUSTOMER", "COMPLETED", true)).toEqual([]);
  });

  it("offers nothing once a job is cancelled, refunded or under dispute, and nothing to admins here", () => {
    for (const status of ["CANCELLED", "REFUNDED", "DISPUTED"]) {
      expect(jobActions("CUSTOMER", status, false)).toEqual([]);
      expect(jobActions("PROVIDER", status, false)).toEqual([]);
    }
    for (const status of ["PENDING_PAYMENT", "ACCEPTED", "STARTED", "DELIVERED", "COMPLETED", "DISPUTED"]) {
      expect(jobActions("ADMIN", status, false)).toEqual([]);
    }
  });
});
