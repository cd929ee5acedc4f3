/**
 * /app/admin/verification: providers waiting for review, oldest first, with what they submitted. Approve or reject
 * (with a reason the provider sees), each after a confirmation; a reviewed provider leaves the queue at once.
 *
 * Documents are links to the URL the API gives: in production a signed, expiring S3 URL (no bearer token needed,
 * fetched fresh with the queue); in development Django serves /media/ itself.
 */
import { useEffect, useId, useState } from "react";
import { useMutation, useQuery } from "urql";

import { formatDate, formatDateTime } from "../../components/dates";
import { splitErrors } from "../../components/fieldErrors";
import { FormAlert } from "../../components/Field";
import { QueryState, errorMessage } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { PendingProvidersQuery } from "../../gql/graphql";
import { ConfirmDialog } from "./ConfirmDialog";

const PAGE = 20;
/** The API announces no event when a provider registers, so the open queue looks again every half minute. */
const REFRESH_MS = 30_000;

const PendingProvidersQueryDoc = graphql(`
  query PendingProviders($first: Int!) {
    pendingProviders(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          displayName
          email
          city
          bio
          status
          createdAt
          categories {
            id
            name
          }
          documents {
            ...ProviderDocumentFields
          }
        }
      }
    }
  }
`);

const ApproveProviderMutation = graphql(`
  mutation ApproveProvider($providerId: ID!) {
    approveProvider(providerId: $providerId) {
      provider {
        id
        status
        reviewedAt
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

const RejectProviderMutation = graphql(`
  mutation RejectProvider($providerId: ID!, $reason: String!) {
    rejectProvider(providerId: $providerId, reason: $reason) {
      provider {
        id
        status
        rejectionReason
        reviewedAt
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

type Provider = PendingProvidersQuery["pendingProviders"]["edges"][number]["node"];

const DOCUMENT_KINDS: Record<string, string> = {
  IDENTITY: "Identity document",
  LICENCE: "Trade licence",
  CERTIFICATE: "Certificate",
  OTHER: "Other document",
};

export function VerificationQueue() {
  const [first, setFirst] = useState(PAGE);
  const [result, reexecute] = useQuery({ query: PendingProvidersQueryDoc, variables: { first } });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: "network-only" }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reexecute]);

  const reviewed = (message: string) => {
    setNotice(message);
    refresh(); // the count and, past the first page, the next provider in line
  };

  return (
    <section className="admin-screen">
      <h1>Verification queue</h1>
      <p className="subtitle">Providers who registered and are waiting for approval, oldest first.</p>
      {notice ? (
        <p className="alert alert-success" role="status" data-testid="queue-notice">
          {notice}
        </p>
      ) : null}
      <QueryState result={result} retry={refresh} loadingLabel="Loading the verification queue…">
        {({ pendingProviders }) => {
          // The cache updates a reviewed provider's status from the mutation's answer: they leave the list at once.
          const waiting = pendingProviders.edges.map((edge) => edge.node).filter((provider) => provider.status === "PENDING");
          if (!waiting.length) return <p className="empty card" data-testid="queue-empty">No providers waiting</p>;
          return (
            <>
              <p className="count" aria-live="polite">
                {waiting.length} of {pendingProviders.totalCount ?? waiting.length} shown
              </p>
              <ol className="queue" aria-label="Providers waiting for review">
                {waiting.map((provider) => (
                  <li key={provider.id}>
                    <ProviderReview provider={provider} onReviewed={reviewed} />
                  </li>
                ))}
              </ol>
              {pendingProviders.pageInfo.hasNextPage ? (
                <button type="button" className="button button-secondary" disabled={result.fetching} onClick={() => setFirst(first + PAGE)}>
                  {result.fetching ? "Loading…" : "Load more"}
                </button>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

type Pending = { kind: "approve" } | { kind: "reject" } | null;

function ProviderReview({ provider, onReviewed }: { provider: Provider; onReviewed: (message: string) => void }) {
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [approveState, approve] = useMutation(ApproveProviderMutation);
  const [rejectState, reject] = useMutation(RejectProviderMutation);
  const busy = approveState.fetching || rejectState.fetching;
  const name = provider.displayName || provider.email;
  const headingId = `provider-${provider.id}`;

  const close = () => {
    setPending(null);
    setReasonError(undefined);
    setGeneral([]);
  };

  const confirmApprove = async () => {
    setGeneral([]);
    const result = await approve({ providerId: provider.id });
    if (result.error) return setGeneral([errorMessage(result.error)]);
    const errors = result.data?.approveProvider.errors ?? [];
    if (errors.length) return setGeneral(errors.map((e) => e.message));
    setPending(null);
    onReviewed(`${name} is approved and can now bid on matching requests.`);
  };

  const confirmReject = async () => {
    setGeneral([]);
    const trimmed = reason.trim();
    if (trimmed.length < 5) return setReasonError("Tell the provider why (at least 5 characters).");
    const result = await reject({ providerId: provider.id, reason: trimmed });
    if (result.error) return setGeneral([errorMessage(result.error)]);
    const { byField, general: rest } = splitErrors(result.data?.rejectProvider.errors, ["reason"]);
    setReasonError(byField.reason);
    setGeneral(rest);
    if (byField.reason || rest.length) return;
    setPending(null);
    onReviewed(`${name} was rejected. They will see your reason.`);
  };

  return (
    <article className="card provider-review" aria-labelledby={headingId} data-testid="pending-provider" data-email={provider.email}>
      <header className="provider-review-header">
        <h2 id={headingId}>{name}</h2>
        <span className="tag tag-info">Pending</span>
      </header>
      <dl className="details">
        <dt>Email</dt>
        <dd>
          <a href={`mailto:${provider.email}`}>{provider.email}</a>
        </dd>
        <dt>City</dt>
        <dd>{provider.city || "—"}</dd>
        <dt>Categories</dt>
        <dd>{provider.categories.length ? provider.categories.map((c) => c.name).join(", ") : "None chosen yet"}</dd>
        <dt>Submitted</dt>
        <dd>
          <time dateTime={provider.createdAt}>{formatDate(provider.createdAt)}</time>
        </dd>
        <dt>Bio</dt>
        <dd className="bio">{provider.bio || "No bio yet."}</dd>
        <dt>Documents</dt>
        <dd>
          {provider.documents.length ? (
            <ul className="documents">
              {provider.documents.map((document) => (
                <li key={document.id}>
                  <a href={document.url} target="_blank" rel="noopener noreferrer">
                    {DOCUMENT_KINDS[document.kind] ?? document.kind}
                    <span className="visually-hidden"> (opens in a new tab)</span>
                  </a>{" "}
                  <span className="muted">uploaded {formatDateTime(document.uploadedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            "None uploaded"
          )}
        </dd>
      </dl>
      <div className="review-actions">
        <button type="button" className="button" onClick={() => setPending({ kind: "approve" })} disabled={busy}>
          Approve
        </button>
        <button type="button" className="button button-secondary" onClick={() => setPending({ kind: "reject" })} disabled={busy}>
          Reject
        </button>
      </div>

      <ConfirmDialog
        open={pending?.kind === "approve"}
        title={`Approve ${name}?`}
        confirmLabel="Approve provider"
        busy={approveState.fetching}
        onConfirm={() => void confirmApprove()}
        onCancel={close}
        testId="approve-dialog"
      >
        <p>They will be matched with requests in their categories and can bid and be paid. They are notified by email.</p>
        <FormAlert messages={general} />
      </ConfirmDialog>

      <ConfirmDialog
        open={pending?.kind === "reject"}
        title={`Reject ${name}?`}
        confirmLabel="Reject provider"
        danger
        busy={rejectState.fetching}
        onConfirm={() => void confirmReject()}
        onCancel={close}
        testId="reject-dialog"
      >
        <p>They will not be matched or paid. They receive your reason by email and in the app.</p>
        <FormAlert messages={general} />
        <ReasonField value={reason} onChange={setReason} error={reasonError} />
      </ConfirmDialog>
    </article>
  );
}

function ReasonField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        Reason<span aria-hidden="true"> *</span>
      </label>
      <textarea
        id={id}
        name="reason"
        required
        rows={4}
        minLength={5}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} data-field-error="reason">
          {error}
        </p>
      ) : (
        <p className="field-hint" id={`${id}-hint`}>
          At least 5 characters. The provider sees this.
        </p>
      )}
    </div>
  );
}
