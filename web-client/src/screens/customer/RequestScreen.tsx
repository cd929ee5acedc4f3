/**
 * /app/customer/requests/:id — the request's details and photos, its bids live, and what the customer can do
 * with it: edit or cancel while it is open, accept a bid, or go to its job once it has one.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery, useSubscription } from "urql";

import { FormAlert } from "../../components/Field";
import { MoneyText } from "../../components/MoneyText";
import { QueryState, errorMessage } from "../../components/QueryState";
import { StatusBadge, statusLabel } from "../../components/StatusBadge";
import { formatDate, formatDateTime } from "../../components/dates";
import { mutationErrors, splitErrors } from "../../components/fieldErrors";
import type { CustomerRequestQuery as RequestData } from "../../gql/graphql";
import { BidList } from "./BidList";
import { ConfirmDialog } from "./ConfirmDialog";
import {
  CancelServiceRequestMutation,
  CustomerOfferNotificationsSubscription,
  CustomerRequestQuery,
  NewRequestOptionsQuery,
  UpdateServiceRequestMutation,
} from "./operations";
import { RequestFields } from "./RequestFields";
import { API_FIELD_TO_FORM, URGENCIES, toRequestChanges, valuesFromRequest, type FormField, type RequestFormValues } from "./requestForm";

type ServiceRequest = NonNullable<RequestData["serviceRequest"]>;

const FORM_FIELDS: readonly string[] = Object.values(API_FIELD_TO_FORM);

export function RequestScreen() {
  const { id = "" } = useParams();
  const [result, refetch] = useQuery({ query: CustomerRequestQuery, variables: { id } });
  const refresh = () => refetch({ requestPolicy: "network-only" });
  const request = result.data?.serviceRequest;

  return (
    <section className="customer-request">
      <p className="back-link">
        <Link to="/app/customer/requests">My requests</Link>
      </p>
      {request ? (
        <RequestView key={request.id} request={request} refresh={refresh} />
      ) : (
        <>
          <h1>Service request</h1>
          <QueryState result={result} retry={refresh} loadingLabel="Loading the request…">
            {() => (
              <p className="empty" role="status">
                This request does not exist or is not yours. <Link to="/app/customer/requests">See your requests</Link>.
              </p>
            )}
          </QueryState>
        </>
      )}
    </section>
  );
}

function RequestView({ request, refresh }: { request: ServiceRequest; refresh: () => void }) {
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const open = request.status === "OPEN";
  const justPosted = (location.state as { posted?: boolean } | null)?.posted;

  return (
    <>
      <h1>{request.title}</h1>
      <p className="request-meta">
        <StatusBadge status={request.status} /> <span>{request.category.name}</span> · <span>Posted {formatDateTime(request.createdAt)}</span>
      </p>
      {justPosted && open ? (
        <p className="alert alert-success" role="status">
          Your request is posted. Bids appear below as providers send them.
        </p>
      ) : null}
      {saved && !editing ? (
        <p className="alert alert-success" role="status">
          Your changes are saved.
        </p>
      ) : null}
      {request.job ? (
        <div className="alert alert-info job-banner" data-testid="request-job">
          <p>
            This request has a job ({statusLabel(request.job.status)}).{" "}
            <Link to={`/app/jobs/${encodeURIComponent(request.job.id)}`} className="button button-small">
              Go to the job
            </Link>
          </p>
        </div>
      ) : null}

      {editing ? (
        <EditRequestForm
          request={request}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <RequestDetails request={request} />
      )}

      {open && !editing ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            Edit request
          </button>
          <button type="button" className="button button-secondary button-danger-outline" onClick={() => setCancelling(true)}>
            Cancel request
          </button>
        </div>
      ) : null}
      {cancelling ? <CancelRequestDialog request={request} onClose={() => setCancelling(false)} /> : null}

      {request.mode === "FIXED_OFFER" ? (
        <FixedOffer request={request} refresh={refresh} />
      ) : (
        <BidList requestId={request.id} acceptingBids={open && !request.job} snapshot={request.bids} refresh={refresh} />
      )}
    </>
  );
}

/** A fixed offer has no bids; while it waits, a provider taking it (an OFFER_ACCEPTED notification) reloads the request. */
function FixedOffer({ request, refresh }: { request: ServiceRequest; refresh: () => void }) {
  const waiting = request.status === "OPEN" && !request.job;
  const [{ data }] = useSubscription({ query: CustomerOfferNotificationsSubscription, pause: !waiting });
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const taken = data?.notifications.kind === "OFFER_ACCEPTED" ? data.notifications.id : null;
  useEffect(() => {
    if (taken) refreshRef.current();
  }, [taken]);
  return (
    <section className="offer card" aria-labelledby="offer-heading" data-testid="fixed-offer">
      <h2 id="offer-heading">Your fixed offer</h2>
      <p>
        You offered <MoneyText money={request.offer} />.{" "}
        {request.job ? "A provider took it." : waiting ? "The first approved provider to accept it gets the job; this page updates when one does." : "It is no longer open."}
      </p>
    </section>
  );
}

