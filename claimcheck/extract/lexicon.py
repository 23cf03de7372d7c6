"""Words that turn a number into a claim: what is measured, whose share, how sure.

The words are data (the "text" and "markers" sections of claimcheck/language/lexicons/<language>.yaml);
this module holds the shape of each pattern and builds it from them. Patterns are compiled once and are
free of nested quantifiers, so matching stays linear.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import alternation

_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


class WordClasses:
    """Many word lists as one dictionary of phrases: a window is read word by word, once.

    (A regex alternation of a hundred phrases tries every one at every character, which made
    sentences packed with figures slow; a phrase lookup costs the same whatever the lexicon size.)
    """

    def __init__(self, classes: Mapping[str, Iterable[str]]) -> None:
        self.lookup: dict[str, str] = {}
        for name, words in classes.items():
            for word in (w.strip() for w in words):
                if word:
                    self.lookup.setdefault(" ".join(word.lower().split()), name)  # first class listed wins
        self.longest = max((p.count(" ") + 1 for p in self.lookup), default=1)

    def find(self, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """(class, start, end) of each lexicon phrase in text[start:end], longest phrase first at a word."""
        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, start, end)]
        found: list[tuple[str, int, int]] = []
        index = 0
        while index < len(words):
            for size in range(min(self.longest, len(words) - index), 0, -1):
                chunk = words[index : index + size]
                if any(not text[a[1] : b[0]].isspace() for a, b in itertools.pairwise(chunk)):
                    continue
                name = self.lookup.get(" ".join(w[2] for w in chunk))
                if name is not None:
                    found.append((name, chunk[0][0], chunk[-1][1]))
                    index += size
                    break
            else:
                index += 1
        return found


_LEXICON = load_lexicon("en")
_TEXT, _MARKERS = _LEXICON.text, _LEXICON.markers

# What happens to counted things, by the canonical measure verb (see the lexicon's "count_verbs").
COUNT_VERB_CLASSES = _TEXT.count_verbs
# Counts of people: "23 deaths", "killed 41 people" and "a death toll of 58" are one measure
# whatever the noun.
PEOPLE_CLASSES = _TEXT.people_classes
NOUN_SYNONYMS = _TEXT.noun_synonyms
COUNT_VERBS = WordClasses(COUNT_VERB_CLASSES)
TIME_VARYING_CLASSES = _TEXT.time_varying_classes
CUMULATIVE_CLASSES = _TEXT.cumulative_classes

# Money nouns, mapped to a canonical measure.
MONEY_MEASURES = _TEXT.money_measures
MONEY_WORDS = WordClasses(MONEY_MEASURES)
TIME_VARYING_MONEY = _TEXT.time_varying_money


def _words(phrases: Iterable[str]) -> str:
    """A non-capturing group of the phrases, tried in the order listed."""
    return f"(?:{alternation(phrases)})"


def _spaced(phrases: Iterable[str]) -> str:
    """An optional group of the phrases, each followed by white space ("the ", "its ")."""
    return "(?:" + "|".join(re.escape(p) + r"\s+" for p in phrases) + ")?"


def _either_case_initial(word: str) -> str:
    """ "[Aa]nalysts": a word matched with or without its capital, the rest as written."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


TOTAL_MARKERS = re.compile(
    rf"(?i)(?<![\w\-])(?:{alternation(_MARKERS.total)}|"
    rf"{_words(_MARKERS.since)} {_words(_MARKERS.since_openers)}\b[^.;]{{0,40}}?\b{_words(_MARKERS.since_verbs)})"
    r"(?![\w\-])"
)
AGGREGATE_MARKERS = re.compile(rf"(?i)(?<![\w\-]){_words(_MARKERS.aggregate)}(?![\w\-])")
PART_MARKERS = re.compile(rf"(?i)(?<![\w\-]){_words(_MARKERS.part)}(?![\w\-])")
ALONE = re.compile(rf"(?i)\b{_words(_MARKERS.alone)}\b")
# A period that makes a count a rate: "in its first week", "per day". Part of the measure, so a
# first-day figure is never compared with a first-week one.
_PERIOD = _MARKERS.period
PERIOD = re.compile(
    rf"(?i)\b(?:{_words(_PERIOD.prepositions)}\s+{_words(_PERIOD.determiners)}\s+{_words(_PERIOD.positions)}\s+"
    rf"{_words(_PERIOD.spans)}|{_words(_PERIOD.rate_words)}\s+{_words(_PERIOD.rate_units)}|"
    rf"{alternation(_PERIOD.adverbs)})\b"
)
NOT_CLAIM_TIME = re.compile(rf"(?i){_words(_MARKERS.not_claim_time)}\s+(?:in\s+)?$")
COMPARISON_BEFORE = re.compile(
    rf"(?i)(?<![\w\-]){_words(_MARKERS.comparison)}\s+{_spaced(_MARKERS.comparison_determiners)}$"
)

# A label opening the sentence qualifies everything after its colon: "Prediction: 15 goals". The
# group that matches names the modality.
MODAL_LABEL = re.compile(
    r"^\W*(?:" + "|".join(f"(?P<{name}>{alternation(words)})" for name, words in _MARKERS.modal_labels.items())
    + r")\s*:",
    re.IGNORECASE,
)
MODALITY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(rf"(?i)(?<![\w\-]){_words(words)}(?![\w])")) for name, words in _MARKERS.modality.items()
]

NEGATION = re.compile(rf"(?i)(?<![\w\-]){_words(_MARKERS.negation)}(?![\w])")

_SOURCE = _MARKERS.attribution
_DETERMINER = "(?:" + "|".join(re.escape(d) + " " for d in _SOURCE.determiners) + ")?"
ATTRIBUTION_PATTERNS = [
    re.compile(
        rf"(?i){_words(_SOURCE.according_to)} (?P<who>{_DETERMINER}[\w&.'’\- ]{{2,60}}?)"
        rf"(?=[,.;:]|$| {_words(_SOURCE.followers)})"
    ),
    re.compile(
        r"(?P<who>(?:[A-Z][\w&.'’\-]+ ){0,4}[A-Z][\w&.'’\-]+|"
        + "|".join(_either_case_initial(g) for g in _SOURCE.groups)
        + rf"|{_DETERMINER}{_words(_SOURCE.bodies)})"
        rf",? (?:\w+ )?{_words(_SOURCE.verbs)}(?![\w])"
    ),
    re.compile(rf"(?i){_words(_SOURCE.speech)} (?P<who>(?:[A-Z][\w&.'’\-]+ ?){{1,4}})"),
]

DIRECTION_UP = re.compile(rf"(?i)(?<![\w\-]){_words(_MARKERS.direction_up)}(?![\w])")
DIRECTION_DOWN = re.compile(rf"(?i)(?<![\w\-]){_words(_MARKERS.direction_down)}(?![\w])")

PRECISION_TAG = re.compile(r"(?<![\w])(?:FP|BF|INT|TF|MXFP)\d{1,2}(?![\w])")

STOPWORDS = _TEXT.function_words
TIME_WORDS = _TEXT.time_words
