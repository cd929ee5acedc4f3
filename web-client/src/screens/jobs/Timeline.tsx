import { formatDateTime } from "../../components/dates";
import type { Role } from "../shell/navigation";
import type { Actor, TimelineStep } from "./timeline";

/** Who made a step happen, from the reader's point of view. */
export function actorText(actor: Actor | null, viewer: Role, platformName: string): string {
  if (!actor) return "";
  if (actor === "PLATFORM") return `by ${platformName}`;
  if (actor === viewer && actor !== "ADMIN") return "by you";
  return { CUSTOMER: "by the customer", PROVIDER: "by the provider", ADMIN: `by the ${platformName} team` }[actor];
}

interface TimelineProps {
  steps: readonly TimelineStep[];
  viewer: Role;
  platformName: string;
}

/** The job's steps in order; reached ones with time and actor, upcoming ones greyed. */
export function Timeline({ steps, viewer, platformName }: TimelineProps) {
  return (
    <ol className="timeline" data-testid="job-timeline">
      {steps.map((step, index) => (
        <li
          key={`${step.status}-${index}`}
          className={`timeline-step timeline-${step.state}`}
          data-testid="timeline-step"
          data-status={step.status}
          data-state={step.state}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <span className="timeline-marker" aria-hidden="true" />
          <div className="timeline-text">
            <p className="timeline-label">
              {step.label}
              {step.state === "upcoming" ? <span className="timeline-upcoming"> (not yet)</span> : null}
              {step.state === "current" ? <span className="visually-hidden"> (current step)</span> : null}
            </p>
            {step.at ? (
              <p className="timeline-meta">
                <time dateTime={step.at}>{formatDateTime(step.at)}</time>
                {step.actor ? ` ${actorText(step.actor, viewer, platformName)}` : index === 0 ? " · job created" : ""}
              </p>
            ) : null}
            {step.note && step.status !== "DISPUTED" ? <p className="timeline-note">{step.note}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
