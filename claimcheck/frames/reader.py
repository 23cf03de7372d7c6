"""One article in, its claims out, read from a dependency parse.

Only sentences that carry a figure are parsed (in one ``nlp.pipe`` batch). Each figure found by
the quantity recognizer is read as a frame: what it counts and which measure that is, whose it
is, where, who says so, how sure, what part of what whole, and the time it speaks of.
Proportions ("all", "most"), availability and ratio claims keep their specialised readers.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import Literal

from spacy.tokens import Doc, Token

from claimcheck.extract import display
from claimcheck.extract.entities import AliasTable
from claimcheck.extract.extractor import extract_claims as extract_special
from claimcheck.extract.quantities import find_quantities
from claimcheck.extract.sentences import Sentence, split_sentences
from claimcheck.frames.calendar import weekday_claims
from claimcheck.frames.event_days import event_day_claims
from claimcheck.frames.extras import clock_claims, rank_claims
from claimcheck.frames.measure import MeasureReading, age_cue, read_measure, restrictors
from claimcheck.frames.mentions import ArticleMentions, keys_meet, name_key
from claimcheck.frames.parts import read_parts
from claimcheck.frames.roles import read_roles
from claimcheck.frames.status import status_claims
from claimcheck.frames.timing import (
    PERIOD_NAME,
    ClaimTime,
    article_period_years,
    background_time,
    claim_time,
    period_label,
    with_year,
)
from claimcheck.frames.tokens import (
    ancestors_within,
    clause_antecedent,
    governing_verb,
    name_span,
    token_at,
    tokens_in,
)
from claimcheck.language.lexicon import Lexicon, lexicon_digest, load_lexicon, load_quantity_lexicon
from claimcheck.language.patterns import alternation
from claimcheck.language.pipeline import load_pipeline, pipeline_id
from claimcheck.models import Article, Claim, ClaimKind, Quantity, Value


def _source_digest() -> str:
    """The frames' and extractors' own code: any change re-reads cached claims."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for folder in ("frames", "extract", "language"):
        for source in sorted((root / folder).glob("*.py")):
            digest.update(source.read_bytes())
    digest.update((root / "models.py").read_bytes())
    return digest.hexdigest()[:16]


FRAMES_VERSION = f"frames-1-{_source_digest()}-{lexicon_digest()}-{pipeline_id()}"
# Sentences worth a parse: one that may say a state and when ("resumed on Monday", "stays closed until at least
# July 1"), or has a number, a number word or a superlative. The words are data: "status" and "frames" in en.yaml,
# the names of days and months in en.quantities.yaml.
_EN, _QUANTITY_WORDS = load_lexicon("en"), load_quantity_lexicon("en")
_OFFSET = re.compile(rf"(?i)[ \t]+(?:{alternation(_EN.timing.offsets)})\b")
_ALL_BUT = re.compile(rf"(?i)\b(?:{alternation(_EN.all_but)})\s+$")
_STATUS_TIMES = (*_QUANTITY_WORDS.weekdays, *_EN.status.time_words, *_QUANTITY_WORDS.months)
_STATUS_CUE = re.compile(
    rf"(?i)\b(?:{alternation(_EN.status.verb_stems)})\w*\b.*\b(?:{alternation(_STATUS_TIMES)}|\d{{4}})\b"
)
_DAY_CUE = re.compile(rf"(?i)\b(?:{alternation(_QUANTITY_WORDS.weekdays)})\b")  # "Monday's derailment"
_NUMBERISH = re.compile(rf"\d|\b(?:{alternation(_EN.frames.numberish_words)})\b|"
                        rf"\b(?:{alternation(_EN.frames.superlative_stems)})est\b", re.IGNORECASE)
_NON_NEGATIVE = {"number", "currency", "percent", "length", "area", "mass", "time", "data", "power", "energy"}
_SKIP_KINDS = {"year", "ordinal", "multiplier"}
# technical specifications (compute, bandwidth, memory, power, clock) keep the first version's spec reader,
# which the ratio and aggregate checks were written for
SPEC_DIMENSIONS = frozenset({"compute", "bandwidth", "bit-rate", "data", "power", "energy", "frequency"})


