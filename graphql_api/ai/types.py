from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay

from graphql_api.money import Money
from marketplace.ai.intake import RequestAnalysis


@strawberry.enum(description="How soon the work is needed.")
class Urgency(Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    EMERGENCY = "EMERGENCY"


@strawberry.enum(description="Who produced an analysis: the Gemini model, or the local keyword fallback.")
class AnalysisSource(Enum):
    GEMINI = "GEMINI"
    FALLBACK = "FALLBACK"


@strawberry.type(description="A live service category the analysis chose.")
class SuggestedCategory:
    id: strawberry.ID = strawberry.field(description="Relay global ID of the ServiceCategory.")
    slug: str
    name: str


@strawberry.type(description="A draft for the new-request form. Nothing is stored until the customer submits a request.")
class RequestImageAnalysis:
    category: SuggestedCategory
    title: str
    description: str
    urgency: Urgency
    estimated_budget: Money
    confidence: float = strawberry.field(description="0 to 1. The fallback never exceeds 0.4.")
    source: AnalysisSource

    @classmethod
    def from_domain(cls, analysis: RequestAnalysis) -> RequestImageAnalysis:
        category = analysis.category
        return cls(
            category=SuggestedCategory(
                id=strawberry.ID(relay.to_base64("ServiceCategory", category.pk)), slug=category.slug, name=category.name
            ),
            title=analysis.title,
            description=analysis.description,
            urgency=Urgency(analysis.urgency),
            estimated_budget=Money(amount=analysis.budget_amount, currency=analysis.currency),
            confidence=analysis.confidence,
            source=AnalysisSource(analysis.source),
        )
