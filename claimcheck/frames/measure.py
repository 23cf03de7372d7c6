"""What a figure counts and which measure that is, read from the parse.

The counted noun comes from the grammar ("N X", "N of X", "the N-acre X", "a population of N");
its lemma class is the measure. A generic noun (people, number, total) says little, so the
predicate's class decides ("10 people were killed" -> killed), and a figure with no noun at all
("injuring 80") takes the class of its verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from claimcheck.frames.tokens import ancestors_within, child, governing_verb
from claimcheck.language.lexicon import Lexicon, load_lexicon
from claimcheck.models import Quantity

_UNIT_MEASURE = {"length": "length", "area": "area", "mass": "weight", "volume": "volume", "speed": "speed",
                 "temperature": "temperature", "power": "power", "energy": "energy", "compute": "compute",
                 "bandwidth": "bandwidth", "data": "data size", "frequency": "frequency"}


def restrictors(noun: Token | None, verb: Token | None, lexicon: Lexicon) -> tuple[str, ...]:
    """Words that narrow the counted group: adjectives on the counted noun ("critical", "minor"),
    and where the predicate happened ("treated at the scene", "remain in hospital")."""
    found: list[str] = []
    if noun is not None:
        found += [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound") and c.pos_ == "ADJ"
                  and c.lemma_.lower() not in lexicon.evaluative_adjectives and c.text.isalpha()
                  and c.lemma_.lower() not in _PERIOD_WORDS]
        found += [c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "acl", "relcl") and c.pos_ == "VERB"]
    if verb is not None:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at"):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "NOUN" and not pobj.ent_type_:
                found.append(f"{prep.lower_} {pobj.lemma_.lower()}")
    return tuple(sorted(set(found)))


@dataclass(frozen=True)
class MeasureReading:
    measure: str
    counted: str  # lemma of the counted noun, "" when none
    predicate: str  # lemma of the governing predicate, "" when none
    terms: tuple[str, ...]
    tokens: tuple[int, ...]  # token indices that carry the measure (for the quote)
    partitive_of: int | None = None  # "30 of the 80 wounded": the index of the whole's number
    noun: int | None = None  # the counted (or linked) noun's token index


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_lemma(verb: Token) -> str:
    """A verb with its particle: "roll out", "lay off" (the lexicon lists phrasal verbs whole)."""
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    return f"{_lemma(verb)} {particle.lower_}" if particle is not None else _lemma(verb)


def counted_noun(anchor: Token) -> tuple[Token | None, int | None]:
    """The noun a number counts, and for a partitive ("N of the M X") the whole's number token."""
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod") and head.pos_ in (
        "NOUN", "PROPN", "ADJ", "VERB"
    ) and head.i > anchor.i and head.i - anchor.i <= 4:
        return head, None
    of = child(anchor, "prep")
    if of is not None and of.lower_ == "of":
        pobj = child(of, "pobj")
        if pobj is not None:
            whole = next((c for c in pobj.children if c.like_num or c.pos_ == "NUM"), None)
            if pobj.like_num or pobj.pos_ == "NUM":
                whole = pobj
                inner = next((c for c in pobj.children if c.pos_ in ("NOUN", "ADJ", "VERB")), None)
                return inner, whole.i
            return pobj, whole.i if whole is not None else None
    # "the 80 wounded": spaCy may hang the noun on the number
    right = next((c for c in anchor.rights if c.pos_ in ("NOUN", "ADJ", "VERB") and c.i - anchor.i <= 2
                  and c.dep_ in ("amod", "compound", "acl", "appos", "dobj", "npadvmod")), None)
    if right is not None:
        return right, None
    # "a population of 120,000": the number is the object of "of" after the measure noun
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head, None
    return None, None


def _years_old(anchor: Token, quantity: Quantity) -> bool:
    following = anchor.doc[anchor.i : anchor.i + 4].text.lower()
    return quantity.dimension == "time" and ("-old" in following or " old" in following)


def age_cue(anchor: Token) -> bool:
    """ "ages 47 and 48", "aged 45", "Smith, 45,": a person's age."""
    before = [t.lower_ for t in anchor.doc[max(anchor.sent.start, anchor.i - 3) : anchor.i]]
    if any(word in _FRAMES.age_words for word in before):
        return True
    doc = anchor.doc
    if 0 < anchor.i < len(doc) - 1 and doc[anchor.i - 1].text == "," and doc[anchor.i + 1].text == ",":
        if anchor.i < 2:
            return False
        name = doc[anchor.i - 2]
        # "Wendell Pruitt, 52, a roof bolter": a name's appositive number of a lifetime, even when the
        # tagger takes the name for an organisation
        return name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and anchor.dep_ == "appos"
                                              and anchor.text.isdigit() and 0 < int(anchor.text) < 120)
    return False


