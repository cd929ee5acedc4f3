import { describe, expect, it } from "vitest";

import {
  EMPTY_AUDIT_FILTER,
  auditFilterFromSearch,
  auditFilterToInput,
  auditFilterToSearch,
  isFiltered,
  localDateTimeToIso,
  type AuditFilterValues,
} from "./auditFilter";

const full: AuditFilterValues = {
  action: "provider.approved",
  actorEmail: "admin@serveflow.local",
  targetType: "providers.providerprofile",
  targetId: "6",
  since: "2026-01-01T00:00",
  until: "2026-02-01T12:30",
};

describe("audit filter ⇄ URL", () => {
  it("writes only the criteria set, with short names", () => {
    expect(auditFilterToSearch(EMPTY_AUDIT_FILTER).toString()).toBe("");
    expect(auditFilterToSearch({ ...EMPTY_AUDIT_FILTER, action: " job.start ", actorEmail: "a+b@x.io" }).toString()).toBe(
      "action=job.start&actor=a%2Bb%40x.io",
    );
  });

  it("round-trips every field", () => {
    expect(auditFilterFromSearch(auditFilterToSearch(full))).toEqual(full);
    expect(auditFilterFromSearch(new URLSearchParams(""))).toEqual(EMPTY_AUDIT_FILTER);
  });

  it("reads a hand-written URL, ignoring unknown parameters and malformed dates", () => {
    const values = auditFilterFromSearch(new URLSearchParams("?actor=ADMIN%40serveflow.local&since=yesterday&until=2026-03-01T08:00:30&page=4"));
    expect(values).toEqual({ ...EMPTY_AUDIT_FILTER, actorEmail: "ADMIN@serveflow.local", until: "2026-03-01T08:00:30" });
  });

  it("knows whether anything is filtered", () => {
    expect(isFiltered(EMPTY_AUDIT_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_AUDIT_FILTER, targetId: " " })).toBe(false);
    expect(isFiltered({ ...EMPTY_AUDIT_FILTER, targetId: "3" })).toBe(true);
  });
});

describe("audit filter → API input", () => {
  it("sends null for absent criteria and instants for the dates", () => {
    expect(auditFilterToInput(EMPTY_AUDIT_FILTER)).toEqual({
      action: null,
      actorEmail: null,
      targetType: null,
      targetId: null,
      since: null,
      until: null,
    });
    expect(auditFilterToInput(full)).toEqual({
      action: "provider.approved",
      actorEmail: "admin@serveflow.local",
      targetType: "providers.providerprofile",
      targetId: "6",
      // The inputs hold the reader's local time; the API gets the same instant in ISO 8601.
      since: new Date(2026, 0, 1, 0, 0).toISOString(),
      until: new Date(2026, 1, 1, 12, 30).toISOString(),
    });
  });

  it("drops dates that are not datetime-local values", () => {
    expect(localDateTimeToIso("2026-13-45T99:00")).toBeNull();
    expect(localDateTimeToIso("2026-01-01")).toBeNull();
    expect(localDateTimeToIso("")).toBeNull();
  });
});
