/**
 * Where a notification leads. The API gives what it is about (`targetType`, e.g. "jobs.job") and, for jobs and
 * requests, the object's global id (`targetId`); the right screen also depends on who is reading.
 */
import type { Role } from "../shell/navigation";

export interface NotificationTarget {
  kind: string;
  targetType: string;
  targetId?: string | null;
}

// Notifications that ask an admin to act on a job open the admin's dispute screen rather than the shared job page.
const ADMIN_JOB_KINDS = new Set(["DISPUTE_OPENED", "CHARGEBACK"]);

export function jobPath(jobId: string): string {
  return `/app/jobs/${encodeURIComponent(jobId)}`;
}

/** The client path for a notification, or null when it points nowhere the reader can open. */
export function notificationHref(notification: NotificationTarget, role: Role): string | null {
  const id = notification.targetId;
  switch (notification.targetType) {
    case "jobs.job":
      if (!id) return null;
      return role === "ADMIN" && ADMIN_JOB_KINDS.has(notification.kind) ? `/app/admin/jobs/${encodeURIComponent(id)}` : jobPath(id);
    case "service_requests.servicerequest":
      // A customer's own request has its page; providers meet requests in their feed.
      if (role === "CUSTOMER") return id ? `/app/customer/requests/${encodeURIComponent(id)}` : "/app/customer/requests";
      if (role === "PROVIDER") return "/app/provider/feed";
      return null;
    case "providers.providerprofile":
      if (role === "PROVIDER") return "/app/provider/profile";
      if (role === "ADMIN") return "/app/admin/verification";
      return null;
    default:
      return null;
  }
}
