"""Demo content for `make run`: idempotent, safe to load again."""

from __future__ import annotations

from .models import PricingModel, ServiceCategory

# The five categories of the seeds' screenshots. Prices are in minor units of the site currency.
CATEGORIES = [
    ("Plumbing", "plumbing", PricingModel.HOURLY, 2500, "leak, pipe, tap, faucet, drain, toilet, water heater, sink, geyser"),
    ("Electrical", "electrical", PricingModel.HOURLY, 3000, "wiring, socket, switch, breaker, light, fan, short circuit, power"),
    ("Cleaning", "cleaning", PricingModel.FIXED, 6000, "deep clean, carpet, sofa, kitchen, bathroom, move out, windows"),
    ("Carpentry", "carpentry", PricingModel.HOURLY, 2800, "door, cabinet, furniture, wood, shelf, hinge, wardrobe, table"),
    ("Painting", "painting", PricingModel.FIXED, 15000, "paint, wall, ceiling, primer, damp, color, whitewash, varnish"),
]


def load_categories() -> list[ServiceCategory]:
    categories = []
    for order, (name, slug, pricing, price, keywords) in enumerate(CATEGORIES):
        category, created = ServiceCategory.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "pricing_model": pricing, "base_price": price, "keywords": keywords, "sort_order": order, "live": True},
        )
        if created:
            category.save_revision().publish()
        categories.append(category)
    return categories
