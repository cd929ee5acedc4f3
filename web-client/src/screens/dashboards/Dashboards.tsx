/**
 * Placeholder dashboards per role, laid out as the seeds' screenshots show them. Their figures arrive with
 * `customerDashboard`, `providerDashboard` and `adminDashboard`; until then each shows "—".
 */
import { Link } from "react-router";

import { useAuth } from "../../auth/AuthProvider";
import { StatGrid } from "./StatGrid";

const PENDING = "—";

function Greeting({ subtitle }: { subtitle: string }) {
  const { user } = useAuth();
  return (
    <>
      <h1>Welcome back{user?.firstName ? `, ${user.firstName}` : ""}</h1>
      <p className="subtitle">{subtitle}</p>
    </>
  );
}

export function CustomerDashboard() {
  return (
    <section aria-labelledby="dashboard-title">
      <span id="dashboard-title" hidden>
        Customer dashboard
      </span>
      <Greeting subtitle="Here is an overview of your service requests." />
      <StatGrid
        stats={[
          { label: "Total requests", value: PENDING },
          { label: "Active", value: PENDING },
          { label: "Completed", value: PENDING },
        ]}
      />
      <h2>Quick actions</h2>
      <ul className="actions">
        <li className="card">
          <strong>Create a new request</strong>
          <span>Describe the job (or snap a photo) and get bids from verified providers.</span>
        </li>
        <li className="card">
          <strong>Track your requests</strong>
          <span>See bids arrive live, accept one, pay and chat.</span>
        </li>
      </ul>
    </section>
  );
}

export function ProviderDashboard() {
  return (
    <section>
      <Greeting subtitle="Your missions and performance." />
      <StatGrid
        stats={[
          { label: "Total missions", value: PENDING },
          { label: "Successful ends", value: PENDING },
          { label: "Revenue", value: PENDING },
          { label: "Trust rating", value: PENDING },
          { label: "Success rate", value: PENDING },
        ]}
      />
      <h2>Available missions</h2>
      <p className="empty">Matching requests in your categories and area will appear here live.</p>
    </section>
  );
}

export function AdminDashboard() {
  return (
    <section>
      <Greeting subtitle="Platform overview and oversight." />
      <StatGrid
        stats={[
          { label: "Customers", value: PENDING },
          { label: "Providers", value: PENDING },
          { label: "Active jobs", value: PENDING },
          { label: "Net revenue", value: PENDING },
          { label: "Verification queue", value: PENDING },
        ]}
      />
      <p>
        Content, categories, branding and theme are edited in the <a href="/cms/">Wagtail admin</a>.
      </p>
    </section>
  );
}

export function ComingSoon() {
  return (
    <section>
      <h1>Coming soon</h1>
      <p>This screen arrives with its part of the API.</p>
      <p>
        <Link to="/app">Back to the dashboard</Link>
      </p>
    </section>
  );
}
