import { describe, expect, it } from "vitest";

import { advanceCursor, isResumable, resumableSubscriptionVariables } from "./resume";

describe("resumable subscription variables", () => {
  it("start from now (afterId null) unless the caller already holds events", () => {
    expect(resumableSubscriptionVariables({ jobId: "J1" })).toEqual({ jobId: "J1", afterId: null });
    expect(resumableSubscriptionVariables({ jobId: "J1" }, "M7")).toEqual({ jobId: "J1", afterId: "M7" });
  });

  it("advance to the last received event, so a reconnect resumes after it", () => {
    const payload = { query: "subscription", variables: resumableSubscriptionVariables({ jobId: "J1" }, "M7") };
    expect(isResumable(payload)).toBe(true);
    advanceCursor(payload, { data: { chatMessages: { id: "M9" } } });
    expect(payload.variables).toEqual({ jobId: "J1", afterId: "M9" });
  });
});
