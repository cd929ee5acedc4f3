"""CMS fixtures: the demo content, staff users, and admin-site clients."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from cms import demo
from marketplace.accounts.models import Role


@pytest.fixture
def demo_content(db):
    """The same content `make run` loads: five categories, a theme, branding and a home page with every block."""
    categories = demo.load_categories()
    home = demo.load_content()
    return {"categories": categories, "home": home}


@pytest.fixture
def editor(make_user):
    """Staff in the Editors group; the marketplace role does not matter for the CMS."""
    user = make_user(Role.CUSTOMER, email="editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def admin_client_for():
    def client(user) -> Client:
        http = Client(REMOTE_ADDR="10.0.0.2")
        http.force_login(user)
        return http

    return client
