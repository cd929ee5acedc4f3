/**
 * A BIDDING request's actions for the provider: place a bid, or show their live bid ("You bid $X") with Update
 * and Withdraw (confirmed in place). Amounts are typed as decimals and sent in minor units.
 */
import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";

import { Field, FormAlert, TextAreaField } from "../../../components/Field";
import { MoneyText } from "../../../components/MoneyText";
import { mutationErrors } from "../../../components/fieldErrors";
import type { BidRequestFieldsFragment, OwnBidFieldsFragment } from "../../../gql/graphql";
import { formatMoney } from "../../../money/formatMoney";
import { toDecimalInput, toMinorUnits } from "../../../money/minorUnits";
import { PlaceBidMutation, UpdateBidMutation, WithdrawBidMutation } from "../operations";
import type { FeedRequest } from "./useOpenRequestFeed";

const LIVE_BID = new Set(["PLACED", "ACCEPTED"]);
const BID_FIELDS = ["amount", "message", "estimatedHours"] as const;

/** The provider's own live bid on the request (the API shows a provider only its own bids). */
export function liveBid(request: Pick<FeedRequest, "bids">): OwnBidFieldsFragment | null {
  return request.bids.find((bid) => LIVE_BID.has(bid.status)) ?? null;
}

interface BidPanelProps {
  request: FeedRequest;
  currency: string;
  onChanged: (request: BidRequestFieldsFragment) => void;
}

export function BidPanel({ request, currency, onChanged }: BidPanelProps) {
  const bid = liveBid(request);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState("");
  const [withdrawState, withdraw] = useMutation(WithdrawBidMutation);
  const [withdrawErrors, setWithdrawErrors] = useState<string[]>([]);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const formId = `bid-form-${request.id}`;
  const bidCurrency = request.budget?.currency ?? bid?.amount.currency ?? currency;

  const closeForm = () => {
    setEditing(false);
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  const confirmWithdraw = async () => {
    if (!bid) return;
    setWithdrawErrors([]);
    const result = await withdraw({ bidId: bid.id });
    const payload = result.data?.withdrawBid;
    const problems = mutationErrors(result.error, payload?.errors).general;
    if (problems.length || !payload?.bid) {
      setWithdrawErrors(problems.length ? problems : ["The bid could not be withdrawn."]);
      return;
    }
    setConfirming(false);
    setNotice("Bid withdrawn. You can bid again while the request is open.");
    onChanged(payload.bid.request);
    requestAnimationFrame(() => toggleRef.current?.focus());
  };

  if (bid?.status === "ACCEPTED") {
    return (
      <div className="bid-panel">
        <p className="own-bid" data-testid="own-bid">
          Your bid of <MoneyText money={bid.amount} /> was accepted.{" "}
          {request.job ? <Link to={`/app/jobs/${request.job.id}`}>Open the job</Link> : null}
        </p>
      </div>
    );
  }
  const open = request.status === "OPEN";

  return (
    <div className="bid-panel">
      {bid ? (
        <div className="own-bid" data-testid="own-bid">
          <p>
            <strong>
              You bid <MoneyText money={bid.amount} />
            </strong>
            {bid.estimatedHours ? ` · about ${bid.estimatedHours} h` : ""}
          </p>
          {bid.message ? <p className="own-bid-message">“{bid.message}”</p> : null}
        </div>
      ) : null}
      <p className="bid-notice" role="status">
        {notice}
      </p>
      {open && !confirming ? (
        <div className="item-actions">
          <button
            ref={toggleRef}
            type="button"
            className={`button button-small${editing ? " button-secondary" : ""}`}
            aria-expanded={editing}
            aria-controls={formId}
            onClick={() => {
              setNotice("");
              setEditing(!editing);
            }}
          >
            {bid ? "Update bid" : "Place bid"}
          </button>
          {bid && !editing ? (
            <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(true)}>
              Withdraw bid
            </button>
          ) : null}
        </div>
      ) : null}
      {confirming && bid ? (
        <div className="confirm card" role="group" aria-label="Confirm withdrawing your bid">
          <p>
            Withdraw your bid of {formatMoney(bid.amount)}? The customer will no longer see it.
          </p>
          <FormAlert messages={withdrawErrors} />
          <div className="item-actions">
            <button type="button" className="button button-small" disabled={withdrawState.fetching} onClick={() => void confirmWithdraw()}>
              {withdrawState.fetching ? "Withdrawing…" : "Yes, withdraw"}
            </button>
            <button type="button" className="button button-small button-secondary" autoFocus onClick={() => setConfirming(false)}>
              Keep my bid
            </button>
          </div>
        </div>
      ) : null}
      {editing && open ? (
        <BidForm
          id={formId}
          requestId={request.id}
          bid={bid}
          currency={bidCurrency}
          onCancel={closeForm}
          onSaved={(changed, message) => {
            setNotice(message);
            onChanged(changed);
            closeForm();
          }}
        />
      ) : null}
    </div>
  );
}

