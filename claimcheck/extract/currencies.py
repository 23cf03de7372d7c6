"""Currencies: the words and ISO codes the unit table registers, and currency written before an amount.

Symbols and codes before a number ("$", "US$", "C $", "€", "Rs.") are read
here from a short window of text; words after a number ("dollars", "yen")
are ordinary units of the table in unit_table.py.
"""

from __future__ import annotations

import re

CURRENCY_WORDS: dict[str, tuple[str, ...]] = {
    "USD": ("dollar", "us dollar", "u.s. dollar", "american dollar", "buck"),
    "CAD": ("canadian dollar",), "AUD": ("australian dollar",), "HKD": ("hong kong dollar",),
    "NZD": ("new zealand dollar",), "SGD": ("singapore dollar",), "TWD": ("taiwan dollar",), "EUR": ("euro",),
    "GBP": ("pound sterling", "sterling", "british pound"), "JPY": ("yen", "japanese yen"),
    "CNY": ("yuan", "chinese yuan", "renminbi", "rmb"), "INR": ("rupee", "indian rupee"),
    "RUB": ("rouble", "ruble"), "KRW": ("won", "korean won"), "MXN": ("peso", "mexican peso"),
    "CHF": ("franc", "swiss franc"), "FRF": ("french franc",), "ESP": ("peseta",),
    "NLG": ("guilder", "dutch guilder"), "FIM": ("finnish markka", "markka"),
    "DEM": ("deutsche mark", "deutschmark"), "ITL": ("lira", "lire"), "ILS": ("shekel",), "ZAR": ("rand",),
    "THB": ("baht",), "SEK": ("krona", "kronor", "swedish krona"),
    "NOK": ("krone", "kroner", "norwegian krone"), "PLN": ("zloty",), "SAR": ("riyal",), "AED": ("dirham",),
    "NGN": ("naira",), "BRL": ("real", "brazilian real", "reais"), "TRY": ("lira", "turkish lira"),
}
ISO_CODES = [
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "HKD", "SEK", "NOK", "DKK", "KRW",
    "BRL", "MXN", "ZAR", "RUB", "SGD", "NZD", "TWD", "PLN", "ILS", "AED", "SAR", "THB",
]

# Currency written before the amount: "$", "US$", "C $" (tokenised text), "€", "Rs".
PREFIX_SYMBOLS = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "₪": "ILS", "฿": "THB", "₫": "VND",
}
DOLLAR_PREFIXES = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "hk": "HKD",
    "nz": "NZD", "s": "SGD", "r": "BRL", "mex": "MXN", "nt": "TWD",
}
_CUR_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<pre>US|us|U\.S\.?|u\.s\.?|C|c|CA|A|AU|HK|hk|NZ|S|R|Mex|mex|NT)\s?)?(?P<sym>[$€£¥₹₩₽₺₦₱₪฿₫])\s?$"
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
        code = "INR" if iso.lower().startswith("rs") else ("CNY" if iso == "RMB" else iso)
        return code, start, m.group().rstrip()
    sym = m.group("sym")
    pre = (m.group("pre") or "").lower()
    code = DOLLAR_PREFIXES.get(pre, "USD") if sym == "$" else PREFIX_SYMBOLS[sym]
    return code, start, m.group().rstrip()
