/**
 * /app/admin/revenue: money booked in a range of UTC days (default the last 30; presets 7/30/90), with totals,
 * a chart by day (by week past a month) and by category for the chosen measure, and the figures as tables.
 * The range lives in the URL (`?from=2026-03-01&to=2026-03-31`).
 */
import { useId, useMemo, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";

import { BarChart } from "../../components/BarChart";
import { Field } from "../../components/Field";
import { MoneyText } from "../../components/MoneyText";
import { QueryState } from "../../components/QueryState";
import { formatMoney } from "../../money/formatMoney";
import { graphql } from "../../gql";
import type { RevenueReportQuery } from "../../gql/graphql";
import {
  MEASURES,
  PRESET_DAYS,
  categorySeries,
  dayLabel,
  daySeries,
  labelStep,
  presetOf,
  presetRange,
  rangeFromSearch,
  rangeToApi,
  todayUtc,
  validateRange,
  type DayRange,
  type Measure,
} from "./revenueSeries";

export const RevenueFigures = graphql(`
  fragment RevenueFigures on RevenueLine {
    key
    gross {
      ...MoneyFields
    }
    commission {
      ...MoneyFields
    }
    tax {
      ...MoneyFields
    }
    refunds {
      ...MoneyFields
    }
  }
`);

const RevenueReportQueryDoc = graphql(`
  query RevenueReport($from: DateTime!, $to: DateTime!) {
    revenueReport(from: $from, to: $to) {
      start
      end
      total {
        ...RevenueFigures
      }
      byCategory {
        ...RevenueFigures
      }
      byDay {
        ...RevenueFigures
      }
    }
  }
`);

type ReportData = RevenueReportQuery["revenueReport"];

export function RevenueScreen() {
  const today = todayUtc();
  const [search, setSearch] = useSearchParams();
  const range = rangeFromSearch(search, today);
  const [measure, setMeasure] = useState<Measure>("gross");
  const variables = useMemo(() => rangeToApi({ from: range.from, to: range.to }), [range.from, range.to]);
  const [result, reexecute] = useQuery({ query: RevenueReportQueryDoc, variables });
  const apply = (next: DayRange) => setSearch({ from: next.from, to: next.to });

  return (
    <section className="admin-screen">
      <h1>Revenue</h1>
      <p className="subtitle">Money booked from the first to the last day chosen, both included. Days are UTC.</p>
      <RangeForm key={`${range.from}/${range.to}`} range={range} today={today} onApply={apply} />
      <QueryState result={result} retry={() => reexecute({ requestPolicy: "network-only" })} loadingLabel="Loading the revenue report…">
        {({ revenueReport }) => <Report report={revenueReport} range={range} measure={measure} onMeasure={setMeasure} />}
      </QueryState>
    </section>
  );
}

function RangeForm({ range, today, onApply }: { range: DayRange; today: string; onApply: (range: DayRange) => void }) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const active = presetOf(range, today);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { from, to };
    const found = validateRange(next);
    setErrors(found);
    if (!Object.keys(found).length) onApply(next);
  };

  return (
    <div className="card range-card">
      <div className="presets" role="group" aria-label="Quick ranges">
        {PRESET_DAYS.map((days) => (
          <button
            key={days}
            type="button"
            className={`button button-small ${active === days ? "" : "button-secondary"}`}
            aria-pressed={active === days}
            onClick={() => onApply(presetRange(days, today))}
          >
            Last {days} days
          </button>
        ))}
      </div>
      <form className="range-form" onSubmit={submit} noValidate aria-label="Date range">
        <Field label="From" name="from" type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} error={errors.from} required />
        <Field label="To" name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={errors.to} required />
        <button type="submit" className="button">
          Show
        </button>
      </form>
    </div>
  );
}