def _claim_id(article: Article, start: int, end: int, measure: str) -> str:
    return hashlib.sha1(f"{article.id}\0{start}\0{end}\0numeric\0{measure}".encode()).hexdigest()[:12]


def _value(q: Quantity) -> Value:
    low = 0.0 if q.low is None and q.dimension in _NON_NEGATIVE else q.low
    return Value(low=low, high=q.high, nominal=q.nominal, unit=q.unit, dimension=q.dimension,
                 qualifier=q.qualifier, text=q.text, display=display.interval(low, q.high, q.unit or (q.noun or "")))


_YEAR_SECONDS = 31_556_952.0
_HOUSE_SPAN = re.compile(r"^(\d+)\s*[/\-–]\s*(\d+)$")


def _house_numbers(q: Quantity) -> Value | None:
    """ "31/33 Main St.": the buildings numbered 31 to 33, not a fraction."""
    span = _HOUSE_SPAN.match(q.text)
    if span is None:
        return None
    low, high = sorted((float(span.group(1)), float(span.group(2))))
    return Value(low=low, high=high, nominal=None, unit="", dimension="number", qualifier="range", text=q.text,
                 display=display.interval(low, high, ""))


def _years(q: Quantity) -> Value:
    """ "45-year-old": an age in years, not the seconds the quantity layer normalises durations to."""
    years = round((q.nominal or 0.0) / _YEAR_SECONDS)
    return Value(low=years - 0.5, high=years + 0.5, nominal=float(years), unit="year", dimension="number",
                 qualifier="exact", text=q.text, display=f"{years} years")


def _anchor(doc: Doc, offset: int, q: Quantity) -> Token | None:
    span = tokens_in(doc, q.start - offset, q.end - offset)
    numbers = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if not numbers:
        return span[-1] if span else None
    last = numbers[-1]
    # "940 miles", "1,500 kilometers": the unit noun carries the figure's grammar
    unit = next((t for t in span if t.i > last.i and t.pos_ == "NOUN"), None)
    return unit or last


_CODE_BEFORE = re.compile(r"[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*-$")
_CODE_AFTER = re.compile(r"^-?[A-Z][A-Za-z0-9]*\d|^-\d")


def _in_code(text: str, q: Quantity) -> bool:
    """A number inside a name or code ("COVID-19", "mRNA-1345", "4157-P201", "Route 66-A"), not a figure;
    "magnitude-5.9" (a lower-case word before the hyphen) stays a figure."""
    before = text[max(0, q.start - 12) : q.start]
    word = re.search(r"\S*$", before)
    glued_before = bool(word and _CODE_BEFORE.search(word.group(0)))
    return glued_before or bool(_CODE_AFTER.match(text[q.end : q.end + 8]))


_TIME_UNITS = load_lexicon("en").frames.time_units


def _is_date_part(anchor: Token) -> bool:
    """A number inside a date or clock time ("May 2", "1:30 a.m."), not a count. The tagger's DATE
    span sometimes swallows a count that follows a dateline ("May 2 - Twelve people"): a number that
    modifies a noun other than a time unit is a count whatever the tag says."""
    if anchor.ent_type_ not in ("DATE", "TIME") or anchor.ent_iob_ == "O":
        return False
    head = anchor.head
    counts_a_noun = anchor.dep_ == "nummod" and head.pos_ == "NOUN" and head.lemma_.lower() not in _TIME_UNITS
    # "110 at the centre and 45 at the hall": a number joined to a count is a count too
    listed = anchor.dep_ == "conj" and head.like_num and head.ent_type_ not in ("DATE", "TIME")
    return not (counts_a_noun or listed)


_PRONOUN_START = re.compile(rf"\s*(?:{alternation(_EN.frames.continuing_pronouns)})\b")


def _continues(text: str, end: int, paragraph_end: int) -> int:
    """A next paragraph that opens with a pronoun goes on about the same (past) event."""
    following = text[end : end + 200]
    if following.startswith(("\n\n", "\n \n")) and _PRONOUN_START.match(following.lstrip("\n ")):
        return text.find("\n\n", end) + 2
    return paragraph_end


_GLUED = re.compile(r"([a-z]{3,})-(\d+(?:\.\d+)?)")


