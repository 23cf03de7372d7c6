"""The unit table: surface forms of units and currencies, and their canonical units.

Every unit normalises to one canonical unit per dimension (bytes, watts,
FLOP/s, metres, grams, litres, seconds, ...) by a factor, so that "1.5 PFLOPS"
and "1,500 TFLOP/s" compare as equal. Symbols are matched case-sensitively
("MB" is not "mb"... except where informal use is unambiguous), words
case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.extract.currencies import CURRENCY_WORDS, ISO_CODES


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

_SI = {"k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18}
_SI_WORDS = {"kilo": 1e3, "mega": 1e6, "giga": 1e9, "tera": 1e12, "peta": 1e15, "exa": 1e18}
_SMALL = {"m": 1e-3, "µ": 1e-6, "μ": 1e-6, "n": 1e-9}
_SMALL_WORDS = {"milli": 1e-3, "micro": 1e-6, "nano": 1e-9, "centi": 1e-2}


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
            and last not in ("yen", "yuan", "won", "rmb")
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


# --- percent and ratio
_add("%", "percent", 1.0, ("%", "％"), ("percent", "per cent", "pct", "percentage", "percents"), "percent")
_add(
    "pp", "percent-points", 1.0, ("pp", "ppt", "ppts"), ("percentage point", "percent point", "pct point"),
    "percent",
)
_add("pp", "percent-points", 0.01, (), ("basis point",), "percent")
_add("x", "ratio", 1.0, ("x", "X", "×"), ("fold",), "multiplier")
GLUED_ONLY.update({"x", "X", "pp"})

# --- compute, data, bandwidth
for _s in ("FLOPS", "FLOP/s", "FLOPs", "Flops", "flops", "flop/s"):
    _prefixed("FLOP/s", "compute", _s, "")
_prefixed("FLOP/s", "compute", "", "flops")
_add("FLOP/s", "compute", 1.0, (), ("flop per second", "floating point operations per second"))
_prefixed("B", "data", "B", "byte")
for _p, _e in (("Ki", 10), ("Mi", 20), ("Gi", 30), ("Ti", 40), ("Pi", 50)):
    _add("B", "data", 2.0**_e, (_p + "B",))
_add("B", "data", 1e3, ("KB", "kb"))
_add("B", "data", 1e6, ("mb",))  # informal lower case is almost always bytes in news
_add("B", "data", 1e9, ("gb",))
_add("B", "data", 1e12, ("tb",))
_prefixed("B", "data", "bit", "bit", 0.125)
for _p, _f in (("K", 1e3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)):
    _add("B", "data", _f / 8, (_p + "b",))
    _add("B/s", "bandwidth", _f, (_p + "B/s", _p + "Bps"))
    _add("bit/s", "bitrate", _f, (_p + "bps", _p + "b/s", _p + "bit/s"))
_add("B/s", "bandwidth", 1.0, ("B/s",), ("bytes per second",))
_add("B/s", "bandwidth", 1e15, ("PB/s",))
_add("bit/s", "bitrate", 1.0, ("bps", "bit/s"), ("bits per second",))
for _w, _f in _SI_WORDS.items():
    _add("B/s", "bandwidth", _f, (), (_w + "bytes per second",))
    _add("bit/s", "bitrate", _f, (), (_w + "bits per second",))

# --- power, energy, frequency
_prefixed("W", "power", "W", "watt", small=True)
_add("W", "power", 745.7, ("hp",), ("horsepower",), plural=False)
_prefixed("Wh", "energy", "Wh", "watt-hour")
for _w, _f in _SI_WORDS.items():
    _add("Wh", "energy", _f, (), (_w + "watt hour", _w + "watt-hour"))
_add("Wh", "energy", 1.0, (), ("watt hour",))
_prefixed("Wh", "energy", "J", "joule", 1 / 3600)
_prefixed("Hz", "frequency", "Hz", "hertz")
for _w in ("kilohertz", "megahertz", "gigahertz", "terahertz"):
    WORDS[_w] = WORDS[_w]

# --- time spans
_S = {
    "second": 1.0, "minute": 60.0, "hour": 3600.0, "day": 86400.0, "week": 604800.0, "month": 2629746.0,
    "year": 31556952.0, "decade": 315569520.0, "century": 3155695200.0, "millisecond": 1e-3,
    "microsecond": 1e-6, "nanosecond": 1e-9, "fortnight": 1209600.0,
}
for _w, _f in _S.items():
    _add("s", "time", _f, (), (_w,))
_add("s", "time", 1.0, ("sec", "secs"), ("sec",))
_add("s", "time", 60.0, ("min", "mins"), ())
_add("s", "time", 3600.0, ("hr", "hrs", "h"), ())
_add("s", "time", 31556952.0, ("yr", "yrs"), ())
_add("s", "time", 1e-3, ("ms",))
_add("s", "time", 1e-6, ("µs", "μs", "us"))
_add("s", "time", 1e-9, ("ns",))
GLUED_ONLY.update({"h", "us", "min"})

# --- length, area, volume, speed
_prefixed("m", "length", "m", "meter", small=True)
for _p, _f in (
    ("", 1.0), ("kilo", 1e3), ("centi", 1e-2), ("milli", 1e-3), ("micro", 1e-6), ("nano", 1e-9),
    ("deci", 0.1), ("pico", 1e-12),
):
    _add("m", "length", _f, (), (_p + "metre", _p + "meter"))
_add("m", "length", 1e-2, ("cm",))
_add("m", "length", 0.1, ("dm",))
_add("m", "length", 1e-6, ("um", "micron"), ("micron",))
_add("m", "length", 0.0254, (), ("inch",))
_add("m", "length", 0.3048, ("ft",), ("foot", "feet"))
_add("m", "length", 0.9144, ("yd", "yds"), ("yard",))
_add("m", "length", 1609.344, ("mi",), ("mile",))
_add("m", "length", 1852.0, ("nmi",), ("nautical mile",))
_add("m", "length", 9.4607e15, (), ("light-year", "light year"))
GLUED_ONLY.update({"um", "mi"})
_A = {
    "meter": 1.0, "metre": 1.0, "kilometer": 1e6, "kilometre": 1e6, "centimeter": 1e-4, "centimetre": 1e-4,
    "mile": 2589988.110336, "foot": 0.09290304, "feet": 0.09290304, "yard": 0.83612736, "inch": 0.00064516,
}
for _w, _f in _A.items():
    _add("m2", "area", _f, (), ("square " + _w, "sq " + _w, "sq. " + _w))
_add("m2", "area", 1.0, ("m2", "m²", "sq m", "sqm"))
_add("m2", "area", 1e6, ("km2", "km²", "sq km"))
_add("m2", "area", 1e-4, ("cm2", "cm²"))
_add("m2", "area", 0.09290304, ("sq ft", "sqft", "ft2", "ft²"))
_add("m2", "area", 2589988.110336, ("sq mi",))
_add("m2", "area", 4046.8564224, (), ("acre",))
_add("m2", "area", 1e4, ("ha",), ("hectare",))
_add("L", "volume", 1.0, ("L", "l", "ltr"), ("liter", "litre"))
_add(
    "L", "volume", 1e-3, ("ml", "mL", "cc", "cm3", "cm³"),
    ("milliliter", "millilitre", "cubic centimeter", "cubic centimetre"),
)
_add("L", "volume", 1e-2, ("cl", "cL"), ("centiliter", "centilitre"))
_add("L", "volume", 1e3, ("m3", "m³", "kL", "kl"), ("cubic meter", "cubic metre", "kiloliter", "kilolitre"))
_add("L", "volume", 1e9, ("km3", "km³"), ("cubic kilometer", "cubic kilometre"))
_add("L", "volume", 28.316846592, ("cu ft", "ft3", "ft³"), ("cubic foot", "cubic feet"))
_add("L", "volume", 3.785411784, ("gal",), ("gallon",))
_add("L", "volume", 158.987294928, ("bbl",), ("barrel",))
_add("L", "volume", 0.0295735295625, ("fl oz",), ("fluid ounce",))
_add("L", "volume", 0.473176473, ("pt",), ("pint",))
_add("L", "volume", 0.946352946, ("qt",), ("quart",))
_add("L", "volume", 1.0, (), ("cubic decimeter", "cubic decimetre"))
GLUED_ONLY.update({"l", "pt"})
_add(
    "m/s", "speed", 1 / 3.6, ("km/h", "kph", "kmph", "km/hr", "kmh", "km/h."),
    ("kilometer per hour", "kilometre per hour", "kilometers an hour", "kilometres an hour"),
)
_add("m/s", "speed", 0.44704, ("mph",), ("mile per hour", "miles an hour", "mile an hour"))
_add("m/s", "speed", 1.0, ("m/s",), ("meter per second", "metre per second"))
_add("m/s", "speed", 0.514444, ("kt", "kts", "kn"), ("knot",))
GLUED_ONLY.update({"kt", "kn"})
for _w in (
    "kilometers per hour", "kilometres per hour", "miles per hour", "meters per second", "metres per second",
):
    WORDS[_w] = WORDS[_w.replace("s per", " per").replace("ters ", "ter ").replace("tres ", "tre ")]

# --- mass
_add("g", "mass", 1.0, ("g", "gm", "gr"), ("gram", "gramme"))
_add("g", "mass", 1e3, ("kg", "kgs", "Kg"), ("kilogram", "kilogramme", "kilo"))
_add("g", "mass", 1e-3, ("mg",), ("milligram", "milligramme"))
_add("g", "mass", 1e-6, ("µg", "μg", "mcg", "ug"), ("microgram", "microgramme"))
_add("g", "mass", 1e-9, ("ng",), ("nanogram", "nanogramme"))
_add("g", "mass", 1e6, ("t",), ("tonne", "metric ton", "metric tonne"))
_add("g", "mass", 907184.74, (), ("ton", "short ton"))
_add("g", "mass", 453.59237, ("lb", "lbs"), ("pound",))
_add("g", "mass", 28.349523125, ("oz",), ("ounce",))
_add("g", "mass", 6350.29318, ("st",), ("stone",), plural=False)
GLUED_ONLY.update({"t", "gr", "st", "ug"})

# --- temperature (canonical degrees Celsius)
_add(
    "°C", "temperature", 1.0, ("°C", "ºC", "° C", "℃"),
    ("degrees celsius", "degrees centigrade", "degree celsius"),
)
_add(
    "°C", "temperature", 5 / 9, ("°F", "ºF", "° F", "℉"), ("degrees fahrenheit", "degree fahrenheit"),
    offset=-32 * 5 / 9,
)
_add("K", "temperature", 1.0, (), ("kelvin",), plural=False)

# --- currency: words after the number, ISO codes, and symbols (the data is in currencies.py)
for _code, _ws in CURRENCY_WORDS.items():
    _add(_code, "currency", 1.0, (), _ws, "currency")
_add("USD", "currency", 0.01, ("¢",), ("cent",), "currency")
_add("GBP", "currency", 0.01, (), ("penny", "pence"), "currency", plural=False)
for _code in ISO_CODES:
    _add("CNY" if _code == "RMB" else _code, "currency", 1.0, (_code,), (), "currency")
_add("CNY", "currency", 1.0, ("元",), (), "currency")
_add("EUR", "currency", 1.0, ("€",), (), "currency")
_add("CRC", "currency", 1.0, ("₡",), (), "currency")
_add("GEL", "currency", 1.0, ("₾",), (), "currency")
_add("LAK", "currency", 1.0, ("₭",), (), "currency")
_add("LKR", "currency", 1.0, ("ரூ",), (), "currency")
GBP_POUNDS = UnitDef("GBP", "currency", 1.0, "currency")  # "361 million pounds"
