/**
 * A FIXED_OFFER request's actions: take the customer's price (the first provider to accept gets the job) or
 * decline it (it leaves the feed for good, so that asks for a confirmation first).
 */
import { useState } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";

import { FormAlert } from "../../../components/Field";
import { MoneyText } from "../../../components/MoneyText";
import { mutationErrors } from "../../../components/fieldErrors";
import { RespondToOfferMutation } from "../operations";
import type { FeedRequest } from "./useOpenRequestFeed";

interface OfferPanelProps {
  request: FeedRequest;
  onAccepted: (job: { id: string; status: string }) => void;
  onDeclined: () => void;
}

export function OfferPanel({ request, onAccepted, onDeclined }: OfferPanelProps) {
  const [state, respond] = useMutation(RespondToOfferMutation);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirmingDecline, setConfirmingDecline] = useState(false);

  if (request.job) {
    return (
      <div className="bid-panel">
        <p className="own-bid" data-testid="offer-taken" role="status">
          You took this offer. <Link to={`/app/jobs/${request.job.id}`}>Open the job</Link>
        </p>
      </div>
    );
  }

  const answer = async (accept: boolean) => {
    setProblems([]);
    const result = await respond({ requestId: request.id, accept });
    const payload = result.data?.respondToOffer;
    const errors = mutationErrors(result.error, payload?.errors).general;
    if (errors.length) {
      setProblems(errors);
      return;
    }
    if (accept && payload?.job) onAccepted({ id: payload.job.id, status: payload.job.status });
    else if (!accept) onDeclined();
  };

  return (
    <div className="bid-panel">
      <FormAlert messages={problems} />
      {confirmingDecline ? (
        <div className="confirm card" role="group" aria-label="Confirm declining the offer">
          <p>Decline this offer? It will leave your feed and you cannot take it later.</p>
          <div className="item-actions">
            <button type="button" className="button button-small" disabled={state.fetching} onClick={() => void answer(false)}>
              {state.fetching ? "Declining…" : "Yes, decline"}
            </button>
            <button type="button" className="button button-small button-secondary" autoFocus onClick={() => setConfirmingDecline(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="item-actions">
          <button type="button" className="button button-small" disabled={state.fetching || request.status !== "OPEN"} onClick={() => void answer(true)}>
            {state.fetching ? "Accepting…" : "Accept offer"}
          </button>
          <button type="button" className="button button-small button-secondary" disabled={state.fetching} onClick={() => setConfirmingDecline(true)}>
            Decline
          </button>
          {request.offer ? (
            <span className="offer-note">
              for <MoneyText money={request.offer} />
            </span>
          ) : null}
        </div>
      )}
    </div>
  );
}