def _direction(anchor: Token, lexicon: Lexicon) -> Literal["", "up", "down"]:
    """ "rose 9.5%", "a 12% drop", "an increase of 4%", "down 3%": which way a stated change goes."""
    near = [anchor.head, *anchor.children, *ancestors_within(anchor, 3)]
    for token in near:
        lemma = token.lemma_.lower()
        if lemma in lexicon.change_up or token.lower_ in lexicon.change_up:
            return "up"
        if lemma in lexicon.change_down or token.lower_ in lexicon.change_down:
            return "down"
    return ""


def _offset_measure(doc: Doc, offset_end: int) -> str:
    """ "time after shooting" for "two hours after the shooting"; "" when the offset names nothing
    ("four days earlier") and so could be set against any other offset."""
    word = token_at(doc, offset_end - 1)
    if word is None:
        return ""
    what = next((c for c in word.children if c.dep_ == "pobj"), None)
    if what is None and word.dep_ == "mark":
        what = word.head  # "after Corvane cut 1,100 jobs": the clause's verb
    if what is None or what.i < word.i:
        return ""
    # and what happened then: "freed ... eight hours after the derailment" is not "revived ... two days after" it
    done = next((t for t in ancestors_within(word, 4) if t.pos_ == "VERB" and t.i != what.i), None)
    return f"time {word.lower_} {what.lemma_.lower()}" + (f" ({done.lemma_.lower()})" if done is not None else "")


_CHANGE_ENDS = {word: "from" for word in _EN.change_from} | {word: "to" for word in _EN.change_to}


def _change_verb(anchor: Token, lexicon: Lexicon) -> Token | None:
    """The verb a figure hangs on when it moves a figure up or down ("rose", "cut"), else None."""
    verb = governing_verb(anchor)
    return verb if verb is not None and lexicon.is_change(verb.lemma_.lower()) else None


def _end_of_change(text: str, q: Quantity, change: Token | None) -> str:
    """ "from" or "to" when the figure is an end of a stated change ("rose to 8% from 5%"), else "". """
    before = text[max(0, q.start - 12) : q.start].split()
    return _CHANGE_ENDS.get(before[-1].lower(), "") if before and change is not None else ""


def _direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)


