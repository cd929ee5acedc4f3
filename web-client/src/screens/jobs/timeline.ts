/**
 * A job's timeline from its recorded transitions: the happy path (awaiting payment → paid → in progress →
 * delivered → completed) with the steps not reached yet marked upcoming, or the branch the job took instead
 * (cancelled; disputed → completed or refunded). Pure, so the screen only renders what this returns.
 */

export type JobStatus = "PENDING_PAYMENT" | "ACCEPTED" | "STARTED" | "DELIVERED" | "COMPLETED" | "CANCELLED" | "DISPUTED" | "REFUNDED";

/** Who made a change, as the API reports it. */
export type Actor = "CUSTOMER" | "PROVIDER" | "ADMIN" | "PLATFORM";

export interface TransitionInput {
  fromStatus: string;
  toStatus: string;
  at: string;
  actor: string;
  note: string;
}

export interface TimelineJob {
  status: string;
  createdAt: string;
  transitions: readonly TransitionInput[];
}

export type StepState = "done" | "current" | "upcoming";

export interface TimelineStep {
  /** The status the job is in once this step is reached. */
  status: JobStatus;
  label: string;
  state: StepState;
  /** When the step was reached (null while upcoming). */
  at: string | null;
  /** Who made it happen; null for the job's creation and for upcoming steps. */
  actor: Actor | null;
  note: string;
}

const HAPPY_PATH: readonly JobStatus[] = ["PENDING_PAYMENT", "ACCEPTED", "STARTED", "DELIVERED", "COMPLETED"];

export const STEP_LABELS: Record<JobStatus, string> = {
  PENDING_PAYMENT: "Awaiting payment",
  ACCEPTED: "Paid",
  STARTED: "In progress",
  DELIVERED: "Delivered",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  DISPUTED: "Disputed",
  REFUNDED: "Refunded",
};

const TERMINAL = new Set<string>(["COMPLETED", "CANCELLED", "REFUNDED"]);

export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

function reached(status: JobStatus, transition: TransitionInput | null, createdAt: string): TimelineStep {
  return {
    status,
    label: STEP_LABELS[status],
    state: "done",
    at: transition ? transition.at : createdAt,
    actor: transition ? (transition.actor as Actor) : null,
    note: transition?.note ?? "",
  };
}

function upcoming(status: JobStatus, label = STEP_LABELS[status]): TimelineStep {
  return { status, label, state: "upcoming", at: null, actor: null, note: "" };
}

/**
 * The steps to show, oldest first. Exactly one step is `current` unless the job has ended (then every reached
 * step is `done`). Transitions may arrive in any order; they are read by time.
 */
export function buildTimeline(job: TimelineJob): TimelineStep[] {
  const transitions = [...job.transitions].sort((a, b) => a.at.localeCompare(b.at));
  const into = (status: JobStatus) => transitions.find((t) => t.toStatus === status) ?? null;

  const steps: TimelineStep[] = [reached("PENDING_PAYMENT", null, job.createdAt)];
  for (const status of HAPPY_PATH.slice(1)) {
    const transition = transitions.find((t) => t.toStatus === status && t.fromStatus !== "DISPUTED");
    if (!transition) break;
    steps.push(reached(status, transition, job.createdAt));
  }

  const cancelled = into("CANCELLED");
  const disputed = into("DISPUTED");
  if (cancelled) {
    steps.push(reached("CANCELLED", cancelled, job.createdAt));
  } else if (disputed) {
    steps.push(reached("DISPUTED", disputed, job.createdAt));
    const resolved = transitions.find((t) => t.fromStatus === "DISPUTED");
    if (resolved && (resolved.toStatus === "COMPLETED" || resolved.toStatus === "REFUNDED")) {
      steps.push(reached(resolved.toStatus, resolved, job.createdAt));
    } else {
      steps.push(upcoming("COMPLETED", "Resolved by the platform"));
    }
  } else {
    for (const status of HAPPY_PATH.slice(steps.length)) steps.push(upcoming(status));
  }

  if (!isTerminal(job.status)) {
    let last = steps.length - 1;
    while (last >= 0 && steps[last].state !== "done") last--;
    if (last >= 0) steps[last] = { ...steps[last], state: "current" };
  }
  return steps;
}
