"""Console fixtures: one user of every actor the permission tests cover, with tokens."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from marketplace.accounts.models import Role
from tests.marketplace.conftest import approve, categories, make_provider, make_request, marketplace  # noqa: F401


@pytest.fixture
def editor(make_user):
    """Staff in the Editors group (content only); the marketplace role is CUSTOMER."""
    user = make_user(Role.CUSTOMER, email="editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def actors(marketplace, editor, token_for):  # noqa: F811
    """Tokens of every actor (None = anonymous), keyed by name."""
    m = marketplace
    return {
        "anonymous": None,
        "customer": token_for(m["customer"]),
        "other_customer": token_for(m["other_customer"]),
        "provider": token_for(m["provider"]),
        "unapproved_provider": token_for(m["unapproved"]),
        "editor": token_for(editor),
        "admin": token_for(m["admin"]),
    }


NON_ADMINS = ["anonymous", "customer", "other_customer", "provider", "unapproved_provider", "editor"]
