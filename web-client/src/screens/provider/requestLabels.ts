/** Readable words and tag tones for the request fields the API sends as codes. */

export const URGENCY: Record<string, { label: string; tone: string }> = {
  LOW: { label: "Low urgency", tone: "muted" },
  MEDIUM: { label: "Medium urgency", tone: "info" },
  HIGH: { label: "High urgency", tone: "warning" },
  EMERGENCY: { label: "Emergency", tone: "danger" },
};

export const MODE: Record<string, string> = {
  BIDDING: "Open to bids",
  FIXED_OFFER: "Fixed-price offer",
};

export function urgencyOf(code: string) {
  return URGENCY[code] ?? { label: code, tone: "info" };
}
