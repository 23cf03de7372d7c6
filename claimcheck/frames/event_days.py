"""The day a story's event happened, as each article says it: "derailed early Tuesday", "Monday's
derailment", "the levee failed before dawn on Sunday". Wire copy dates its main event in the lead,
and a later story that names another day for it ("after Monday's derailment") has a wrong day.

A claim is made for a day said of a verb or a noun ("Monday's vote"); the event is named by the
word's stem, so "derailed" and "derailment" meet. Reporting verbs ("said on Monday") are skipped:
they date the report, not the event. Which events are the story's own is decided later, from the
leads of the whole folder (rule CC205)."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Token

from claimcheck.extract.sentences import Sentence
from claimcheck.frames.timing import stated_times
from claimcheck.frames.tokens import governing_verb, token_at
from claimcheck.language.lexicon import load_lexicon
from claimcheck.models import Article, Claim, ClaimKind, DateSpan, Value

_LEX = load_lexicon("en")
MEASURE_PREFIX = "day of "


def event_stem(lemma: str) -> str:
    """ "derailment" -> "derail", "evacuation" -> "evacuat", "derail" -> "derail": a word and its
    nominalisation meet (the suffixes are data: frames.event_noun_suffixes)."""
    word = lemma.lower()
    for suffix in _LEX.frames.event_noun_suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word  # "settle", "settlement": settl


def _event_word(doc: Doc, at: int) -> Token | None:
    """The verb or noun a day is said of: "Monday's derailment" (the possessor's noun), else the
    verb the time depends on; None for reporting verbs and links ("said on Monday", "was Monday")."""
    token = token_at(doc, at)
    if token is None:
        return None
    if token.dep_ == "poss" and token.head.pos_ == "NOUN":
        return token.head
    verb = governing_verb(token)
    if verb is None or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in _LEX.timing.said_verbs or lemma in _LEX.copulas or lemma in _LEX.attribution_verbs \
            or lemma in _LEX.frames.report_event_verbs or _LEX.is_change(lemma):
        return None  # a report's day, or a figure that moves day by day ("rose to 15 on Wednesday")
    if _repeated(verb):
        return None  # "met again on Wednesday", "arrested a second man on Thursday": another event
    return verb


def _repeated(verb: Token) -> bool:
    """The verb tells of one more of its kind: "again", "another", "a second"."""
    words = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod")]
    words += [g for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") for g in c.children
              if g.dep_ in ("amod", "det", "nummod")]
    return any(w.lower_ in _LEX.frames.repeat_cues or w.lower_ in _LEX.other_event_cues
               or (w.ent_type_ == "ORDINAL" and w.lower_ != "first") for w in words)


def _doer(word: Token) -> str:
    """What the event happened to or by ("an earthquake shook", "the sixth aftershock shook"): the
    subject noun's lemma, so two events of one verb are told apart; "" when none is said."""
    holder = word.head if word.dep_ in ("xcomp", "conj") else word  # "the river began dropping"
    subject = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None) or next(
        (c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return ""
    return subject.lemma_.lower()


def event_day_claims(article: Article, sentence: Sentence, doc: Doc, published: DateSpan | None,
                     lead: bool) -> list[Claim]:
    found: list[Claim] = []
    dated: list[tuple[int, int, DateSpan, str, Token]] = []
    for start, end, span, text in stated_times(sentence.text, published):
        if span.start != span.end or start < 0:
            continue  # only a day: "in March" or "last year" names no day of an event
        word = _event_word(doc, start)
        if word is not None:
            dated.append((start, end, span, text, word))
    for start, end, span, text, word in dated:
        if any(other.i == word.i and when != span for _s, _e, when, _t, other in dated):
            continue  # "on Friday and Saturday": an event of several days
        stem = event_stem(word.lemma_)
        begin, finish = sentence.start + start, sentence.start + end
        ordinal = float(span.start.toordinal())
        found.append(Claim(
            id=hashlib.sha1(f"{article.id}\0{begin}\0{finish}\0eventday".encode()).hexdigest()[:12],
            article=article.id, path=article.path, line=article.line_at(begin), start=begin, end=finish,
            sentence=sentence.text, quote=article.text[begin:finish], kind=ClaimKind.CATEGORICAL,
            subject=_doer(word) if word.pos_ == "VERB" else "",
            measure=MEASURE_PREFIX + stem, predicate=word.lemma_.lower(),
            value=Value(low=ordinal, high=ordinal, nominal=ordinal, dimension="date", text=text,
                        display=span.start.isoformat()),
            time=span, time_source=f'stated: "{text}"', time_stated=True, in_lead=lead,
        ))
    return found
