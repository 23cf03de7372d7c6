"""Words that turn a number into a claim: what is measured, whose share, how sure.

Everything here is general news English; nothing names a corpus. Patterns are
compiled once and are free of nested quantifiers, so matching stays linear.
"""

from __future__ import annotations

import itertools
import re

# What happens to counted things. The class name is the canonical measure verb, so
# "rolled out 2.7 million units" and "5,000 units deployed" are the same measure.
COUNT_VERB_CLASSES: dict[str, str] = {
    "deployed": "deployed, deploy, deploys, deploying, deployment, rolled out, roll out, rolls out, "
    "rolling out, "
    "running, runs, run, installed, install, in service, in operation, operating, operates, dedicated, "
    "in use, online, active, fielded, powering, has, have, owns, own, holds, hold",
    "outage": "lost power, without power, without electricity, in the dark, power outages, outages, blackout",
    "sold": "sold, sells, sell, selling, sales of, shipped, ships, shipping, delivered, delivers, "
    "delivery of",
    "produced": "produced, produces, manufactured, built, builds, made, makes, assembled",
    "killed": "killed, dead, died, deaths, death toll, fatalities, lost their lives, perished, lives lost",
    "injured": "injured, wounded, hurt, injuries, hospitalised, hospitalized",
    "missing": "missing, unaccounted for",
    "evacuated": "evacuated, displaced, fled, evacuations, homeless",
    "employed": "employs, employed, employees, staff, workers, headcount, workforce, people on payroll",
    "hired": "hire, hires, hired, hiring, recruit, recruited, new jobs",
    "cut": "laid off, lay off, layoffs, cut, cuts, eliminated, redundancies",
    "infected": "cases, infected, infections, confirmed cases, tested positive, sickened, fell ill",
    "vaccinated": "vaccinated, doses, jabs, inoculated",
    "arrested": "arrested, detained, arrests",
    "users": "users, subscribers, customers, members, downloads, visitors, viewers, listeners, readers",
    "attended": "attended, attendance, spectators, fans, crowd, drew, attracted, welcomed",
    "carried": "carried, carries, carrying, ridership, boardings, passengers, riders, trips, journeys",
    "scored": "scored, goals, points, runs scored",
    "opened": "opened, opens, launched",
    "closed": "closed, closes, shut, shuttered",
    "damaged": "damaged, destroyed, flattened, flooded",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


class WordClasses:
    """Many word lists as one dictionary of phrases: a window is read word by word, once.

    (A regex alternation of a hundred phrases tries every one at every character, which made
    sentences packed with figures slow; a phrase lookup costs the same whatever the lexicon size.)
    """

    def __init__(self, classes: dict[str, str]) -> None:
        self.lookup: dict[str, str] = {}
        for name, words in classes.items():
            for word in (w.strip() for w in words.split(",")):
                if word:
                    self.lookup.setdefault(" ".join(word.lower().split()), name)  # first class listed wins
        self.longest = max((p.count(" ") + 1 for p in self.lookup), default=1)

    def find(self, text: str, start: int, end: int) -> list[tuple[str, int, int]]:
        """(class, start, end) of each lexicon phrase in text[start:end], longest phrase first at a word."""
        words = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text, start, end)]
        found: list[tuple[str, int, int]] = []
        index = 0
        while index < len(words):
            for size in range(min(self.longest, len(words) - index), 0, -1):
                chunk = words[index : index + size]
                if any(not text[a[1] : b[0]].isspace() for a, b in itertools.pairwise(chunk)):
                    continue
                name = self.lookup.get(" ".join(w[2] for w in chunk))
                if name is not None:
                    found.append((name, chunk[0][0], chunk[-1][1]))
                    index += size
                    break
            else:
                index += 1
        return found


# Counts of people: "23 deaths", "killed 41 people" and "a death toll of 58" are one measure
# whatever the noun.
PEOPLE_CLASSES = frozenset({"killed", "injured", "missing", "evacuated", "infected", "vaccinated", "arrested",
                            "outage"})
