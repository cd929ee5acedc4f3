import { STEP_LABELS, type JobStatus } from "./timeline";

const TONE: Record<JobStatus, string> = {
  PENDING_PAYMENT: "warning",
  ACCEPTED: "info",
  STARTED: "info",
  DELIVERED: "warning",
  COMPLETED: "success",
  CANCELLED: "muted",
  DISPUTED: "danger",
  REFUNDED: "muted",
};

export function jobStatusLabel(status: string): string {
  return STEP_LABELS[status as JobStatus] ?? status;
}

/** A job's status in the words of the timeline ("Awaiting payment", "In progress"…). */
export function JobStatusBadge({ status }: { status: string }) {
  return (
    <span className={`tag tag-${TONE[status as JobStatus] ?? "info"}`} data-testid="job-status" data-status={status}>
      {jobStatusLabel(status)}
    </span>
  );
}