def _changed_measure(change: Token, lexicon: Lexicon) -> str:
    """What a change verb's subject measures ("the margin fell ... to 17.3%" -> margin), "" if unnamed."""
    # "lowered its sales target to 9 million": the object is what changed; "the margin fell": the subject
    changed = _direct_object(change) or next(
        (c for c in change.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    if changed is None:
        return ""
    return lexicon.measure_class(changed.lemma_.lower(), changed.pos_) or changed.lemma_.lower()


def _changed_object(change: Token) -> str:
    """What a transitive change verb changes ("reduced training times by 35%" -> "training time"):
    two cuts of different things are two measures. "" for a subject that changes by itself."""
    thing = _direct_object(change)
    if thing is None:
        return ""
    words = [c.lemma_.lower() for c in thing.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join([*words, thing.lemma_.lower()])


def _identifier(anchor: Token, q: Quantity) -> bool:
    """ "copy 3", "Route 66", "Flight 370", "Gate 4": a number after its noun names it, it counts nothing."""
    return (q.dimension == "number" and anchor.dep_ in ("nummod", "appos", "npadvmod") and anchor.head.i < anchor.i
            and anchor.head.pos_ in ("NOUN", "PROPN") and anchor.i - anchor.head.i == 1)


def _counterfactual(anchor: Token, lexicon: Lexicon) -> bool:
    """ "There should have been six people dead": a figure of what did not happen."""
    verb = governing_verb(anchor)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return any(a.lower_ in lexicon.counterfactual_aux for a in auxes) and any(
        a.lower_ in ("have", "'ve") for a in auxes)


def _street(doc: Doc, anchor: Token, lexicon: Lexicon) -> str | None:
    """ "12 Mercer St." -> "Mercer street": capitalised words then a street suffix."""
    words: list[str] = []
    for token in doc[anchor.i + 1 : anchor.i + 5]:
        suffix = lexicon.street_suffixes.get(token.lower_.rstrip("."))
        if suffix and words:
            return " ".join([*words, suffix])
        if not token.text[:1].isupper():
            return None
        words.append(token.text)
    return None


def _loose_numbers(doc: Doc, offset: int, found: list[Quantity], lexicon: Lexicon) -> list[Quantity]:
    """Numbers the recognizer left inside a compound ("magnitude-5.9"): read alone from their token."""
    covered = [(q.start - offset, q.end - offset) for q in found]
    extra: list[Quantity] = []
    for token in doc:
        if not any(ch.isdigit() for ch in token.text) or token.ent_type_ in ("DATE", "TIME"):
            continue
        if _CODE_BEFORE.search(token.text.rsplit("-", 1)[0] + "-") and "-" in token.text:
            continue  # "COVID-19", "mRNA-1345": a name
        if any(start < token.idx + len(token.text) and token.idx < end for start, end in covered):
            continue
        # "magnitude-5.9": the figure after a word and a hyphen
        glued = _GLUED.fullmatch(token.text)
        if glued and not lexicon.measure_class(glued.group(1).lower()):
            continue  # "magnitude-5.9" is a figure; "brief-23" or "alpha-7" is a label
        text, skip = (glued.group(2), len(glued.group(1)) + 1) if glued else (token.text, 0)
        if not token.like_num and not glued:
            continue
        for q in find_quantities(text):
            if q.kind in _SKIP_KINDS:
                continue
            shift = offset + token.idx + skip
            extra.append(q.model_copy(update={"start": q.start + shift, "end": q.end + shift}))
    return extra


class _Reader:
    def __init__(self, article: Article, lexicon: Lexicon, main_organisation: str | None = None) -> None:
        self.article = article
        self.lexicon = lexicon
        self.mentions = ArticleMentions(article.text, lexicon.anaphora_nouns | lexicon.organisation_nouns,
                                        lexicon.organisation_nouns, main_organisation)
        self.published = article.published.span if article.published else None

    def frame(self, sentence: Sentence, doc: Doc, q: Quantity, carried: ClaimTime | None,
              away: str | None = None, lead: bool = False) -> Claim | None:
        if q.kind in _SKIP_KINDS or q.dimension in SPEC_DIMENSIONS or _in_code(self.article.text, q):
            return None
        anchor = _anchor(doc, sentence.start, q)
        if anchor is None or (q.dimension == "number" and _is_date_part(anchor) and not age_cue(anchor)):
            return None
        if anchor.lower_ == "one" and anchor.dep_ not in ("nummod",) and q.text.lower() == "one":
            return None  # "one of them", "and one critically": a pronoun, not a count
        if _counterfactual(anchor, self.lexicon) or _identifier(anchor, q):
            return None
        offset = _OFFSET.match(self.article.text, q.end) if q.dimension == "time" else None
        if offset is not None and anchor.head.dep_ == "prep" and anchor.dep_ == "pobj":
            offset = None  # "sentenced to 10 years after a trial": a term, not an offset
        if offset is not None and not (offset_measure := _offset_measure(doc, offset.end() - sentence.start)):
            return None  # "four days earlier": when, relative to what the text does not say here
        if anchor.dep_ == "amod" and anchor.ent_type_ == "ORDINAL":
            return None  # "a third person died": which one, not how many ("a third of them" is a share)
        street = _street(doc, anchor, self.lexicon)
        reading = read_measure(anchor, q, self.lexicon)
        if offset is not None:  # "two hours after the shooting": the time between two named things
            reading = replace(reading, measure=offset_measure)
        change = _change_verb(anchor, self.lexicon)
        end_of_change = _end_of_change(self.article.text, q, change)
        if change is not None and end_of_change and reading.measure == reading.predicate and (
                level := _changed_measure(change, self.lexicon)):
            reading = replace(reading, measure=level)  # "margin fell 4.5 points to 17.3%": a margin, not a fall
        elif change is not None and q.dimension == "percent" and (changed := _changed_object(change)):
            reading = replace(reading, measure=f"{reading.measure} ({changed})")  # "cut training time by 35%"
        # "all but five ... had been released": five are still held; a measure with no complement
        # says nothing countable ("all but two voted for it")
        all_but = _ALL_BUT.search(self.article.text, max(0, q.start - 20), q.start) is not None
        complements = self.lexicon.all_but_complements
        complement = (complements.get(reading.predicate) or complements.get(reading.measure)) if all_but else None
        if all_but and not complement:
            return None  # "all but two voted for it": how many did not is no count of anything named
        if complement:
            reading = replace(reading, measure=complement)
        noun = doc[reading.noun] if reading.noun is not None else None
        roles = read_roles(anchor, noun, q, reading.partitive_of is not None, self.lexicon)
        subject, owner = self._subject(doc, roles.subject, roles.subject_token, noun)
        if reading.measure == "age" and anchor.dep_ == "appos" and anchor.head.pos_ == "PROPN":
            subject, owner = name_span(anchor.head).text, ""  # "Wendell Pruitt, 52,": his age
        if street is not None:  # "18 Main St.": a house number on a street, not a count
            reading = MeasureReading(measure="street number", counted="", predicate="", terms=("address",),
                                     tokens=(anchor.i + len(street.split()),))
            subject, owner = street, ""
        start, end = self._quote(sentence, doc, q, reading.tokens)
        when = claim_time(sentence.text, q.start - sentence.start, q.end - sentence.start, self.published, carried)
        value = _value(q) if not (reading.measure == "age" and q.dimension == "time") else _years(q)
        if street is not None:
            value = _house_numbers(q) or value
        return Claim(
            id=_claim_id(self.article, start, end, reading.measure), article=self.article.id,
            path=self.article.path, line=self.article.line_at(start), start=start, end=end,
            sentence=sentence.text, quote=self.article.text[start:end], kind=ClaimKind.NUMERIC,
            subject=subject, subject_text=roles.subject, owner=owner or None,
            scope=roles.scope,
            measure=reading.measure, measure_terms=reading.terms, value=value,
            modality=roles.modality,
            polarity=not roles.negated,
            attribution=", ".join(roles.sources) or None,
            time=when.span, time_source=f'stated: "{when.text}"' if when.stated else "article date",
            entities=tuple(e.text for e in doc.ents if e.label_ in ("ORG", "GPE", "LOC", "PERSON", "PRODUCT")),
            time_varying=reading.measure in self.lexicon.running_counts, counted=reading.counted,
            predicate=reading.predicate,
            restrictors=restrictors(noun, governing_verb(noun if noun is not None else anchor), self.lexicon),
            sources=roles.sources, place=away or roles.place, target=roles.target, time_stated=when.stated,
            time_guessed=not when.stated and self.article.published is not None
            and self.article.published.origin == "inferred",
            # "fell 9% to $1.84 billion from $2.02 billion": the base is an earlier period's figure
            other_event=roles.other_event or end_of_change == "from",
            elsewhere=away is not None, in_lead=lead,
            change=_direction(anchor, self.lexicon) if q.dimension == "percent" and not end_of_change else "",
            period=period_label(sentence.text, q.start - sentence.start, q.end - sentence.start),
        )

    def _subject(self, doc: Doc, text: str, index: int | None, noun: Token | None) -> tuple[str, str]:
        """What the figure is about, and whose share it is when that differs ("X's 5,000 Widget chips")."""
        resolved = ""
        if index is not None and any(w[:1].isupper() for w in text.split()[1:]) and doc[index].pos_ != "PRON":
            resolved = self.mentions.resolve(text, "", False, True)  # "the island" with its name: "Hollin island"
        elif index is not None and (antecedent := clause_antecedent(doc[index])) is not None:
            resolved = self.mentions.resolve(name_span(antecedent).text, "", False, True)
        elif index is not None:
            token = doc[index]
            resolved = self.mentions.resolve(text, token.lemma_.lower(), token.pos_ == "PRON",
                                             token.pos_ == "PROPN" or bool(token.ent_type_))
        # a name compounded on the counted noun is the most specific subject: "5,000 Widget chips"
        if noun is not None:
            names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and not PERIOD_NAME.match(c.text)]
            if names:
                product = doc[names[0].i : noun.i].text
                named = index is not None and (doc[index].pos_ == "PROPN" or doc[index].ent_type_ in ("ORG", "PERSON"))
                holder = (resolved if named else "") or self._beneficiary(noun)
                return product, holder if product not in holder else ""
        return resolved, ""

    @staticmethod
    def _beneficiary(noun: Token) -> str:
        """ "chips dedicated to X", "units reserved for X": X holds a share."""
        for acl in (c for c in noun.children if c.dep_ in ("acl", "relcl")):
            for prep in (c for c in acl.children if c.dep_ == "prep" and c.lower_ in _EN.frames.beneficiary_preps):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "PERSON")):
                    return pobj.text
        return ""

    def _quote(self, sentence: Sentence, doc: Doc, q: Quantity, carried: tuple[int, ...]) -> tuple[int, int]:
        """The figure widened to the words that say what it counts, within six tokens of it."""
        start, end = q.start, q.end
        for index in carried:
            token = doc[index]
            t_start, t_end = sentence.start + token.idx, sentence.start + token.idx + len(token.text)
            if t_end <= start and start - t_start <= 40:
                start = t_start
            elif t_start >= end and t_end - end <= 40:
                end = t_end
        return start, end


