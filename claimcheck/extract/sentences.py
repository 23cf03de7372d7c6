"""Sentence segmentation that keeps character offsets into the article text.

Lines are hard boundaries: news scraped to text puts headings, bullets and
table rows on lines of their own, and a claim must never straddle them.
Within a line, a sentence ends at . ! ? followed by space and a capital,
digit or quote, unless the period closes a known abbreviation or an initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.language.lexicon import load_lexicon

_ABBREVIATIONS = load_lexicon("en").text.abbreviations
# only the start of a run of . ! ? is tried, and every repeat is bounded: linear on "......" or "!!!!!!"
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]{1,4}[\"'”’)\]]{0,3}(?=\s{1,8}[\"'“‘(\[]?[A-Z0-9])")
_MAX_SENTENCE = 2000  # a runaway "sentence" (a 5 MB line) is cut so later stages stay linear


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the article text
    end: int
    text: str
    heading: bool  # a short line without final punctuation: a headline or section title
    table_row: bool  # a "| a | b |" row


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 120 or stripped.startswith(("-", "*", "•", "|")):
        return False
    return stripped[-1] not in ".!?:;,\"”'’)"


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or a single-letter initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return len(word) == 1 or word in _ABBREVIATIONS


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _abbreviation_before(text, match.start()):
            continue
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    result: list[tuple[int, int]] = []
    for s, e in spans:
        while e - s > _MAX_SENTENCE:
            result.append((s, s + _MAX_SENTENCE))
            s += _MAX_SENTENCE
        result.append((s, e))
    return result


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = length
        line = text[line_start:line_end]
        if line.strip():
            table_row = line.lstrip().startswith("|")
            heading = not table_row and _is_heading(line)
            parts = [(line_start, line_end)] if table_row or heading else _split_line(text, line_start, line_end)
            for s, e in parts:
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    sentences.append(Sentence(s, e, text[s:e], heading, table_row))
        line_start = line_end + 1
    return sentences


def table_cells(row: str) -> list[str]:
    """Cells of a "| a | b |" row, stripped; a separator row ("|---|") gives []."""
    inner = row.strip().strip("|")
    cells = [cell.strip() for cell in inner.split("|")]
    if all(re.fullmatch(r":?-{2,}:?", cell) for cell in cells if cell):
        return []
    return cells
