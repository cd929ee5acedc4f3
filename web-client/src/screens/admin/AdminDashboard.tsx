/** Placeholder until its query lands: figures show "—". */
import { Greeting } from "../dashboards/Greeting";
import { StatGrid } from "../dashboards/StatGrid";

const PENDING = "—";

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
