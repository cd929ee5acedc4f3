"""#13: CMS rich text leaves the server sanitised (nh3), so any API client may render `html` as it is — even when
the stored source holds what Wagtail's editor would never produce (an import, an old row, a compromised account)."""

from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from cms.models import LandingPage

HOSTILE = {
    "<script>alert(1)</script>": "alert(1)",
    '<img src="x" onerror="alert(1)">': "onerror",
    '<a href="javascript:alert(1)">click</a>': "javascript:",
    '<a href="JaVaScRiPt:alert(1)">click</a>': "avascript:",
    '<p style="background:url(javascript:alert(1))">styled</p>': "style=",
    "<svg><script>alert(1)</script></svg>": "<svg",
    '<iframe src="https://evil.example"></iframe>': "<iframe",
    "<style>body{display:none}</style>": "display:none",
    '<a href="data:text/html,<script>alert(1)</script>">data</a>': "data:",
    '<form action="https://evil.example"><input name="password"></form>': "<input",
}

PAGE = '{ page(path: "/sanitised/") { blocks { ... on RichTextBlock { html } } } }'


def page_with(source: str, demo_content) -> None:
    demo_content["home"].add_child(
        instance=LandingPage(title="Sanitised", slug="sanitised", body=[("rich_text", RichText(source))])
    ).save_revision().publish()


@pytest.mark.parametrize(("source", "forbidden"), HOSTILE.items())
def test_hostile_rich_text_is_sanitised_through_the_api(demo_content, gql, source, forbidden):
    page_with(f"<p>Before</p>{source}<p>After</p>", demo_content)
    html = gql(PAGE).data["page"]["blocks"][0]["html"]
    assert forbidden.lower() not in html.lower()
    assert "<p>Before</p>" in html and "<p>After</p>" in html


def test_ordinary_formatting_and_links_survive(demo_content, gql):
    page_with(
        '<h2>Title</h2><p><b>bold</b> <i>italic</i> <a href="https://example.com/x">out</a> '
        '<a href="mailto:help@example.com">mail</a></p><ul><li>one</li></ul>',
        demo_content,
    )
    html = gql(PAGE).data["page"]["blocks"][0]["html"]
    assert "<h2>Title</h2>" in html and "<b>bold</b>" in html and "<i>italic</i>" in html and "<li>one</li>" in html
    assert '<a href="https://example.com/x" rel="noopener noreferrer">out</a>' in html
    assert '<a href="mailto:help@example.com" rel="noopener noreferrer">mail</a>' in html
