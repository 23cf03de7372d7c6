from __future__ import annotations

from report_fixtures import make_empty_result, make_result

from claimcheck.report import ReportOptions, render
from claimcheck.report.markdown import md_escape


def test_escape_makes_text_inert() -> None:
    assert md_escape("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert md_escape("a | b") == r"a \| b"
    assert md_escape("[x](javascript:y)") == r"\[x\](javascript:y)"
    assert md_escape("*a* _b_ `c` ~d~ #e $f$") == r"\*a\* \_b\_ \`c\` \~d\~ \#e \$f\$"
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("- item") == r"\- item"
    assert md_escape("-40%") == "-40%"
    assert md_escape("1. first") == r"1\. first"
    assert md_escape("&lt;") == "&amp;lt;"


def test_document_structure() -> None:
    out = render(make_result(), "markdown", options=ReportOptions())
    assert out.startswith("# claimcheck report\n")
    assert "| 🔴 **HIGH** | 1 |" in out
    assert "### 1. Norvale Robotics — robot deployed" in out
    assert (
        "| sources/alpha.md:7 | “**over 10,000** robots deployed” | over 10,000 (10,000–100,000 robot) |"
        in out
    )
    assert "`CC101` numeric\\-interval\\-conflict" not in out  # rule names are not over-escaped
    assert "*1 acknowledged contradiction(s) not shown.*" in out
    assert "proportion-conflict" not in out


def test_hostile_article_text_cannot_inject() -> None:
    out = render(make_result(), "markdown", options=ReportOptions(show_acknowledged=True))
    assert "<script>" not in out
    assert "&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;" in out
    assert "<b>" not in out and "<editor>" not in out
    # every claim row has exactly the three column separators of the table
    rows = [line for line in out.splitlines() if line.startswith("| sources/")]
    assert rows and all(line.replace("\\|", "").count("|") == 4 for line in rows)
    assert "✅ acknowledged" in out
    assert "*Reviewer's note:* Different quarters; see &lt;editor&gt; note, 100%: fine" in out


def test_no_contradictions_says_so() -> None:
    out = render(make_empty_result(), "markdown", options=ReportOptions())
    assert "**No contradictions found**" in out