function Report({ report, range, measure, onMeasure }: { report: ReportData; range: DayRange; measure: Measure; onMeasure: (m: Measure) => void }) {
  const measureId = useId();
  const currency = report.total.gross.currency;
  const money = (amount: number) => formatMoney({ amount, currency });
  const measureLabel = MEASURES.find((m) => m.value === measure)!.label;
  const withYear = range.from.slice(0, 4) !== range.to.slice(0, 4);
  const days = daySeries(report.byDay, range, measure);
  const categories = categorySeries(report.byCategory, measure);
  const step = labelStep(days.points.length);
  const total = report.total;

  return (
    <>
      <h2>Totals</h2>
      <dl className="stats" data-testid="revenue-totals">
        <TotalStat label="Gross paid in" testId="total-gross" amount={total.gross.amount} money={money} />
        <TotalStat label="Commission" testId="total-commission" amount={total.commission.amount} money={money} note="net revenue" />
        <TotalStat label="Tax" testId="total-tax" amount={total.tax.amount} money={money} />
        <TotalStat label="Refunds" testId="total-refunds" amount={total.refunds.amount} money={money} />
      </dl>

      <div className="field measure-field">
        <label htmlFor={measureId}>Chart</label>
        <select id={measureId} value={measure} onChange={(event) => onMeasure(event.target.value as Measure)}>
          {MEASURES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>

      <div className="charts">
        <div className={`card${step > 1 ? ` chart-labels-step chart-step-${step}` : ""}`} data-testid="chart-by-day">
          <BarChart
            title={days.bucket === "week" ? `${measureLabel} by week (from Monday)` : `${measureLabel} by day`}
            bars={days.points.map((point) => ({
              label: dayLabel(point.key, withYear),
              value: point.amount,
              display: money(point.amount),
            }))}
          />
        </div>
        <div className="card" data-testid="chart-by-category">
          {categories.length ? (
            <BarChart
              title={`${measureLabel} by category`}
              bars={categories.map((point) => ({ label: point.key, value: point.amount, display: money(point.amount) }))}
            />
          ) : (
            <p className="empty">No {measureLabel.toLowerCase()} by category in this period.</p>
          )}
        </div>
      </div>

      <h2 id="by-category-title">By category</h2>
      <FiguresTable lines={report.byCategory} labelledBy="by-category-title" keyHeader="Category" keyLabel={(key) => key} empty="Nothing was booked in this period." />
      <h2 id="by-day-title">By day</h2>
      <FiguresTable
        lines={report.byDay}
        labelledBy="by-day-title"
        keyHeader="Day"
        keyLabel={(key) => dayLabel(key, withYear)}
        empty="Nothing was booked in this period."
      />
    </>
  );
}

function TotalStat({ label, amount, money, note, testId }: { label: string; amount: number; money: (n: number) => string; note?: string; testId: string }) {
  return (
    <div className="card stat">
      <dt>
        {label}
        {note ? <span className="stat-note"> ({note})</span> : null}
      </dt>
      <dd data-testid={testId} data-amount={amount}>
        {money(amount)}
      </dd>
    </div>
  );
}

interface FiguresTableProps {
  lines: ReportData["byDay"];
  labelledBy: string;
  keyHeader: string;
  keyLabel: (key: string) => string;
  empty: string;
}

function FiguresTable({ lines, labelledBy, keyHeader, keyLabel, empty }: FiguresTableProps) {
  if (!lines.length) return <p className="empty">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="data figures" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className="numeric">
              Gross
            </th>
            <th scope="col" className="numeric">
              Commission
            </th>
            <th scope="col" className="numeric">
              Tax
            </th>
            <th scope="col" className="numeric">
              Refunds
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{keyLabel(line.key)}</th>
              <td className="numeric">
                <MoneyText money={line.gross} />
              </td>
              <td className="numeric">
                <MoneyText money={line.commission} />
              </td>
              <td className="numeric">
                <MoneyText money={line.tax} />
              </td>
              <td className="numeric">
                <MoneyText money={line.refunds} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
