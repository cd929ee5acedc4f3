/**
 * The revenue report's date range and chart series. The API books money by UTC day (`byDay` keys are
 * "YYYY-MM-DD" in UTC and only days with movements appear), so ranges here are whole UTC days: the form's
 * [from, to] days become the API's [from 00:00Z, the day after `to` 00:00Z).
 */

export type Measure = "gross" | "commission" | "tax" | "refunds";

export const MEASURES: { value: Measure; label: string }[] = [
  { value: "gross", label: "Gross paid in" },
  { value: "commission", label: "Commission" },
  { value: "tax", label: "Tax" },
  { value: "refunds", label: "Refunds" },
];

export interface DayRange {
  /** First day, "YYYY-MM-DD" (UTC), included. */
  from: string;
  /** Last day, included. */
  to: string;
}

export const PRESET_DAYS = [7, 30, 90] as const;
export const DEFAULT_DAYS = 30;
/** Ranges longer than this are charted by week, so the bars stay readable. */
export const DAILY_LIMIT = 31;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  return DAY.test(value) && !Number.isNaN(dayToMs(value)) && msToDay(dayToMs(value)) === value;
}

export function todayUtc(now: Date = new Date()): string {
  return msToDay(now.getTime());
}

export function addDays(day: string, days: number): string {
  return msToDay(dayToMs(day) + days * DAY_MS);
}

/** Days from `from` to `to`, both included. */
export function dayCount({ from, to }: DayRange): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS) + 1;
}

/** The last `days` days, today included. */
export function presetRange(days: number, today: string): DayRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Which preset a range is, if any (so its button shows as pressed). */
export function presetOf(range: DayRange, today: string): number | null {
  return PRESET_DAYS.find((days) => range.to === today && range.from === addDays(today, -(days - 1))) ?? null;
}

export function validateRange(range: DayRange): { from?: string; to?: string } {
  const errors: { from?: string; to?: string } = {};
  if (!isDay(range.from)) errors.from = "Enter a start date.";
  if (!isDay(range.to)) errors.to = "Enter an end date.";
  if (!errors.from && !errors.to && range.from > range.to) errors.to = "The end date must not be before the start date.";
  return errors;
}

/** The API's half-open interval for a range of whole UTC days. */
export function rangeToApi(range: DayRange): { from: string; to: string } {
  return { from: `${range.from}T00:00:00Z`, to: `${addDays(range.to, 1)}T00:00:00Z` };
}

/** The range in the URL (`?from=…&to=…`), or the default last 30 days when absent or malformed. */
export function rangeFromSearch(search: URLSearchParams, today: string): DayRange {
  const range = { from: search.get("from") ?? "", to: search.get("to") ?? "" };
  return Object.keys(validateRange(range)).length ? presetRange(DEFAULT_DAYS, today) : range;
}

interface MoneyLine {
  key: string;
  gross: { amount: number };
  commission: { amount: number };
  tax: { amount: number };
  refunds: { amount: number };
}

export interface SeriesPoint {
  /** The first day of the bucket ("YYYY-MM-DD") or the category name. */
  key: string;
  amount: number;
}

export interface DaySeries {
  bucket: "day" | "week";
  points: SeriesPoint[];
}

/**
 * One point per day of the range (zero where nothing was booked), or per week (starting Monday, the first week
 * clipped to the range) when the range is longer than DAILY_LIMIT days. Days outside the range are ignored.
 */
export function daySeries(byDay: readonly MoneyLine[], range: DayRange, measure: Measure): DaySeries {
  const amounts = new Map(byDay.map((line) => [line.key, line[measure].amount]));
  const days = dayCount(range);
  const bucket = days > DAILY_LIMIT ? "week" : "day";
  const points: SeriesPoint[] = [];
  for (let index = 0; index < days; index++) {
    const day = addDays(range.from, index);
    const amount = amounts.get(day) ?? 0;
    const weekday = (new Date(dayToMs(day)).getUTCDay() + 6) % 7; // Monday = 0
    if (bucket === "day" || index === 0 || weekday === 0) points.push({ key: day, amount });
    else points[points.length - 1].amount += amount;
  }
  return { bucket, points };
}

/** Categories by the chosen measure, largest first (ties by name); categories with nothing are left out. */
export function categorySeries(byCategory: readonly MoneyLine[], measure: Measure): SeriesPoint[] {
  return byCategory
    .map((line) => ({ key: line.key, amount: line[measure].amount }))
    .filter((point) => point.amount !== 0)
    .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
}

/** "Nov 21" (or "Nov 21, 2026" when the range spans years) for a UTC day. */
export function dayLabel(day: string, withYear: boolean, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", year: withYear ? "numeric" : undefined, timeZone: "UTC" }).format(
    new Date(dayToMs(day)),
  );
}

const LABEL_STEPS = [1, 2, 3, 4, 7, 13];

/** Show every n-th bar label so that at most `visible` labels are drawn under a chart of `bars` bars. */
export function labelStep(bars: number, visible = 7): number {
  return LABEL_STEPS.find((step) => Math.ceil(bars / step) <= visible) ?? LABEL_STEPS[LABEL_STEPS.length - 1];
}
