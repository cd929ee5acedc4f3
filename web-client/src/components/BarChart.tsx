/**
 * A small bar chart in SVG with the same figures as a table for screen readers and keyboard users.
 * Hand-written on purpose: the charts here are one series of bars, and a charting library (recharts,
 * chart.js) would add 50–100 KB gzipped to the area that shows them.
 */
import { useId } from "react";

export interface Bar {
  label: string;
  value: number;
  /** What the bar's value reads as (e.g. formatted money); defaults to the number. */
  display?: string;
}

interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  height?: number;
}

export function BarChart({ title, bars, height = 180 }: BarChartProps) {
  const id = useId();
  if (!bars.length) return <p className="empty">No figures for this period yet.</p>;
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const width = 100 / bars.length;
  return (
    <figure className="bar-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" role="img" aria-hidden="true" height={height} width="100%">
        {bars.map((bar, index) => {
          const barHeight = (Math.max(bar.value, 0) / max) * (height - 4);
          return (
            <rect key={bar.label} x={index * width + width * 0.15} width={width * 0.7} y={height - barHeight} height={barHeight} className="bar">
              <title>{`${bar.label}: ${bar.display ?? bar.value}`}</title>
            </rect>
          );
        })}
      </svg>
      <ol className="bar-labels" aria-hidden="true">
        {bars.map((bar) => (
          <li key={bar.label}>{bar.label}</li>
        ))}
      </ol>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.display ?? bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
