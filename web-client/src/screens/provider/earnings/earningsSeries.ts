/**
 * Earnings over time for the chart. The API has no time series for a provider, so it is built from the provider's
 * statements (`invoices` of kind PROVIDER_STATEMENT: one per released job, `total` = the provider's net), summed by
 * the calendar month they were issued in, with empty months shown as zero so the bars line up with time.
 */
import type { Bar } from "../../../components/BarChart";
import { formatMoney } from "../../../money/formatMoney";

export interface DatedAmount {
  /** ISO 8601 date-time. */
  at: string;
  /** Minor units. */
  amount: number;
  currency: string;
}

interface SeriesOptions {
  currency: string;
  /** How many calendar months, ending with the current one. */
  months?: number;
  now?: Date;
  locale?: string;
}

function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

/** One bar per month (oldest first) of the amounts in `currency` dated in that month, in the reader's time zone. */
export function monthlyEarnings(entries: readonly DatedAmount[], { currency, months = 6, now = new Date(), locale }: SeriesOptions): Bar[] {
  const label = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric" });
  const totals = new Map<string, { label: string; value: number }>();
  for (let back = months - 1; back >= 0; back--) {
    const month = new Date(now.getFullYear(), now.getMonth() - back, 1);
    totals.set(monthKey(month), { label: label.format(month), value: 0 });
  }
  for (const entry of entries) {
    if (entry.currency.toLowerCase() !== currency.toLowerCase()) continue;
    const bucket = totals.get(monthKey(new Date(entry.at)));
    if (bucket) bucket.value += entry.amount;
  }
  return [...totals.values()].map(({ label: month, value }) => ({ label: month, value, display: formatMoney({ amount: value, currency }, locale) }));
}

export interface StatementLike {
  kind: string;
  issuedAt: string;
  total: { amount: number; currency: string };
}

/** The provider's net per statement, dated when it was issued (customer invoices, if any, are left out). */
export function statementEarnings(statements: readonly StatementLike[]): DatedAmount[] {
  return statements
    .filter((statement) => statement.kind === "PROVIDER_STATEMENT")
    .map((statement) => ({ at: statement.issuedAt, amount: statement.total.amount, currency: statement.total.currency }));
}
