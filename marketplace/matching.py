"""Match scores (0–100), computed in SQL so feeds and bid lists can be ordered and paginated by them.

Request score for a provider (the provider's feed):
  category fit 40 · distance 25 (within a quarter of the radius) / 18 / 10 / 0, or 12 for the same city when
  either side has no coordinates · urgency EMERGENCY 15, HIGH 10, MEDIUM 5, LOW 0 · recency 20 (< 6 h) / 12 / 6 / 0.
Bidder score for a customer (bids on a request):
  rating 40 × average / 5 (20 while unrated) · completion rate 30 × rate (15 without history) ·
  distance 20 / 14 / 8 / 0, or 10 for the same city · verified 10.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Case, ExpressionWrapper, F, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Cos, Power, Radians, Sqrt
from django.utils import timezone

from marketplace.providers.models import ProviderProfile
from marketplace.service_requests.models import RequestStatus, ServiceRequest, Urgency

KM_PER_DEGREE = 111.32


def distance_km(lat1, lng1, lat2, lng2):
    """Equirectangular approximation: accurate to well under 1% at service-area distances, and portable SQL."""
    mean_lat = Radians((lat1 + lat2) / Value(2.0))
    dx = (lng2 - lng1) * Cos(mean_lat)
    dy = lat2 - lat1
    return ExpressionWrapper(Value(KM_PER_DEGREE) * Sqrt(Power(dx, 2) + Power(dy, 2)), output_field=FloatField())


def _urgency_points():
    return Case(
        When(urgency=Urgency.EMERGENCY, then=Value(15)),
        When(urgency=Urgency.HIGH, then=Value(10)),
        When(urgency=Urgency.MEDIUM, then=Value(5)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _recency_points(now):
    return Case(
        When(created_at__gte=now - timedelta(hours=6), then=Value(20)),
        When(created_at__gte=now - timedelta(hours=24), then=Value(12)),
        When(created_at__gte=now - timedelta(hours=72), then=Value(6)),
        default=Value(0),
        output_field=IntegerField(),
    )


def open_requests_for(profile: ProviderProfile, queryset: QuerySet | None = None) -> QuerySet:
    """Open requests in the provider's categories and area, annotated with `match_score`, best first.

    Area: within the provider's radius when both sides have coordinates, otherwise the same city.
    FIXED_OFFER requests the provider declined are left out.
    """
    now = timezone.now()
    queryset = (queryset if queryset is not None else ServiceRequest.objects.all()).filter(
        status=RequestStatus.OPEN, category__in=profile.categories.all()
    )
    queryset = queryset.exclude(offer_declines__provider_id=profile.user_id)
    same_city = Q(city__iexact=profile.city) if profile.city else Q(pk__in=[])
    if profile.latitude is not None and profile.longitude is not None:
        radius = float(profile.service_radius_km)
        queryset = queryset.annotate(distance=distance_km(Value(profile.latitude), Value(profile.longitude), F("latitude"), F("longitude")))
        in_area = Q(distance__lte=radius) | (Q(latitude__isnull=True) & same_city)
        distance_points = Case(
            When(distance__lte=radius * 0.25, then=Value(25)),
            When(distance__lte=radius * 0.5, then=Value(18)),
            When(distance__lte=radius, then=Value(10)),
            When(Q(latitude__isnull=True) & same_city, then=Value(12)),
            default=Value(0),
            output_field=IntegerField(),
        )
    else:
        in_area = same_city
        distance_points = Case(When(same_city, then=Value(12)), default=Value(0), output_field=IntegerField())
    return (
        queryset.filter(in_area)
        .annotate(match_score=Value(40) + distance_points + _urgency_points() + _recency_points(now))
        .order_by("-match_score", "-created_at", "-id")
    )


def rank_bids(queryset: QuerySet, request: ServiceRequest | None = None) -> QuerySet:
    """Bids annotated with the bidder's `match_score` for the request's customer, best first."""
    profile = "provider__provider_profile__"
    rating = Case(
        When(
            **{f"{profile}rating_count__gt": 0},
            then=Cast(F(f"{profile}rating_sum"), FloatField()) * Value(8.0) / Cast(F(f"{profile}rating_count"), FloatField()),
        ),
        default=Value(20.0),
        output_field=FloatField(),
    )
    ended = F(f"{profile}jobs_completed") + F(f"{profile}jobs_failed")
    completion = Case(
        When(
            Q(**{f"{profile}jobs_completed__gt": 0}) | Q(**{f"{profile}jobs_failed__gt": 0}),
            then=Value(30.0) * Cast(F(f"{profile}jobs_completed"), FloatField()) / Cast(ended, FloatField()),
        ),
        default=Value(15.0),
        output_field=FloatField(),
    )
    has_coords = Q(**{f"{profile}latitude__isnull": False}) & Q(request__latitude__isnull=False)
    queryset = queryset.annotate(
        bidder_distance=distance_km(F(f"{profile}latitude"), F(f"{profile}longitude"), F("request__latitude"), F("request__longitude"))
    )
    radius = F(f"{profile}service_radius_km")
    distance = Case(
        When(has_coords & Q(bidder_distance__lte=radius * 0.25), then=Value(20.0)),
        When(has_coords & Q(bidder_distance__lte=radius * 0.5), then=Value(14.0)),
        When(has_coords & Q(bidder_distance__lte=radius), then=Value(8.0)),
        When(~has_coords & Q(**{f"{profile}city__iexact": F("request__city")}), then=Value(10.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    verified = Case(When(**{f"{profile}status": "APPROVED"}, then=Value(10.0)), default=Value(0.0), output_field=FloatField())
    return queryset.annotate(match_score=rating + completion + distance + verified).order_by("-match_score", "created_at", "id")


__all__ = ["distance_km", "open_requests_for", "rank_bids"]
