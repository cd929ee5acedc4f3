/**
 * /app/admin/ai: the Gemini key vault's health. Keys are listed by label with only their last four characters
 * (the API never sends more); a banner says when no key is usable and every AI answer comes from the local
 * fallback. Keys are added and edited in the Wagtail admin (`marketplace/ai/wagtail_hooks.py`: /cms/ai_keys/).
 * Cool-downs end by themselves, so the figures refresh every half minute.
 */
import { useEffect } from "react";
import { useQuery } from "urql";

import { formatDateTime } from "../../components/dates";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { AiVaultQuery } from "../../gql/graphql";

const AiVaultQueryDoc = graphql(`
  query AiVault {
    aiVault {
      usableKeyCount
      fallbackOnly
      calls24h
      failures24h
      fallbacks24h
      keys {
        id
        label
        lastFour
        isActive
        coolingDownUntil
        lastUsedAt
        createdAt
        calls24h
        failures24h
      }
    }
  }
`);

export const WAGTAIL_KEYS = "/cms/ai_keys/";
export const WAGTAIL_ADD_KEY = "/cms/ai_keys/new/";
export const WAGTAIL_AI_CALLS = "/cms/ai_calls/";
const REFRESH_MS = 30_000;

type Key = AiVaultQuery["aiVault"]["keys"][number];

export function AiVaultScreen() {
  const [result, reexecute] = useQuery({ query: AiVaultQueryDoc });
  useEffect(() => {
    const timer = setInterval(() => reexecute({ requestPolicy: "network-only" }), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reexecute]);

  return (
    <section className="admin-screen">
      <h1>AI key vault</h1>
      <p className="subtitle">
        Gemini keys used for photo intake and dispute briefings, rotated on rate limits. Secrets never leave the server.
      </p>
      <QueryState result={result} retry={() => reexecute({ requestPolicy: "network-only" })} loadingLabel="Loading the vault status…">
        {({ aiVault: vault }) => (
          <>
            {vault.fallbackOnly ? (
              <div className="alert alert-error vault-banner" role="status" data-testid="vault-fallback-banner">
                <p>No usable Gemini key: AI answers come from the local fallback</p>
                <p>
                  <a href={WAGTAIL_ADD_KEY}>Add a key in the Wagtail admin</a>
                </p>
              </div>
            ) : null}
            <dl className="stats" data-testid="vault-stats">
              <VaultStat label="Usable keys" value={vault.usableKeyCount} testId="vault-usable" />
              <VaultStat label="AI calls, 24 h" value={vault.calls24h} testId="vault-calls" />
              <VaultStat label="Failures, 24 h" value={vault.failures24h} testId="vault-failures" />
              <VaultStat label="Fallback answers, 24 h" value={vault.fallbacks24h} testId="vault-fallbacks" />
            </dl>

            <h2 id="vault-keys-title">Keys</h2>
            {vault.keys.length ? (
              <div className="table-wrap">
                <table className="data stack-narrow" aria-labelledby="vault-keys-title" data-testid="vault-keys">
                  <thead>
                    <tr>
                      <th scope="col">Label</th>
                      <th scope="col">Key</th>
                      <th scope="col">Status</th>
                      <th scope="col">Last used</th>
                      <th scope="col">Added</th>
                      <th scope="col" className="numeric">
                        Calls, 24 h
                      </th>
                      <th scope="col" className="numeric">
                        Failures, 24 h
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {vault.keys.map((key) => (
                      <tr key={key.id} data-testid="vault-key">
                        <th scope="row" data-label="Label">
                          {key.label}
                        </th>
                        <td data-label="Key">
                          <code>…{key.lastFour}</code>
                        </td>
                        <td data-label="Status">
                          <KeyStatus vaultKey={key} />
                        </td>
                        <td data-label="Last used">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</td>
                        <td data-label="Added">{formatDateTime(key.createdAt)}</td>
                        <td data-label="Calls, 24 h" className="numeric">
                          {key.calls24h}
                        </td>
                        <td data-label="Failures, 24 h" className="numeric">
                          {key.failures24h}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="empty card" data-testid="vault-empty">
                No keys in the vault yet.
              </p>
            )}
          </>
        )}
      </QueryState>

      <h2>Manage keys</h2>
      <div className="card cms-card">
        <p>Keys are added, deactivated and replaced in the Wagtail admin, where every AI call is also logged.</p>
        <ul className="link-list">
          <li>
            <a href={WAGTAIL_ADD_KEY}>Add a Gemini key</a>
          </li>
          <li>
            <a href={WAGTAIL_KEYS}>All keys</a>
          </li>
          <li>
            <a href={WAGTAIL_AI_CALLS}>AI call log</a>
          </li>
        </ul>
      </div>
    </section>
  );
}

function VaultStat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="card stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

function KeyStatus({ vaultKey: key }: { vaultKey: Key }) {
  if (!key.isActive) return <span className="tag tag-muted">Inactive</span>;
  if (key.coolingDownUntil) {
    return (
      <span className="tag tag-warning" title={`Skipped until ${formatDateTime(key.coolingDownUntil)}`}>
        Cooling down until {formatDateTime(key.coolingDownUntil)}
      </span>
    );
  }
  return <span className="tag tag-success">Usable</span>;
}
