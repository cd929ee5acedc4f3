/**
 * What the viewer may do on a job in its current status, mirroring the API's rules (marketplace/jobs/services.py
 * and payments) so the page offers only buttons that can work. The API still has the final say: a refused action
 * comes back as a payload error and is shown.
 */
import type { Role } from "../shell/navigation";

export type JobAction = "pay" | "cancel" | "start" | "deliver" | "confirm" | "dispute" | "review";

const BY_ROLE: Record<Role, Partial<Record<string, readonly JobAction[]>>> = {
  CUSTOMER: {
    PENDING_PAYMENT: ["pay", "cancel"],
    ACCEPTED: ["cancel"],
    STARTED: ["dispute"],
    DELIVERED: ["confirm", "dispute"],
    COMPLETED: ["review"],
  },
  PROVIDER: {
    PENDING_PAYMENT: ["cancel"],
    ACCEPTED: ["start", "cancel"],
    STARTED: ["deliver"],
    COMPLETED: ["review"],
  },
  // Admins read the job here; dispute resolution and refunds live under /app/admin/jobs.
  ADMIN: {},
};

export function jobActions(role: Role, status: string, reviewedByMe: boolean): JobAction[] {
  const actions = BY_ROLE[role][status] ?? [];
  return actions.filter((action) => action !== "review" || !reviewedByMe);
}
