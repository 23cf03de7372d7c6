"""Currencies: the words and ISO codes the unit table registers, and currency written before an amount.

Symbols and codes before a number ("$", "US$", "C $", "€", "Rs.") are read
here from a short window of text; words after a number ("dollars", "yen")
are ordinary units of the table in unit_table.py.
"""

from __future__ import annotations

import re

from claimcheck.language.lexicon import load_quantity_lexicon

_LEX = load_quantity_lexicon("en")  # the words are data: claimcheck/language/lexicons/en.quantities.yaml
CURRENCY_WORDS: dict[str, tuple[str, ...]] = dict(_LEX.currency_words)
ISO_CODES = list(_LEX.iso_codes)
CODE_ALIASES: dict[str, str] = dict(_LEX.code_aliases)  # "RMB" is written for CNY

# Currency written before the amount: "$", "US$", "C $" (tokenised text), "€", "Rs".
PREFIX_SYMBOLS: dict[str, str] = dict(_LEX.prefix_symbols)
DOLLAR_PREFIXES: dict[str, str] = dict(_LEX.dollar_prefixes)
_SYMBOL_CLASS = "".join(map(re.escape, PREFIX_SYMBOLS))
_CUR_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<pre>US|us|U\.S\.?|u\.s\.?|C|c|CA|A|AU|HK|hk|NZ|S|R|Mex|mex|NT)\s?)?"
    r"(?P<sym>[" + _SYMBOL_CLASS + r"])\s?$"
    r"|(?<![A-Za-z])(?P<iso>USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|CAD|AUD|HKD|SEK|NOK|KRW|BRL|MXN|ZAR|Rs\.?)\s?$",
)


_PREFIX_CHARS = set(PREFIX_SYMBOLS) | {"s"}


def currency_before(text: str, pos: int) -> tuple[str, int, str] | None:
    """Currency written just before ``pos``: (code, start offset, surface)."""
    k = pos - 1 if pos > 0 and text[pos - 1] == " " else pos
    if k == 0 or not (text[k - 1] in _PREFIX_CHARS or text[k - 1].isupper() or text[k - 1] == "."):
        return None
    window = text[max(0, pos - 8) : pos]
    m = _CUR_BEFORE.search(window)
    if m is None:
        return None
    start = pos - len(window) + m.start()
    if m.group("iso"):
        iso = m.group("iso")
        code = "INR" if iso.lower().startswith("rs") else CODE_ALIASES.get(iso, iso)
        return code, start, m.group().rstrip()
    sym = m.group("sym")
    pre = (m.group("pre") or "").lower()
    code = DOLLAR_PREFIXES.get(pre, "USD") if sym == "$" else PREFIX_SYMBOLS[sym]
    return code, start, m.group().rstrip()