NOUN_SYNONYMS = {
    "employee": "job", "worker": "job", "staff": "job", "position": "job", "role": "job", "staffer": "job",
    "shop": "store", "location": "store", "outlet": "store", "branch": "store", "house": "home",
    "residence": "home", "dwelling": "home", "household": "home", "vehicle": "car",
}
COUNT_VERBS = WordClasses(COUNT_VERB_CLASSES)
TIME_VARYING_CLASSES = frozenset(
    {"deployed", "sold", "produced", "killed", "injured", "missing", "evacuated", "employed", "infected",
     "vaccinated", "arrested", "users", "damaged", "opened", "closed", "outage", "scored"}
)
CUMULATIVE_CLASSES = frozenset(
    {"sold", "produced", "killed", "injured", "infected", "vaccinated", "arrested", "damaged", "buyback",
     "investment", "scored"}
)

# Money nouns, mapped to a canonical measure.
MONEY_MEASURES: dict[str, str] = {
    "investment": "investment, invested, invest, invests, investing, stake, funding, funded, raised, raise",
    "commitment": "commitment, committed, commit, spend, spending, deal, contract, agreement, purchase, "
    "order",
    "revenue": "revenue, revenues, sales, turnover, top line, incremental revenue",
    "run-rate": "run-rate, run rate",
    "profit": "profit, profits, net income, earnings",
    "loss": "loss, losses, net loss, writedown, write-down",
    "cost": "cost, costs, costing, price tag, bill, expense, expenses",
    "price": "price, priced, prices, sells for, retail",
    "valuation": "valuation, valued, worth, market cap, market capitalisation, market capitalization",
    "budget": "budget, budgeted, appropriation",
    "damage": "damage, damages, losses insured, insured losses, economic losses",
    "fine": "fine, fined, penalty, settlement",
    "salary": "salary, pay, wage, wages, compensation, bonus",
    "debt": "debt, loan, loans, borrowing, bonds",
    "aid": "aid, grant, grants, relief, donation, donations, pledged",
    "capex": "capex, capital expenditure, capital spending",
    "buyback": "repurchased, repurchase, repurchases, bought back, buy back, buyback, buybacks, "
    "share repurchases",
    "transfer fee": "transfer fee, fee, signing fee, bid, offer",
}
MONEY_WORDS = WordClasses(MONEY_MEASURES)
TIME_VARYING_MONEY = frozenset(
    {"run-rate", "valuation", "revenue", "debt", "damage", "investment", "buyback"}
)

TOTAL_MARKERS = re.compile(
    r"(?i)(?<![\w\-])(?:in total|total|totals|totalling|totaling|globally|worldwide|across all|overall|"
    r"altogether|in all|all told|cumulative|cumulatively|to date|so far|nationwide|company-wide|statewide|"
    r"across the (?:state|country|nation|region|city|county|province|world|globe)|"
    r"since (?:the|its|it|their|launch|inception)\b[^.;]{0,40}?\b(?:began|begun|started|launched|opened))"
    r"(?![\w\-])"
)
AGGREGATE_MARKERS = re.compile(r"(?i)(?<![\w\-])(?:aggregate|combined|collectively|together)(?![\w\-])")
PART_MARKERS = re.compile(
    r"(?i)(?<![\w\-])(?:new|additional|another|further|extra|latest|first|second|third|initial|tranche|"
    r"installment|instalment|one of|part of|share of|portion of)(?![\w\-])"
)
ALONE = re.compile(r"(?i)\balone\b")
# A period that makes a count a rate: "in its first week", "per day". Part of the measure, so a
# first-day figure is never compared with a first-week one.
PERIOD = re.compile(
    r"(?i)\b(?:(?:in|during|over)\s+(?:its|their|the)\s+(?:first|opening|last|past)\s+(?:day|week|weekend|month|"
    r"year|quarter|season)|(?:per|a|each)\s+(?:day|week|month|year|hour)|daily|weekly|monthly|annually|yearly)\b"
)
NOT_CLAIM_TIME = re.compile(
    r"(?i)(?:since|began|begun|started|starting|launched|founded|established|from|announced|than|"
    r"compared with|compared to|versus|vs\.?)\s+(?:in\s+)?$"
)
COMPARISON_BEFORE = re.compile(
    r"(?i)(?<![\w\-])(?:over|than|versus|vs\.?|compared (?:to|with)|relative to|from|against|beat|beats|"
    r"outperforms?|like|unlike)\s+(?:the\s+|its\s+|their\s+)?$"
)

