"""The unit table: surface forms of units and currencies, and their canonical units.

Every unit normalises to one canonical unit per dimension (bytes, watts,
FLOP/s, metres, grams, litres, seconds, ...) by a factor, so that "1.5 PFLOPS"
and "1,500 TFLOP/s" compare as equal. Symbols are matched case-sensitively
("MB" is not "mb"... except where informal use is unambiguous), words
case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extract.currencies import CODE_ALIASES, CURRENCY_WORDS, ISO_CODES
from claimcheck.language.lexicon import UnitEntry, load_quantity_lexicon


@dataclass(frozen=True, slots=True)
class UnitDef:
    unit: str  # canonical unit
    dimension: str
    factor: float  # canonical value = stated value * factor + offset
    kind: str = "unit"  # "unit" | "currency" | "percent" | "multiplier"
    offset: float = 0.0  # only temperatures have one

    def convert(self, value: float) -> float:
        # Dividing by an exact power of ten keeps "3 nm" at 3e-09 rather than 3.0000000000000004e-09.
        if 0 < self.factor < 1:
            inv = 1 / self.factor
            if abs(inv - round(inv)) < 1e-6 * inv:
                return value / round(inv) + self.offset
        return value * self.factor + self.offset


SYMBOLS: dict[str, UnitDef] = {}  # case-sensitive surface -> unit
WORDS: dict[str, UnitDef] = {}  # lower-case words joined by one space -> unit
GLUED_ONLY: set[str] = set()  # symbols that read as units only when glued to digits ("4x", "5h")

_LEX = load_quantity_lexicon("en")  # the units are data: claimcheck/language/lexicons/en.quantities.yaml
_SI = dict(_LEX.si_prefixes)
_SI_WORDS = dict(_LEX.si_prefix_words)
_SMALL = dict(_LEX.small_prefixes)
_SMALL_WORDS = dict(_LEX.small_prefix_words)
_INVARIANT = frozenset(_LEX.invariant_plurals)

def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _add(
    unit: str, dim: str, factor: float, symbols: tuple[str, ...] = (), words: tuple[str, ...] = (),
    kind: str = "unit", offset: float = 0.0, plural: bool = True,
) -> None:
    d = UnitDef(unit, dim, factor, kind, offset)
    for s in symbols:
        SYMBOLS.setdefault(s, d)
    for w in words:
        WORDS.setdefault(w, d)
        last = w.split(" ")[-1]
        if (
            plural
            and not last.endswith(("s", "z", "ft", "feet"))
            and last not in _INVARIANT
        ):
            WORDS.setdefault(w[: len(w) - len(last)] + _plural(last), d)


def _prefixed(
    unit: str, dim: str, base_sym: str, base_word: str, factor: float = 1.0, small: bool = False
) -> None:
    _add(unit, dim, factor, (base_sym,) if base_sym else (), (base_word,) if base_word else ())
    for p, f in _SI.items():
        _add(unit, dim, factor * f, (p + base_sym,) if base_sym else ())
    for p, f in _SI_WORDS.items():
        if base_word:
            _add(unit, dim, factor * f, (), (p + base_word,))
    if small:
        for p, f in _SMALL.items():
            _add(unit, dim, factor * f, (p + base_sym,) if base_sym else ())
        for p, f in _SMALL_WORDS.items():
            _add(unit, dim, factor * f, (), (p + base_word,) if base_word else ())


def _register(entry: UnitEntry) -> None:
    """One step of the unit table, in the order the data file lists them: the first surface form wins."""
    if entry.currency_words:
        for code, words in CURRENCY_WORDS.items():
            _add(code, "currency", 1.0, (), words, "currency")
    if entry.iso_codes:
        for code in ISO_CODES:
            _add(CODE_ALIASES.get(code, code), "currency", 1.0, (code,), (), "currency")
    for word, target in entry.aliases.items():
        WORDS[word] = WORDS[target]
    if not entry.unit:
        return
    if entry.prefixed:
        symbol, word = (entry.symbols or ("",))[0], (entry.words or ("",))[0]
        _prefixed(entry.unit, entry.dim, symbol, word, entry.factor, entry.small)
    else:
        _add(entry.unit, entry.dim, entry.factor, entry.symbols, entry.words, entry.kind, entry.offset, entry.plural)


for _entry in _LEX.units:
    _register(_entry)
GLUED_ONLY.update(_LEX.glued_only)
GBP_POUNDS = UnitDef("GBP", "currency", 1.0, "currency")  # "361 million pounds"
