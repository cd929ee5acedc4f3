"""Publishable values for every StreamField block type, generated from the block definitions themselves.

For each block type a page model's StreamField accepts, `cases_for(block)` yields
- "only required parts": every optional part empty, every required part filled (recursively);
- "everything filled";
- one case per optional part (at any depth) with just that part empty.

What counts as optional is read from the definition, as Wagtail's own form shows it: a field block with
`required=False`, a list block without `min_num`, a struct block declared with `required=False` (a
`LinkBlock(required=False)` is "no call to action" when empty). A struct block declared `all_or_nothing` in its Meta
(a link: label and target) is one unit: it is emptied or filled whole, never half.

`form_data(name, block, value)` turns a value into what the Wagtail edit form posts, so the same cases go through
the admin's publish action too. A block type the generator does not know fails loudly: teach it here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.test.utils.form_data import rich_text

FILLED_TEXT = "Filled"


@dataclass(frozen=True)
class References:
    """Rows a chooser block may point to."""

    page_id: int
    image_id: int


@dataclass(frozen=True)
class Case:
    description: str
    value: Any  # the block's JSON value, as stored in the StreamField


def stream_fields(model) -> list[tuple[str, blocks.StreamBlock]]:
    from wagtail.fields import StreamField

    return [(field.name, field.stream_block) for field in model._meta.get_fields() if isinstance(field, StreamField)]


def is_group(block: blocks.Block) -> bool:
    """A struct whose parts are given whole or not at all (`Meta.all_or_nothing`)."""
    return isinstance(block, blocks.StructBlock) and getattr(block.meta, "all_or_nothing", False)


def is_optional(block: blocks.Block) -> bool:
    if isinstance(block, ImageBlock):
        return not block.child_blocks["image"].required
    if isinstance(block, blocks.StructBlock):
        return getattr(block.meta, "required", True) is False
    if isinstance(block, blocks.ListBlock):
        return not block.meta.min_num
    if isinstance(block, blocks.StreamBlock):
        return not block.meta.required
    if isinstance(block, blocks.FieldBlock):
        return not block.required
    raise AssertionError(f"teach tests/cms/block_cases.py the block type {type(block).__name__}")


def empty(block: blocks.Block) -> Any:
    if isinstance(block, ImageBlock):
        return {"image": None, "decorative": False, "alt_text": ""}
    if isinstance(block, blocks.StructBlock):
        return {name: empty(child) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock | blocks.StreamBlock):
        return []
    if isinstance(block, blocks.IntegerBlock | blocks.ChooserBlock):
        return None
    if isinstance(block, blocks.BooleanBlock):
        return False
    if isinstance(block, blocks.FieldBlock):
        return ""
    raise AssertionError(f"teach tests/cms/block_cases.py the block type {type(block).__name__}")


def filled(block: blocks.Block, refs: References, *, only_required: bool) -> Any:
    """The block's value with its required parts filled, and its optional parts too unless `only_required`."""
    if isinstance(block, ImageBlock):
        # Wagtail's image block: alt text, or marked decorative (the minimal choice).
        if only_required:
            return {"image": refs.image_id, "decorative": True, "alt_text": ""}
        return {"image": refs.image_id, "decorative": False, "alt_text": "A plumber at work"}
    if isinstance(block, blocks.StructBlock):
        whole = is_group(block)
        return {
            name: filled(child, refs, only_required=only_required and not whole)
            if whole or not (only_required and is_optional(child))
            else empty(child)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        count = max(block.meta.min_num or 0, 0 if only_required else 1)
        return [filled(block.child_block, refs, only_required=only_required) for _ in range(count)]
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "value": filled(child, refs, only_required=only_required)}
            for name, child in block.child_blocks.items()
            if not only_required
        ]
    if isinstance(block, blocks.PageChooserBlock):
        return refs.page_id
    if isinstance(block, ImageChooserBlock):
        return refs.image_id
    if isinstance(block, blocks.IntegerBlock):
        return block.field.min_value if block.field.min_value is not None else 1
    if isinstance(block, blocks.URLBlock):
        return "https://example.com/offer"
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, blocks.RichTextBlock):
        return f"<p>{FILLED_TEXT}</p>"
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return FILLED_TEXT[: block.field.max_length or None]
    raise AssertionError(f"teach tests/cms/block_cases.py the block type {type(block).__name__}")


def optional_parts(block: blocks.Block, path: tuple = ()) -> Iterator[tuple]:
    """Paths (struct child names and list indexes) of every optional part inside a fully filled value."""
    if isinstance(block, blocks.StructBlock) and not isinstance(block, ImageBlock):
        if is_group(block):
            return  # its parts go together; the group itself is emptied where it is optional
        for name, child in block.child_blocks.items():
            if is_optional(child):
                yield (*path, name)
            yield from optional_parts(child, (*path, name))
    elif isinstance(block, blocks.ListBlock):
        yield from optional_parts(block.child_block, (*path, 0))


def block_at(block: blocks.Block, path: tuple) -> blocks.Block:
    for step in path:
        block = block.child_block if isinstance(block, blocks.ListBlock) else block.child_blocks[step]
    return block


def with_part_emptied(value: Any, block: blocks.Block, path: tuple) -> Any:
    if not path:
        return empty(block)
    head, rest = path[0], path[1:]
    if isinstance(block, blocks.ListBlock):
        copy = list(value)
        copy[head] = with_part_emptied(value[head], block.child_block, rest)
        return copy
    copy = dict(value)
    copy[head] = with_part_emptied(value[head], block.child_blocks[head], rest)
    return copy


def cases_for(block: blocks.Block, refs: References) -> list[Case]:
    full = filled(block, refs, only_required=False)
    cases = [
        Case("only required parts", filled(block, refs, only_required=True)),
        Case("everything filled", full),
    ]
    for path in optional_parts(block):
        cases.append(Case(f"{'.'.join(map(str, path))} empty", with_part_emptied(full, block, path)))
    return cases


def form_data(prefix: str, block: blocks.Block, value: Any) -> dict[str, str]:
    """The POST fields Wagtail's StreamField widgets send for `value` under `prefix`."""
    if isinstance(block, blocks.StructBlock):
        data: dict[str, str] = {}
        for name, child in block.child_blocks.items():
            data.update(form_data(f"{prefix}-{name}", child, value[name]))
        return data
    if isinstance(block, blocks.ListBlock):
        data = {f"{prefix}-count": str(len(value))}
        for index, item in enumerate(value):
            data.update({f"{prefix}-{index}-deleted": "", f"{prefix}-{index}-order": str(index), f"{prefix}-{index}-id": ""})
            data.update(form_data(f"{prefix}-{index}-value", block.child_block, item))
        return data
    if isinstance(block, blocks.StreamBlock):
        data = {f"{prefix}-count": str(len(value))}
        for index, item in enumerate(value):
            data.update(
                {
                    f"{prefix}-{index}-type": item["type"],
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                    f"{prefix}-{index}-id": "",
                }
            )
            data.update(form_data(f"{prefix}-{index}-value", block.child_blocks[item["type"]], item["value"]))
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    if isinstance(block, blocks.RichTextBlock):
        return {prefix: rich_text(value, features=block.features) if value else ""}
    return {prefix: "" if value is None else str(value)}
