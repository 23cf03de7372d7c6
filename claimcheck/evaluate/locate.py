"""Find a quote in an article's text, tolerant of whitespace runs, curly quotes and letter case.

Gold quotes are copied from the stored file by a person; the text the extractor reads may differ
in line breaks, in Markdown markup and escapes blanked to spaces, or in typographic quotes. Both sides are
folded the same way and every match is mapped back to offsets in the original text.
"""

from __future__ import annotations

from claimcheck.models import Frozen

# typographic characters folded to their plain form before comparing
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


_ESCAPED = frozenset("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")  # a Markdown escape: the reader blanks its backslash


class Found(Frozen):
    """Where a quote sits: [start, end) offsets into the searched text."""

    start: int
    end: int


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """The folded text, and for each of its characters the offset it came from in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace() or (char == "\\" and text[index + 1 : index + 2] in _ESCAPED):
            if not in_space and chars:
                chars.append(" ")
                origin.append(index)
            in_space = True
            continue
        in_space = False
        chars.append(char.translate(_FOLD).lower())
        origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), tuple(origin)


class Folded:
    """One text folded once, for many searches (a gold file quotes each article many times)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: tuple[str, tuple[int, ...]] | None = None

    def find_all(self, quote: str) -> tuple[Found, ...]:
        """Verbatim matches when there are any, else the matches after folding both sides."""
        exact: list[Found] = []
        start = self.text.find(quote) if quote else -1
        while start >= 0:
            exact.append(Found(start=start, end=start + len(quote)))
            start = self.text.find(quote, start + 1)
        if exact:
            return tuple(exact)
        folded_quote, _ = fold(quote)
        if not folded_quote:
            return ()
        if self._folded is None:
            self._folded = fold(self.text)
        folded_text, origin = self._folded
        found: list[Found] = []
        at = folded_text.find(folded_quote)
        while at >= 0:
            found.append(Found(start=origin[at], end=origin[at + len(folded_quote) - 1] + 1))
            at = folded_text.find(folded_quote, at + 1)
        return tuple(found)


def find_all(text: str, quote: str) -> tuple[Found, ...]:
    """Every place ``quote`` occurs in ``text``: verbatim first, else after folding both."""
    return Folded(text).find_all(quote)
