"""Staff groups: "Editors" (content only) and "Platform admins" (everything, money settings included).

An editor is a user with is_staff=True in "Editors", whatever their marketplace role (see cms.auth).
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

EDITOR_MODEL_PERMISSIONS = {
    ("cms", "servicecategory"): ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    ("cms", "theme"): ["add", "change", "delete", "view", "publish", "lock", "unlock"],
    ("cms", "brandingsettings"): ["change", "view"],
    ("cms", "homepage"): ["view"],
    ("cms", "landingpage"): ["view"],
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "bulk_delete_page"]
EDITOR_COLLECTION_PERMISSIONS = {"wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
                                 "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"]}


def ensure_permissions(apps):
    """Permissions are normally made after all migrations (post_migrate); make them now so groups can hold them."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Wagtail adds these for draft/lockable snippets after migrating; the same codenames and names.
    for model in ("servicecategory", "theme"):
        content_type = ContentType.objects.get(app_label="cms", model=model)
        for action in ("publish", "lock", "unlock"):
            Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )


def permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app_label, codename=codename)


def create_groups(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    editors, _ = Group.objects.get_or_create(name="Editors")
    admins, _ = Group.objects.get_or_create(name="Platform admins")

    editor_permissions = [permission(apps, "wagtailadmin", "access_admin")]
    for (app_label, model), actions in EDITOR_MODEL_PERMISSIONS.items():
        editor_permissions += [permission(apps, app_label, f"{action}_{model}") for action in actions]
    editors.permissions.add(*editor_permissions)
    admins.permissions.add(*Permission.objects.all())

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for group, page_permissions in ((editors, EDITOR_PAGE_PERMISSIONS), (admins, ADMIN_PAGE_PERMISSIONS)):
        if root_page is not None:
            for codename in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
                )
        if root_collection is not None:
            for app_label, codenames in EDITOR_COLLECTION_PERMISSIONS.items():
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission(apps, app_label, codename)
                    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Platform admins"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_pages_themes_settings_previews"),
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        ("wagtailcore", "__latest__"),
        ("wagtailadmin", "__latest__"),
        ("wagtailimages", "__latest__"),
        ("wagtaildocs", "__latest__"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
