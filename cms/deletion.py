"""Whether an object may be deleted, judged the way the database will judge it."""

from __future__ import annotations

from django.db import router
from django.db.models import Model
from django.db.models.deletion import Collector, ProtectedError, RestrictedError


def protected_by(obj: Model) -> list[Model]:
    """The rows whose PROTECT/RESTRICT foreign keys forbid deleting `obj` (empty when it can go).

    Generic on purpose: a category is protected by whichever marketplace models point at it, without this module
    knowing them (a request in that category, say).
    """
    collector = Collector(using=router.db_for_write(obj.__class__, instance=obj))
    try:
        collector.collect([obj])
    except ProtectedError as exc:
        return list(exc.protected_objects)
    except RestrictedError as exc:
        return list(exc.restricted_objects)
    return []
