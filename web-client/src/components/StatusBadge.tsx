/** A request, bid or job status from the API (`IN_PROGRESS`, `open`…) as a readable, colour-coded tag. */
const TONE: Record<string, string> = {
  OPEN: "info",
  PENDING: "info",
  AWAITING_PAYMENT: "warning",
  PAID: "info",
  IN_PROGRESS: "info",
  DELIVERED: "warning",
  COMPLETED: "success",
  APPROVED: "success",
  ACCEPTED: "success",
  ASSIGNED: "success",
  DISPUTED: "danger",
  REJECTED: "danger",
  CANCELLED: "muted",
  WITHDRAWN: "muted",
  DECLINED: "muted",
  REFUNDED: "muted",
  EXPIRED: "muted",
};

export function statusLabel(status: string): string {
  const words = status.replace(/_/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status.toUpperCase()] ?? "info";
  return (
    <span className={`tag tag-${tone}`} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}