function RequestDetails({ request }: { request: ServiceRequest }) {
  const urgency = URGENCIES.find((u) => u.value === request.urgency)?.label ?? statusLabel(request.urgency);
  return (
    <div className="card request-details" data-testid="request-details">
      <p className="request-description">{request.description}</p>
      <dl className="details">
        <dt>Category</dt>
        <dd>{request.category.name}</dd>
        <dt>Urgency</dt>
        <dd>{urgency}</dd>
        <dt>Hiring</dt>
        <dd>{request.mode === "FIXED_OFFER" ? "Fixed price" : "By bids"}</dd>
        {request.mode === "FIXED_OFFER" ? (
          <>
            <dt>Your price</dt>
            <dd>
              <MoneyText money={request.offer} />
            </dd>
          </>
        ) : (
          <>
            <dt>Budget</dt>
            <dd>{request.budget ? <MoneyText money={request.budget} /> : "Not given"}</dd>
          </>
        )}
        <dt>Where</dt>
        <dd>{[request.address, request.city].filter(Boolean).join(", ")}</dd>
        <dt>Preferred date</dt>
        <dd>{request.preferredDate ? formatDate(request.preferredDate) : "Any"}</dd>
      </dl>
      {request.photos.length ? (
        <ul className="request-photos" aria-label="Photos">
          {request.photos.map((photo, index) => (
            <li key={photo.url}>
              <a href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.url} width={photo.width} height={photo.height} loading="lazy" alt={`Photo ${index + 1} of the request (opens in a new tab)`} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function EditRequestForm({ request, onDone }: { request: ServiceRequest; onDone: (saved: boolean) => void }) {
  const [options] = useQuery({ query: NewRequestOptionsQuery });
  const [original] = useState(() => valuesFromRequest(request));
  const [values, setValues] = useState<RequestFormValues>(original);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FormField, string>>>({});
  const [{ fetching, data, error }, update] = useMutation(UpdateServiceRequestMutation);
  const currency = request.budget?.currency ?? request.offer?.currency ?? options.data?.site?.currency.code ?? "USD";
  const renamed = (data?.updateServiceRequest.errors ?? []).map((e) => ({ ...e, field: e.field ? (API_FIELD_TO_FORM[e.field] ?? e.field) : null }));
  const server = splitErrors(renamed, FORM_FIELDS);
  const errors = { ...server.byField, ...clientErrors };
  const general = [...server.general, ...(error ? [errorMessage(error)] : [])];
  const categories = options.data?.categories ?? [request.category];

  async function save(event: FormEvent) {
    event.preventDefault();
    const converted = toRequestChanges(original, values, currency);
    if (!converted.ok) return setClientErrors(converted.errors);
    setClientErrors({});
    if (!Object.keys(converted.changes).length) return onDone(false);
    const result = await update({ id: request.id, changes: converted.changes });
    if (result.data?.updateServiceRequest.serviceRequest) onDone(true);
  }

  return (
    <form className="card request-form" onSubmit={save} noValidate aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit request</h2>
      <FormAlert messages={general} />
      <RequestFields
        values={values}
        onChange={(field, value) => setValues((current) => ({ ...current, [field]: value }))}
        errors={errors}
        categories={categories}
        currency={currency}
        modeLocked
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? "Saving…" : "Save changes"}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(false)} disabled={fetching}>
          Discard changes
        </button>
      </div>
    </form>
  );
}

function CancelRequestDialog({ request, onClose }: { request: ServiceRequest; onClose: () => void }) {
  const [{ fetching, data, error }, cancel] = useMutation(CancelServiceRequestMutation);
  const messages = mutationErrors(error, data?.cancelServiceRequest.errors).general;
  async function confirm() {
    const result = await cancel({ id: request.id });
    if (result.data?.cancelServiceRequest.serviceRequest) onClose();
  }
  return (
    <ConfirmDialog
      open
      danger
      title="Cancel this request?"
      confirmLabel="Yes, cancel the request"
      busyLabel="Cancelling…"
      cancelLabel="Keep the request"
      busy={fetching}
      errors={messages}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>
        “{request.title}” will close. {request.bidCount ? "Providers who bid will be told and their bids declined." : "No provider has bid yet."} This cannot be
        undone.
      </p>
    </ConfirmDialog>
  );
}