def read_article(article: Article, lexicon: Lexicon | None = None) -> list[Claim]:
    """Numeric frames of one article, parsing only the sentences that carry a figure."""
    lexicon = lexicon or load_lexicon("en")
    text = article.text
    quantities = _split_changes(text, find_quantities(text))
    starts = [q.start for q in quantities]
    sentences = [s for s in split_sentences(text) if not s.table_row]
    wanted = [s for s in sentences if _NUMBERISH.search(s.text) or _STATUS_CUE.search(s.text)
              or _DAY_CUE.search(s.text)]
    if not wanted:
        return []
    nlp = load_pipeline()
    # the lead goes through the same batched pipe: parsed alone it cost a third of the parse time
    lead, *docs = nlp.pipe([_lead(article, sentences), *(s.text for s in wanted)], batch_size=64)
    reader = _Reader(article, lexicon, main_organisation([lead, *docs]))
    home = lead_places(lead)
    body = [s for s in sentences if not s.heading]
    lead_end = body[min(2, len(body) - 1)].end if body else 0  # the first three sentences of the body
    claims: list[Claim] = []
    carried: ClaimTime | None = None
    away: str | None = None
    paragraph_end = -1
    for sentence, doc in zip(wanted, docs, strict=True):
        continued = bool(_PRONOUN_START.match(sentence.text)) and away is not None
        if text.rfind("\n\n", 0, sentence.start) > paragraph_end:
            carried = None  # a new paragraph starts in the story's own time
        paragraph_end = text.rfind("\n\n", 0, sentence.start)
        away = elsewhere(doc, home) or (away if continued else None)
        lo, hi = bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
        written = [q for q in quantities[lo:hi] if q.end <= sentence.end]
        found = _without_conversions(text, written)
        found += _loose_numbers(doc, sentence.start, written, lexicon)  # a dropped conversion stays covered
        framed = [reader.frame(sentence, doc, q, carried, away, sentence.start < lead_end) for q in found]
        claims.extend(read_parts([c for c in framed if c is not None], text, sentence.start))
        claims.extend(status_claims(article, sentence, doc, reader.mentions, lexicon))
        claims.extend(clock_claims(article, sentence, doc))
        claims.extend(weekday_claims(article, sentence))
        claims.extend(event_day_claims(article, sentence, doc, reader.published, sentence.start < lead_end))
        claims.extend(rank_claims(article, sentence, doc))
        carried = background_time(sentence.text, reader.published) or carried
        if carried is not None:
            paragraph_end = _continues(text, sentence.end, paragraph_end)
    years = article_period_years(text, article.published.span.end.year if article.published else None)
    return [c.model_copy(update={"period": with_year(c.period, years)}) if c.period[:2] in ("*/", "-1") else c
            for c in claims]


