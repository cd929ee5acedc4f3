from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from graphql_api.schema import schema
from graphql_api.views import ApiView
from marketplace.invoices.views import invoice_pdf
from marketplace.local_media import serve_media
from marketplace.payments.webhooks import stripe_webhook
from realtime.health import healthz
from settings.web_client import CLIENT_ROUTE, web_client_index

urlpatterns = [
    path("graphql/", ApiView.as_view(schema=schema, graphql_ide="graphiql" if settings.GRAPHQL_DEBUG_TOOLS else None)),
    path("healthz", healthz),
    path("webhooks/stripe/", stripe_webhook),
    path("invoices/<str:token>/pdf", invoice_pdf, name="invoice-pdf"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]
# Local media (the embedded default only, SERVE_LOCAL_MEDIA): files on disk behind signed, expiring URLs.
urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media)]
# Wagtail's own page serving stays last; the site is headless, so this only serves previews and redirects.
urlpatterns += [path("pages/", include(wagtail_urls))]
# The web client owns every other path (its routes); last, so it never shadows the server's own URLs.
urlpatterns += [re_path(CLIENT_ROUTE, web_client_index, name="web_client")]
