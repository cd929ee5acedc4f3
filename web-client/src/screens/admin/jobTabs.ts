/**
 * The admin's job list tabs. `jobs(status:)` filters by one status, so a tab covering several statuses asks for
 * each and merges the answers newest first, as the API orders them (createdAt descending; exact ties, rare with
 * microsecond times, in a stable order of their opaque ids).
 */

export interface JobTab {
  slug: string;
  label: string;
  /** Empty: every job. */
  statuses: readonly string[];
}

export const JOB_TABS: readonly JobTab[] = [
  { slug: "disputed", label: "Disputed", statuses: ["DISPUTED"] },
  { slug: "active", label: "Active", statuses: ["ACCEPTED", "STARTED"] },
  { slug: "delivered", label: "Delivered", statuses: ["DELIVERED"] },
  { slug: "awaiting-payment", label: "Awaiting payment", statuses: ["PENDING_PAYMENT"] },
  { slug: "completed", label: "Completed", statuses: ["COMPLETED"] },
  { slug: "refunded", label: "Refunded", statuses: ["REFUNDED"] },
  { slug: "cancelled", label: "Cancelled", statuses: ["CANCELLED"] },
  { slug: "all", label: "All", statuses: [] },
];

export function tabFor(slug: string | null): JobTab {
  return JOB_TABS.find((tab) => tab.slug === slug) ?? JOB_TABS[0];
}

/** Whether a job (as the cache knows it now) still belongs in the tab: a resolved dispute leaves "Disputed" at once. */
export function inTab(tab: JobTab, status: string): boolean {
  return tab.statuses.length === 0 || tab.statuses.includes(status);
}

interface Listed {
  id: string;
  createdAt: string;
}

/**
 * The newest `limit` items of several lists that are each sorted newest first. Each list must hold its own newest
 * `limit` items (or all it has), which makes the merged head exact. Duplicates (same id) appear once.
 */
export function mergeNewestFirst<T extends Listed>(lists: readonly (readonly T[])[], limit: number): T[] {
  const seen = new Set<string>();
  const merged: T[] = [];
  for (const item of lists.flat()) {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      merged.push(item);
    }
  }
  merged.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  return merged.slice(0, limit);
}
