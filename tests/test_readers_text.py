"""Plain text and Markdown: offsets stay aligned with the stored file, markup becomes spaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.readers.text import neutralise_markdown, read_markdown, read_txt, split_front_matter


def test_markdown_keeps_length_and_lines() -> None:
    source = (
        "# A heading ##\n"
        "Some **bold** and __strong__ and *em* text with a \\$4 billion escape.\n"
        "A [link text](https://example.com/2031/a?b=7) and ![img 2031](pic2031.png) here.\n"
        "Bare https://example.com/2031/x. and <https://example.com/99> and www.example.org/2031 go.\n"
        "> quoted line\n"
        "| Chip | Price |\n"
        "|---|---|\n"
        "| A | $5 |\n"
        "`code` and ~~gone~~ and snake_case_name stay.\n"
    )
    out = neutralise_markdown(source)
    assert len(out) == len(source)
    assert [len(line) for line in out.split("\n")] == [len(line) for line in source.split("\n")]
    assert "2031" not in out and "99" not in out
    assert "link text" in out and "[" not in out and "](" not in out
    assert " $4 billion" in out and "\\" not in out
    assert "*" not in out and "__" not in out and "#" not in out
    assert "| Chip | Price |" in out and "| A | $5 |" in out
    assert "snake_case_name" in out
    assert out.split("\n")[0].strip() == "A heading"
    assert out.split("\n")[4].strip() == "quoted line"


def test_front_matter_is_blanked_and_read() -> None:
    source = (
        "---\n"
        'title: "A title \\\\ Outlet"\n'
        "fetched_at: 2026-02-08T23:10:01Z\n"
        "source_url: https://example.com/story\n"
        "publisher: Example News\n"
        "---\n"
        "Body text.\n"
    )
    parsed = read_markdown(source)
    doc = parsed.docs[0]
    assert len(doc.text) == len(source) and doc.text.count("\n") == source.count("\n")
    assert doc.text.strip() == "Body text."
    assert doc.title == "A title \\ Outlet"
    assert doc.url == "https://example.com/story"
    assert doc.outlet == "Example News"
    assert doc.published is None  # fetched_at is when it was saved, not published


def test_front_matter_date_keys() -> None:
    for key in ("published", "date", "pubDate", "published_at", "publish_date"):
        doc = read_markdown(f"---\n{key}: 2024-11-22\n---\nBody.\n").docs[0]
        assert doc.published is not None, key
        assert doc.published.span.label() == "2024-11-22"
        assert doc.published.origin == "front-matter"
        assert doc.published.reason == f'front matter "{key}: 2024-11-22"'
    for key in ("updated", "modified", "fetched_at"):
        assert read_markdown(f"---\n{key}: 2024-11-22\n---\nBody.\n").docs[0].published is None


def test_malformed_front_matter_still_loads() -> None:
    source = "---\ntitle: [unclosed\n  bad: : :\n---\nThe body survives.\n"
    doc = read_markdown(source).docs[0]
    assert "The body survives." in doc.text
    assert "unclosed" not in doc.text
    assert len(doc.text) == len(source)


def test_front_matter_needs_a_closing_line() -> None:
    meta, text, found = split_front_matter("---\ntitle: x\nno closing line\n")
    assert (meta, found) == (None, False)
    assert text.startswith("---")


def test_txt_title_fallback() -> None:
    assert read_txt("A Short Headline\n\nBody sentence.\n").docs[0].title == "A Short Headline"
    assert read_txt("\n\nA sentence that ends with a period.\nMore.\n").docs[0].title is None
    assert read_txt("x" * 151 + "\nMore.\n").docs[0].title is None


def test_txt_is_kept_verbatim_except_urls() -> None:
    source = "Plain *text* with 3 * 4 = 12 and a_b.\nSee https://example.com/2030 now.\n"
    doc = read_txt(source).docs[0]
    assert doc.text == "Plain *text* with 3 * 4 = 12 and a_b.\nSee " + " " * 24 + " now.\n"


def test_txt_with_front_matter_is_read_as_markdown() -> None:
    source = "---\nsource_url: https://example.com/a\n---\n\n# Head\n\nA new \\$4 billion deal, **bold**.\n"
    doc = read_txt(source).docs[0]
    assert "\\" not in doc.text and "**" not in doc.text and "#" not in doc.text
    assert " $4 billion" in doc.text
    assert doc.title == "Head"
    assert doc.url == "https://example.com/a"


def test_markdown_title_from_heading() -> None:
    assert read_markdown("Intro line.\n\n## The Heading\nBody.\n").docs[0].title == "The Heading"


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 \n\\*_#[]()!<>`~-=|:/.wh")), max_size=200))
def test_neutralise_markdown_preserves_offsets(source: str) -> None:
    out = neutralise_markdown(source)
    assert len(out) == len(source)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(source) if c == "\n"]
    assert all(o == s or o == " " for o, s in zip(out, source, strict=True))
