"""Who a figure belongs to, where, who says so, how sure, and what part of what whole.

Everything is read from the parse: a subject is the name the figure's clause is about (its
possessor, the name an apposition or relative clause describes, or the verb's subject), never the
first capitalised word of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimcheck.frames.timing import PERIOD_NAME
from claimcheck.frames.tokens import (
    PLACE_ENTS,
    ancestors_within,
    child,
    children,
    governing_verb,
    is_name,
    name_span,
)
from claimcheck.language.lexicon import Lexicon, load_lexicon
from claimcheck.models import PLANNED, Quantity


@dataclass(frozen=True)
class Roles:
    subject: str  # as written; "" when the clause names nothing
    subject_token: int | None
    place: str | None
    target: str | None  # "south of X", "against X"
    sources: tuple[str, ...]
    modality: str
    scope: str
    other_event: bool  # "another 2,000", "the previous round"
    negated: bool


def _name(token: Token) -> str:
    return name_span(token).text


def _subject_from(token: Token, lexicon: Lexicon) -> Token | None:
    """A nominal that stands for what the figure is about: a name, or a definite anaphor."""
    if token.pos_ == "PRON" and token.lower_ in lexicon.frames.subject_pronouns:
        if token.dep_ == "nsubj" and token.head.dep_ == "relcl":
            return _subject_from(token.head.head, lexicon)
        # "Acme said it sold 517 widgets": the pronoun is the name that says it
        reporter = token.head.head if token.head.dep_ == "ccomp" else None
        said_by = child(reporter, "nsubj") if reporter is not None else None
        if said_by is not None and is_name(said_by):
            return said_by
        return token
    if PERIOD_NAME.match(token.text):
        return None  # "Q1 earnings": a period, not what the figure is about
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return None
    if is_name(token):
        return token
    if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.anaphora_nouns | lexicon.organisation_nouns:
        return token
    return None


def find_subject(anchor: Token, noun: Token | None, verb: Token | None, lexicon: Lexicon) -> Token | None:
    start = noun if noun is not None else anchor
    # the counted noun's possessor: "Acme's revenue", "the island's population" (a possessor further
    # up describes something else: "X is Ostria's largest island, with a population of N")
    poss = child(start, "poss")
    if poss is not None and (found := _subject_from(poss, lexicon)) is not None:
        return found
    appos = child(start, "appos")  # "the 45-year-old driver, Mara Lind"
    if appos is not None and is_name(appos):
        return appos
    # an apposition or relative clause describes a name: "Port Vey, a city of 300,000 people";
    # "X, home to N people" is parsed as a modifier of the verb but describes X just the same
    for t in ancestors_within(start, 5):
        before = t.doc[t.i - 2] if t.i >= 2 else None
        if t.dep_ in ("advmod", "npadvmod") and before is not None and t.doc[t.i - 1].text == "," and (
            before.pos_ in ("NOUN", "PROPN")
        ) and (found := _subject_from(before, lexicon)) is not None:
            return found
        if t.dep_ == "appos" and (found := _subject_from(t.head, lexicon)) is not None:
            return found
        if t.dep_ == "relcl" and (found := _subject_from(t.head, lexicon)) is not None:
            return found
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl"):
            break
    if verb is not None:
        for dep in ("nsubj", "nsubjpass"):
            subj = child(verb, dep)
            if subj is not None and subj is not start and (found := _subject_from(subj, lexicon)) is not None:
                return found
            # "Acme's revenue rose 12%": the possessor of the verb's subject
            owner = child(subj, "poss") if subj is not None else None
            if owner is not None and (found := _subject_from(owner, lexicon)) is not None:
                return found
        if verb.dep_ == "relcl" and (found := _subject_from(verb.head, lexicon)) is not None:
            return found
    return None


_PLACE_PREPS = load_lexicon("en").frames.place_preps


def find_place(anchor: Token, verb: Token | None) -> str | None:
    scope = [anchor, *ancestors_within(anchor, 4)]
    for t in scope:
        for prep in children(t, "prep"):
            if prep.lower_ not in _PLACE_PREPS:
                continue
            pobj = child(prep, "pobj")
            if pobj is not None and pobj.ent_type_ in PLACE_ENTS:
                return _name(pobj)
        if verb is not None and t.i == verb.i:
            break
    return None


def find_target(anchor: Token, lexicon: Lexicon) -> str | None:
    """ "N km south of X": X; read right of the figure, within a few tokens."""
    doc = anchor.doc
    for t in doc[anchor.i + 1 : min(anchor.sent.end, anchor.i + 10)]:
        if t.lower_ == "of" and doc[t.i - 1].lower_ in lexicon.directions:
            pobj = child(t, "pobj")
            if pobj is not None:
                return _name(pobj)
        if t.lower_ == "from" and (pobj := child(t, "pobj")) is not None and is_name(pobj):
            return _name(pobj)
    return None


def find_sources(verb: Token | None, anchor: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """Who the claim is attributed to: the subject of a reporting verb above it, "according to X"."""
    sources: list[str] = []
    sentence = anchor.sent
    for t in sentence:
        if t.lower_ == "according" and (to := child(t, "prep")) is not None:
            pobj = child(to, "pobj")
            if pobj is not None:
                sources += [_name(p) for p in (pobj, *pobj.conjuncts)]
    path = [verb] if verb is not None else []
    if verb is not None:
        path += list(ancestors_within(verb, 4))
    for t in path:
        if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() not in lexicon.attribution_verbs:
            continue
        subj = child(t, "nsubj")
        if subj is None or subj.pos_ == "PRON":
            continue
        if verb is not None and t.i == verb.i and not is_name(subj):
            continue  # "the quake measured 5.9": what is measured, not who says so
        sources += [_source_text(s) for s in (subj, *subj.conjuncts)]
        break
    return tuple(dict.fromkeys(s for s in sources if s))


def _source_text(token: Token) -> str:
    if is_name(token):
        return _name(token)
    # "Ostria's seismic centre", "state media": the noun phrase without determiners
    left = min([token.i] + [t.i for t in token.subtree if t.i < token.i and t.dep_ not in ("det", "punct")])
    return token.doc[left : token.i + 1].text


def find_modality(quantity: Quantity, verb: Token | None, anchor: Token, lexicon: Lexicon) -> str:
    if verb is not None:
        for head in (verb, *ancestors_within(verb, 3)):
            for t in (head, *head.children):
                if t.dep_ in ("aux", "ROOT", "xcomp", "ccomp", "advmod") or t.i == head.i:
                    label = lexicon.modality_of(t.lemma_.lower()) or lexicon.modality_of(t.lower_)
                    if label in PLANNED and (t.i == head.i or t.dep_ in ("aux", "advmod")):
                        return label
            if head.pos_ == "VERB" and head.dep_ == "ROOT":
                break
    if quantity.qualifier in ("up_to", "at_most"):
        return "ceiling"
    if quantity.qualifier in ("over", "at_least", "under"):
        return "bound"
    if quantity.qualifier in ("approx", "nearly"):
        return "estimate"
    return "confirmed"


def find_scope(anchor: Token, noun: Token | None, partitive: bool, lexicon: Lexicon) -> str:
    if partitive:
        return "part"
    verb = next((t for t in (anchor, *ancestors_within(anchor, 3)) if t.pos_ in ("VERB", "AUX")), None)
    measured = [noun] if noun is not None else []
    measured += [c for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "prep" and c.lower_ == "per" for t in measured for c in t.children):
        return "per_unit"  # "earnings per share of $0.34", "earnings per share rose 17%"
    window = anchor.doc[max(anchor.sent.start, anchor.i - 3) : min(anchor.sent.end, anchor.i + 6)]
    words = " ".join(t.lower_ for t in window)
    before = " ".join(t.lower_ for t in anchor.doc[max(anchor.sent.start, anchor.i - 3) : anchor.i])
    frames = lexicon.frames
    if any(f" {cue} " in f" {words} " for cue in frames.part_words) or any(
        f" {cue}" in f" {before}" for cue in frames.part_before
    ):
        return "part"  # "including one critically": the one is a part (the figure before it is the whole)
    if any(f" {cue} " in f" {words} " for cue in lexicon.whole_cues):
        return "total"
    if any(t.lower_ in frames.per_unit_words for t in window):
        return "per_unit"
    return "unspecified"


def is_other_event(anchor: Token, noun: Token | None, lexicon: Lexicon) -> bool:
    for t in [anchor] + ([noun] if noun is not None else []):
        for c in t.children:
            if c.dep_ in ("det", "amod", "advmod") and c.lower_ in lexicon.other_event_cues:
                return True
    before = anchor.doc[max(anchor.sent.start, anchor.i - 2) : anchor.i]
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < anchor.sent.end else None
    if after is not None and after.lower_ in lexicon.frames.increment_after:
        return True  # "two more victims": an increment, not the count itself
    return any(t.lower_ in lexicon.other_event_cues for t in before)


def is_negated(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def read_roles(anchor: Token, noun: Token | None, quantity: Quantity, partitive: bool,
               lexicon: Lexicon) -> Roles:
    verb = governing_verb(noun if noun is not None else anchor)
    subject_token = find_subject(anchor, noun, verb, lexicon)
    return Roles(
        subject=_name(subject_token) if subject_token is not None else "",
        subject_token=subject_token.i if subject_token is not None else None,
        place=find_place(anchor, verb),
        target=find_target(anchor, lexicon),
        sources=find_sources(verb, anchor, lexicon),
        modality=find_modality(quantity, verb, anchor, lexicon),
        scope=find_scope(anchor, noun, partitive, lexicon),
        other_event=is_other_event(anchor, noun, lexicon),
        negated=is_negated(verb),
    )
