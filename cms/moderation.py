"""Who publishes content: editors directly, or moderators after an editor submits it.

One platform setting decides (`PlatformSettings.editors_publish_directly`, on the default site). Either way one
workflow, "Moderators approval", covers every page (from the root) and every snippet that can be moderated
(`UNDER_WORKFLOW`), approved by the Moderators and Platform admins groups. With moderation on, the Editors group
holds no publish permission on any of them, so Wagtail offers editors "Submit to Moderators approval" instead of
"Publish", and only a moderator's approval makes a revision live. Themes are not under workflow (a theme is
published by whoever may change it, as the Editors group's permissions say).

Functions take the `apps` registry so the data migration runs the same code on historical models.
"""

from __future__ import annotations

from django.apps import apps as live_apps
from django.db import transaction

EDITORS, MODERATORS, ADMINS = "Editors", "Moderators", "Platform admins"
WORKFLOW = "Moderators approval"
UNDER_WORKFLOW = (("cms", "servicecategory"),)
# What a moderator needs to open, review and approve what editors submit.
MODERATOR_MODEL_PERMISSIONS = {("cms", "servicecategory"): ["view", "change", "publish", "lock", "unlock"]}


def _permission(apps, app_label: str, codename: str):
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app_label, codename=codename)


def ensure_moderation_workflow(apps=live_apps):
    """The one active workflow on the root page and on every moderated snippet type (idempotent)."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    admins, _ = Group.objects.get_or_create(name=ADMINS)
    moderators.permissions.add(_permission(apps, "wagtailadmin", "access_admin"))
    for (app_label, model), actions in MODERATOR_MODEL_PERMISSIONS.items():
        moderators.permissions.add(*(_permission(apps, app_label, f"{action}_{model}") for action in actions))

    task = GroupApprovalTask.objects.filter(name=WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW, active=True, content_type=ContentType.objects.get(app_label="wagtailcore", model="groupapprovaltask")
        )
    task.active = True
    task.save(update_fields=["active"])
    task.groups.add(moderators, admins)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for app_label, model in UNDER_WORKFLOW:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
    return workflow


def apply_editorial_policy(editors_publish_directly: bool, apps=live_apps) -> None:
    """Give or take the Editors group's publish permissions on everything under the workflow."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    with transaction.atomic():
        ensure_moderation_workflow(apps)
        editors, _ = Group.objects.get_or_create(name=EDITORS)
        publish_page = _permission(apps, "wagtailcore", "publish_page")
        publish_snippets = [_permission(apps, app_label, f"publish_{model}") for app_label, model in UNDER_WORKFLOW]
        if editors_publish_directly:
            root = Page.objects.filter(depth=1).first()
            if root is not None:
                GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish_page)
            editors.permissions.add(*publish_snippets)
        else:
            GroupPagePermission.objects.filter(group=editors, permission=publish_page).delete()
            editors.permissions.remove(*publish_snippets)
