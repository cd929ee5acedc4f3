/**
 * A refund, full or partial, of money still held for a job (`refundPayment`): the admin types a decimal amount
 * ("45.50"), it is sent in minor units, and confirmed first. The job's state does not change.
 */
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { Field, FormAlert } from "../../components/Field";
import { errorMessage } from "../../components/QueryState";
import { hasErrors, splitErrors } from "../../components/fieldErrors";
import { MoneyText } from "../../components/MoneyText";
import { formatMoney, minorUnitExponent, type Money } from "../../money/formatMoney";
import { toMinorUnits } from "../../money/minorUnits";
import { graphql } from "../../gql";
import { ConfirmDialog } from "./ConfirmDialog";
import type { AdminJob } from "./JobAdminScreen";

const RefundPaymentMutation = graphql(`
  mutation RefundPayment($jobId: ID!, $amount: Int!, $reason: String!) {
    refundPayment(jobId: $jobId, amount: $amount, reason: $reason) {
      refunded {
        ...MoneyFields
      }
      job {
        id
        status
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export function RefundForm({ job, onRefunded }: { job: AdminJob; onRefunded: (amount: number) => void }) {
  const id = useId();
  const currency = job.amount.currency;
  const [amountText, setAmountText] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [pending, setPending] = useState<number | null>(null);
  const [done, setDone] = useState<Money | null>(null);
  const [state, refund] = useMutation(RefundPaymentMutation);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral([]);
    setDone(null);
    const parsed = toMinorUnits(amountText, currency);
    if (!parsed.ok) return setErrors({ amount: parsed.error });
    setErrors({});
    setPending(parsed.amount);
  };

  const confirm = async () => {
    if (pending === null) return;
    const result = await refund({ jobId: job.id, amount: pending, reason: reason.trim() });
    if (result.error) return setGeneral([errorMessage(result.error)]);
    const payload = result.data?.refundPayment;
    const split = splitErrors(payload?.errors, ["amount", "reason"]);
    setPending(null);
    if (hasErrors(split)) {
      setErrors(split.byField);
      setGeneral(split.general);
      return;
    }
    if (payload?.refunded) {
      setDone(payload.refunded);
      onRefunded(payload.refunded.amount);
    }
    setAmountText("");
    setReason("");
  };

  const decimals = minorUnitExponent(currency);
  return (
    <>
      <h2 id={`${id}-title`}>Refund</h2>
      <form className="card refund-form" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="refund-form">
        <p className="subtitle">
          Give back part or all of what is still held for this job (subtotal <MoneyText money={job.amount} /> plus tax). The job's status
          does not change.
        </p>
        {done ? (
          <p className="alert alert-success" role="status" data-testid="refund-done">
            Refunded <MoneyText money={done} /> to {job.customerName || "the customer"}.
          </p>
        ) : null}
        <FormAlert messages={pending === null ? general : []} />
        <div className="field-row">
          <Field
            label={`Amount (${currency.toUpperCase()})`}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder={decimals ? `0.${"0".repeat(decimals)}` : "0"}
            required
            value={amountText}
            onChange={(event) => setAmountText(event.target.value)}
            error={errors.amount}
            hint={decimals ? `In ${currency.toUpperCase()}, e.g. 45.50` : `In ${currency.toUpperCase()}, whole units`}
          />
          <Field
            label="Reason"
            name="reason"
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={errors.reason}
            hint="Optional; kept in the audit log."
          />
        </div>
        <div>
          <button type="submit" className="button button-secondary" disabled={state.fetching}>
            Review refund
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={pending !== null ? `Refund ${formatMoney({ amount: pending, currency })}?` : "Refund?"}
        confirmLabel="Refund"
        danger
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
        testId="refund-dialog"
      >
        <p>
          {pending !== null ? formatMoney({ amount: pending, currency }) : ""} goes back to {job.customerName || "the customer"} from the money
          held for “{job.request.title}”. This cannot be undone.
        </p>
        <FormAlert messages={general} />
      </ConfirmDialog>
    </>
  );
}