_FROM_TO = re.compile(rf"(?i)^(?:{alternation(_EN.change_from)})\s+(?P<old>.+?)\s+"
                      rf"(?:{alternation(_EN.change_to)})\s+(?P<new>.+)$")


def _without_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "1,150 kilometers (700 miles)": the figure in brackets restates the one before it in other
    units, rounded; it is no second reading to set against the first."""
    kept: list[Quantity] = []
    for q in found:
        before = kept[-1] if kept else None
        if before is not None and text[before.end : q.start].strip() == "(" and q.dimension == before.dimension \
                and q.dimension != "number":
            continue
        kept.append(q)
    return kept


def _split_changes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "from 2,640 euros to 2,830 euros" is a change between two figures, not a range: news writes a
    range "between X and Y" or "X to Y". Each end becomes a figure of its own."""
    out: list[Quantity] = []
    for q in quantities:
        match = _FROM_TO.match(q.text) if q.qualifier == "range" else None
        parts = []
        if match:
            for name in ("old", "new"):
                found = find_quantities(match.group(name))
                if len(found) == 1:
                    shift = q.start + match.start(name)
                    parts.append(found[0].model_copy(update={"start": found[0].start + shift,
                                                             "end": found[0].end + shift}))
        if (len(parts) == 2 and parts[0].unit == parts[1].unit) or (len(parts) == 2 and not parts[0].unit):
            if not parts[0].unit and parts[1].unit:  # "from 2,640 to 2,830 euros": the unit is said once
                parts[0] = parts[0].model_copy(update={"unit": parts[1].unit, "dimension": parts[1].dimension,
                                                       "kind": parts[1].kind})
            out.extend(parts)
        else:
            out.append(q)
    return sorted(out, key=lambda q: (q.start, q.end))


