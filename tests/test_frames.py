"""Claims read as frames from the parse, one claim type per case, on sentences written for these tests.

Each case names the figure (by its quote) and what a fact-checker needs from it: the measure it
belongs to, what it is about, its value, and for times and states the days it speaks of.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.frames.reader import read_article
from claimcheck.frames.tokens import clause_antecedent
from claimcheck.language.pipeline import load_pipeline
from claimcheck.models import Article, ArticleDate, Claim, ClaimKind, DateSpan

DAY = dt.date(2025, 6, 18)  # a Wednesday


def _claims(text: str) -> list[Claim]:
    article = Article(id="t", path="t.md", format="md", text=text,
                      published=ArticleDate(span=DateSpan(start=DAY, end=DAY), origin="front-matter",
                                            reason="test"))
    return read_article(article)


def _one(text: str, quoted: str) -> Claim:
    found = [c for c in _claims(text) if quoted in c.quote]
    assert found, f"no claim quoting {quoted!r} in {text!r}: {[c.quote for c in _claims(text)]}"
    return found[0]


@pytest.mark.parametrize(("text", "quoted", "measure", "subject", "display"), [
    # what it counts: the counted noun, "a population of N", "X, home to N people", a city of N
    ("Millbrook has a population of 517,000.", "517,000", "population", "Millbrook", "516,999.5 – 517,000.5"),
    ("Hollin Island, home to 80,000 people, lies off the coast.", "80,000", "population", "Hollin Island",
     "79,999.5 – 80,000.5 person"),
    ("The storm reached Carrow, a city of 250,000 people, on Monday.", "250,000", "population", "Carrow",
     "249,999.5 – 250,000.5 person"),
    # the subject of a pronoun is the name that says it; a possessor owns the figure
    ("Acme said it sold 517 widgets in 2024.", "517", "widget", "Acme", "516.5 – 517.5 widget"),
    ("Acme's revenue rose 12% to $4.6 billion.", "$4.6 billion", "revenue", "Acme",
     "$4.55 billion – $4.65 billion"),
    ("Real Madrid paid €45 million for the striker.", "€45 million", "payment", "Real Madrid",
     "€44.5 million – €45.5 million"),
    # a generic noun takes the predicate's class; a title opening the sentence is not the subject
    ("Fire Chief Dana Ortiz said 145 homes were lost.", "145", "houses", "", "144.5 – 145.5 home"),
    ("At least 12 people were killed, the ministry said.", "12", "killed", "", "≥ 12 person"),
    # distance to a place, addresses, ages, durations, ranks
    ("The island lies 300 kilometers south of Port Vey.", "300 kilometers", "distance", "", "299,500 m – 300,500 m"),
    ("Officers were called to 44 Harbor Street overnight.", "44", "street number", "Harbor street", "43.5 – 44.5"),
    ("Police said Tom Reyes, 52, was charged.", "52", "age", "Tom Reyes", "51.5 – 52.5"),
    ("The 45-year-old driver, Mara Lind, was arrested.", "45-year", "age", "Mara Lind", "45 years"),
    ("The club signed a seven-year deal.", "seven-year", "duration", "", "220.899 million s"),
    ("It is the country's third-largest port.", "third-largest", "rank largest port", "", "rank 3"),
])
def test_what_a_figure_counts_and_whose_it_is(text: str, quoted: str, measure: str, subject: str,
                                              display: str) -> None:
    claim = _one(text, quoted)
    assert (claim.measure, claim.subject, claim.value.display) == (measure, subject, display)


def test_attribution_and_modality() -> None:
    claim = _one("The project will cost $2.3 billion, the mayor said.", "$2.3 billion")
    assert claim.sources == ("mayor",) and claim.modality == "plan"
    bound = _one("At least 12 people were killed and about 40 injured, the ministry said.", "40")
    assert (bound.measure, bound.modality) == ("injured", "estimate")


def test_time_said_and_resolved_against_the_article_date() -> None:
    assert _one("Unemployment fell to 4.1% in May.", "4.1%").time == DateSpan(
        start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 31))
    tuesday = _one("Another 2,000 people were evacuated on Tuesday.", "2,000")
    assert tuesday.time == DateSpan(start=dt.date(2025, 6, 17), end=dt.date(2025, 6, 17))
    assert tuesday.other_event  # "another": an addition, not the count itself


def test_a_counterfactual_figure_is_no_claim() -> None:
    assert not _claims("There should have been six people dead, the chief said.")


def test_part_of_a_whole_and_the_whole() -> None:
    claims = _claims("Thirty of the 80 wounded remained in hospital.")
    assert [(c.value.display, c.scope) for c in claims] == [("30", "part"), ("79.5 – 80.5", "unspecified")]


def test_a_change_and_its_ends() -> None:
    claims = _claims("Wages rise from 2,640 euros to 2,830 euros, a rise of 9.5 percent.")
    assert [(c.value.nominal, c.change) for c in claims] == [(2640.0, ""), (2830.0, ""), (9.5, "up")]


def test_reporting_periods_are_kept_without_a_year() -> None:
    claim = _one("Q1 earnings per share were $1.32, up from $1.10.", "$1.32")
    assert (claim.measure, claim.scope, claim.period, claim.subject) == ("profit", "per_unit", "*/Q1", "")


@pytest.mark.parametrize(("text", "quoted", "state", "days"), [
    ("The bridge will stay closed until at least July 4, the agency said on Monday.", "closed", "off",
     (dt.date(2025, 6, 18), dt.date(2025, 7, 4))),
    ("Service on the line resumed on Monday.", "resumed", "on", (dt.date(2025, 6, 16), dt.date(2025, 6, 16))),
    ("The plant will not reopen before 2028.", "reopen", "off", (dt.date(2025, 6, 18), dt.date(2028, 1, 1))),
    ("Trams will remain suspended until Saturday.", "suspended", "off", (dt.date(2025, 6, 18), dt.date(2025, 6, 21))),
])
def test_event_status_over_days(text: str, quoted: str, state: str, days: tuple[dt.date, dt.date]) -> None:
    claim = _one(text, quoted)
    assert claim.state == state
    assert claim.time == DateSpan(start=days[0], end=days[1])


@pytest.mark.parametrize(("text", "display", "minutes"), [
    ("Officers were called at 2:15 a.m.", "02:15 local", 135.0),
    ("The blast happened at 1410 (1210 GMT) on Tuesday.", "12:10 GMT", 730.0),
    ("The vote closed at 9:40 p.m. on Friday.", "21:40 local", 1300.0),
])
def test_clock_times_with_zones(text: str, display: str, minutes: float) -> None:
    clocks = [c for c in _claims(text) if c.value.dimension == "clock"]
    assert (display, minutes) in [(c.value.display, c.value.low) for c in clocks]


def test_numbers_inside_names_and_dates_are_not_figures() -> None:
    claims = _claims("The COVID-19 vaccine and the mRNA-1345 trial were discussed on May 2.")
    assert [c for c in claims if c.kind == ClaimKind.NUMERIC] == []  # the day it was discussed is no figure


# parts a sentence lists, and what a generic noun counts when its verb says more
def test_listed_parts_are_parts_and_their_sum_is_a_total() -> None:
    claims = _claims("Around 400 people are staying in tents and another 250 are waiting for beds, the mayor said.")
    by_quote = {c.quote: c for c in claims}
    parts = [c for c in by_quote.values() if c.scope == "part"]
    totals = [c for c in by_quote.values() if c.scope == "total"]
    assert sorted(c.value.nominal for c in parts) == [250.0, 400.0]
    assert [c.value.nominal for c in totals] == [650.0]
    assert not any(c.other_event for c in by_quote.values())  # "another" here adds to the list


def test_another_without_a_list_stays_another_event() -> None:
    claims = _claims("Another 250 people were evacuated on Tuesday, and 40 were rescued.")
    assert [c.scope for c in claims if c.measure == "evacuated"] == ["unspecified"]
    assert all(c.other_event for c in claims if c.measure == "evacuated")


def test_a_fraction_of_a_figure_just_given_is_counted_in_its_unit() -> None:
    claims = _claims("As many as 600 people needed shelter, half of whom were given beds in a school.")
    half = next(c for c in claims if c.value.text == "half" and c.value.dimension == "number")
    assert (half.scope, half.value.low, half.value.high) == ("part", 0.0, 300.0)


def test_an_ordinal_adjective_is_not_a_count() -> None:
    assert not [c for c in _claims("A third person has died, officials said on Tuesday.")
                if c.measure == "killed"]


@pytest.mark.parametrize(("text", "measure"), [
    ("Brackwater has 12,000 residents.", "population"),  # a holding verb: the town's people
    ("Officials ordered 5,200 residents to leave.", "order"),  # the order's residents, not the town's
    ("Some 3,400 residents are still under a mandatory evacuation order.", "evacuated"),
    ("By Tuesday morning, one resident was still missing.", "missing"),
])
def test_residents_are_a_population_only_when_the_verb_says_nothing_more(text: str, measure: str) -> None:
    assert [c.measure for c in _claims(text) if c.kind == "numeric"][:1] == [measure]


def test_a_conversion_in_brackets_is_not_a_second_figure() -> None:
    claims = _claims("The island lies 1,150 kilometers (700 miles) southeast of Port Vey.")
    assert [c.value.text for c in claims if c.measure == "distance"] == ["1,150 kilometers"]


def test_a_change_takes_the_period_of_its_own_figure_not_of_its_base() -> None:
    text = ("Third quarter 2024 results were strong.\n\n"
            "Third quarter adjusted earnings per share was $0.41, up 21% from $0.34 in the third quarter of last year.")
    change = _one(text, "21%")
    base = _one(text, "$0.34")
    # the bare "third quarter" is the article's latest; "of last year" the one before it
    assert (change.period, change.time_stated) == ("2024/Q3", False)
    assert (base.period, base.time_stated) == ("2023/Q3", True)


def test_a_bare_quarter_stays_undated_when_the_article_names_no_year_for_it() -> None:
    assert _one("Second quarter revenue was $4.1 million, up 8%.", "8%").period == "*/Q2"


@pytest.mark.parametrize(("text", "quoted", "measure", "counted_as_claim"), [
    # the complement of "released" is still held; a verb without one is no count at all
    ("As of Tuesday, all but four of the patients had been released from hospital.", "four", "remain", True),
    ("Six people were left for observation at the clinic.", "Six", "remain", True),
    ("All but two of the members voted for the plan.", "two", "", False),
])
def test_all_but_n_counts_what_remains(text: str, quoted: str, measure: str, counted_as_claim: bool) -> None:
    found = [c for c in _claims(text) if quoted in c.quote]
    assert [c.measure.split(" ")[0] for c in found] == ([measure] if counted_as_claim else [])


def test_as_of_a_day_is_when_a_count_holds() -> None:
    claim = _one("As of Monday afternoon, nine patients remained in hospital.", "nine")
    assert (claim.time_stated, claim.time.start if claim.time else None) == (True, dt.date(2025, 6, 16))


def test_it_in_a_subordinate_clause_is_the_named_subject_of_its_sentence() -> None:
    claim = _one("Corvello faced a boycott when it opened 40 stores in the region.", "40")
    assert claim.subject == "Corvello"
    # "it" is not the person who speaks, "she" not a company
    it, she = (next(t for t in load_pipeline()(text) if t.lower_ == word) for text, word in (
        ("Dana Whitcombe said it would close 12 branches.", "it"), ("Corvello said she would leave.", "she")))
    assert (clause_antecedent(it), clause_antecedent(she)) == (None, None)


def test_a_list_that_goes_on_in_the_next_sentence_gives_no_sum() -> None:
    claims = _claims("Two people were taken to Mercy Hospital and another three were taken to St. Ann's. "
                     "A sixth patient was taken to the county hospital.")
    assert not [c for c in claims if c.scope == "total"]


def test_an_organisation_only_named_as_an_object_is_not_the_company() -> None:
    claim = _one("The company's net income rose to $12 million despite the impact of Covid-19.", "$12 million")
    assert claim.subject == ""


def test_a_house_number_span_is_not_a_fraction() -> None:
    claim = _one("Shots came from 31/33 Elmwood St. next door.", "31/33")
    assert (claim.measure, claim.value.low, claim.value.high) == ("street number", 31.0, 33.0)


def test_a_rate_is_not_a_count_of_its_period() -> None:
    claim = _one("The plan will save about $210 million a year, the company said.", "$210 million")
    assert (claim.measure, claim.counted) == ("save", "")


@pytest.mark.parametrize(("text", "quoted", "measure"), [
    # an offset names what it runs from and what happened then; with neither it is no claim
    ("The last passenger was freed nearly eight hours after the derailment.", "eight hours",
     "time after derailment (free)"),
    ("Shares fell less than two hours after the company released its results.", "two hours",
     "time after release (fall)"),
])
def test_a_duration_before_or_after_something_is_an_offset(text: str, quoted: str, measure: str) -> None:
    assert _one(text, quoted).measure == measure


def test_an_offset_from_nothing_named_is_no_claim() -> None:
    assert not [c for c in _claims("He had been fired four days earlier.") if "four days" in c.quote]


def test_the_ends_of_a_change_are_levels_and_the_base_an_earlier_figure() -> None:
    claims = {c.value.text: c for c in _claims("The gross margin narrowed to 17.3% from 21.8%.")}
    assert (claims["17.3%"].measure, claims["17.3%"].change) == ("margin", "")
    base = _one("Revenue fell 9% to $1.84 billion from $2.02 billion.", "$2.02 billion")
    assert base.other_event  # the earlier period's figure, no reading of this one


def test_a_part_of_the_day_is_not_what_is_counted() -> None:
    claim = _one("The death toll rose to three Monday morning, officials said.", "three")
    assert (claim.measure, claim.counted) == ("killed", "")


def test_places_counted_are_not_the_people_in_them() -> None:
    assert _one("Evacuees are staying in three shelters across the county.", "three").measure == "shelters"
    assert _one("About 2,000 people needed shelter after the flood.", "2,000").measure == "evacuated"


@pytest.mark.parametrize(("text", "quoted", "day"), [
    # DAY is a Wednesday: a weekday said of what is to come is the coming one, of what was the last
    ("Classes will resume Thursday, the superintendent said.", "Thursday", dt.date(2025, 6, 19)),
    ("The city would open a recovery center at the library on Monday.", "Monday", dt.date(2025, 6, 23)),
    ("The levee failed before dawn on Monday.", "Monday", dt.date(2025, 6, 16)),
    # a weekday with its date: the date says which day
    ("Classes will resume Thursday, June 26, the district said.", "June 26", dt.date(2025, 6, 26)),
])
def test_the_day_an_event_is_said_to_happen(text: str, quoted: str, day: dt.date) -> None:
    dated = [c for c in _claims(text) if c.measure.startswith("day of ") or c.kind.value == "temporal"]
    assert any(c.time is not None and c.time.start == day and quoted in c.quote for c in dated), [
        (c.measure, c.quote, c.time) for c in dated]


def test_an_event_and_its_noun_meet_and_a_report_is_no_event() -> None:
    derailed = _one("A train derailed early Tuesday outside the town.", "early Tuesday")
    noun = _one("Investigators studied Monday's derailment.", "Monday")
    assert derailed.measure == noun.measure == "day of derail"
    assert not [c for c in _claims("The report was published on Monday.") if c.measure.startswith("day of")]


def test_a_cut_of_one_thing_is_not_a_cut_of_another() -> None:
    training = _one("The chip reduced training times by 35%, the company said.", "35%")
    research = _one("The tool is reducing research time by 80%, its makers say.", "80%")
    assert training.measure != research.measure
    assert training.measure.endswith("(training time)")


# readings a review of stop 15 found broken, each with the sentence that showed it
def test_a_past_weekday_after_a_clause_opener_stays_past() -> None:
    claim = _one("Officials will investigate what caused Monday's derailment.", "Monday")
    assert claim.time is not None and claim.time.start == dt.date(2025, 6, 16)


def test_the_start_of_a_change_is_an_earlier_figure_and_the_day_is_the_changes() -> None:
    claims = {c.value.text: c for c in _claims("The death toll rose to 14 from 9 on Tuesday, officials said.")}
    assert claims["9"].other_event and not claims["14"].other_event
    assert claims["14"].time is not None and claims["14"].time.start == dt.date(2025, 6, 17)


def test_a_forecast_year_does_not_date_the_quarter_reported() -> None:
    text = ("Revenue rose 10% to $4.4 billion in the third quarter. "
            "The company expects revenue to top $6 billion in the third quarter of 2027.")
    assert _one(text, "10%").period == "*/Q3"


@pytest.mark.parametrize(("text", "quoted", "measure", "subject"), [
    ("Officials said it cost $5 million to repair the bridge.", "$5 million", None, ""),
    ("The automaker lowered its full-year sales target to 9 million vehicles.", "9 million", "vehicles", None),
    ("About 2,000 people were left homeless by the floods.", "2,000", "evacuated", None),
    ("He was sentenced to 10 years after a trial in March.", "10 years", "duration", None),
])
def test_readings_the_review_found(text: str, quoted: str, measure: str | None, subject: str | None) -> None:
    claim = _one(text, quoted)
    assert measure is None or claim.measure == measure
    assert subject is None or claim.subject == subject


def test_a_figure_before_a_paragraph_break_is_kept() -> None:
    assert _one("Power was out for six hours\n\nAfter the storm, crews worked through the night.", "six hours")


def test_a_company_named_as_where_profit_is_acts_in_the_story() -> None:
    text = "Quarterly profit at Corvane rose 12% to $4.6 billion.\n\nThe company's revenue rose 5% to $9 billion."
    assert _one(text, "$9 billion").subject == "Corvane"


def test_a_names_appositive_number_is_an_age_even_when_the_name_is_tagged_an_organisation() -> None:
    claim = _one("Wendell Pruitt, 52, a roof bolter from the valley, was among the trapped.", "52")
    assert (claim.measure, claim.subject) == ("age", "Wendell Pruitt")