# A label opening the sentence qualifies everything after its colon: "Prediction: 15 goals".
MODAL_LABEL = re.compile(
    r"^\W*(?:(?P<forecast>predictions?|forecasts?|projections?|estimates?|outlook)|(?P<plan>targets?|plans?|goals?)|"
    r"(?P<hedged>rumou?rs?|unconfirmed))\s*:",
    re.IGNORECASE,
)
MODALITY_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("hedged", re.compile(
        r"(?i)(?<![\w\-])(?:reportedly|reported to|is said to|are said to|allegedly|rumou?red|unconfirmed|"
        r"people familiar|person familiar|sources (?:say|said|told|confirm|familiar)|"
        r"according to (?:reports|sources|people)|"
        r"anonymous|internal documents|could not be verified|unverified)(?![\w])")),
    ("forecast", re.compile(
        r"(?i)(?<![\w\-])(?:estimates?|estimated|forecasts?|forecasted|projected|projects|predicts?|predicted|"
        r"predictions?|predicting|"
        r"could add|could reach|is expected to reach|are expected to reach|analysts expect|outlook|guidance)"
        r"(?![\w])")),
    ("plan", re.compile(
        r"(?i)(?<![\w\-])(?:plans? to|planned|planning|will|would|aims? to|intends? to|targets?|targeting|"
        r"goal|scheduled|slated|expected to|set to|on track to|roadmap|promises?|pledged? to|proposed|could|"
        r"may|might)(?![\w])")),
]

NEGATION = re.compile(
    r"(?i)(?<![\w\-])(?:not|no longer|never|denied|denies|false|untrue|isn't|aren't|wasn't|weren't)(?![\w])"
)

ATTRIBUTION_PATTERNS = [
    re.compile(
        r"(?i)according to (?P<who>(?:the |an? )?[\w&.'’\- ]{2,60}?)"
        r"(?=[,.;:]|$| (?:report|tour|breakdown|analysis))"
    ),
    re.compile(
        r"(?P<who>(?:[A-Z][\w&.'’\-]+ ){0,4}[A-Z][\w&.'’\-]+|[Aa]nalysts|[Oo]fficials|[Ss]ources|[Ee]xperts|"
        r"[Pp]olice|[Rr]esearchers|(?:the |a |an )?(?:company|ministry|spokesperson|spokesman|spokeswoman|"
        r"agency|"
        r"department|government|team|club|league|authorities|report|study|statement|filing|survey))"
        r",? (?:\w+ )?(?:said|says|told|confirmed|confirms|announced|announces|estimated|estimates|reported|"
        r"reports|noted|notes|stated|wrote|writes|claimed|claims|disclosed|revealed|show|shows|showed)(?![\w])"
    ),
    re.compile(r"(?i)(?:said|says|told reporters|wrote) (?P<who>(?:[A-Z][\w&.'’\-]+ ?){1,4})"),
]

DIRECTION_UP = re.compile(
    r"(?i)(?<![\w\-])(?:improvement|improves?|improved|faster|more|higher|greater|larger|bigger|jump|jumps|increase|"
    r"increased|rise|rises|rose|growth|grew|gain|gains|boost|up|better|quicker|stronger)(?![\w])"
)
DIRECTION_DOWN = re.compile(
    r"(?i)(?<![\w\-])(?:lower|less|cheaper|smaller|fewer|reduction|reduced|reduces?|reducing|drop|drops|dropped|"
    r"fall|falls|fell|decline|declines|declined|decrease|decreased|cut|cuts|down|slower|worse|savings?|saving)(?![\w])"
)
PRECISION_TAG = re.compile(r"(?<![\w])(?:FP|BF|INT|TF|MXFP)\d{1,2}(?![\w])")

STOPWORDS = frozenset(
    [
        "a", "an", "the", "of", "in", "on", "at", "for", "to", "by", "with", "from", "and", "or", "but", "as",
        "is", "are", "was", "were", "be", "been", "being", "its", "their", "his", "her", "our", "your",
        "this", "that", "these", "those", "it", "they", "them", "than", "then", "so", "such", "per", "via",
        "over", "under", "about", "into", "onto", "upon", "has", "have", "had", "will", "would", "can",
        "could", "may", "might", "must", "shall", "should", "do", "does", "did", "now", "just", "also",
        "only", "very", "more", "most", "less", "least", "up", "down", "out", "off", "s",
    ]
)
