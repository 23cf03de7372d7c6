"""Which language an article is written in, as far as claimcheck needs to know: one it reads or not.

A text in a language with a lexicon uses that language's most common words at a steady rate; a
text where they are rare is in another language. Short texts (a headline, a table) are given the
benefit of the doubt.
"""

from __future__ import annotations

import re

from claimcheck.language.lexicon import available_languages, load_lexicon

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SAMPLE = 4000  # characters read: the opening of an article tells its language
_MIN_WORDS = 30
LANGUAGE_NOTE = "not in a language claimcheck reads"


def unreadable_language(text: str) -> str | None:
    """None when claimcheck reads the text; else a note saying why it does not."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE])]
    if len(words) < _MIN_WORDS:
        return None
    best = 0.0
    for language in available_languages():
        lexicon = load_lexicon(language)
        share = sum(1 for w in words if w in lexicon.stopwords) / len(words)
        if share >= lexicon.min_stopword_share:
            return None
        best = max(best, share)
    readable = ", ".join(available_languages())
    return (f"{LANGUAGE_NOTE} ({readable}): its most common words make up {best:.0%} of "
            "the text, so it was not audited")
