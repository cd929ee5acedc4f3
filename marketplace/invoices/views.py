"""The PDF download: a signed, short-lived link from `Invoice.pdfUrl`; the viewer's right is checked again."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from .pdf import render
from .services import invoice_for_link


@require_GET
def invoice_pdf(request: HttpRequest, token: str) -> HttpResponse:
    invoice = invoice_for_link(token)
    if invoice is None:
        raise Http404("No such invoice.")
    response = HttpResponse(render(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