def read_measure(anchor: Token, quantity: Quantity, lexicon: Lexicon) -> MeasureReading:
    if (quantity.dimension == "number" and age_cue(anchor)) or _years_old(anchor, quantity):
        # "Smith, 45,", "aged 45", "the 45-year-old driver": a person's age; the noun it describes
        # (the driver) leads to the name
        described = next((t for t in ancestors_within(anchor, 3) if t.pos_ in ("NOUN", "PROPN") and t.i > anchor.i
                          and t.lemma_.lower() not in ("year", "old", "month")), None)
        return MeasureReading(measure="age", counted="", predicate="", terms=("age",), tokens=(),
                              noun=described.i if described is not None else None)
    noun, partitive = counted_noun(anchor)
    period = lexicon.markers.period
    if noun is not None and _lemma(noun) in period.rate_units and any(
            c.lower_ in period.rate_words for c in noun.children):
        noun = None  # "$210 million a year": a rate, not a count of years
    if noun is not None and (_lemma(noun) in lexicon.frames.day_parts or noun.ent_type_ in ("DATE", "TIME")):
        noun = None  # "rose to three Monday morning": when, not what is counted
    verb = governing_verb(noun if noun is not None else anchor)
    linked = False  # the noun is what the figure measures ("the toll stood at two"), not what it counts
    if noun is None and verb is not None and verb.lemma_.lower() in lexicon.copulas:
        # "revenue was $5m", "the toll stood at 10": the linked subject is what the figure measures
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
        noun = subject if subject is not None and subject.i < anchor.i else None
        linked = noun is not None
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "per" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "earnings per share of $5.53": earnings, per share
    counted = _lemma(noun) if noun is not None else ""
    predicate = verb_lemma(verb) if verb is not None else ""
    carried: list[int] = [t.i for t in (noun, verb) if t is not None]
    terms = tuple(t for t in (counted, predicate) if t)
    if noun is not None and noun.pos_ == "PRON":
        noun, counted = None, ""
    measure = _settlement(noun, lexicon) or ""
    noun_class = lexicon.counted_class(counted, noun.pos_) if counted and noun is not None else None
    if noun is not None and (compound := _compound(noun, lexicon)):
        noun_class = lexicon.measure_class(f"{compound} {counted}") or noun_class  # "net sales", "death toll"
        counted = f"{compound} {counted}"
    counted = "people" if counted == "person" else counted
    if not measure and counted and counted not in lexicon.generic_nouns and noun is not None:
        measure = noun_class or _lemma(noun)
    if verb is not None and (result := _result_phrase(verb, lexicon)):
        measure = result  # "one person was shot to death": a death
    if not measure:
        measure = _clause_class(anchor, noun, verb, lexicon, carried) or ""
    if not measure and counted in lexicon.generic_fallback and (
            not predicate or predicate in lexicon.copulas or predicate in lexicon.fallback_predicates):
        measure = lexicon.generic_fallback[counted]
    dimension_measure = _dimension_measure(anchor, quantity, lexicon)
    if quantity.dimension == "time" and dimension_measure:
        measure = dimension_measure  # "a seven-year deal": a duration, of the deal
    elif dimension_measure and (not measure or quantity.dimension in ("length", "area")):
        measure = dimension_measure if quantity.dimension != "area" or not measure else measure
    if not measure:
        # a generic noun with no class says less than its verb: "six people were taken" (to hospital)
        generic = counted in lexicon.generic_nouns
        measure = (predicate or counted) if generic else (counted or predicate or quantity.dimension)
        measure = measure or quantity.dimension
    counted = "" if linked and measure in lexicon.event_measures else counted
    return MeasureReading(measure=measure, counted=counted, predicate=predicate, terms=terms,
                          tokens=tuple(sorted(set(carried))), partitive_of=partitive,
                          noun=noun.i if noun is not None else None)


