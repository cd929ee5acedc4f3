/** Dates from the API are ISO 8601 strings; these show them in the reader's locale. */

export function formatDateTime(iso: string | null | undefined, locale?: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return "—";
  // A bare date ("2026-11-21") is a calendar day, not midnight UTC: format it without shifting time zones.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date);
}
