from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.reviews import services

from ..errors import FieldError, attempt
from ..ids import decode
from ..jobs.types import ReviewType
from ..permissions import IsSignedIn, require_user


@strawberry.type
class ReviewPayload:
    review: ReviewType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class ReviewMutation:
    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def submit_review(self, info: Info, job_id: relay.GlobalID, rating: int, comment: str = "") -> ReviewPayload:
        author = require_user(info)
        return attempt(
            ReviewPayload,
            lambda: ReviewPayload(review=services.submit_review(author, decode(job_id, "Job"), rating=rating, comment=comment)),
        )
