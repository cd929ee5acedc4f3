import { describe, expect, it } from "vitest";

import { buildTimeline, type TransitionInput } from "./timeline";

const CREATED = "2026-11-20T09:00:00+00:00";

function t(fromStatus: string, toStatus: string, at: string, actor = "CUSTOMER", note = ""): TransitionInput {
  return { fromStatus, toStatus, at: `2026-11-20T${at}:00+00:00`, actor, note };
}

const PAID = t("PENDING_PAYMENT", "ACCEPTED", "09:05", "PLATFORM");
const STARTED = t("ACCEPTED", "STARTED", "10:00", "PROVIDER");
const DELIVERED = t("STARTED", "DELIVERED", "12:00", "PROVIDER");
const CONFIRMED = t("DELIVERED", "COMPLETED", "13:00", "CUSTOMER", "confirmed by the customer");

const summary = (steps: ReturnType<typeof buildTimeline>) => steps.map((s) => `${s.status}:${s.state}`);

describe("buildTimeline", () => {
  it("shows a new job awaiting payment with the rest of the happy path greyed", () => {
    const steps = buildTimeline({ status: "PENDING_PAYMENT", createdAt: CREATED, transitions: [] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:current", "ACCEPTED:upcoming", "STARTED:upcoming", "DELIVERED:upcoming", "COMPLETED:upcoming"]);
    expect(steps[0]).toMatchObject({ label: "Awaiting payment", at: CREATED, actor: null });
    expect(steps[1]).toMatchObject({ label: "Paid", at: null, actor: null });
  });

  it("marks each reached step with its time and actor, the latest as current", () => {
    const steps = buildTimeline({ status: "STARTED", createdAt: CREATED, transitions: [PAID, STARTED] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "ACCEPTED:done", "STARTED:current", "DELIVERED:upcoming", "COMPLETED:upcoming"]);
    expect(steps[1]).toMatchObject({ at: PAID.at, actor: "PLATFORM" });
    expect(steps[2]).toMatchObject({ label: "In progress", at: STARTED.at, actor: "PROVIDER" });
  });

  it("reads transitions by time, whatever order they arrive in", () => {
    const steps = buildTimeline({ status: "DELIVERED", createdAt: CREATED, transitions: [DELIVERED, PAID, STARTED] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "ACCEPTED:done", "STARTED:done", "DELIVERED:current", "COMPLETED:upcoming"]);
  });

  it("has no current step once the job is completed", () => {
    const steps = buildTimeline({ status: "COMPLETED", createdAt: CREATED, transitions: [PAID, STARTED, DELIVERED, CONFIRMED] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "ACCEPTED:done", "STARTED:done", "DELIVERED:done", "COMPLETED:done"]);
    expect(steps[4]).toMatchObject({ actor: "CUSTOMER", note: "confirmed by the customer" });
  });

  it("says the platform completed a job it auto-released", () => {
    const auto = t("DELIVERED", "COMPLETED", "20:00", "PLATFORM", "auto-released");
    const steps = buildTimeline({ status: "COMPLETED", createdAt: CREATED, transitions: [PAID, STARTED, DELIVERED, auto] });
    expect(steps.at(-1)).toMatchObject({ status: "COMPLETED", actor: "PLATFORM", note: "auto-released" });
  });

  it("branches to cancelled: no upcoming steps after a cancellation", () => {
    const cancel = t("ACCEPTED", "CANCELLED", "09:30", "PROVIDER", "ill");
    const steps = buildTimeline({ status: "CANCELLED", createdAt: CREATED, transitions: [PAID, cancel] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "ACCEPTED:done", "CANCELLED:done"]);
    expect(steps[2]).toMatchObject({ label: "Cancelled", actor: "PROVIDER", note: "ill" });
  });

  it("shows an unpaid job the platform expired as cancelled by the platform", () => {
    const expired = t("PENDING_PAYMENT", "CANCELLED", "11:00", "PLATFORM", "payment not received in time");
    const steps = buildTimeline({ status: "CANCELLED", createdAt: CREATED, transitions: [expired] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "CANCELLED:done"]);
    expect(steps[1].actor).toBe("PLATFORM");
  });

  it("branches to disputed with the resolution still to come", () => {
    const dispute = t("DELIVERED", "DISPUTED", "14:00", "CUSTOMER", "The tap still leaks.");
    const steps = buildTimeline({ status: "DISPUTED", createdAt: CREATED, transitions: [PAID, STARTED, DELIVERED, dispute] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "ACCEPTED:done", "STARTED:done", "DELIVERED:done", "DISPUTED:current", "COMPLETED:upcoming"]);
    expect(steps[4]).toMatchObject({ label: "Disputed", note: "The tap still leaks." });
    expect(steps[5].label).toBe("Resolved by the platform");
  });

  it("ends a dispute in completed (release or split) or refunded, decided by an admin", () => {
    const dispute = t("STARTED", "DISPUTED", "11:00", "CUSTOMER", "No show.");
    const released = t("DISPUTED", "COMPLETED", "15:00", "ADMIN", "split");
    const refunded = t("DISPUTED", "REFUNDED", "15:00", "ADMIN");
    expect(summary(buildTimeline({ status: "COMPLETED", createdAt: CREATED, transitions: [PAID, STARTED, dispute, released] }))).toEqual([
      "PENDING_PAYMENT:done",
      "ACCEPTED:done",
      "STARTED:done",
      "DISPUTED:done",
      "COMPLETED:done",
    ]);
    const steps = buildTimeline({ status: "REFUNDED", createdAt: CREATED, transitions: [PAID, STARTED, dispute, refunded] });
    expect(summary(steps)).toEqual(["PENDING_PAYMENT:done", "ACCEPTED:done", "STARTED:done", "DISPUTED:done", "REFUNDED:done"]);
    expect(steps.at(-1)).toMatchObject({ label: "Refunded", actor: "ADMIN" });
  });
});
