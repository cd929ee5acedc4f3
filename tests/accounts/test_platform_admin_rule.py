"""Must show 2: one rule decides who is a platform admin, on every admin-only surface.

The surfaces are generated, not typed: every Wagtail admin URL under /cms/ that our apps register (hooks, viewsets,
settings) except the editors' content screens, and every root GraphQL field declared with `IsPlatformAdmin`.
Each is checked for a staff editor, a staff member in the "Platform admins" group whose role is not ADMIN (not an
admin: the role is the rule), a role-ADMIN staff member outside any group, and a superuser admin.
"""

from __future__ import annotations

import json
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLScalarType, get_named_type
from strawberry.relay import to_base64
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Site
from wagtail.permissions import policy_registry

from cms.models import BrandingSettings, PlatformSettings, ServiceCategory, Theme
from graphql_api.permissions import IsPlatformAdmin
from graphql_api.schema import schema
from marketplace.accounts.authority import PLATFORM_ADMINS_GROUP, is_platform_admin
from marketplace.accounts.models import Role, User
from marketplace.ai import vault
from marketplace.ai.models import AiCall, GeminiKey
from marketplace.providers.models import ProviderProfile, VerificationStatus

# The editors' content screens: everything else our apps add to /cms/ is for platform admins only.
EDITOR_CONTENT_MODELS = {ServiceCategory, Theme, BrandingSettings}


def our_app(module_or_label: str) -> bool:
    return module_or_label.split(".")[0] in {"marketplace", "cms"}


def walk(patterns, prefix=""):
    for entry in patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.callback


def view_model(callback):
    model = (getattr(callback, "view_initkwargs", None) or {}).get("model")
    return apps.get_model(model) if isinstance(model, str) else model


def admin_only_urls() -> list[tuple[str, object]]:
    """(route, model or None) of every /cms/ view our apps register, minus the editors' content screens."""
    found = []
    for route, callback in walk(get_resolver().url_patterns):
        if not route.startswith("cms/"):
            continue
        model = view_model(callback)
        ours = our_app(callback.__module__) or (model is not None and our_app(apps.get_app_config(model._meta.app_label).name))
        if ours and model not in EDITOR_CONTENT_MODELS:
            found.append((route, model))
    for model in settings_registry:  # one generic settings view serves every setting; list ours per model
        if our_app(apps.get_app_config(model._meta.app_label).name) and model not in EDITOR_CONTENT_MODELS:
            found.append((f"cms/settings/{model._meta.app_label}/{model._meta.model_name}/<int:site_pk>/", model))
    return found


def admin_only_fields() -> list[tuple[str, object]]:
    """(operation type, graphql field) of every root field declared with IsPlatformAdmin."""
    found, elsewhere = [], []
    roots = {schema._schema.query_type.name: "query", schema._schema.mutation_type.name: "mutation"}
    for graphql_type in schema._schema.type_map.values():
        definition = getattr(graphql_type, "extensions", {}).get("strawberry-definition")
        for field in getattr(definition, "fields", None) or []:
            if any(isinstance(extension, IsPlatformAdmin) for extension in field.extensions):
                name = schema.config.name_converter.get_graphql_name(field)
                if graphql_type.name in roots:
                    found.append((roots[graphql_type.name], name, graphql_type.fields[name]))
                else:
                    elsewhere.append(f"{graphql_type.name}.{name}")
    assert not elsewhere, f"teach this test to reach nested admin-only fields: {elsewhere}"
    return found


ADMIN_URLS = admin_only_urls()
ADMIN_FIELDS = admin_only_fields()


def test_the_surface_lists_are_generated_and_cover_the_known_admin_screens():
    routes = " ".join(route for route, _ in ADMIN_URLS)
    for expected in ("cms/ai_keys/", "cms/ai_calls/", "cms/providers/verification/", "cms/settings/cms/platformsettings/"):
        assert expected in routes
    assert {"pendingProviders", "approveProvider", "aiVault"} <= {name for _, name, _ in ADMIN_FIELDS}


