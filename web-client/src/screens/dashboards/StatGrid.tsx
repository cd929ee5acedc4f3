export interface Stat {
  label: string;
  value: string;
}

/** A row of headline figures. A value of "—" means the figure's API has not landed yet. */
export function StatGrid({ stats }: { stats: Stat[] }) {
  return (
    <dl className="stats">
      {stats.map((stat) => (
        <div key={stat.label} className="card stat">
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
