/**
 * /app/admin/audit: the audit log, newest first, filtered by action, actor, target and time. The filters live in
 * the URL query string (bookmarkable, shareable, kept on reload); pages are appended with "Load more" (`after`).
 */
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { formatDateTime } from "../../components/dates";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { AuditLogFilter } from "../../gql/graphql";
import {
  EMPTY_AUDIT_FILTER,
  KNOWN_ACTIONS,
  KNOWN_TARGET_TYPES,
  auditFilterFromSearch,
  auditFilterToInput,
  auditFilterToSearch,
  isFiltered,
  type AuditFilterValues,
} from "./auditFilter";

const PAGE = 25;

const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          at
          actorEmail
          actorRole
          action
          targetType
          targetId
          ip
          data
        }
      }
    }
  }
`);

export function AuditLogScreen() {
  const [search, setSearch] = useSearchParams();
  const values = auditFilterFromSearch(search);
  const query = auditFilterToSearch(values).toString();

  return (
    <section className="admin-screen">
      <h1>Audit log</h1>
      <p className="subtitle">Every security- and money-relevant action: who, what, when, from where, on what. Newest first.</p>
      {/* Keyed by the filter: a new filter starts from a fresh form state and the first page. */}
      <AuditFilterForm key={`form-${query}`} values={values} onApply={(next) => setSearch(auditFilterToSearch(next))} onClear={() => setSearch({})} />
      <AuditEntries key={`list-${query}`} filter={auditFilterToInput(values)} filtered={isFiltered(values)} />
    </section>
  );
}

function AuditFilterForm({ values, onApply, onClear }: { values: AuditFilterValues; onApply: (v: AuditFilterValues) => void; onClear: () => void }) {
  const [draft, setDraft] = useState(values);
  const set = (key: keyof AuditFilterValues) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="card audit-filters" onSubmit={submit} aria-label="Filter the audit log" data-testid="audit-filters">
      <div className="filter-grid">
        <Field label="Action" name="action" list="audit-actions" value={draft.action} onChange={set("action")} hint="Exact name, e.g. provider.approved" />
        <Field label="Actor email" name="actorEmail" type="email" value={draft.actorEmail} onChange={set("actorEmail")} />
        <Field label="Target type" name="targetType" list="audit-target-types" value={draft.targetType} onChange={set("targetType")} hint="e.g. jobs.job" />
        <Field label="Target id" name="targetId" value={draft.targetId} onChange={set("targetId")} />
        <Field label="Since" name="since" type="datetime-local" value={draft.since} onChange={set("since")} />
        <Field label="Until" name="until" type="datetime-local" value={draft.until} onChange={set("until")} hint="Not included" />
      </div>
      <datalist id="audit-actions">
        {KNOWN_ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <datalist id="audit-target-types">
        {KNOWN_TARGET_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button type="button" className="button button-secondary" onClick={onClear} disabled={!isFiltered(values) && !isFiltered(draft)}>
          Clear
        </button>
      </div>
    </form>
  );
}

function AuditEntries({ filter, filtered }: { filter: AuditLogFilter; filtered: boolean }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ol className="audit-entries" aria-label="Audit entries" data-testid="audit-entries">
      {cursors.map((after, index) => (
        <AuditPage
          key={after ?? "first"}
          filter={filter}
          after={after}
          first={index === 0}
          filtered={filtered}
          last={index === cursors.length - 1}
          onMore={(cursor) => setCursors([...cursors, cursor])}
        />
      ))}
    </ol>
  );
}

interface AuditPageProps {
  filter: AuditLogFilter;
  after: string | null;
  first: boolean;
  last: boolean;
  filtered: boolean;
  onMore: (cursor: string) => void;
}

function AuditPage({ filter, after, first, last, filtered, onMore }: AuditPageProps) {
  const [result, reexecute] = useQuery({ query: AuditLogQuery, variables: { filter, first: PAGE, after } });
  if (!result.data) {
    return (
      <li className="audit-status">
        <QueryState result={result} retry={() => reexecute({ requestPolicy: "network-only" })} loadingLabel="Loading audit entries…">
          {() => null}
        </QueryState>
      </li>
    );
  }
  const { auditLog } = result.data;
  return (
    <>
      {first ? (
        <li className="audit-count" aria-live="polite">
          {auditLog.totalCount ?? auditLog.edges.length} {auditLog.totalCount === 1 ? "entry" : "entries"}
          {filtered ? " match these filters" : ""}
        </li>
      ) : null}
      {first && !auditLog.edges.length ? (
        <li className="empty card" data-testid="audit-empty">
          {filtered ? "No entries match these filters." : "The audit log is empty."}
        </li>
      ) : null}
      {auditLog.edges.map(({ node }) => (
        <li key={node.id}>
          <AuditEntry entry={node} />
        </li>
      ))}
      {last && auditLog.pageInfo.hasNextPage && auditLog.pageInfo.endCursor ? (
        <li className="load-more">
          <button type="button" className="button button-secondary" disabled={result.fetching} onClick={() => onMore(auditLog.pageInfo.endCursor!)}>
            Load more
          </button>
        </li>
      ) : null}
    </>
  );
}

interface Entry {
  id: string;
  at: string;
  actorEmail?: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string;
  ip?: string | null;
  data: unknown;
}

function AuditEntry({ entry }: { entry: Entry }) {
  const hasData = entry.data && typeof entry.data === "object" && Object.keys(entry.data as object).length > 0;
  const targetQuery = auditFilterToSearch({ ...EMPTY_AUDIT_FILTER, targetType: entry.targetType, targetId: entry.targetId });
  return (
    <article className="card audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <header>
        <h2 className="audit-action">
          <Link to={`?${auditFilterToSearch({ ...EMPTY_AUDIT_FILTER, action: entry.action })}`}>
            <code>{entry.action}</code>
            <span className="visually-hidden"> (show only this action)</span>
          </Link>
        </h2>
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </header>
      <dl className="details">
        <dt>Actor</dt>
        <dd>{entry.actorEmail ?? (entry.actorRole ? "Deleted user" : "The platform")}</dd>
        <dt>Role</dt>
        <dd>{entry.actorRole ? entry.actorRole.toLowerCase() : "—"}</dd>
        <dt>Target</dt>
        <dd>
          <Link to={`?${targetQuery}`}>
            <code>
              {entry.targetType} #{entry.targetId}
            </code>
            <span className="visually-hidden"> (show everything about this target)</span>
          </Link>
        </dd>
        <dt>IP</dt>
        <dd>{entry.ip ?? "—"}</dd>
      </dl>
      {hasData ? (
        <details>
          <summary>Data</summary>
          <pre className="audit-data">{JSON.stringify(entry.data, null, 2)}</pre>
        </details>
      ) : null}
    </article>
  );
}
