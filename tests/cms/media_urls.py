"""The project's URLs plus media files served from MEDIA_ROOT (as `static()` does in DEBUG), for rendition tests."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from settings.urls import urlpatterns as project_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *project_urlpatterns]