def _clause_class(anchor: Token, noun: Token | None, verb: Token | None, lexicon: Lexicon,
                  carried: list[int]) -> str | None:
    """The measure class of the predicate, or of a word it governs ("puts the magnitude at 6.1")."""
    glued = anchor.text.split("-")[0].lower() if "-" in anchor.text else ""
    if glued and (found := lexicon.measure_class(glued)):  # "magnitude-5.9"
        return found
    candidates: list[Token] = []
    start = noun if noun is not None else anchor
    # adjectives and participles on the counted noun: "wounded people", "people dead"
    candidates += [c for c in start.children if c.pos_ in ("ADJ", "VERB") and c.dep_ in ("amod", "acl")]
    # "a magnitude-6.1 temblor", "a 5.9 magnitude quake": a measure noun compounded with the number
    candidates += [c for c in anchor.children if c.pos_ in ("NOUN", "PROPN")]
    if anchor.head.pos_ in ("NOUN", "PROPN"):
        candidates += [c for c in anchor.head.children if c.dep_ in ("compound", "amod") and c.i != anchor.i]
    if verb is not None:
        candidates.append(verb)
        candidates += [c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd", "attr", "dobj", "nsubj",
                                                            "nsubjpass", "advmod")]
        for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
            candidates += [g for g in prep.children if g.dep_ == "pobj"]
            candidates += [g for p in prep.children if p.dep_ == "pobj" for g in p.children
                           if g.dep_ == "compound"]
        # a coordinated verb is another clause ("are under an order, and many spent a night"): last
        candidates += [c for c in verb.children if c.dep_ == "conj"]
        # "home to 120,000 people": the predicate noun and its preposition
        if verb.lemma_ == "be":
            candidates += [c for c in verb.children if c.dep_ == "attr"]
    for head in ancestors_within(start, 3):
        if head.pos_ in ("NOUN", "ADJ") and (noun is None or head.i != noun.i):
            candidates.append(head)
    for token in candidates:
        if noun is not None and token.i == noun.i:
            continue  # the generic counted noun itself ("residents") says nothing its predicate does not
        found = None
        if token.i + 1 < len(token.doc):  # a two-word cue ("home to") outranks its first word
            found = lexicon.measure_class(f"{_lemma(token)} {token.doc[token.i + 1].lower_}")
        if any(c.dep_ == "auxpass" for c in token.children) and not any(
                c.dep_ in ("acomp", "oprd", "xcomp") for c in token.children):  # "left for observation", not "homeless"
            found = found or lexicon.measure_class(_lemma(token), "PASS")
        found = found or lexicon.measure_class(_lemma(token), token.pos_)
        if found and found not in ("distance",):
            carried.append(token.i)
            return found
    return None


def _compound(noun: Token, lexicon: Lexicon) -> str:
    """A common noun compounded on the counted noun ("vaccine" in "vaccine sales"), or an adjective
    that makes a measure of its own ("net" in "net sales"); never a period ("quarter earnings")."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is None or before.dep_ not in ("compound", "amod") or before.head.i != noun.i:
        return ""
    if before.pos_ == "NOUN" and _lemma(before) not in _PERIOD_NOUNS:
        return _lemma(before)
    if before.pos_ == "ADJ" and lexicon.measure_class(f"{_lemma(before)} {_lemma(noun)}"):
        return _lemma(before)
    return ""


_FRAMES = load_lexicon("en").frames
_PERIOD_WORDS = _FRAMES.period_words
_PERIOD_NOUNS = _FRAMES.period_nouns


def _result_phrase(verb: Token, lexicon: Lexicon) -> str | None:
    for dependent in verb.children:
        pobj = next((g for g in dependent.children if g.dep_ == "pobj"), None)
        if dependent.dep_ == "prep" and pobj is not None and (
            found := lexicon.result_phrases.get(f"{dependent.lower_} {_lemma(pobj)}")
        ):
            return found
        if dependent.dep_ in ("acomp", "oprd", "advmod") and (found := lexicon.result_phrases.get(dependent.lower_)):
            return found
    return None


def _settlement(noun: Token | None, lexicon: Lexicon) -> str | None:
    """ "a city of 500,000 people", "a town of about 15,000": a population."""
    if noun is None:
        return None
    of = noun.head if noun.dep_ == "pobj" else None
    if of is not None and of.lower_ == "of" and of.head.lemma_.lower() in lexicon.settlement_nouns:
        return "population"
    return None


def _dimension_measure(anchor: Token, quantity: Quantity, lexicon: Lexicon) -> str | None:
    if quantity.dimension == "length":
        window = anchor.doc[anchor.i + 1 : min(anchor.sent.end, anchor.i + 10)]
        depth = 0
        for t in window:  # "1,150 kilometers (700 miles) southeast of X": skip the parenthesis
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0 and t.lower_ in lexicon.directions and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in (
                "of", "from"
            ):
                return "distance"
            if depth == 0 and t.pos_ == "VERB":
                break
            return "distance"
    if quantity.dimension == "time":
        following = anchor.doc[anchor.i : anchor.i + 3].text.lower()
        if "old" in following:
            return "age"
        return "duration"
    return _UNIT_MEASURE.get(quantity.dimension)
