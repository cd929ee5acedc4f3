/**
 * The audit log's filters live in the URL query string (`?action=provider.approved&actor=…`), so a filtered view
 * can be bookmarked, shared and reloaded. These functions convert between the form, the URL and the API input.
 */

export interface AuditFilterValues {
  action: string;
  actorEmail: string;
  targetType: string;
  targetId: string;
  /** As a `datetime-local` input holds it ("2026-11-21T10:00", the reader's time zone), or "". */
  since: string;
  until: string;
}

/** The API's `AuditLogFilter` input: absent criteria are null. */
export interface AuditLogFilterInput {
  action: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  since: string | null;
  until: string | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { action: "", actorEmail: "", targetType: "", targetId: "", since: "", until: "" };

// Short, readable parameter names in the URL, in this order.
const PARAMS: [keyof AuditFilterValues, string][] = [
  ["action", "action"],
  ["actorEmail", "actor"],
  ["targetType", "targetType"],
  ["targetId", "targetId"],
  ["since", "since"],
  ["until", "until"],
];

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The filter a URL describes; unknown parameters are ignored and malformed dates dropped. */
export function auditFilterFromSearch(search: URLSearchParams): AuditFilterValues {
  const values = { ...EMPTY_AUDIT_FILTER };
  for (const [key, param] of PARAMS) values[key] = (search.get(param) ?? "").trim();
  for (const key of ["since", "until"] as const) if (values[key] && !LOCAL_DATE_TIME.test(values[key])) values[key] = "";
  return values;
}

/** The query string for a filter: empty criteria are left out, so no filter is an empty string. */
export function auditFilterToSearch(values: AuditFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, param] of PARAMS) {
    const value = values[key].trim();
    if (value) search.set(param, value);
  }
  return search;
}

/** A `datetime-local` value (the reader's time zone) as the ISO instant the API expects. */
export function localDateTimeToIso(value: string): string | null {
  if (!LOCAL_DATE_TIME.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function auditFilterToInput(values: AuditFilterValues): AuditLogFilterInput {
  const text = (value: string) => value.trim() || null;
  return {
    action: text(values.action),
    // The API compares emails without case; trimming spares a pasted trailing space.
    actorEmail: text(values.actorEmail),
    targetType: text(values.targetType),
    targetId: text(values.targetId),
    since: localDateTimeToIso(values.since),
    until: localDateTimeToIso(values.until),
  };
}

export function isFiltered(values: AuditFilterValues): boolean {
  return PARAMS.some(([key]) => values[key].trim() !== "");
}

/**
 * The actions the code records (marketplace/*: `record("…")`), offered as suggestions in the action input; the
 * API matches exact names, and any other name can still be typed.
 */
export const KNOWN_ACTIONS = [
  "bid.accepted",
  "bid.placed",
  "bid.updated",
  "bid.withdrawn",
  "job.cancel",
  "job.complete",
  "job.deliver",
  "job.mark_paid",
  "job.raise_dispute",
  "job.resolve_for_customer",
  "job.resolve_for_provider",
  "job.start",
  "offer.accepted",
  "offer.declined",
  "payment.chargeback",
  "payment.created",
  "payment.late_refunded",
  "payment.refunded",
  "payment.refund_failed",
  "payment.refunded_at_gateway",
  "payment.transfer_failed",
  "provider.approved",
  "provider.document_added",
  "provider.rejected",
  "request.cancelled",
  "request.created",
  "request.updated",
  "review.submitted",
  "transfer.reversed",
] as const;

/** Target types as the audit log names them (Django's `app_label.model`). */
export const KNOWN_TARGET_TYPES = [
  "bids.bid",
  "jobs.job",
  "payments.payment",
  "payments.transfer",
  "providers.providerprofile",
  "reviews.review",
  "service_requests.servicerequest",
] as const;
