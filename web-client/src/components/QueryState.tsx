/**
 * Loading and error states every screen uses, so they look and read the same everywhere: a polite live region
 * while loading, an alert with a retry when the API could not answer, and the API's own message for a
 * permission or not-found error (never a stack trace).
 */
import type { ReactNode } from "react";
import type { CombinedError } from "urql";

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="page-status" role="status" aria-live="polite">
      {label}
    </p>
  );
}

/** The message to show for an error from the API: its GraphQL message, or a plain sentence for network trouble. */
export function errorMessage(error: CombinedError): string {
  if (error.networkError) return "We could not reach ServeFlow. Check your connection and try again.";
  return error.graphQLErrors[0]?.message ?? "Something went wrong.";
}

export function ErrorState({ error, retry }: { error: CombinedError; retry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
      {retry ? (
        <button type="button" className="button button-small" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

interface QueryStateProps<T> {
  result: { data?: T; fetching: boolean; error?: CombinedError };
  retry?: () => void;
  loadingLabel?: string;
  children: (data: T) => ReactNode;
}

/** Renders `children(data)` once data is there; otherwise the loading or error state. Stale data stays shown while refetching. */
export function QueryState<T>({ result, retry, loadingLabel, children }: QueryStateProps<T>) {
  if (result.data) return <>{children(result.data)}</>;
  if (result.error) return <ErrorState error={result.error} retry={retry} />;
  return <Loading label={loadingLabel} />;
}
