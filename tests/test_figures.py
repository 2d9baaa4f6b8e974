"""Figures: money, percentages, physical quantities, counted things; what is not a figure; context."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.extract.actors import find_actors
from briefing.extract.figures import find_figures
from briefing.extract.figures_units import ISO_CODES
from briefing.extract.numbers import find_numbers
from briefing.model import DateMention
from helpers import make_doc


def figures_of(body: str, **kwargs):
    doc = make_doc(body)
    found = find_figures(doc, dates=kwargs.get("dates", ()), actors=kwargs.get("actors", ()))
    for figure in found:
        evidence = figure.evidence[0]
        assert doc.text[evidence.start:evidence.end] == figure.text
    return found


@pytest.mark.parametrize("body, text, value, unit", [
    # money: signs, codes, words, scale words
    ("The bridge cost $740 million to build.", "$740 million", 740_000_000, "USD"),
    ("The fund holds US$2.6 billion in bonds.", "US$2.6 billion", 2_600_000_000, "USD"),
    ("Investors put in €1.5 billion last spring.", "€1.5 billion", 1_500_000_000, "EUR"),
    ("The club paid £1.2bn for the stadium.", "£1.2bn", 1_200_000_000, "GBP"),
    ("The start-up raised $4m from angels.", "$4m", 4_000_000, "USD"),
    ("Farmers got 17 mln dlrs in aid.", "17 mln dlrs", 17_000_000, "USD"),
    ("It lent 40 mln stg to the mill.", "40 mln stg", 40_000_000, "GBP"),
    ("Tokyo set aside 3.1 trillion yen for roads.", "3.1 trillion yen", 3_100_000_000_000, "JPY"),
    ("The port earned 80 million rupees.", "80 million rupees", 80_000_000, "INR"),
    ("The loan was worth 9 billion roubles.", "9 billion roubles", 9_000_000_000, "RUB"),
    ("The plant cost 2 billion yuan.", "2 billion yuan", 2_000_000_000, "CNY"),
    ("Fees rose to 300 francs a month.", "300 francs", 300, "CHF"),
    ("A bond of 90 million Swiss francs was sold.", "90 million Swiss francs", 90_000_000, "CHF"),
    ("The mill was sold for 75 million Finnish markka.", "75 million Finnish markka", 75_000_000, "FIM"),
    ("Tickets cost 25 Canadian dollars each.", "25 Canadian dollars", 25, "CAD"),
    ("The mine cost C$310 million.", "C$310 million", 310_000_000, "CAD"),
    ("The tower sold for HK$6.4 billion.", "HK$6.4 billion", 6_400_000_000, "HKD"),
    ("The farm fetched A$12 million.", "A$12 million", 12_000_000, "AUD"),
    ("They paid USD 450 for the licence.", "USD 450", 450, "USD"),
    ("The charge is 35 EUR per night.", "35 EUR", 35, "EUR"),
    ("A ticket costs 60 cents now.", "60 cents", 0.6, "USD"),
    ("The stamp costs 85 pence.", "85 pence", 0.85, "GBP"),
    ("The budget was three million dollars.", "three million dollars", 3_000_000, "USD"),
    ("A fine of half a million euros was imposed.", "half a million euros", 500_000, "EUR"),
    ("It sold for 2-1/2 million dollars.", "2-1/2 million dollars", 2_500_000, "USD"),
    ("The ferry ticket was nineteen dollars fifty.", "nineteen dollars fifty", 19.5, "USD"),
    ("The village raised 12 million pesos.", "12 million pesos", 12_000_000, "MXN"),
    ("The chip plant cost 8 trillion won.", "8 trillion won", 8_000_000_000_000, "KRW"),
    # percentages
    ("Output grew 2.5 pct in the quarter.", "2.5 pct", 2.5, "%"),
    ("Turnout was 61 per cent this time.", "61 per cent", 61, "%"),
    ("Turnout was 61 percent this time.", "61 percent", 61, "%"),
    ("Turnout was 61% this time.", "61%", 61, "%"),
    ("The rate rose 3 percentage points.", "3 percentage points", 3, "percentage points"),
    ("The bank cut rates by 25 basis points.", "25 basis points", 25, "basis points"),
    # physical quantities
    ("The pipeline runs 1,150 km to the coast.", "1,150 km", 1150, "kilometre"),
    ("The lorry carried 18 tonnes of grain.", "18 tonnes", 18, "tonne"),
    ("Output reached 9.2 million barrels a day.", "9.2 million barrels", 9_200_000, "barrel"),
    ("The flat measures 900 square feet.", "900 square feet", 900, "square foot"),
    ("The storm dumped six inches of rain.", "six inches", 6, "inch"),
    ("It was 41 degrees Celsius at noon.", "41 degrees Celsius", 41, "degree Celsius"),
    ("The train reached 320 km/h on the test run.", "320 km/h", 320, "kilometre per hour"),
    ("The drive holds 512 GB of data.", "512 GB", 512, "gigabyte"),
    ("The turbine makes 15 MW at full speed.", "15 MW", 15, "megawatt"),
    ("The strike lasted 48 hours in all.", "48 hours", 48, "hour"),
    # counted things
    ("The army sent 12,000 troops to the border.", "12,000 troops", 12000, "troops"),
    ("The navy ordered three frigates this spring.", "three frigates", 3, "frigates"),
    ("The airline leased 14 K700s from a lessor.", "14 K700s", 14, "K700s"),
    ("The fire destroyed 230 homes overnight.", "230 homes", 230, "homes"),
    ("The firm will hire 2 million people worldwide.", "2 million people", 2_000_000, "people"),
])
def test_finds_the_figure(body, text, value, unit):
    figures = figures_of(body)
    assert [(f.text, f.value, f.unit) for f in figures] == [(text, value, unit)]


@pytest.mark.parametrize("body, value, high, approx", [
    ("Repairs will cost $15-20 million, the mayor said.", 15_000_000, 20_000_000, False),
    ("The poll gives her 40 to 45 percent of the vote.", 40, 45, False),
    ("They expect between 300 and 400 km of new track.", 300, 400, False),
    ("About 8,000 workers joined the strike.", 8000, None, True),
    ("Nearly 60 percent of voters stayed home.", 60, None, True),
    ("The state spent more than $2 billion on schools.", 2_000_000_000, None, True),
    ("Up to 500 troops may stay behind.", 500, None, True),
    ("Some 40 boats left the harbour.", 40, None, True),
])
def test_ranges_and_approximations(body, value, high, approx):
    (figure,) = figures_of(body)
    assert (figure.value, figure.value_high, figure.approx) == (value, high, approx)


@pytest.mark.parametrize("body", [
    "The treaty was signed in 1987 after long talks.",
    "The 2018 elections were close.",
    "The meeting starts at 10:30 a.m. in the hall.",
    "The meeting starts at 3pm in the hall.",
    "It was the first agreement of its kind.",
    "This is the 3rd attempt to pass the bill.",
    "The 42-year-old pilot landed safely.",
    "The pilot, 42 years old, landed safely.",
    "Call 555-0142 for tickets to the show.",
    "He lives at 17 Harbour Road in the old town.",
    "The dispute turns on clause 7 of the contract.",
    "Section 12 of the act covers appeals.",
    "The F-16 is flown by many air forces.",
    "The summit of the G7 ended early.",
    "Shares of the firm (XYZ.N) ended flat.",
    "1. Bring your own lunch.",
    "She won 6-4 in the final set.",
    "The two countries signed a pact.",
    "Both sides agreed that one of the sites would close.",
    "He will stay for a year and then leave.",
    "One day the mine will close.",
    "The vote was 52 to 48 in the end.",
])
def test_not_a_figure(body):
    assert figures_of(body) == ()


def test_model_designation_takes_its_kind_from_the_article():
    body = ("The ministry wants Su-30 fighter jets for its air force. "
            "It agreed to the sale of 12 Su-30s to the air force in May.")
    (figure,) = figures_of(body)
    assert (figure.text, figure.unit, figure.display) == ("12 Su-30s", "Su-30 jets", "12 Su-30 jets")
    assert figure.measure == "Su-30 jets to the air force"


def test_model_designation_alone_is_not_a_figure():
    assert figures_of("The Su-30 first flew decades ago.") == ()


@pytest.mark.parametrize("body, shown", [
    ("Sales reached $542 million.", "US$542 million"),
    ("Sales reached €1.5 billion.", "€1.5 billion"),
    ("Growth was 2.5 pct.", "2.5%"),
    ("The rate rose 3.5 percentage points.", "3.5 percentage points"),
    ("Repairs will cost $15-20 million.", "US$15–20 million"),
    ("About 20,000 troops were sent.", "about 20,000 troops"),
    ("At least 62 have died.", "at least 62 deaths"),
    ("A stamp costs 60 cents.", "US$0.60"),
    # money keeps its decimal places
    ("The euro traded at $1.0735 on Monday.", "US$1.0735"),
    ("The stock closed at $14.20.", "US$14.20"),
])
def test_display(body, shown):
    (figure,) = figures_of(body)
    assert figure.display == shown


@pytest.mark.parametrize("body, measure", [
    ("Officials want to expand tourism between the two islands, which currently stood at $75 million.",
     "tourism between the two islands"),
    ("Chile last year purchased $1.4 billion worth of German machinery.", "Chilean purchases of German machinery"),
    ("Exports of copper were $3 billion in the quarter.", "Exports of copper"),
    ("Peru's coffee exports to Japan were tiny, valued at only $4 million.", "Peruvian coffee exports to Japan"),
    ("The ministry said farm income fell 8 percent.", "fall in farm income"),
    ("The firm won a $48 million road contract.", "road contract"),
    ("Net profit 5.4 mln vs 3.2 mln", "net profit"),
])
def test_measure(body, measure):
    figure = figures_of(body)[0]
    assert figure.measure == measure


def test_ellipsis_reuses_the_earlier_subject_and_thing():
    body = ("Chile last year purchased $1.4 billion worth of German machinery - twice the $700 million worth "
            "it purchased from France.")
    first, second = figures_of(body)
    assert second.measure == "Chilean purchases of French machinery"


def test_wire_comparison_shares_the_unit():
    shr, previous = figures_of("Shr 1.20 dlrs vs 1.05 dlrs")[0], figures_of("Shr 1.20 dlrs vs 1.05")[1]
    assert (shr.value, shr.unit, shr.measure) == (1.2, "USD", "earnings per share")
    assert (previous.text, previous.value, previous.unit) == ("1.05", 1.05, "USD")


def test_date_and_source_from_the_sentence():
    body = "Chile last year purchased $1.4 billion worth of German machinery, according to the Central Bank (CBC)."
    doc = make_doc(body)
    start = body.index("last year")
    dates = (DateMention("last year", "2013", (doc.evidence(start, start + 9),)),)
    (figure,) = find_figures(doc, dates=dates, actors=())
    assert (figure.date, figure.source) == ("2013", "Central Bank")


def test_a_date_right_after_a_figure_is_its_date():
    body = "Unemployment fell to 3.9% in May from 4.1% in April."
    doc = make_doc(body)
    dates = tuple(DateMention(month, value, (doc.evidence(body.index(month), body.index(month) + len(month)),))
                  for month, value in (("May", "2014-05"), ("April", "2014-04")))
    assert [(f.text, f.date) for f in find_figures(doc, dates=dates, actors=())] == [("3.9%", "2014-05"),
                                                                                   ("4.1%", "2014-04")]


@pytest.mark.parametrize("body, dated, expected", [
    # a relative date right after the figure is its date
    ("Founded in 2009, Acme reported revenue of $310 million last year.", [("2009", "2009"), ("last year", "2013")],
     [("$310 million", "2013")]),
    # the date right after a later figure is that figure's only
    ("About 9.1 million voters were eligible, up from 8.6 million in 2021.", [("2021", "2021")],
     [("9.1 million voters", None), ("8.6 million", "2021")]),
    # an earlier figure's date still dates what follows in its clause
    ("Sales rose 5% in March to $3 billion.", [("March", "2014-03")], [("5%", "2014-03"), ("$3 billion", "2014-03")]),
    # when a body was founded or a person born dates no figure of the sentence
    ("Orvane Bank, founded in 2009, has 1,100 employees.", [("2009", "2009")], [("1,100 employees", None)]),
    ("The party took 14.9%, its best result since it was formed in 2011.", [("2011", "2011")], [("14.9%", None)]),
    ("Founded in 2009, Acme had 40 stores in 2012.", [("2009", "2009"), ("2012", "2012")], [("40 stores", "2012")]),
    # a date in a relative clause after the figure is of what the clause says
    ("Some 300 crews fought the blaze, which flared up on Saturday.", [("Saturday", "2014-11-15")],
     [("300 crews", None)]),
    ("Ferries carried 9,000 riders, who had queued since May.", [("May", "2014-05")], [("9,000 riders", None)]),
])
def test_whose_date_a_date_is(body, dated, expected):
    doc = make_doc(body)
    dates = tuple(DateMention(text, value, (doc.evidence(body.index(text), body.index(text) + len(text)),))
                  for text, value in dated)
    assert [(f.text, f.date) for f in find_figures(doc, dates=dates, actors=())] == expected


@pytest.mark.parametrize("body, source", [
    ("Police said 68 people were missing.", "Police"),
    ("The ministry estimates 40 people died.", "ministry"),
    ("The Xland Bureau reported 40 deaths.", "Xland Bureau"),
    ("Lin Wei told reporters 40 people died.", "Lin Wei"),
    ("The tally reached 40 deaths.", None),
])
def test_source_opening_the_sentence(body, source):
    assert [f.source for f in figures_of(body)] == [source]


@pytest.mark.parametrize("body, text, start, source", [
    # an outlet or a report opening the sentence vouches for the figure, whatever its verb's form
    ("The Brenlow Courier reports just 0.5% of ferries ran late.", "0.5%", 33, "Brenlow Courier"),
    ("The Ostra Ledger newspaper reported that 300 cabins were shut.", "300 cabins", 41, "Ostra Ledger"),
    ("The audit shows 41% of invoices went unpaid.", "41%", 16, "audit"),
    ("The census found 9,000 empty barns.", "9,000 empty barns", 17, "census"),
    # 'According to' opening the sentence credits its name as it does inside one
    ("According to the Tessary Post, 200 dockers walked off the job.", "200 dockers", 31, "Tessary Post"),
    ("According to a study by the Halden Trust, 2 million people lack clean water.", "2 million people", 42,
     "Halden Trust"),
])
def test_a_figure_credited_to_an_outlet_or_a_report(body, text, start, source):
    assert [(f.text, f.evidence[0].start, f.source) for f in figures_of(body)] == [(text, start, source)]


@pytest.mark.parametrize("body, text, start, measure", [
    # an amount given or taken by a verb is that verb's noun, with whom it went to or came from
    ("The watchdog fined the ferry firm 3 million euros.", "3 million euros", 34, "fine imposed on the ferry firm"),
    ("The watchdog fined Orsa Rail $3 million.", "$3 million", 29, "fine imposed on Orsa Rail"),
    ("Orsa Rail was fined £40m after the crash.", "£40m", 20, "fine imposed on Orsa Rail"),
    ("A jury awarded Tomas Brek $90,000 in damages.", "$90,000", 26, "damages awarded to Tomas Brek"),
    ("The trust granted the hospice £2m.", "£2m", 30, "sum granted to the hospice"),
    # what a verb costs someone; a preposition after the verb is no one it costs
    ("The walkout would cost the harbour town about £5 million a day.", "£5 million", 46, "cost to the harbour town"),
    ("The extra cost of 9 million euros fell on the town.", "9 million euros", 18, "cost"),
    # an adjective between the determiner and the amount: the noun after the amount is still what it measures
    ("The club paid a record €85 million fee for the winger.", "€85 million", 23, "fee"),
    # the subject opening the sentence measures the figure without its article
    ("The krona slid 0.4% against the euro.", "0.4%", 15, "fall in krona"),
    ("The levy stands at 12%.", "12%", 19, "levy"),
    # the antecedent of 'which <someone> put at / estimate at' is what the figure measures
    ("Pay lagged far below prices, which the census bureau put at 7.5% that year.", "7.5%", 60, "prices"),
    ("The backlog, which auditors estimate at $3bn, keeps growing.", "$3bn", 40, "backlog"),
])
def test_the_measure_of_one_figure(body, text, start, measure):
    assert [(f.text, f.evidence[0].start, f.measure) for f in figures_of(body)] == [(text, start, measure)]


@pytest.mark.parametrize("body, text, value, unit, start", [
    # a scale word after the number makes it an amount, even after a word that labels numbers ('Line 3')
    ("The board fined the tram line 4 million euros.", "4 million euros", 4_000_000, "EUR", 30),
    ("The council gave bus route 2 million dollars in aid.", "2 million dollars", 2_000_000, "USD", 27),
])
def test_an_amount_after_a_label_word(body, text, value, unit, start):
    assert [(f.text, f.value, f.unit, f.evidence[0].start) for f in figures_of(body)] == [(text, value, unit, start)]


@pytest.mark.parametrize("body, expected", [
    # 'the next/past/first N hours' is a span of time, as after 'over' or 'for'; the figures beside it stay
    ("The next 36 hours decide the harvest.", []),
    ("The past 3 days brought 80 arrests.", [("80 arrests", 24)]),
    ("The first 100 days cost $9 million.", [("$9 million", 24)]),
])
def test_a_span_of_time_after_the_next_or_past_is_not_a_figure(body, expected):
    assert [(f.text, f.evidence[0].start) for f in figures_of(body)] == expected


@pytest.mark.parametrize("body, text, start, measure", [
    # the level a verb of raising or lowering sets is that of the verb's object
    ("The central bank lifted its benchmark rate by 25 basis points to 4.75%.", "4.75%", 65, "benchmark rate"),
    ("Brevik Oil cut daily output to 2 million barrels.", "2 million barrels", 31, "daily output"),
])
def test_the_level_a_verb_raises_its_object_to(body, text, start, measure):
    assert [(f.text, f.evidence[0].start, f.measure) for f in figures_of(body)][-1] == (text, start, measure)


@pytest.mark.parametrize("body, text, start, source", [
    # 'the council said' credits the one body the article names with that word
    ("Velm Borough Council met. The council said it lacked £14.6 million.", "£14.6 million", 53,
     "Velm Borough Council"),
    ("The Orsk Dockers Union voted. The union says 300 members walked out.", "300 members", 45, "Orsk Dockers Union"),
])
def test_a_described_source_is_the_body_named_with_its_word(body, text, start, source):
    found = figures_of(body, actors=find_actors(make_doc(body)))
    assert [(f.text, f.evidence[0].start, f.source) for f in found] == [(text, start, source)]


def test_current_level_is_dated_by_publication():
    (figure,) = figures_of("Trade currently stands at $90 million.")
    assert figure.date == "2014"


@pytest.mark.parametrize("text, value", [
    ("thirty-four", 34), ("a hundred and six", 106), ("three and a half", 3.5), ("one-half", 0.5),
    ("9.1 billion", 9_100_000_000), ("2.4bn", 2_400_000_000), ("9,87,654.32", 987654.32), ("3 3/4", 3.75),
    ("7e12", 7e12), ("2.5x10-4", 0.00025), ("−40.5", -40.5),
])
def test_numbers(text, value):
    (number,) = find_numbers(text)
    assert (number.start, number.end) == (0, len(text))
    assert float(number.value) == pytest.approx(value)


# --- news styles: wire copy, features, press releases ---

@pytest.mark.parametrize("body, expected", [
    # a bare number after 'from' / 'compared with' takes the unit of the level it is compared with
    ("Profit rose 9 pct to 2.6 bln yen, from 2.38 bln a year earlier.",
     [("9 pct", 9, "%"), ("2.6 bln yen", 2_600_000_000, "JPY"), ("2.38 bln", 2_380_000_000, "JPY")]),
    ("The firm plans to sell 3.4 mln phones, up from 2.9 mln.",
     [("3.4 mln phones", 3_400_000, "phones"), ("2.9 mln", 2_900_000, "phones")]),
    ("The Labour bloc fell to 19 seats from 27 in 2011.", [("19 seats", 19, "seats"), ("27", 27, "seats")]),
    # 'from X to Y' and a verb of change: two levels, not a range
    ("Jobless claims rose from 4 to 6 percent.", [("4", 4, "%"), ("6 percent", 6, "%")]),
    ("The levy went from 5% to 8% of turnover.", [("5%", 5, "%"), ("8%", 8, "%")]),
    ("Copper fell $3 to $71 a tonne.", [("$3", 3, "USD"), ("$71", 71, "USD")]),
    # 'N of the M things'
    ("The bloc holds 54 of the 120 seats.", [("54", 54, "seats"), ("120 seats", 120, "seats")]),
    ("The vault held a quarter million coins.", [("a quarter million coins", 250_000, "coins")]),
    ("Ruritania paid 900 million złotys in cash.", [("900 million złotys", 900_000_000, "PLN")]),
    # counted things: capitalised plurals, '-men' plurals, dotted and longer modifiers, 'N out of M'
    ("The chamber seats 240 Xlanders and 190 Ylanders.", [("240 Xlanders", 240, "Xlanders"),
                                                          ("190 Ylanders", 190, "Ylanders")]),
    ("Altogether, fifteen Greens defected.", [("fifteen Greens", 15, "Greens")]),
    ("Jane Doe and six other Senate Greens objected.", [("six other Senate Greens", 6, "Senate Greens")]),
    ("Only 28 U.S. states require it.", [("28 U.S. states", 28, "U.S. states")]),
    ("Police held two Xlandic businessmen.", [("two Xlandic businessmen", 2, "Xlandic businessmen")]),
    ("He admitted 29 out of 30 federal fraud charges.", [("29", 29, "federal fraud charges"),
                                                         ("30 federal fraud charges", 30, "federal fraud charges")]),
    ("In Xland, over 1800 people have died.", [("1800 people", 1800, "people")]),
    ("We give away 3 USD50 Cards.", [("USD50", 50, "USD")]),
    # a bare number goes on counting what was just counted, when the words say it counts
    ("Xland has 54 member states. Only 27 have ratified the pact.",
     [("54 member states", 54, "member states"), ("27", 27, "member states")]),
    ("The trial of four drugs stopped because two of them worked.", [("four drugs", 4, "drugs"), ("two", 2, "drugs")]),
    ("Each carrier may hold 80 of other people's ballots.", [("80", 80, "people's ballots")]),
    ("It was 304 votes for Jane Doe and 227 for John Roe.", [("304 votes", 304, "votes"), ("227", 227, "votes")]),
    ("Jane Doe won 220 votes. Her rival received 192.", [("220 votes", 220, "votes"), ("192", 192, "votes")]),
    ("There were 45 cases, at least 12 in May.", [("45 cases", 45, "cases"), ("12", 12, "cases")]),
    ("The vote was held at 3 in Ytown.", []),
    ("Acme said 40 were hired.", []),
    # a bare number whose verb or noun says what it counts: a toll
    ("A total of 39 are confirmed dead.", [("39 are confirmed dead", 39, "deaths")]),
    ("Since May, 12 have died and 30 were hurt.", [("12 have died", 12, "deaths"), ("30 were hurt", 30,
                                                                                      "people injured")]),
    ("The outbreak infected over 4,200 of the city's people and killed at least 62.",
     [("4,200", 4200, "people infected"), ("62", 62, "deaths")]),
    ("The death toll rose from nine to 31.", [("31", 31, "deaths")]),
    ("The virus has infected at least 212 since early May and killed 14 in the north.",
     [("212", 212, "people infected"), ("14", 14, "deaths")]),
    ("The storm killed 12 people.", [("12 people", 12, "people")]),
    # a misprinted number is no count that ends at its comma
    ("It has 40 schools for its roughly 200,0000 residents.", [("40 schools", 40, "schools")]),
    # the currency of an earlier amount of the sentence carries to a later bare amount on its scale
    ("Acme had a 947 million pounds turnover for a 107 million loss.",
     [("947 million pounds", 947_000_000, "GBP"), ("107 million", 107_000_000, "GBP")]),
    # share prices in fractions
    ("Acme shares closed at 62-3/4, down 1/8.", [("62-3/4", 62.75, "USD"), ("1/8", 0.125, "USD")]),
    ("The rug is 3 1/2 feet long.", [("3 1/2 feet", 3.5, "foot")]),
    # brackets around an amount write a loss; after another amount they hold a conversion
    ("Acme's net result was ($4.50).", [("($4.50)", -4.5, "USD")]),
    ("Xland took out US$5 billion (€3.6 billion).", [("US$5 billion", 5_000_000_000, "USD"),
                                                     ("€3.6 billion", 3_600_000_000, "EUR")]),
    # a coin or a weight of one is an amount; one unit of a currency in a rate is not
    ("Acme Corp shares slid to close one penny lower.", [("one penny", 0.01, "GBP")]),
    # units: barrels per day, South Asian scales, Celsius written '41C'
    ("The field pumps 640,000 bpd of crude.", [("640,000 bpd", 640_000, "barrel per day")]),
    ("The bridge cost Rs 450 crore to build.", [("Rs 450 crore", 4_500_000_000, "INR")]),
    ("Its revenue was Rs 4.5 lakh crore.", [("Rs 4.5 lakh crore", 4_500_000_000_000, "INR")]),
    ("The plan costs Rs 20 thousand crore.", [("Rs 20 thousand crore", 200_000_000_000, "INR")]),
    ("Highs reached 43C on Sunday.", [("43C", 43, "degree Celsius")]),
    ("A coffee now costs 80c in the canteen.", [("80c", 0.8, "USD")]),
    # counted things: adjectives as nouns, compound heads, bare scaled counts at the end of a clause
    ("At least 19 dead and 75 wounded were reported.", [("19 dead", 19, "dead"), ("75 wounded", 75, "wounded")]),
    ("The ship had nine crew members aboard.", [("nine crew members", 9, "crew members")]),
    ("The camps hold 3.1 million refugees. Jordan alone hosts about 1.4 million.",
     [("3.1 million refugees", 3_100_000, "refugees"), ("1.4 million", 1_400_000, "refugees")]),
])
def test_held_out_styles(body, expected):
    assert [(f.text, f.value, f.unit) for f in figures_of(body)] == expected


@pytest.mark.parametrize("body, value, high", [
    ("Lenders charge 11% to 14% a year on such loans.", 11, 14),
    ("Rents range from $900 to $1,400 a month.", 900, 1400),
    ("The rate sits between 6% and 9% for most borrowers.", 6, 9),
])
def test_ranges_with_the_unit_on_both_ends(body, value, high):
    (figure,) = figures_of(body)
    assert (figure.value, figure.value_high) == (value, high)


@pytest.mark.parametrize("body", [
    "Nine mths",
    "She moved to the coast three weeks ago.",
    "Five years later the plant closed.",
    "The hotline is staffed seven days a week.",
    "Nurses are on call 24 hours a day.",
    "They were champions two seasons ago.",
    "Strikes hit the country's four biggest ports.",
    "She ranks it among the top 20 listed firms.",
    "One in five adults smokes, the survey found.",
    "Pilots flew F-16s over the parade.",
    "The jet landed on runway 27L without trouble.",
    "One out of five adults smokes, the survey found.",
    "The 3 Doors Down concert was loud.",
    # the day of a date is no count; a span of something is no duration figure
    "Union leaders called off the March 3 strikes.",
    "Lin Wei recalled the Sept 11 attacks.",
    "It was the third of three months of decline.",
    # vague multiples and fractions say no number
    "Xland could lose tens of thousands of jobs or more.",
    "Tens of thousands of farmers marched on Monday.",
    "Hundreds of thousands of voters stayed home.",
    "Thousands of deaths could be prevented, Dr Lin Wei said.",
    "Xland is getting billions of dollars in relief.",
    "A third of the budget goes to pensions.",
    "About a quarter of the Acme staff were sent home.",
    # the unit of a currency in a rate, a name with '+N', durations as adjectives, guesses and prison terms
    "One bitcoin is worth more today.",
    "Xland met the G4+1 nations in Ytown.",
    "Jane Doe called for a six month period of talks.",
    "The end of the 13 year mission came in May.",
    "If in another five or six years the dam fails, it is their fault.",
    "A court sentenced one of them to 16 months of prison.",
    "The jury recommended life plus 419 years for John Roe.",
    "Her deputy got a suspended sentence of 14 months.",
    "Each man faces a jail term of nine years.",
])
def test_not_a_figure_in_news(body):
    assert figures_of(body) == ()


def test_a_name_after_from_is_not_an_earlier_level():
    assert [f.text for f in figures_of("The 300 staff moved from 10 Downing Street.")] == ["300 staff"]


def test_a_bare_amount_counts_the_last_thing_only_on_its_scale():
    assert [f.text for f in figures_of("The province has 12 hospitals. The capital alone has 5 million.")] \
        == ["12 hospitals"]


def test_the_base_of_a_rate_is_not_a_count():
    assert all(f.value != 100_000 for f in figures_of("Cases stood at 3.1 per 100,000 people."))


def test_a_model_counted_with_a_number_is_a_figure():
    assert [(f.text, f.value) for f in figures_of("Pilots flew two F-16s over the parade.")] == [("two F-16s", 2)]


@pytest.mark.parametrize("body, measure", [
    ("Analysts said imports could fall by 12 pct.", "fall in imports"),
    ("The group employs 900 people, sells its pumps in 30 countries and was valued at $4bn.", None),
    ("Profit reached €2.1bn, above the €1.9bn analysts had expected.", "Profit"),
    ("Investors want their $7 million back.", None),
    # what a count counts, with what the sentence says of it
    ("Police said 68 people were missing on Monday.", "people missing on Monday"),
    ("The chamber seats 240 Xlanders and 190 Ylanders.", "Xlanders"),
    ("Altogether, fifteen Greens defected.", "Greens defected"),
    ("Acme hired 337 new workers in 38 towns.", "new workers"),
    # the share of a percentage, what an amount pays for, the noun it is the value of
    ("Xland cut tariffs on 90 percent of its farm goods.", "farm goods"),
    ("Ytown will give the rebels $25 million in medical aid.", "medical aid"),
    ("Acme agreed to pay at a cost of one billion złotys.", "cost"),
    ("The fine of €40m was the largest ever.", "fine"),
    # what a verb raises or lowers by the figure
    ("The bank raised rates by 50 basis points.", "rise in rates"),
    ("The government cut spending by $2 billion.", "fall in spending"),
    ("The firm reduced its workforce by 10%.", "fall in workforce"),
    # a later figure of a list or a conversion takes the earlier one's measure
    ("Death rates were 49% for drug A and 53% for drug B.", "Death rates"),
    ("The subsidy comes to roughly US$4 billion (nearly €3.6 billion).", "subsidy"),
    ("Coverage had risen to 55 percent.", "Coverage"),
])
def test_measure_in_news(body, measure):
    money = [f for f in figures_of(body) if f.unit in ("%", "USD", "EUR")] or figures_of(body)[:1]
    assert money[-1].measure == measure


@pytest.mark.parametrize("body, shown", [
    ("The crop fell to 8.4 mln tonnes.", "8.4 million tonnes"),
    ("Exports fell by a third.", "a third"),
])
def test_display_in_news(body, shown):
    assert figures_of(body)[0].display == shown


# --- durations, fractions after 'by', loose handfuls, CFA francs, precise prices ---------------

@pytest.mark.parametrize("body", [
    "The mayor has run the town for 12 years.",
    "Talks dragged on for more than six hours.",
    "Rents will rise over the next three years.",
    "Output hit its highest level in 20 years.",
    "Patients were followed for an average of 4.5 years.",
    "The jury heard evidence over nine days.",
    "We talked for ten minutes and then left.",
])
def test_a_span_of_time_after_for_over_in_is_not_a_figure(body):
    assert figures_of(body) == ()


@pytest.mark.parametrize("body, text, start", [
    ("He walked for 2 years, 5 months and 3 days.", "2 years", 14),
    ("The job is expected to take three years.", "three years", 28),
])
def test_a_chain_of_periods_or_a_bare_duration_stays(body, text, start):
    found = [(f.text, f.evidence[0].start) for f in figures_of(body)]
    assert (text, start) in found


@pytest.mark.parametrize("body, text, value, start", [
    ("The new drug cut deaths by a third in the trial.", "a third", 1 / 3, 27),
    ("Exports fell by two-thirds last year.", "two-thirds", 2 / 3, 16),
    ("The agency cut rations by half for refugees.", "half", 0.5, 26),
])
def test_a_share_after_by(body, text, value, start):
    (figure,) = figures_of(body)
    assert (figure.text, figure.unit, figure.evidence[0].start) == (text, "fraction", start)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize("body", [
    "The fare rose by a quarter past the hour.",
    "Sales fell by a third of a point.",
])
def test_by_a_fraction_of_something_else_is_not_a_share(body):
    assert all(f.unit != "fraction" for f in figures_of(body))


@pytest.mark.parametrize("body", [
    "Most patients take three or four pills a day.",
    "The drill is repeated two or three times a year.",
])
def test_a_loose_handful_is_not_a_count(body):
    assert figures_of(body) == ()


@pytest.mark.parametrize("body, text, value, unit, start", [
    ("A sack of millet now costs 28,000 CFA francs.", "28,000 CFA francs", 28_000, "XOF", 27),
    ("The region lost 12 million people to hunger.", "12 million people", 12_000_000, "people", 16),
])
def test_cfa_francs_are_money(body, text, value, unit, start):
    (figure,) = figures_of(body)
    assert (figure.text, figure.value, figure.unit, figure.evidence[0].start) == (text, value, unit, start)


@pytest.mark.parametrize("body, text, value, unit, start", [
    ("The app now has 2.5m subscribers in Europe.", "2.5m subscribers", 2_500_000, "subscribers", 16),
    ("Some 4m people voted early.", "4m people", 4_000_000, "people", 5),
    ("The singer has 300k followers online.", "300k followers", 300_000, "followers", 15),
    ("Millers expect 6.1m tonnes this year.", "6.1m tonnes", 6_100_000, "tonne", 15),
    ("A 3m fence surrounds the depot.", "3m", 3, "metre", 2),
])
def test_letter_scale_before_a_plural_noun(body, text, value, unit, start):
    (figure,) = figures_of(body)
    assert (figure.text, figure.value, figure.unit, figure.evidence[0].start) == (text, value, unit, start)


@pytest.mark.parametrize("body, expected", [
    ("The carrier bought 25 Velmar 787 jets last year.", [("25 Velmar 787 jets", 25, 19)]),
    ("Regulators grounded the Velmar 787 jets again.", []),
    ("Forecasters expect three Category 4 storms.", [("three Category 4 storms", 3, 19)]),
    ("Offices still run Windows 8 computers.", []),
    ("A spokesman told Reuters 21 people had died.", [("21 people", 21, 25)]),
    ("On Friday 400 workers walked out.", [("400 workers", 400, 10)]),
])
def test_a_number_inside_a_name_is_not_a_count(body, expected):
    assert [(f.text, f.value, f.evidence[0].start) for f in figures_of(body)] == expected


# --- currencies from CLDR: letter symbols, every territory of a currency, wire words, carried currency ----------
@pytest.mark.parametrize("body, text, value, unit, start", [
    ("The miner lost R4bn last year.", "R4bn", 4_000_000_000, "ZAR", 15),
    ("The utility needs R4.5 billion for repairs.", "R4.5 billion", 4_500_000_000, "ZAR", 18),
    ("The mall cost RM6.1 million to build.", "RM6.1 million", 6_100_000, "MYR", 14),
    ("The toll road will cost Rp 3 trillion.", "Rp 3 trillion", 3_000_000_000_000, "IDR", 24),
    ("The county borrowed KSh 200 million.", "KSh 200 million", 200_000_000, "KES", 20),
    ("The refinery cost ₦50bn in all.", "₦50bn", 50_000_000_000, "NGN", 18),
    ("The fund raised S$1.2 billion in May.", "S$1.2 billion", 1_200_000_000, "SGD", 16),
    ("The bakery was sold for HK$3m.", "HK$3m", 3_000_000, "HKD", 24),
    ("Xland Bank lent 40 million Slovak euros to farmers.", "40 million Slovak euros", 40_000_000, "EUR", 16),
    ("The airport cost A$2bn.", "A$2bn", 2_000_000_000, "AUD", 17),
    ("Acme Corp earned 12 mln Australian dlrs last year.", "12 mln Australian dlrs", 12_000_000, "AUD", 17),
    ("They paid 9 million Czech crowns for it.", "9 million Czech crowns", 9_000_000, "CZK", 10),
    # the crowns a state uses now, not one it used once; crowns in the state's own spelling
    ("They paid 9 million Norwegian crowns for it.", "9 million Norwegian crowns", 9_000_000, "NOK", 10),
    ("They paid 9 million Icelandic kronur for it.", "9 million Icelandic kronur", 9_000_000, "ISK", 10),
    ("The tram cost 5 billion Kenyan shillings.", "5 billion Kenyan shillings", 5_000_000_000, "KES", 14),
    ("The bridge cost 70 million Croatian kuna.", "70 million Croatian kuna", 70_000_000, "HRK", 16),
    ("The loan was 5 million Soviet roubles.", "5 million Soviet roubles", 5_000_000, "SUR", 13),
    ("Lunch for two was 20 zlotys.", "20 zlotys", 20, "PLN", 18),
])
def test_currencies_from_cldr(body, text, value, unit, start):
    (figure,) = figures_of(body)
    assert (figure.text, figure.value, figure.unit, figure.evidence[0].start) == (text, value, unit, start)


@pytest.mark.parametrize("body, expected", [
    ("Profit was 450 mln dlrs, up from 310 mln a year earlier.",
     [("450 mln dlrs", "USD", 11), ("310 mln", "USD", 33)]),
    ("Profit was 450 mln Australian dlrs, up from 310 mln a year earlier.",
     [("450 mln Australian dlrs", "AUD", 11), ("310 mln", "AUD", 44)]),
    ("Turnover rose to RM6.1 million from 5.2 million.", [("RM6.1 million", "MYR", 17), ("5.2 million", "MYR", 36)]),
])
def test_the_currency_of_an_earlier_amount_carries_to_later_bare_amounts(body, expected):
    assert [(f.text, f.unit, f.evidence[0].start) for f in figures_of(body)] == expected


@pytest.mark.parametrize("body", [
    "The G7 leaders met to discuss Q3 results.",  # a lone-letter symbol needs a scaled amount
    "The crash happened at km 40 of the motorway.",  # short letter symbols only as CLDR writes them
    "They sold 5 million crowns of wax.",  # a word of several currencies needs its country
])
def test_letter_symbols_and_shared_words_that_are_not_money(body):
    assert [f.text for f in figures_of(body) if f.unit in ISO_CODES] == []


def test_the_cldr_currency_table_matches_the_pinned_babel():
    script = Path(__file__).resolve().parent.parent / "scripts" / "cldr_currencies.py"
    run = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("body, text, value, start", [
    # a share of one point is a figure in percentage points, whether 'percentage' is written or not
    ("The board lifted its key rate by half a percentage point.", "half a percentage point", 0.5, 33),
    ("Bond yields edged up by a quarter of a point.", "a quarter of a point", 0.25, 24),
    ("Mortgage rates fell a quarter-point in May.", "a quarter-point", 0.25, 20),
    ("Its lending rate went down three quarters of a point.", "three quarters of a point", 0.75, 27),
])
def test_a_share_of_one_point_is_in_percentage_points(body, text, value, start):
    found = [(f.text, f.value, f.unit, f.evidence[0].start) for f in figures_of(body)]
    assert found == [(text, value, "percentage points", start)]


@pytest.mark.parametrize("body, text, start, measure", [
    # a noun of an amount of money before 'of' is what the amount measures, with or without a determiner
    ("Owners now pay land tax of 840 pounds a year.", "840 pounds", 27, "tax"),
    ("Brelco posted quarterly net income of $61 million.", "$61 million", 38, "income"),
    ("The club booked transfer revenue of 9 million euros.", "9 million euros", 36, "revenue"),
])
def test_an_amount_noun_before_of_is_the_measure(body, text, start, measure):
    found = [(f.text, f.evidence[0].start, f.measure) for f in figures_of(body)]
    assert found == [(text, start, measure)]
