from __future__ import annotations

import strawberry
import strawberry_django
from strawberry_django.relay import DjangoListConnection

from marketplace.audit.models import AuditEntry

from ..permissions import IsPlatformAdmin
from .types import AuditEntryType, AuditLogFilter


@strawberry.type
class AuditQuery:
    @strawberry_django.connection(DjangoListConnection[AuditEntryType], extensions=[IsPlatformAdmin()])
    def audit_log(self, filter: AuditLogFilter | None = None) -> list[AuditEntry]:
        """Security- and money-relevant actions, newest first (platform admins only)."""
        queryset = AuditEntry.objects.all()
        if filter is not None:
            lookups = {
                "action": filter.action,
                "actor__email__iexact": filter.actor_email,
                "target_type": filter.target_type,
                "target_id": filter.target_id,
                "at__gte": filter.since,
                "at__lt": filter.until,
            }
            queryset = queryset.filter(**{k: v for k, v in lookups.items() if v is not None})
        return queryset.order_by("-at", "-id")
