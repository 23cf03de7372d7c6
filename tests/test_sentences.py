from __future__ import annotations

from claimcheck.extract.sentences import split_sentences, table_cells


def test_offsets_point_at_the_text() -> None:
    text = "Dr. Ng said sales rose 4.5% in 2024. The U.S. unit grew too!\nHeadline Without Period\n| a | b |"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Dr. Ng said sales rose 4.5% in 2024.",
        "The U.S. unit grew too!",
        "Headline Without Period",
        "| a | b |",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert sentences[2].heading and sentences[3].table_row and not sentences[0].heading


def test_lines_are_hard_boundaries_and_bullets_are_not_headings() -> None:
    sentences = split_sentences("- Revenue: $3 billion, up 4%\n- Margin fell")
    assert [s.text for s in sentences] == ["- Revenue: $3 billion, up 4%", "- Margin fell"]
    assert not any(s.heading for s in sentences)


def test_a_runaway_line_is_cut_into_bounded_pieces() -> None:
    text = "word " * 5000
    assert max(s.end - s.start for s in split_sentences(text)) <= 2000


def test_table_cells_and_separator_rows() -> None:
    assert table_cells("| Model | Speed |") == ["Model", "Speed"]
    assert table_cells("|---|:---:|") == []
