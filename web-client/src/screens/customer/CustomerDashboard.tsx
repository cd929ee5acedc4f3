/** Placeholder until its query lands: figures show "—". */
import { Greeting } from "../dashboards/Greeting";
import { StatGrid } from "../dashboards/StatGrid";

const PENDING = "—";

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
