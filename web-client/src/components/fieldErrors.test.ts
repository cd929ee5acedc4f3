import { describe, expect, it } from "vitest";

import { splitErrors } from "./fieldErrors";

describe("splitErrors", () => {
  it("puts each error next to its input and the rest on top", () => {
    const errors = [
      { field: "password", message: "The email or password is incorrect.", code: "INVALID_CREDENTIALS" },
      { field: "email", message: "Enter a valid email address.", code: "INVALID" },
      { field: "email", message: "Too long.", code: "TOO_LONG" },
      { field: null, message: "Try again later.", code: "THROTTLED" },
      { field: "somethingElse", message: "Odd.", code: "INVALID" },
    ];
    expect(splitErrors(errors, ["email", "password"])).toEqual({
      byField: { password: "The email or password is incorrect.", email: "Enter a valid email address. Too long." },
      general: ["Try again later.", "Odd."],
    });
  });

  it("is empty without errors", () => {
    expect(splitErrors(undefined, ["email"])).toEqual({ byField: {}, general: [] });
  });
});