def _lead(article: Article, sentences: list[Sentence]) -> str:
    """The headline and the first sentences: where the story happens is named there."""
    body = [s.text for s in sentences[:4]]
    return "\n".join([article.title or "", *body])[:1500]


def main_organisation(docs: list[Doc]) -> str | None:
    """The organisation an article names most (the lead counts double), for "the company". One only
    ever named as the object of a preposition ("the impact of X") never acts in the story: it is
    not what "the company" stands for."""
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    acts: set[str] = set()
    for index, doc in enumerate(docs):
        for ent in doc.ents:
            if ent.label_ == "ORG":
                key = name_key(ent.text)
                counts[key] = counts.get(key, 0) + (2 if index == 0 else 1)
                spelled.setdefault(key, ent.text)
                holder = ent.root.head.head if ent.root.dep_ == "pobj" else None
                if holder is None or _measure_noun(holder):
                    acts.add(key)  # "profit at X" and "shares of X" are X's; "the impact of X" is not
    counts = {key: n for key, n in counts.items() if key in acts}
    if not counts:
        return None
    best = max(sorted(counts), key=lambda k: counts[k])
    return spelled[best]


def _measure_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (bool(_EN.measure_class(lemma)) or lemma in _EN.frames.holding_nouns)


def lead_places(doc: Doc) -> frozenset[str]:
    return frozenset(name_key(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC"))


def elsewhere(doc: Doc, home: frozenset[str]) -> str | None:
    """A place this sentence sets its figures in, when the lead names neither it nor any place of the
    sentence: "more than a dozen were killed by a flood in the north of Varland" in a story about Ostria."""
    # a place that describes a name ("the Survey in Dunmere, Ore.") is not where the figures happen
    places = [e for e in doc.ents if e.label_ in ("GPE", "LOC")
              and not (e.root.head.dep_ == "prep" and e.root.head.head.ent_type_ in ("ORG", "PERSON"))]
    if not places or not home:
        return None
    if any(keys_meet(name_key(p.text), h) or name_key(p.text) in h or h in name_key(p.text)
           for p in places for h in home):
        return None
    preposed = [p for p in places if p.root.head.lower_ in ("in", "at", "near")]  # not "south of X": a target
    chosen = preposed[0] if preposed else None
    return chosen.text if chosen is not None else None


def extract_claims(article: Article, aliases: AliasTable) -> list[Claim]:
    """Frames for figures; the specialised readers for shares, availability and ratios."""
    special = [c for c in extract_special(article, aliases)
               if c.kind in (ClaimKind.PROPORTION, ClaimKind.TEMPORAL, ClaimKind.RATIO)
               or c.value.dimension in SPEC_DIMENSIONS]
    return sorted([*read_article(article), *special], key=lambda c: (c.start, c.end, c.id))
