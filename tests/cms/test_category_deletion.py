"""A category in use cannot be deleted (archive it instead); an unused one can."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection, models
from django.urls import reverse

from cms.deletion import protected_by
from cms.models import ServiceCategory


@pytest.fixture
def protecting_model(request):
    """Stands in for the marketplace's ServiceRequest: a PROTECT foreign key to a category.

    Creating a table needs a test outside a transaction on SQLite; `serialized_rollback` puts back the rows the
    migrations made (Wagtail's root page and site, the staff groups) for the tests that follow.
    """
    model = type(
        "ProtectingRequest",
        (models.Model,),
        {
            "__module__": __name__,
            "category": models.ForeignKey(ServiceCategory, on_delete=models.PROTECT, related_name="+"),
            "Meta": type("Meta", (), {"app_label": "cms"}),
        },
    )
    with connection.schema_editor() as editor:
        editor.create_model(model)
    yield model
    with connection.schema_editor() as editor:
        editor.delete_model(model)
    del apps.all_models["cms"]["protectingrequest"]
    apps.clear_cache()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_category_in_use_is_refused_in_the_admin_and_kept(protecting_model, make_user, admin_client_for):
    from marketplace.accounts.models import Role

    category = ServiceCategory.objects.create(name="Roofing", slug="roofing")
    protecting_model.objects.create(category=category)
    assert protected_by(category)

    http = admin_client_for(make_user(Role.ADMIN))
    response = http.post(reverse("wagtailsnippets_cms_servicecategory:delete", args=[category.pk]), follow=True)

    assert ServiceCategory.objects.filter(pk=category.pk).exists()
    assert "archive it instead" in response.content.decode()


def test_unused_category_is_deleted(db, make_user, admin_client_for):
    from marketplace.accounts.models import Role

    category = ServiceCategory.objects.create(name="Roofing", slug="roofing")
    assert protected_by(category) == []

    admin_client_for(make_user(Role.ADMIN)).post(reverse("wagtailsnippets_cms_servicecategory:delete", args=[category.pk]))

    assert not ServiceCategory.objects.filter(pk=category.pk).exists()
