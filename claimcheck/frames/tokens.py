"""Small helpers over spaCy tokens: heads, governing verbs, names and spans."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

NAME_ENTS = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def ancestors_within(token: Token, limit: int = 8) -> Iterator[Token]:
    """The token's heads, nearest first, bounded so a broken parse cannot loop."""
    current = token
    for _ in range(limit):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or copula/adjective predicate) that the token's phrase depends on."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    for head in ancestors_within(token):
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ == "ADJ" and head.dep_ in ("ROOT", "acomp", "ccomp", "conj", "advcl", "relcl"):
            return head
    return None


def name_span(token: Token) -> Span:
    """The whole name a token belongs to: its entity, or the token with its compound/flat parts."""
    doc = token.doc
    if token.ent_type_ and token.ent_iob_ != "O":
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return trim_det(ent)
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat", "nmod") and t.pos_ == "PROPN"]
    start = min([token.i] + [p.i for p in parts])
    return doc[start : token.i + 1]


def trim_det(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.ent_type_ in NAME_ENTS and token.ent_iob_ != "O")


def child(token: Token, *deps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def conjuncts_and_self(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering a character offset of the doc's text."""
    for token in doc:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def clause_antecedent(pronoun: Token) -> Token | None:
    """The name a third-person pronoun stands for inside its own sentence: the named subject of a
    clause it depends on ("Acme faced a boycott when it first opened ..." -> Acme). None when the
    pronoun heads its sentence's own clause, so that the story's running topic decides instead."""
    if pronoun.pos_ != "PRON" or pronoun.morph.get("Person", []) != ["3"]:
        return None
    neuter = pronoun.morph.get("Gender", []) == ["Neut"]
    own = governing_verb(pronoun)
    for head in ancestors_within(own, 4) if own is not None else ():
        subject = child(head, "nsubj", "nsubjpass")
        if subject is None or subject.i > pronoun.i or (subject.ent_type_ == "PERSON") == neuter:
            continue  # "it" is not a person, "she" is not a company
        if is_name(subject):
            return subject
    return None

