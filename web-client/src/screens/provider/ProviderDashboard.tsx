/** Placeholder until its query lands: figures show "—". */
import { Greeting } from "../dashboards/Greeting";
import { StatGrid } from "../dashboards/StatGrid";

const PENDING = "—";

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
