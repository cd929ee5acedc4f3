/**
 * /app/customer/invoices — the customer's invoices with their PDFs. `pdfUrl` is a signed link that expires after a
 * few minutes and needs no bearer token, so each download asks for a fresh link and lets the browser save the file.
 */
import { useState } from "react";
import { Link } from "react-router";
import { useClient, useQuery } from "urql";

import { MoneyText } from "../../components/MoneyText";
import { QueryState, errorMessage } from "../../components/QueryState";
import { formatDate } from "../../components/dates";
import type { CustomerInvoicesQuery as InvoicesData } from "../../gql/graphql";
import { CustomerInvoicesQuery, InvoicePdfQuery } from "./operations";

const PAGE_SIZE = 25;
type Invoice = InvoicesData["invoices"]["edges"][number]["node"];

const KIND_LABEL: Record<string, string> = { CUSTOMER_INVOICE: "Invoice", PROVIDER_STATEMENT: "Statement" };

export function InvoicesScreen() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section className="customer-invoices">
      <h1>Invoices</h1>
      <p className="subtitle">An invoice is issued when a job is completed and its payment released.</p>
      {cursors.map((after, index) => (
        <InvoicePage key={after ?? "first"} after={after} first={index === 0} onMore={index === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined} />
      ))}
    </section>
  );
}

function InvoicePage({ after, first, onMore }: { after: string | null; first: boolean; onMore?: (cursor: string) => void }) {
  const [result, refetch] = useQuery({ query: CustomerInvoicesQuery, variables: { first: PAGE_SIZE, after } });
  return (
    <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading your invoices…">
      {({ invoices }) => {
        const rows = invoices.edges.map((edge) => edge.node);
        if (first && !rows.length) {
          return <p className="empty card">No invoices yet. You get one when a job is completed.</p>;
        }
        return (
          <>
            <div className="table-wrap">
              <table className="data invoice-table" data-testid="invoice-table">
                {first ? <caption className="visually-hidden">Your invoices, newest first</caption> : null}
                <thead>
                  <tr>
                    <th scope="col">Number</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Issued</th>
                    <th scope="col" className="numeric">
                      Total
                    </th>
                    <th scope="col">Job</th>
                    <th scope="col">PDF</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((invoice) => (
                    <InvoiceRow key={invoice.id} invoice={invoice} />
                  ))}
                </tbody>
              </table>
            </div>
            {onMore && invoices.pageInfo.hasNextPage && invoices.pageInfo.endCursor ? (
              <button type="button" className="button button-secondary load-more" onClick={() => onMore(invoices.pageInfo.endCursor!)}>
                Show more invoices
              </button>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}

function InvoiceRow({ invoice }: { invoice: Invoice }) {
  const client = useClient();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    const result = await client.query(InvoicePdfQuery, { id: invoice.id }, { requestPolicy: "network-only" }).toPromise();
    const url = result.data?.invoice?.pdfUrl;
    if (!url) {
      setState({ busy: false, error: result.error ? errorMessage(result.error) : "This invoice is no longer available." });
      return;
    }
    // The server answers with Content-Disposition: attachment, so the browser saves the file and the page stays.
    const link = document.createElement("a");
    link.href = url;
    link.download = `${invoice.number}.pdf`;
    document.body.append(link);
    link.click();
    link.remove();
    setState({ busy: false, error: null });
  }

  return (
    <tr data-testid="invoice-row" data-invoice-number={invoice.number}>
      <th scope="row">{invoice.number}</th>
      <td>{KIND_LABEL[invoice.kind] ?? invoice.kind}</td>
      <td>{formatDate(invoice.issuedAt)}</td>
      <td className="numeric">
        <MoneyText money={invoice.total} />
      </td>
      <td>
        <Link to={`/app/jobs/${encodeURIComponent(invoice.jobId)}`}>View job</Link>
      </td>
      <td>
        <button type="button" className="button button-small button-secondary" onClick={() => void download()} disabled={state.busy} aria-label={`Download ${invoice.number} as PDF`}>
          {state.busy ? "Preparing…" : "Download PDF"}
        </button>
        {state.error ? (
          <p className="field-error" role="alert">
            {state.error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
