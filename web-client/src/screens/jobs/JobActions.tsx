/** The buttons the viewer may use on this job now (see actions.ts), each with its confirmation. */
import { useId, useState } from "react";
import { useMutation } from "urql";

import type { JobFieldsFragment } from "../../gql/graphql";
import type { Role } from "../shell/navigation";
import { ConfirmAction } from "./ConfirmAction";
import { PaymentPanel, type Gateway } from "./PaymentPanel";
import { ReviewForm } from "./ReviewForm";
import { jobActions } from "./actions";
import { outcomeErrors } from "./mutationOutcome";
import {
  CancelJobMutation,
  ConfirmJobCompletionMutation,
  MarkJobDeliveredMutation,
  OpenDisputeMutation,
  StartJobMutation,
} from "./operations";

interface JobActionsProps {
  job: JobFieldsFragment;
  role: Role;
  gateway: Gateway;
  taxRateBps: number;
  autoReleaseHours: number;
  onReviewed: () => void;
}

export function JobActions({ job, role, gateway, taxRateBps, autoReleaseHours, onReviewed }: JobActionsProps) {
  const id = useId();
  const [, start] = useMutation(StartJobMutation);
  const [, deliver] = useMutation(MarkJobDeliveredMutation);
  const [, confirmCompletion] = useMutation(ConfirmJobCompletionMutation);
  const [, cancel] = useMutation(CancelJobMutation);
  const [, dispute] = useMutation(OpenDisputeMutation);
  const [cancelReason, setCancelReason] = useState("");
  const [disputeReason, setDisputeReason] = useState("");

  const actions = jobActions(role, job.status, job.reviewedByMe);
  if (!actions.length) return null;
  const jobId = job.id;
  const provider = job.provider.displayName;
  const customer = job.customerName;

  return (
    <section className="job-actions" aria-labelledby={`${id}-title`} data-testid="job-actions">
      <h2 id={`${id}-title`}>What you can do</h2>
      {actions.includes("pay") ? <PaymentPanel job={job} gateway={gateway} taxRateBps={taxRateBps} /> : null}
      {actions.includes("start") ? (
        <ConfirmAction
          testId="action-start"
          label="Start job"
          question={`Start work on this job now? ${customer} is told at once.`}
          confirmLabel="Yes, start the job"
          onConfirm={async () => {
            const result = await start({ jobId });
            return outcomeErrors(result.error, result.data?.startJob);
          }}
        />
      ) : null}
      {actions.includes("deliver") ? (
        <ConfirmAction
          testId="action-deliver"
          label="Mark as delivered"
          question={`Mark the work as delivered? ${customer} is asked to confirm; the payment is released to you automatically after ${autoReleaseHours} hours unless they dispute it.`}
          confirmLabel="Yes, mark as delivered"
          onConfirm={async () => {
            const result = await deliver({ jobId });
            return outcomeErrors(result.error, result.data?.markJobDelivered);
          }}
        />
      ) : null}
      {actions.includes("confirm") ? (
        <ConfirmAction
          testId="action-confirm"
          label="Confirm completion"
          question={`Confirm the work is done? The payment held for this job is released to ${provider}. This cannot be undone.`}
          confirmLabel="Yes, the work is done"
          onConfirm={async () => {
            const result = await confirmCompletion({ jobId });
            return outcomeErrors(result.error, result.data?.confirmJobCompletion);
          }}
        />
      ) : null}
      {actions.includes("dispute") ? (
        <ConfirmAction
          testId="action-dispute"
          danger
          label="Open a dispute"
          question="Something went wrong? An admin reads what you write here and this job's chat, then decides how the held payment is shared. Automatic release stops while the dispute is open."
          confirmLabel="Submit dispute"
          onConfirm={async () => {
            const result = await dispute({ jobId, reason: disputeReason.trim() });
            return outcomeErrors(result.error, result.data?.openDispute, ["reason"]);
          }}
        >
          {(errors) => (
            <div className="field">
              <label htmlFor={`${id}-dispute-reason`}>Reason</label>
              <textarea
                id={`${id}-dispute-reason`}
                name="reason"
                rows={3}
                maxLength={4000}
                required
                value={disputeReason}
                onChange={(event) => setDisputeReason(event.target.value)}
                aria-invalid={errors.byField.reason ? true : undefined}
                aria-describedby={errors.byField.reason ? `${id}-dispute-hint ${id}-dispute-error` : `${id}-dispute-hint`}
              />
              <p className="field-hint" id={`${id}-dispute-hint`}>
                What is wrong, in at least 10 characters.
              </p>
              {errors.byField.reason ? (
                <p className="field-error" id={`${id}-dispute-error`} data-field-error="reason">
                  {errors.byField.reason}
                </p>
              ) : null}
            </div>
          )}
        </ConfirmAction>
      ) : null}
      {actions.includes("cancel") ? (
        <ConfirmAction
          testId="action-cancel"
          danger
          label="Cancel job"
          question={cancelQuestion(role, job.status)}
          confirmLabel="Yes, cancel the job"
          onConfirm={async () => {
            const result = await cancel({ jobId, reason: cancelReason.trim() });
            return outcomeErrors(result.error, result.data?.cancelJob, ["reason"]);
          }}
        >
          {(errors) => (
            <div className="field">
              <label htmlFor={`${id}-cancel-reason`}>Reason (optional)</label>
              <input
                id={`${id}-cancel-reason`}
                name="reason"
                maxLength={500}
                value={cancelReason}
                onChange={(event) => setCancelReason(event.target.value)}
                aria-invalid={errors.byField.reason ? true : undefined}
              />
              {errors.byField.reason ? (
                <p className="field-error" data-field-error="reason">
                  {errors.byField.reason}
                </p>
              ) : null}
            </div>
          )}
        </ConfirmAction>
      ) : null}
      {actions.includes("review") ? <ReviewForm jobId={jobId} subject={role === "CUSTOMER" ? provider : customer} onReviewed={onReviewed} /> : null}
    </section>
  );
}

function cancelQuestion(role: Role, status: string): string {
  const paid = status === "ACCEPTED";
  if (role === "PROVIDER") {
    return paid
      ? "Cancel this job? The customer is refunded in full, the request opens again for other providers, and it counts against your completion rate."
      : "Cancel this job? The request opens again for other providers.";
  }
  return paid ? "Cancel this job? The payment held for it is refunded to you in full, and your request is closed." : "Cancel this job? Nothing has been paid, and your request is closed.";
}
