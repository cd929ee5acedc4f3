from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info
from strawberry.file_uploads import Upload

from graphql_api.errors import FieldError, attempt
from graphql_api.permissions import IsCustomer, require_user
from graphql_api.throttle import throttle
from marketplace.ai import intake

from .types import RequestImageAnalysis


@strawberry.type
class AnalyzeRequestImagePayload:
    analysis: RequestImageAnalysis | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class AiMutation:
    @strawberry_django.mutation(
        extensions=[IsCustomer()],
        description="Read a photo (JPEG, PNG or WebP, at most 10 MB) and an optional note into a draft request. Stores nothing.",
    )
    def analyze_request_image(self, info: Info, image: Upload, note: str | None = None) -> AnalyzeRequestImagePayload:
        user = require_user(info)
        return attempt(
            AnalyzeRequestImagePayload,
            lambda: (
                throttle(info, "analyze_request_image", field="image")
                or AnalyzeRequestImagePayload(analysis=RequestImageAnalysis.from_domain(intake.analyze_request_image(user, image, note)))
            ),
        )