@pytest.fixture
def actors(db, make_user):
    editor = make_user(Role.CUSTOMER, email="editor@example.com", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    group_member = make_user(Role.CUSTOMER, email="finance@example.com", is_staff=True)
    group_member.groups.add(Group.objects.get(name=PLATFORM_ADMINS_GROUP))
    role_admin = User.objects.create_user(email="ops@example.com", password="x" * 20, role=Role.ADMIN, is_staff=True)
    superuser_admin = make_user(Role.ADMIN)
    return {
        "staff editor": editor,
        "admins group without role ADMIN": group_member,
        "role ADMIN": role_admin,
        "superuser admin": superuser_admin,
    }


@pytest.fixture
def rows(db):
    PlatformSettings.for_site(Site.objects.get(is_default_site=True))  # reading the terms creates the row
    key = vault.add_key("Project A", "AIza" + "k" * 35)
    call = AiCall.objects.create(purpose="IMAGE_INTAKE", key=key, key_last_four=key.last_four, outcome="SUCCESS", latency_ms=5)
    provider = User.objects.create_user(email="pending@example.com", password="x" * 20, role=Role.PROVIDER)
    profile = ProviderProfile.objects.create(user=provider, status=VerificationStatus.PENDING, city="Lahore")
    # Primary keys differ between SQLite and PostgreSQL (sequences are not reset): URLs take the real row's key.
    return {GeminiKey: key.pk, AiCall: call.pk, None: profile.pk, ProviderProfile: profile.pk, User: provider.pk}


def state() -> str:
    site = Site.objects.get(is_default_site=True)
    return json.dumps(
        [
            list(GeminiKey.objects.values("label", "is_active", "encrypted_secret")),
            AiCall.objects.count(),
            list(ProviderProfile.objects.values_list("status", flat=True)),
            list(PlatformSettings.objects.filter(site=site).values()),
        ],
        default=str,
    )


def concrete(route: str, model, rows) -> str:
    url = re.sub(r"<(?:\w+:)?site_pk>", str(Site.objects.get(is_default_site=True).pk), route)
    url = re.sub(r"<(?:\w+:)?decision>", "approve", url)
    row = rows[User] if model is None and "users/" in route else rows.get(model, rows[None])
    url = re.sub(r"<(?:\w+:)?(pk|id|object_id)>", str(row), url)
    assert "<" not in url, f"teach this test the URL parameter in {route}"
    return "/" + url


def client_for(user) -> Client:
    http = Client(REMOTE_ADDR="10.0.0.3")
    http.force_login(user)
    return http


@pytest.mark.parametrize("actor", ["staff editor", "admins group without role ADMIN", "role ADMIN", "superuser admin"])
def test_every_admin_screen_follows_the_one_rule(actor, actors, rows):
    user = actors[actor]
    http = client_for(user)
    allowed = is_platform_admin(user)
    assert allowed == (actor in ("role ADMIN", "superuser admin"))

    for route, model in ADMIN_URLS:
        url = concrete(route, model, rows)
        if allowed:
            status = http.get(url).status_code
            # A narrowed model (the read-only AI call log) refuses its write screens to everyone, admins too.
            narrowed = model is not None and getattr(policy_registry.get_by_type(model), "actions", None) is not None
            assert status in (200, 405) or (narrowed and status == 302), f"{actor} opens {url}: {status}"
            continue
        before = state()
        got, posted = http.get(url), http.post(url, {"label": "stolen", "commission_rate_bps": "1", "is_active": "on"})
        assert got.status_code in (302, 403, 405) and posted.status_code in (302, 403, 405), f"{actor} reached {url}"
        for response in (got, posted):
            if response.status_code == 302:
                assert response["Location"] != url, f"{actor} reached {url}"
        assert state() == before, f"{actor} changed something through {url}"


def dummy(graphql_type):
    if isinstance(graphql_type, GraphQLNonNull):
        return dummy(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return [dummy(graphql_type.of_type)]
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        return {name: dummy(field.type) for name, field in graphql_type.fields.items() if isinstance(field.type, GraphQLNonNull)}
    assert isinstance(graphql_type, GraphQLScalarType)
    global_id = to_base64("Node", "999999")
    return {"Int": 1, "Float": 1.0, "Boolean": False, "ID": global_id, "GlobalID": global_id}.get(
        graphql_type.name, "2026-01-01T00:00:00+00:00"
    )


def operation_for(kind: str, name: str, field) -> tuple[str, dict]:
    required = {arg_name: arg for arg_name, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)}
    declared = ", ".join(f"${arg_name}: {arg.type}" for arg_name, arg in required.items())
    passed = ", ".join(f"{arg_name}: ${arg_name}" for arg_name in required)
    selection = "" if isinstance(get_named_type(field.type), GraphQLScalarType | GraphQLEnumType) else " { __typename }"
    text = f"{kind}{f'({declared})' if declared else ''} {{ {name}{f'({passed})' if passed else ''}{selection} }}"
    return text, {arg_name: dummy(arg.type) for arg_name, arg in required.items()}


@pytest.mark.parametrize("actor", ["staff editor", "admins group without role ADMIN", "role ADMIN", "superuser admin"])
def test_every_admin_only_field_follows_the_one_rule(actor, actors, rows, gql, token_for):
    user = actors[actor]
    token = token_for(user)
    allowed = is_platform_admin(user)

    for kind, name, field in ADMIN_FIELDS:
        text, variables = operation_for(kind, name, field)
        before = state()
        result = gql(text, variables, token=token)
        codes = result.error_codes()
        if allowed:
            assert "FORBIDDEN" not in codes and "UNAUTHENTICATED" not in codes, f"{actor} refused {name}: {result.body}"
        else:
            assert "FORBIDDEN" in codes and not (result.data or {}).get(name), f"{actor} reached {name}: {result.body}"
            assert state() == before


def test_admins_group_without_role_admin_gets_no_wagtail_user_or_group_screens(actors):
    member, role_admin = actors["admins group without role ADMIN"], actors["role ADMIN"]

    for url in ("/cms/users/", "/cms/groups/", "/cms/workflows/list/"):
        assert client_for(member).get(url).status_code in (302, 403)
        assert client_for(role_admin).get(url).status_code == 200
    assert not member.has_perm("cms.change_platformsettings") and not member.has_perm("accounts.change_user")
    assert role_admin.has_perm("cms.change_platformsettings") and role_admin.has_perm("accounts.change_user")


def test_superuser_flag_needs_role_admin(db):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="odd@example.com", password="x" * 20, role=Role.CUSTOMER, is_superuser=True)
