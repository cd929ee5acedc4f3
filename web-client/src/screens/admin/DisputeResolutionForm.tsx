/**
 * Resolving a dispute: release to the provider, refund the customer, or split with the provider's share in percent,
 * with a note. "Review" shows exactly what each side receives (disputeOutcome, the backend's own arithmetic) in a
 * confirmation before anything moves.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { FormAlert } from "../../components/Field";
import { errorMessage } from "../../components/QueryState";
import { hasErrors, splitErrors } from "../../components/fieldErrors";
import { formatMoney } from "../../money/formatMoney";
import { graphql } from "../../gql";
import { ConfirmDialog } from "./ConfirmDialog";
import { disputeOutcome, parsePercent, price, totalOf, type DisputeOutcome, type Resolution } from "./disputeSplit";
import type { AdminJob } from "./JobAdminScreen";

const ResolveDisputeMutation = graphql(`
  mutation ResolveDispute($jobId: ID!, $resolution: String!, $providerSharePercent: Int, $note: String!) {
    resolveDispute(jobId: $jobId, resolution: $resolution, providerSharePercent: $providerSharePercent, note: $note) {
      job {
        id
        status
        completedAt
        dispute {
          resolution
          providerSharePercent
          resolutionNote
          resolvedAt
        }
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

const CHOICES: { value: Resolution; label: string; hint: string }[] = [
  { value: "RELEASE", label: "Release to the provider", hint: "The provider is paid as if the customer had confirmed." },
  { value: "REFUND", label: "Refund the customer", hint: "Everything held goes back to the customer." },
  { value: "SPLIT", label: "Split", hint: "The provider gets a share of the subtotal (and its tax); the rest is refunded." },
];

interface Props {
  job: AdminJob;
  terms: { commissionRateBps: number; taxRateBps: number };
  refundedHere: number;
}

export function DisputeResolutionForm({ job, terms, refundedHere }: Props) {
  const id = useId();
  const analysis = job.dispute?.analysis;
  const [resolution, setResolution] = useState<Resolution | "">("");
  const [share, setShare] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ resolution?: string; providerSharePercent?: string; note?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [review, setReview] = useState<DisputeOutcome | null>(null);
  const [state, resolve] = useMutation(ResolveDisputeMutation);
  const currency = job.amount.currency;
  const money = (amount: number) => formatMoney({ amount, currency });
  const paidTotal = totalOf(price(job.amount.amount, terms.taxRateBps, terms.commissionRateBps));
  const held = Math.max(paidTotal - refundedHere, 0);

  const suggestion = analysis && ["RELEASE", "REFUND", "SPLIT"].includes(analysis.suggestedResolution) ? analysis : null;
  const useSuggestion = () => {
    if (!suggestion) return;
    setResolution(suggestion.suggestedResolution as Resolution);
    if (suggestion.suggestedResolution === "SPLIT" && suggestion.customerSharePercent != null) setShare(String(100 - suggestion.customerSharePercent));
    setErrors({});
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral([]);
    if (!resolution) return setErrors({ resolution: "Choose how to resolve the dispute." });
    const percent = resolution === "SPLIT" ? parsePercent(share) : null;
    if (resolution === "SPLIT" && (percent === null || percent < 1 || percent > 99)) {
      return setErrors({ providerSharePercent: "Give the provider a whole percentage between 1 and 99." });
    }
    setErrors({});
    setReview(disputeOutcome(resolution, percent, { subtotal: job.amount.amount, ...terms, held }));
  };

  const confirm = async () => {
    if (!resolution) return;
    const result = await resolve({
      jobId: job.id,
      resolution,
      providerSharePercent: resolution === "SPLIT" ? parsePercent(share) : null,
      note: note.trim(),
    });
    if (result.error) return setGeneral([errorMessage(result.error)]);
    const split = splitErrors(result.data?.resolveDispute.errors, ["resolution", "providerSharePercent", "note"]);
    if (hasErrors(split)) {
      setErrors(split.byField);
      setGeneral(split.general);
      setReview(null);
      return;
    }
    setReview(null); // the job is now resolved in the cache: the page shows the outcome instead of this form
  };

  return (
    <>
      <h2 id={`${id}-title`}>Resolve the dispute</h2>
      <form className="card resolve-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="resolve-form">
        <FormAlert messages={review ? [] : general} />
        {suggestion ? (
          <p>
            <button type="button" className="button button-small button-secondary" onClick={useSuggestion}>
              Use the AI's suggestion
            </button>
          </p>
        ) : null}
        <fieldset className="choices" aria-describedby={errors.resolution ? `${id}-resolution-error` : undefined}>
          <legend>Resolution</legend>
          {CHOICES.map((choice) => (
            <label key={choice.value} className={`choice${resolution === choice.value ? " selected" : ""}`}>
              <input
                type="radio"
                name="resolution"
                value={choice.value}
                checked={resolution === choice.value}
                onChange={() => setResolution(choice.value)}
              />
              <span>
                {choice.label}
                <small>{choice.hint}</small>
              </span>
            </label>
          ))}
          {errors.resolution ? (
            <p className="field-error" id={`${id}-resolution-error`} data-field-error="resolution">
              {errors.resolution}
            </p>
          ) : null}
        </fieldset>
        {resolution === "SPLIT" ? (
          <div className="field share-field">
            <label htmlFor={`${id}-share`}>Provider's share (%)</label>
            <input
              id={`${id}-share`}
              name="providerSharePercent"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              step={1}
              required
              value={share}
              onChange={(event) => setShare(event.target.value)}
              aria-invalid={errors.providerSharePercent ? true : undefined}
              aria-describedby={`${id}-share-${errors.providerSharePercent ? "error" : "hint"}`}
            />
            {errors.providerSharePercent ? (
              <p className="field-error" id={`${id}-share-error`} data-field-error="providerSharePercent">
                {errors.providerSharePercent}
              </p>
            ) : (
              <p className="field-hint" id={`${id}-share-hint`}>
                1 to 99. The customer gets the rest back.
              </p>
            )}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea
            id={`${id}-note`}
            name="note"
            rows={3}
            maxLength={4000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={`${id}-note-${errors.note ? "error" : "hint"}`}
          />
          {errors.note ? (
            <p className="field-error" id={`${id}-note-error`} data-field-error="note">
              {errors.note}
            </p>
          ) : (
            <p className="field-hint" id={`${id}-note-hint`}>
              Kept with the dispute and shown in the job's history.
            </p>
          )}
        </div>
        <p className="field-hint">
          Figures use the platform's current commission ({terms.commissionRateBps / 100}%) and tax ({terms.taxRateBps / 100}%) rates on{" "}
          {money(held)} held{refundedHere ? ` (after ${money(refundedHere)} refunded here)` : ""}.
        </p>
        <div>
          <button type="submit" className="button" disabled={state.fetching}>
            Review resolution
          </button>
        </div>
      </form>

      <ConfirmDialog
        open={review !== null}
        title="Resolve this dispute?"
        confirmLabel="Resolve dispute"
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setReview(null)}
        testId="resolve-dialog"
      >
        {review ? <OutcomeTable outcome={review} money={money} resolution={resolution as Resolution} share={share} /> : null}
        <p>This cannot be undone. Both parties are notified.</p>
        <FormAlert messages={general} />
      </ConfirmDialog>
    </>
  );
}

function OutcomeTable({ outcome, money, resolution, share }: { outcome: DisputeOutcome; money: (n: number) => string; resolution: Resolution; share: string }) {
  const heading =
    resolution === "SPLIT" ? `Split: ${share.trim()}% to the provider` : resolution === "RELEASE" ? "Release to the provider" : "Refund the customer";
  return (
    <table className="data outcome" data-testid="resolution-outcome">
      <caption>{heading}</caption>
      <tbody>
        <tr>
          <th scope="row">Provider receives</th>
          <td className="numeric" data-testid="outcome-provider" data-amount={outcome.toProvider}>
            {money(outcome.toProvider)}
          </td>
        </tr>
        <tr>
          <th scope="row">Platform commission</th>
          <td className="numeric" data-testid="outcome-commission" data-amount={outcome.commission}>
            {money(outcome.commission)}
          </td>
        </tr>
        <tr>
          <th scope="row">Tax</th>
          <td className="numeric" data-testid="outcome-tax" data-amount={outcome.tax}>
            {money(outcome.tax)}
          </td>
        </tr>
        <tr>
          <th scope="row">Customer refunded</th>
          <td className="numeric" data-testid="outcome-refund" data-amount={outcome.refunded}>
            {money(outcome.refunded)}
          </td>
        </tr>
        <tr className="total">
          <th scope="row">Held for the job</th>
          <td className="numeric">{money(outcome.held)}</td>
        </tr>
      </tbody>
    </table>
  );
}
