"""The typed blocks of a page: one GraphQL type per StreamField block, joined in the `PageBlock` union."""

from __future__ import annotations

from typing import Annotated

import strawberry
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from cms.headless import PageContent
from cms.rich_text import headless_path

from .types import ImageSpec, ImageType, ServiceCategoryType, image_of


@strawberry.type(description='A call to action: `url` is a client path ("/about/") for our pages, else an absolute URL.')
class Link:
    label: str
    url: str
    is_external: bool

    @classmethod
    def of(cls, value) -> Link | None:
        if not value or not value.get("label"):
            return None
        page: Page | None = value.get("page")
        path = headless_path(page) if page is not None and page.live else None
        if path is not None:
            return cls(label=value["label"], url=path, is_external=False)
        if value.get("url"):
            return cls(label=value["label"], url=value["url"], is_external=True)
        return None


@strawberry.type
class HeroBlock:
    id: strawberry.ID
    headline: str
    subheadline: str
    call_to_action: Link | None
    _image: strawberry.Private[AbstractImage | None]

    @strawberry.field
    def image(self, spec: ImageSpec = ImageSpec.HERO) -> ImageType | None:
        return image_of(self._image, spec)


@strawberry.type
class FeatureCard:
    title: str
    text: str
    _icon: strawberry.Private[AbstractImage | None]

    @strawberry.field
    def icon(self, spec: ImageSpec = ImageSpec.ICON) -> ImageType | None:
        return image_of(self._icon, spec)


@strawberry.type
class FeaturesBlock:
    id: strawberry.ID
    heading: str
    cards: list[FeatureCard]


@strawberry.type(description="The live, active categories in the editors' order (at most `limit` when the editor set one).")
class CategoryGridBlock:
    id: strawberry.ID
    heading: str
    intro: str
    categories: list[ServiceCategoryType]


@strawberry.type
class Testimonial:
    quote: str
    author: str
    role: str
    rating: int | None
    _photo: strawberry.Private[AbstractImage | None]

    @strawberry.field
    def photo(self, spec: ImageSpec = ImageSpec.THUMBNAIL) -> ImageType | None:
        return image_of(self._photo, spec)


@strawberry.type
class TestimonialsBlock:
    id: strawberry.ID
    heading: str
    items: list[Testimonial]


@strawberry.type
class Step:
    number: int
    title: str
    text: str


@strawberry.type(description='"How it works".')
class StepsBlock:
    id: strawberry.ID
    heading: str
    steps: list[Step]


@strawberry.type
class CallToActionBlock:
    id: strawberry.ID
    headline: str
    text: str
    call_to_action: Link | None


@strawberry.type(description="Rich text as HTML; links to our pages are client paths.")
class RichTextBlock:
    id: strawberry.ID
    html: str


@strawberry.type
class ImageBlock:
    id: strawberry.ID
    caption: str
    _image: strawberry.Private[AbstractImage | None]
    _alt: strawberry.Private[str]

    @strawberry.field
    def image(self, spec: ImageSpec = ImageSpec.CONTENT) -> ImageType | None:
        return image_of(self._image, spec, alt=self._alt)


PageBlock = Annotated[
    HeroBlock | FeaturesBlock | CategoryGridBlock | TestimonialsBlock | StepsBlock | CallToActionBlock | RichTextBlock | ImageBlock,
    strawberry.union("PageBlock"),
]


def to_graphql(content: PageContent) -> list:
    """Turn loaded blocks into GraphQL objects; unknown block types (e.g. removed ones) are skipped."""
    result = []
    for block in content.blocks:
        builder = _BUILDERS.get(block.block_type)
        if builder is not None:
            result.append(builder(block.id, block.value, content))
    return result


def _hero(id_, v, content) -> HeroBlock:
    return HeroBlock(
        id=id_,
        headline=v["headline"],
        subheadline=v.get("subheadline") or "",
        call_to_action=Link.of(v.get("call_to_action")),
        _image=v.get("image"),
    )


def _features(id_, v, content) -> FeaturesBlock:
    cards = [FeatureCard(title=card["title"], text=card["text"], _icon=card.get("icon")) for card in v["cards"]]
    return FeaturesBlock(id=id_, heading=v.get("heading") or "", cards=cards)


def _category_grid(id_, v, content) -> CategoryGridBlock:
    categories = content.categories[: v.get("limit") or None]
    return CategoryGridBlock(id=id_, heading=v.get("heading") or "", intro=v.get("intro") or "", categories=categories)


def _testimonials(id_, v, content) -> TestimonialsBlock:
    items = [
        Testimonial(quote=t["quote"], author=t["author"], role=t.get("role") or "", rating=t.get("rating"), _photo=t.get("photo"))
        for t in v["items"]
    ]
    return TestimonialsBlock(id=id_, heading=v.get("heading") or "", items=items)


def _steps(id_, v, content) -> StepsBlock:
    steps = [Step(number=number, title=step["title"], text=step["text"]) for number, step in enumerate(v["steps"], start=1)]
    return StepsBlock(id=id_, heading=v.get("heading") or "", steps=steps)


def _call_to_action(id_, v, content) -> CallToActionBlock:
    return CallToActionBlock(id=id_, headline=v["headline"], text=v.get("text") or "", call_to_action=Link.of(v.get("call_to_action")))


def _rich_text(id_, v, content) -> RichTextBlock:
    return RichTextBlock(id=id_, html=content.rich_text_html.get(id_, ""))


def _image(id_, v, content) -> ImageBlock:
    image = v["image"]
    if image is None:
        alt = ""
    elif getattr(image, "decorative", False):
        alt = ""  # decorative images get an empty alt, so screen readers skip them
    else:
        alt = getattr(image, "contextual_alt_text", None) or image.default_alt_text
    return ImageBlock(id=id_, caption=v.get("caption") or "", _image=image, _alt=alt)


_BUILDERS = {
    "hero": _hero,
    "features": _features,
    "category_grid": _category_grid,
    "testimonials": _testimonials,
    "steps": _steps,
    "call_to_action": _call_to_action,
    "rich_text": _rich_text,
    "image": _image,
}
