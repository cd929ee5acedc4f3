/** How the provider's figures read: ratings out of five, rates as percentages, "—" when there is no history yet. */

export function formatRating(rating: number | null | undefined, locale?: string): string {
  if (rating == null) return "—";
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(rating)} / 5`;
}

export function formatRate(rate: number | null | undefined, locale?: string): string {
  if (rate == null) return "—";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}
