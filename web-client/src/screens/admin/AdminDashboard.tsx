/** /app/admin: the platform's headline figures, who is owed money, and where content is edited (Wagtail). */
import { Link } from "react-router";
import { useQuery } from "urql";

import { MoneyText } from "../../components/MoneyText";
import { QueryState } from "../../components/QueryState";
import { formatMoney } from "../../money/formatMoney";
import { graphql } from "../../gql";
import { Greeting } from "../dashboards/Greeting";
import { useAdminNotifications } from "./useAdminNotifications";

const AdminDashboardQuery = graphql(`
  query AdminDashboard {
    adminDashboard {
      customers
      providers
      activeJobs
      netRevenue {
        ...MoneyFields
      }
      heldFunds {
        ...MoneyFields
      }
      verificationQueue
      providersOwed {
        providerId
        name
        email
        amount {
          ...MoneyFields
        }
      }
    }
  }
`);

export function AdminDashboard() {
  const [result, reexecute] = useQuery({ query: AdminDashboardQuery });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  // A new dispute (or chargeback) changes the figures: fetch them again as it arrives.
  useAdminNotifications(refresh);

  return (
    <section className="admin-screen">
      <Greeting subtitle="Platform overview and oversight." />
      <QueryState result={result} retry={refresh} loadingLabel="Loading the platform figures…">
        {({ adminDashboard: d }) => (
          <>
            <dl className="stats" data-testid="admin-stats">
              <Stat label="Customers" value={String(d.customers)} />
              <Stat label="Providers" value={String(d.providers)} />
              <Stat label="Active jobs" value={String(d.activeJobs)} to="/app/admin/jobs?tab=active" />
              <Stat label="Net revenue" value={formatMoney(d.netRevenue)} to="/app/admin/revenue" />
              <Stat label="Held funds" value={formatMoney(d.heldFunds)} />
              <Stat
                label="Verification queue"
                value={String(d.verificationQueue)}
                to="/app/admin/verification"
                note={d.verificationQueue === 1 ? "provider waiting" : "providers waiting"}
              />
            </dl>

            <h2 id="owed-title">Providers owed</h2>
            <p className="subtitle">Released to providers and not yet paid out.</p>
            {d.providersOwed.length ? (
              <div className="table-wrap">
                <table className="data stack-narrow" aria-labelledby="owed-title">
                  <thead>
                    <tr>
                      <th scope="col">Provider</th>
                      <th scope="col">Email</th>
                      <th scope="col" className="numeric">
                        Owed
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.providersOwed.map((owed) => (
                      <tr key={owed.providerId}>
                        <td data-label="Provider">{owed.name || "—"}</td>
                        <td data-label="Email">
                          <a href={`mailto:${owed.email}`}>{owed.email}</a>
                        </td>
                        <td data-label="Owed" className="numeric">
                          <MoneyText money={owed.amount} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="empty">No provider is owed anything right now.</p>
            )}
          </>
        )}
      </QueryState>

      <h2>Content and settings</h2>
      <div className="card cms-card">
        <p>
          Landing pages, service categories, branding, theme, platform settings (currency, commission and tax rates,
          timers, maintenance mode) and the AI key vault are edited in the Wagtail admin.
        </p>
        <a className="button button-secondary" href="/cms/">
          Open the Wagtail admin
        </a>
      </div>
    </section>
  );
}

function Stat({ label, value, to, note }: { label: string; value: string; to?: string; note?: string }) {
  return (
    <div className="card stat">
      <dt>{label}</dt>
      <dd>
        {to ? (
          <Link to={to} className="stat-link" aria-label={`${label}: ${value}${note ? ` ${note}` : ""}`}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}
