"""The StreamField blocks landing pages are built from. Each maps to one GraphQL type of the `PageBlock` union."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

# Rich text in blocks: no embedded images (they belong in image blocks, where renditions come from the allow-list).
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr", "blockquote"]


class LinkBlock(blocks.StructBlock):
    """A call to action: a label and either one of our pages or an external URL.

    The parts go together: a label needs a target and a target needs a label. `LinkBlock(required=False)` may be
    left all empty (no call to action); a required one may not. Every part is optional to Wagtail's form, so the
    whole-link rule lives in `clean()` alone and an optional link never traps the editor on publish.
    """

    label = blocks.CharBlock(max_length=60, required=False)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"
        required = True
        all_or_nothing = True  # label and target are given together or not at all

    @property
    def required(self) -> bool:
        return self.meta.required

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: half a link is fine until publishing
            return value
        has_target = bool(value.get("page") or value.get("url"))
        if value.get("label") and not has_target:
            raise StructBlockValidationError(block_errors={"page": ValidationError("Choose a page or enter a URL.")})
        if has_target and not value.get("label"):
            raise StructBlockValidationError(block_errors={"label": ValidationError("Give the link a label.")})
        if self.required and not value.get("label"):
            raise StructBlockValidationError(block_errors={"label": ValidationError("This field is required.")})
        return value


class HeroBlock(blocks.StructBlock):
    headline = blocks.CharBlock(max_length=120)
    subheadline = blocks.TextBlock(required=False)
    image = ImageChooserBlock(required=False)
    call_to_action = LinkBlock(required=False)

    class Meta:
        icon = "pick"
        label = "Hero"


class FeatureCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock()
    icon = ImageChooserBlock(required=False)


class FeaturesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    cards = blocks.ListBlock(FeatureCardBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Feature cards"


class CategoryGridBlock(blocks.StructBlock):
    """Shows the live, active categories in the editors' order; the API fills them in at read time."""

    heading = blocks.CharBlock(max_length=120, required=False)
    intro = blocks.TextBlock(required=False)
    limit = blocks.IntegerBlock(required=False, min_value=1, max_value=50, help_text="Empty shows every category.")

    class Meta:
        icon = "table"
        label = "Category grid"


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    author = blocks.CharBlock(max_length=80)
    role = blocks.CharBlock(max_length=80, required=False)
    photo = ImageChooserBlock(required=False)
    rating = blocks.IntegerBlock(required=False, min_value=1, max_value=5)


class TestimonialsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    items = blocks.ListBlock(TestimonialBlock(), min_num=1)

    class Meta:
        icon = "openquote"
        label = "Testimonials"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock()


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        label = "How it works"


class CallToActionBandBlock(blocks.StructBlock):
    headline = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    call_to_action = LinkBlock()

    class Meta:
        icon = "plus-inverse"
        label = "Call-to-action band"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()  # Wagtail's ImageBlock: per-use alt text or "decorative"
    caption = blocks.CharBlock(max_length=255, required=False)

    class Meta:
        icon = "image"
        label = "Image"


def page_body_blocks() -> list[tuple[str, blocks.Block]]:
    """The block types of a page body; names are stored in the JSON, so renaming one needs a data migration."""
    return [
        ("hero", HeroBlock()),
        ("features", FeaturesBlock()),
        ("category_grid", CategoryGridBlock()),
        ("testimonials", TestimonialsBlock()),
        ("steps", StepsBlock()),
        ("call_to_action", CallToActionBandBlock()),
        ("rich_text", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="doc-full")),
        ("image", CaptionedImageBlock()),
    ]