interface BidFormProps {
  id: string;
  requestId: string;
  bid: OwnBidFieldsFragment | null;
  currency: string;
  onCancel: () => void;
  onSaved: (request: BidRequestFieldsFragment, message: string) => void;
}

function BidForm({ id, requestId, bid, currency, onCancel, onSaved }: BidFormProps) {
  const [amount, setAmount] = useState(bid ? toDecimalInput(bid.amount.amount, bid.amount.currency) : "");
  const [message, setMessage] = useState(bid?.message ?? "");
  const [hours, setHours] = useState(bid?.estimatedHours ? String(bid.estimatedHours) : "");
  const [errors, setErrors] = useState<{ byField: Record<string, string>; general: string[] }>({ byField: {}, general: [] });
  const [placeState, place] = useMutation(PlaceBidMutation);
  const [updateState, update] = useMutation(UpdateBidMutation);
  const busy = placeState.fetching || updateState.fetching;
  const code = currency.toUpperCase();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = toMinorUnits(amount, currency);
    const local: Record<string, string> = {};
    if (!parsed.ok) local.amount = parsed.error;
    const estimatedHours = hours.trim() ? Number(hours) : null;
    if (estimatedHours !== null && (!Number.isInteger(estimatedHours) || estimatedHours < 1)) local.estimatedHours = "Enter whole hours, 1 or more.";
    if (Object.keys(local).length || !parsed.ok) {
      setErrors({ byField: local, general: [] });
      focusFirstInvalid(form);
      return;
    }
    const variables = { amount: parsed.amount, message: message.trim(), estimatedHours };
    const result = bid ? await update({ bidId: bid.id, ...variables }) : await place({ requestId, ...variables });
    const payload = result.data && ("updateBid" in result.data ? result.data.updateBid : result.data.placeBid);
    const split = mutationErrors(result.error, payload?.errors, BID_FIELDS);
    if (split.general.length || Object.keys(split.byField).length || !payload?.bid) {
      setErrors(split.general.length || Object.keys(split.byField).length ? split : { byField: {}, general: ["The bid was not saved."] });
      focusFirstInvalid(form);
      return;
    }
    onSaved(payload.bid.request, bid ? `Bid updated to ${formatMoney(payload.bid.amount)}.` : `Bid of ${formatMoney(payload.bid.amount)} placed.`);
  };

  return (
    <form id={id} className="bid-form" noValidate onSubmit={(event) => void submit(event)} aria-label={bid ? "Update your bid" : "Place a bid"}>
      <FormAlert messages={errors.general} />
      <div className="field-row">
        <Field
          label={`Amount (${code})`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          autoFocus // the form opens from "Place bid" / "Update bid": typing starts where the price goes
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={errors.byField.amount}
          hint="Your price for the whole job, e.g. 120.50."
        />
        <Field
          label="Estimated hours"
          name="estimatedHours"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          error={errors.byField.estimatedHours}
          hint="Optional."
        />
      </div>
      <TextAreaField
        label="Message to the customer"
        name="message"
        rows={3}
        maxLength={2000}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        error={errors.byField.message}
        hint="Optional: what you will do, when you can come."
      />
      <div className="item-actions">
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? "Saving…" : bid ? "Save new bid" : "Submit bid"}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
