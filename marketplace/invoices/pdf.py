"""Invoice PDFs with fpdf2 (pure Python, no system libraries)."""

from __future__ import annotations

from fpdf import FPDF

from .models import Invoice, InvoiceKind


def _money(amount: int, currency: str) -> str:
    return f"{currency.upper()} {amount // 100:,}.{amount % 100:02d}"


def render(invoice: Invoice) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    title = "Invoice" if invoice.kind == InvoiceKind.CUSTOMER_INVOICE else "Provider statement"
    pdf.cell(0, 12, f"{invoice.platform_name} - {title} {invoice.number}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    lines = [
        f"Issued: {invoice.issued_at:%Y-%m-%d}",
        f"To: {invoice.recipient.get_full_name()} <{invoice.recipient.email}>",
        f"Job {invoice.job_id}: {invoice.job.request.title}",
        "",
        f"Subtotal: {_money(invoice.subtotal, invoice.currency)}",
    ]
    if invoice.kind == InvoiceKind.CUSTOMER_INVOICE:
        lines += [f"Tax: {_money(invoice.tax, invoice.currency)}", f"Total: {_money(invoice.total, invoice.currency)}"]
    else:
        lines += [f"Commission: {_money(invoice.commission, invoice.currency)}", f"Net: {_money(invoice.total, invoice.currency)}"]
    lines += ["", f"Questions: {invoice.platform_support_email}"]
    for line in lines:
        pdf.cell(0, 8, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
