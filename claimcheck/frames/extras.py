"""Claims that are not counts: clock times ("at 1:30 a.m.", "1353 (1023 GMT)") and ranks ("the
second-largest", "the biggest ever"). Both are read from the parse of a sentence already parsed
for its figures or its times."""

from __future__ import annotations

import hashlib
import re

from spacy.tokens import Doc, Token

from claimcheck.extract.sentences import Sentence
from claimcheck.frames.tokens import governing_verb, is_name, name_span
from claimcheck.language.lexicon import load_lexicon
from claimcheck.language.patterns import abbreviation, alternation
from claimcheck.models import Article, Claim, ClaimKind, Value

_EN = load_lexicon("en")
_FRAMES, _CLOCK_WORDS = _EN.frames, _EN.clock  # the words and zone codes are data: "clock" in en.yaml
# "a.m.", "a. m.", "am": a dot may follow each letter and a space stand between them
_AMPM = "|".join(abbreviation(letters, r"\.?\s?") for letters in (*_CLOCK_WORDS.before_noon, *_CLOCK_WORDS.after_noon))
_CLOCK = re.compile(
    rf"(?i)\b(?P<h>[01]?\d|2[0-3])(?::|\.)(?P<m>[0-5]\d)\s*(?P<ampm>{_AMPM})?(?![\d.:])"
    rf"(?:\s*\(?(?P<tz>{alternation(_CLOCK_WORDS.zones)})\)?)?"
    rf"|\b(?P<h24>[01]\d|2[0-3])(?P<m24>[0-5]\d)\s*(?:(?:{alternation(_CLOCK_WORDS.hours)})\s*)?"
    rf"\(?(?P<tz24>{alternation(_CLOCK_WORDS.zones_24h)})\)?"
    rf"|\b(?:{alternation(_CLOCK_WORDS.at)})\s+(?P<hat>[01]\d|2[0-3])(?P<mat>[0-5]\d)\b(?=\s*\()"
)
_TZ_OFFSET = _CLOCK_WORDS.zones
_ORDINALS = _FRAMES.rank_ordinals


def _claim_id(article: Article, start: int, end: int, kind: str) -> str:
    return hashlib.sha1(f"{article.id}\0{start}\0{end}\0{kind}".encode()).hexdigest()[:12]


def clock_claims(article: Article, sentence: Sentence, doc: Doc) -> list[Claim]:
    """ "at 1:30 a.m.", "7:02am", "1353 (1023 GMT)": minutes after midnight, in UTC when a zone is said."""
    found: list[Claim] = []
    for match in _CLOCK.finditer(sentence.text):
        hour = int(match.group("h") or match.group("h24") or match.group("hat"))
        minute = int(match.group("m") or match.group("m24") or match.group("mat"))
        ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm in _CLOCK_WORDS.after_noon and hour < 12:
            hour += 12
        elif ampm in _CLOCK_WORDS.before_noon and hour == 12:
            hour = 0
        if not ampm and match.group("h") and not match.group("tz"):
            continue  # "3.5" or "10.30" without a.m./p.m. or a zone is too often not a time
        zone = match.group("tz") or match.group("tz24") or ""
        minutes = hour * 60 + minute - _TZ_OFFSET.get(zone.upper(), 0)
        start, end = sentence.start + match.start(), sentence.start + match.end()
        token = next((t for t in doc if t.idx >= match.start()), None)
        verb = governing_verb(token) if token is not None else None
        event = verb.lemma_.lower() if verb is not None else ""
        shown = f"{hour:02d}:{minute:02d}" + (f" {zone.upper()}" if zone else " local")
        found.append(Claim(
            id=_claim_id(article, start, end, "clock"), article=article.id, path=article.path,
            line=article.line_at(start), start=start, end=end, sentence=sentence.text,
            quote=article.text[start:end], kind=ClaimKind.TEMPORAL, subject="",
            measure=f"time of {event}" if event else "time of day", measure_terms=(event,) if event else (),
            value=Value(low=float(minutes), high=float(minutes), nominal=float(minutes), unit="min",
                        dimension="clock", text=match.group(0).strip(), display=shown),
            time=article.published.span if article.published else None, predicate=event,
            time_source="article date",
        ))
    return found


def _ranked_noun(adjective: Token) -> Token | None:
    head = adjective.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def rank_claims(article: Article, sentence: Sentence, doc: Doc) -> list[Claim]:
    """ "the largest ever", "Ostria's second-largest city", "the deadliest since 2003": a rank (1 for a
    superlative, N for "Nth-largest") of the thing it describes, on the scale the adjective names."""
    found: list[Claim] = []
    for token in doc:
        text = token.lower_
        rank, adjective = 0, ""
        parts = text.split("-")
        if len(parts) == 2 and parts[0] in _ORDINALS and parts[1].endswith("est"):
            rank, adjective = _ORDINALS[parts[0]], parts[1]
        elif token.tag_ == "JJS" and text not in _FRAMES.not_ranks and text.endswith("est"):
            previous = doc[token.i - 1] if token.i > 0 else None
            if previous is not None and previous.text == "-" and token.i > 1:
                previous = doc[token.i - 2]  # "second-largest" split at its hyphen
            rank = _ORDINALS.get(previous.lower_, 1) if previous is not None else 1
            adjective = text
        if not rank:
            continue
        noun = _ranked_noun(token)
        owner = next((c for c in (noun.children if noun is not None else ()) if c.dep_ == "poss"), None)
        subject = ""
        verb = governing_verb(token)
        if verb is not None:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and is_name(subj):
                subject = name_span(subj).text
        scale = f"{adjective} {noun.lemma_.lower()}" if noun is not None else adjective
        if owner is not None and is_name(owner):
            scale += f" of {name_span(owner).text}"
        first = token.i - (2 if rank > 1 and token.i > 1 and doc[token.i - 1].text == "-" else 1 if rank > 1 else 0)
        start = sentence.start + doc[max(first, 0)].idx
        end = sentence.start + (noun.idx + len(noun.text) if noun is not None and noun.i > token.i
                                else token.idx + len(token.text))
        found.append(Claim(
            id=_claim_id(article, start, end, "rank"), article=article.id, path=article.path,
            line=article.line_at(start), start=start, end=end, sentence=sentence.text,
            quote=article.text[start:end], kind=ClaimKind.NUMERIC, subject=subject, measure=f"rank {scale}",
            measure_terms=(adjective,), value=Value(low=float(rank), high=float(rank), nominal=float(rank),
                                                     unit="", dimension="rank", text=token.text,
                                                     display=f"rank {rank}"),
            time=article.published.span if article.published else None, time_source="article date",
        ))
    return found
