"""Status frames: what state a thing is in over which days, read from an event verb and its time.

"Production resumed on Monday" puts the plant "on" from Monday; "the plant will stay closed until at
least July 1" puts it "off" from the day that is said up to July 1; "trams remain suspended until
Saturday" likewise. The value is an interval of days (ordinal numbers), so two status claims about
one subject conflict when one state's day falls inside the other's opposite interval.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from spacy.tokens import Doc, Token

from claimcheck.extract.sentences import Sentence
from claimcheck.frames.mentions import ArticleMentions
from claimcheck.frames.timing import stated_times
from claimcheck.frames.tokens import child, clause_antecedent, is_name, name_span
from claimcheck.language.lexicon import Lexicon, load_lexicon
from claimcheck.models import Article, Claim, ClaimKind, DateSpan, Value

_FRAMES = load_lexicon("en").frames
_GENERIC_HEADS = _FRAMES.generic_heads
_FUTURE = _FRAMES.future_aux


def _state_of(verb: Token, lexicon: Lexicon) -> str | None:
    for state, lemmas in lexicon.status_verbs.items():
        if verb.lemma_.lower() in lemmas:
            return state
    for complement in (c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "attr")):
        for state, words in lexicon.status_adjectives.items():
            if complement.lower_ in words or complement.lemma_.lower() in words:
                return state
    return None


def _subject(verb: Token) -> Token | None:
    subj = child(verb, "nsubj", "nsubjpass")
    for auxiliary in (c for c in verb.children if c.dep_ in ("aux", "auxpass")):
        subj = subj or child(auxiliary, "nsubj", "nsubjpass")  # "Trams will remain suspended": on "remain"
    if subj is None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        subj = child(verb.head, "nsubj", "nsubjpass")
    if subj is not None and subj.lemma_.lower() in _GENERIC_HEADS:
        # "production at the X plant resumed": the place of the generic noun is the subject
        for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in _FRAMES.generic_head_preps):
            pobj = child(prep, "pobj")
            if pobj is not None:
                return pobj
    return subj


def _subject_text(token: Token, mentions: ArticleMentions) -> str:
    antecedent = clause_antecedent(token)
    if antecedent is not None:
        return name_span(antecedent).text
    if is_name(token):
        return name_span(token).text
    dashes = [t.i for t in token.subtree if t.i < token.i and t.text in ("-", "—", "–")]
    first = dashes[-1] + 1 if dashes else 0  # "CITY, March 6 (Wire) - Bus services": past the dateline
    words = [t for t in token.subtree if first <= t.i <= token.i and t.dep_ not in ("det", "punct", "poss", "case")
             and not (t.i == first and t.text.isupper() and len(t.text) > 3)]
    names = [t for t in words if t.pos_ == "PROPN"]
    if names:
        return " ".join(t.text for t in words if t.i >= names[0].i)
    return mentions.resolve(token.text, token.lemma_.lower(), token.pos_ == "PRON", False) or " ".join(
        t.lemma_.lower() for t in words)


def _interval(sentence: str, verb: Token, published: DateSpan | None, lexicon: Lexicon
              ) -> tuple[DateSpan, bool, str] | None:
    """The days the state holds: from a stated time, or from the article's date up to an "until"
    time; None when the sentence says no time for this verb."""
    times = stated_times(sentence, published)
    if not times:
        return None
    # the verb's own time: one its phrase governs ("resumed on Monday"), an "until" bound after it,
    # never the time of a reporting verb ("..., the company said on Monday")
    other_clauses = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis", "conj", "advcl")
                     and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    phrase = [t for t in verb.subtree if t.i not in other_clauses]
    low, high = min(t.idx for t in phrase), max(t.idx + len(t.text) for t in phrase)

    def bounded_at(start: int) -> bool:
        before = sentence[max(0, start - 20) : start].lower().rstrip()
        return any(before.endswith(cue) for cue in lexicon.until_cues)

    own = [t for t in times if low <= t[0] < high and not _said(verb, t[0])]
    bounds = [t for t in own if bounded_at(t[0])]
    if not own:
        return None
    start, _end, span, text = (bounds or own)[0] if bounds else min(own, key=lambda t: abs(t[0] - verb.idx))
    bounded = bounded_at(start)
    if bounded:
        origin = published.start if published is not None else span.start
        # "not before 2028": up to the start of the period; "until at least July 4": through it
        bound_word = sentence[max(0, start - 8) : start].lower().rstrip()
        last = span.start if bound_word.endswith(_FRAMES.bound_before) else span.end
        return DateSpan(start=min(origin, last), end=last), True, text
    return span, False, text


def _said(verb: Token, offset: int) -> bool:
    """The time belongs to a reporting verb inside the phrase ("the company said on Monday")."""
    for token in verb.subtree:
        if token.lemma_.lower() in _FRAMES.reporting_lemmas and token.i != verb.i:
            return token.idx < offset <= token.idx + 40
    return False


def status_claims(article: Article, sentence: Sentence, doc: Doc, mentions: ArticleMentions, lexicon: Lexicon
                  ) -> list[Claim]:
    published = article.published.span if article.published else None
    found: list[Claim] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        state = _state_of(verb, lexicon)
        subject = _subject(verb) if state else None
        if state is None or subject is None:
            continue
        for each in (subject, *subject.conjuncts):  # "Buses and trams began running again"
            claim = _status_claim(article, sentence, verb, each, state, mentions, lexicon, published)
            if claim is not None:
                found.append(claim)
    return found


def _status_claim(article: Article, sentence: Sentence, verb: Token, subject: Token, state: str,
                  mentions: ArticleMentions, lexicon: Lexicon, published: DateSpan | None) -> Claim | None:
    if any(c.dep_ == "neg" for c in verb.children):
        state = "off" if state == "on" else "on"
    when = _interval(sentence.text, verb, published, lexicon)
    if when is None:
        return None
    span, bounded, said = when
    name = _subject_text(subject, mentions)
    start = sentence.start + min(subject.idx, verb.idx)
    end = sentence.start + max(verb.idx + len(verb.text), sentence.text.find(said) + len(said))
    future = any(c.lower_ in _FUTURE or c.lemma_.lower() in _FUTURE for c in verb.children if c.dep_ == "aux")
    low, high = float(span.start.toordinal()), float(span.end.toordinal())
    label = "until " if bounded else ""
    value = Value(low=low, high=high, unit="day", dimension="time", text=said,
                  display=f"{'running' if state == 'on' else 'stopped'} {label}{_days(span)}")
    claim_id = hashlib.sha1(f"{article.id}\0{start}\0{end}\0status\0{subject.i}".encode()).hexdigest()[:12]
    state_value: Literal["on", "off"] = "on" if state == "on" else "off"
    return Claim(
        id=claim_id, article=article.id, path=article.path, line=article.line_at(start), start=start,
        end=min(end, sentence.end), sentence=sentence.text, quote=article.text[start : min(end, sentence.end)],
        kind=ClaimKind.TEMPORAL, subject=name, subject_text=subject.text, measure="status",
        measure_terms=(verb.lemma_.lower(),), value=value, modality="plan" if future else "confirmed",
        time=span, time_source=f'stated: "{said}"', time_stated=True, state=state_value,
        predicate=verb.lemma_.lower(),
    )


def _days(span: DateSpan) -> str:
    if span.start == span.end:
        return span.start.isoformat()
    return f"{span.start.isoformat()} – {span.end.isoformat()}"

