/**
 * The missions list's filters. `jobs(status:)` takes one status, so "active" (several statuses) is asked as
 * "all" and narrowed here; the others are asked of the API directly.
 */

export type MissionFilter = "active" | "delivered" | "completed" | "all";

export const MISSION_FILTERS: readonly { value: MissionFilter; label: string }[] = [
  { value: "active", label: "Active" },
  { value: "delivered", label: "Delivered" },
  { value: "completed", label: "Completed" },
  { value: "all", label: "All" },
];

/** Jobs still under way: waiting for payment, paid, in progress, or in dispute. */
export const ACTIVE_JOB_STATUSES: ReadonlySet<string> = new Set(["PENDING_PAYMENT", "ACCEPTED", "STARTED", "DISPUTED"]);

export function parseMissionFilter(value: string | null): MissionFilter {
  return MISSION_FILTERS.some((filter) => filter.value === value) ? (value as MissionFilter) : "active";
}

/** The `status` argument for `jobs` (null: every status). */
export function apiStatusFor(filter: MissionFilter): string | null {
  if (filter === "delivered") return "DELIVERED";
  if (filter === "completed") return "COMPLETED";
  return null;
}

export function matchesFilter(filter: MissionFilter, status: string): boolean {
  if (filter === "active") return ACTIVE_JOB_STATUSES.has(status);
  if (filter === "delivered") return status === "DELIVERED";
  if (filter === "completed") return status === "COMPLETED";
  return true;
}

/** The one date that says where a job stands: when it completed, was delivered, started, was paid or created. */
export function milestone(job: {
  status: string;
  createdAt: string;
  paidAt?: string | null;
  startedAt?: string | null;
  deliveredAt?: string | null;
  completedAt?: string | null;
  cancelledAt?: string | null;
}): { label: string; at: string } {
  if (job.completedAt) return { label: "Completed", at: job.completedAt };
  if (job.cancelledAt) return { label: "Cancelled", at: job.cancelledAt };
  if (job.deliveredAt) return { label: "Delivered", at: job.deliveredAt };
  if (job.startedAt) return { label: "Started", at: job.startedAt };
  if (job.paidAt) return { label: "Paid", at: job.paidAt };
  return { label: "Created", at: job.createdAt };
}
