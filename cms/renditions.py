"""The image sizes the API may ask for. Clients pick a name; arbitrary filter specs are never accepted,
so nobody can make the server generate (and store) unbounded variants."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, AbstractRendition

logger = logging.getLogger(__name__)

IMAGE_SPECS: dict[str, str] = {
    "ICON": "fill-128x128",
    "THUMBNAIL": "fill-320x240",
    "CARD": "fill-640x480",
    "HERO": "fill-1600x900",
    "CONTENT": "max-1200x1200",
    "LOGO": "max-400x160",
}


def attach_renditions(images: Iterable[AbstractImage | None]) -> None:
    """Load every existing allow-listed rendition of `images` in one query and attach them to each instance.

    After this, `image.get_rendition(spec)` for an allow-listed spec costs no query when the rendition exists
    (it is created, once, when it does not).
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    Rendition = get_image_model().get_rendition_model()
    by_image: dict[int, list[AbstractRendition]] = defaultdict(list)
    for rendition in Rendition.objects.filter(image_id__in={image.pk for image in images}, filter_spec__in=IMAGE_SPECS.values()):
        by_image[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = list(by_image[image.pk])


def rendition(image: AbstractImage, spec_name: str) -> AbstractRendition | None:
    """The rendition of `image` for an allow-listed spec name, or None when the source file cannot be read."""
    try:
        return image.get_rendition(IMAGE_SPECS[spec_name])
    except (OSError, ValueError) as exc:  # missing or unreadable source file
        logger.warning("cannot render image %s as %s: %s", image.pk, spec_name, exc)
        return None
