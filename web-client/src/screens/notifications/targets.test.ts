import { describe, expect, it } from "vitest";

import { notificationHref } from "./targets";

const JOB = "Sm9iOjE=";
const REQUEST = "U2VydmljZVJlcXVlc3Q6Nw==";

describe("notificationHref", () => {
  it("opens the job page for job notifications, for either party", () => {
    const paid = { kind: "JOB_STATUS", targetType: "jobs.job", targetId: JOB };
    expect(notificationHref(paid, "CUSTOMER")).toBe("/app/jobs/Sm9iOjE%3D");
    expect(notificationHref(paid, "PROVIDER")).toBe("/app/jobs/Sm9iOjE%3D");
    expect(notificationHref({ kind: "REVIEW_RECEIVED", targetType: "jobs.job", targetId: JOB }, "PROVIDER")).toBe("/app/jobs/Sm9iOjE%3D");
  });

  it("sends an admin to the dispute screen for a dispute or chargeback, else to the job page", () => {
    expect(notificationHref({ kind: "DISPUTE_OPENED", targetType: "jobs.job", targetId: JOB }, "ADMIN")).toBe("/app/admin/jobs/Sm9iOjE%3D");
    expect(notificationHref({ kind: "CHARGEBACK", targetType: "jobs.job", targetId: JOB }, "ADMIN")).toBe("/app/admin/jobs/Sm9iOjE%3D");
    expect(notificationHref({ kind: "JOB_STATUS", targetType: "jobs.job", targetId: JOB }, "ADMIN")).toBe("/app/jobs/Sm9iOjE%3D");
  });

  it("opens the customer's request page, and the provider's feed, for request notifications", () => {
    const bid = { kind: "BID_PLACED", targetType: "service_requests.servicerequest", targetId: REQUEST };
    expect(notificationHref(bid, "CUSTOMER")).toBe("/app/customer/requests/U2VydmljZVJlcXVlc3Q6Nw%3D%3D");
    expect(notificationHref({ kind: "REQUEST_NEW", targetType: "service_requests.servicerequest", targetId: REQUEST }, "PROVIDER")).toBe("/app/provider/feed");
  });

  it("opens the provider's profile or the admin's queue for verification news", () => {
    const approved = { kind: "PROVIDER_APPROVED", targetType: "providers.providerprofile", targetId: null };
    expect(notificationHref(approved, "PROVIDER")).toBe("/app/provider/profile");
    expect(notificationHref(approved, "ADMIN")).toBe("/app/admin/verification");
  });

  it("has no link for a notification about nothing it can open", () => {
    expect(notificationHref({ kind: "JOB_STATUS", targetType: "jobs.job", targetId: null }, "CUSTOMER")).toBeNull();
    expect(notificationHref({ kind: "SOMETHING", targetType: "", targetId: null }, "CUSTOMER")).toBeNull();
    expect(notificationHref({ kind: "SOMETHING", targetType: "payments.payment", targetId: "x" }, "CUSTOMER")).toBeNull();
  });
});
