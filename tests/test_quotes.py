"""Quotes: quoted stretches in every news layout, stray marks, speakers, outlets."""
from __future__ import annotations


import pytest

from briefing.extract import extract
from briefing.extract.quotes import find_quotes, find_reported_speech
from briefing.extract.quotes_attribution import tokenize
from briefing.extract.quotes_marks import find_quoted_stretches
from briefing.model import Actor, DateMention, Evidence
from helpers import make_doc


def quotes_of(body: str, actors: tuple[Actor, ...] = (), dates: tuple[DateMention, ...] = ()):
    return find_quotes(make_doc(body), actors=actors, dates=dates)


def actor(name: str, body: str, *, type: str = "person", aliases: tuple[str, ...] = (),
          roles: tuple[str, ...] = ()) -> Actor:
    """An actor with one evidence per occurrence of any of its forms in ``body``."""
    spans = set()
    for form in (name, *aliases):
        start = body.find(form)
        while start >= 0:
            spans.add((start, start + len(form)))
            start = body.find(form, start + 1)
    evidence = tuple(Evidence(sentence=0, start=s, end=e) for s, e in sorted(spans))
    return Actor(id=name.lower().replace(" ", "-"), name=name, type=type, aliases=aliases, roles=roles,
                 evidence=evidence)


def assert_offsets(body: str, quotes) -> None:
    for quote in quotes:
        (evidence,) = quote.evidence
        assert body[evidence.start:evidence.end] == quote.text


# --- layouts ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, expected",
    [
        ('"We will build the bridge by spring," Mayor Ana Lopez said.',
         [("We will build the bridge by spring", "Ana Lopez")]),
        ('Mayor Ana Lopez said: "We will build the bridge by spring."',
         [("We will build the bridge by spring.", "Ana Lopez")]),
        ('"The harbour needs dredging," said Tom Reed, the port director of Valmora.',
         [("The harbour needs dredging", "Tom Reed")]),
        ('“The harbour needs dredging,” said Tom Reed.',
         [("The harbour needs dredging", "Tom Reed")]),
        ('"Prices will fall next year," Irma Vogt, an economist at Delta Bank, said.',
         [("Prices will fall next year", "Irma Vogt")]),
        ('"The first phase is done," Kofi Mensah said, "and the second starts in May."',
         [("The first phase is done", "Kofi Mensah"), ("and the second starts in May.", "Kofi Mensah")]),
        ('Kofi Mensah told the Daily Planet: "The talks have stalled for now."',
         [("The talks have stalled for now.", "Kofi Mensah")]),
        ('According to Rosa Ilic, "the vote cannot be held before autumn."',
         [("the vote cannot be held before autumn.", "Rosa Ilic")]),
        ('Rosa Ilic called the plan "a practical step toward peace" at the summit.',
         [("a practical step toward peace", "Rosa Ilic")]),
        ("'We have not decided anything yet,' Minister Petra Kovac said.",
         [("We have not decided anything yet", "Petra Kovac")]),
        ('"The rules say \'no exceptions\' for anyone at all," Sara Lind said.',
         [("The rules say 'no exceptions' for anyone at all", "Sara Lind")]),
        ('Sen. Lena Amsel said in an interview "We need the funds now."',
         [("We need the funds now.", "Lena Amsel")]),
        # a name after a dash signs the quotation; dashes that set words off read as commas
        ('"Trade will suffer this year" — Tom Reyes, head of the Brelsk Institute.',
         [("Trade will suffer this year", "Tom Reyes")]),
        ('"Trade will suffer this year," Tom Reyes – a banker – said on Monday.',
         [("Trade will suffer this year", "Tom Reyes")]),
        # a reporting verb's form after 'a' or a possessive is a noun
        ('Tom Reyes wrote in a blog post: "This plan is simply wrong."', [("This plan is simply wrong.", "Tom Reyes")]),
        # the body a spokesperson speaks for, its name whole
        ('"We will not sign it," said a spokesman for the Brelsk Chamber of Commerce.',
         [("We will not sign it", "Brelsk Chamber of Commerce")]),
        # a short utterance set off by its comma is a statement: the next quotation goes on with its speaker
        ('"We will win," Ana Lopez said. "The numbers are with us."',
         [("We will win", "Ana Lopez"), ("The numbers are with us.", "Ana Lopez")]),
    ],
)
def test_layouts(body, expected):
    quotes = quotes_of(body)
    assert [(q.text, q.speaker) for q in quotes] == expected
    assert all(q.kind == "direct" and not q.partial for q in quotes)
    assert_offsets(body, quotes)


def test_quote_over_several_sentences_stays_one_item():
    body = 'Nadia Farouk said: "The plant will close. Nobody told us. We found out from the radio."'
    (quote,) = quotes_of(body)
    assert quote.text == "The plant will close. Nobody told us. We found out from the radio."
    assert quote.speaker == "Nadia Farouk"
    assert_offsets(body, [quote])


def test_quote_reopened_at_each_paragraph():
    body = ('Nadia Farouk said: "The plant will close in June.\n'
            '"The workers were not told.\n'
            '"We will go to court."\n'
            'The company did not comment.')
    quotes = quotes_of(body)
    assert [q.text for q in quotes] == ["The plant will close in June.", "The workers were not told.",
                                        "We will go to court."]
    assert {q.speaker for q in quotes} == {"Nadia Farouk"}
    assert_offsets(body, quotes)


def test_attribution_alone_on_the_next_line():
    body = '"The harvest was the best in ten years."\nFarmer Jon Ekdahl said.'
    (quote,) = quotes_of(body)
    assert quote.speaker == "Jon Ekdahl"


def test_quote_without_attribution_continues_the_previous_speaker():
    body = '"The storm took the roof," Lena Moss said.\n"We slept in the school for a week."\nRepairs began.'
    quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Lena Moss", "Lena Moss"]


def test_a_signed_quotation_does_not_continue_the_previous_speaker():
    body = '"Nobody asked us about the plan," said Jo Park.\n"We are ready for it" — Tom Reyes.'
    assert [q.speaker for q in quotes_of(body)] == ["Jo Park", "Tom Reyes"]


def test_a_sentence_after_one_that_ends_in_a_quotation_names_its_own_speaker():
    body = ('The Kessa Watch group called it "a clear case of favour to a single contractor." '
            'Ivo Brandt defended the award, saying, "This was never a competitive bid."')
    assert [q.speaker for q in quotes_of(body)] == ["The Kessa Watch group", "Ivo Brandt"]


def test_a_participle_after_a_clause_is_spoken_by_its_subject():
    (quote,) = quotes_of('Ilse Marrow appeared in court saying: "I am innocent of it."')
    assert quote.speaker == "Ilse Marrow"


def test_he_is_no_one_word_organisation_with_capitals_inside():
    body = 'Tom Reyes spoke on Monday. OrvexNet programs run anywhere. He said it was "nearly ready for launch".'
    actors = (actor("Tom Reyes", body), actor("OrvexNet", body, type="organization"))
    (quote,) = quotes_of(body, actors)
    assert quote.speaker == "Tom Reyes"


def test_a_capitalised_word_inside_a_name_is_no_reporting_verb():
    body = 'The United States and Xland plan to hold the drills "in the near future."'
    assert [q.speaker for q in quotes_of(body)] == [None]


def test_unattributed_quote_after_a_gap_has_no_speaker():
    body = ('"The storm took the roof," Lena Moss said.\nRepairs began on Monday.\n'
            '"Nobody knows who will pay for it."')
    quotes = quotes_of(body)
    assert quotes[1].speaker is None


# --- stray and unbalanced marks -------------------------------------------------------------

@pytest.mark.parametrize(
    "body, expected",
    [
        ("The centre is 6'11\" tall and the guard is 5'9\" tall.", []),
        ('She bought a 12" pizza and a 16" one for the team.', []),
        ("The farmers' union and the drivers' union met.", []),
        ("It's the minister's plan, isn't it?", []),
        ('The old rule ended." Then the board met on Friday.', []),
    ],
)
def test_stray_marks_are_not_quotes(body, expected):
    assert [q.text for q in quotes_of(body)] == expected


def test_unclosed_quote_ends_at_its_paragraph():
    body = ('Ivo Brandt said: "The bridge is unsafe and must close\n'
            'Traffic will be diverted through the north road.\n'
            'Officials said repairs will take a year.')
    (quote,) = quotes_of(body)
    assert quote.text == "The bridge is unsafe and must close"
    assert quote.speaker == "Ivo Brandt"
    assert_offsets(body, [quote])


def test_quote_broken_over_lines_closes_on_the_next_line():
    body = 'Ivo Brandt said: "The bridge is unsafe.\nIt must close today." The council agreed.'
    (quote,) = quotes_of(body)
    assert quote.text == "The bridge is unsafe.\nIt must close today."


def test_odd_number_of_marks_never_crashes_or_swallows_the_article():
    body = '"One," two "three\nfour" five "six\n"seven'
    stretches = find_quoted_stretches(body)
    assert all(body[s.start:s.end].strip() and "\n" not in body[s.start:s.end] or s.close_mark is not None
               for s in stretches)
    quotes = quotes_of(body)
    assert_offsets(body, quotes)


# --- partial quotes, names and titles ---------------------------------------------------------

def test_scare_quote_is_partial():
    body = 'Ana Lopez called the deal "historic" and left.'
    (quote,) = quotes_of(body)
    assert quote.text == "historic" and quote.partial and quote.speaker == "Ana Lopez"


@pytest.mark.parametrize(
    "body",
    [
        'Ana Lopez said her favourite film is "The Long Winter Road".',
        'The "Clean Rivers" programme starts in May.',
    ],
)
def test_titles_and_names_in_quotes_are_not_quotes(body):
    assert quotes_of(body) == ()


def test_short_whole_utterance_is_not_partial():
    (quote,) = quotes_of('"Not now!" shouted Ana Lopez.')
    assert not quote.partial and quote.speaker == "Ana Lopez"


# --- speaker resolution ------------------------------------------------------------------------

def test_surname_resolves_to_the_actor():
    body = 'Health Minister Petra Kovac opened the clinic. "It serves ten villages," Kovac said.'
    kovac = actor("Petra Kovac", body, aliases=("Kovac",), roles=("health minister",))
    (quote,) = quotes_of(body, (kovac,))
    assert (quote.speaker, quote.speaker_text, quote.role) == ("Petra Kovac", "Kovac", "health minister")


def test_he_resolves_to_the_last_person_subject():
    body = 'Tomas Berg toured the mine on Monday. "The shaft is safe," he said.'
    berg = actor("Tomas Berg", body, aliases=("Berg",))
    (quote,) = quotes_of(body, (berg,))
    assert (quote.speaker, quote.speaker_text) == ("Tomas Berg", "he")


def test_they_resolves_to_an_organisation():
    body = 'Norvik Shipping Company announced the sale. "The price is fair," they said.'
    company = actor("Norvik Shipping Company", body, type="organization")
    (quote,) = quotes_of(body, (company,))
    assert quote.speaker == "Norvik Shipping Company"


def test_pronoun_of_a_text_that_names_nobody_stays_the_pronoun():
    (quote,) = quotes_of('"Nobody saw the truck," she said.')
    assert (quote.speaker, quote.speaker_text, quote.attribution) == ("she", "she", "pronoun")


def test_unresolved_pronoun_leaves_the_speaker_unknown():
    body = 'Acme Corp and Borvik Ltd met on Monday. "Nobody saw the truck," she said.'
    actors = (actor("Acme Corp", body, type="organization"), actor("Borvik Ltd", body, type="organization"))
    (quote,) = quotes_of(body, actors=actors)
    assert quote.speaker is None and quote.speaker_text == "she"


def test_description_resolves_through_actor_roles():
    body = 'Irma Vogt met the press. "The budget is balanced," the finance minister said.'
    vogt = actor("Irma Vogt", body, roles=("finance minister",))
    (quote,) = quotes_of(body, (vogt,))
    assert (quote.speaker, quote.speaker_text) == ("Irma Vogt", "the finance minister")


def test_description_without_actor_is_kept_as_written():
    (quote,) = quotes_of('"The roads are closed," a senior analyst said.')
    assert quote.speaker == "a senior analyst"


def test_spokesperson_speaks_for_the_body():
    (quote,) = quotes_of('"The roads are closed," a police spokesman said.')
    assert (quote.speaker, quote.role) == ("police", "spokesman")


def test_organisation_as_speaker():
    body = '"Exports rose sharply," the Ministry of Trade said in a statement.'
    ministry = actor("Ministry of Trade", body, type="organization")
    (quote,) = quotes_of(body, (ministry,))
    assert quote.speaker == "Ministry of Trade"


def test_speaker_title_is_split_off():
    (quote,) = quotes_of('Coastal Energy Group chief executive Mara Olsen said: "We will not sell the plant."')
    assert quote.speaker == "Mara Olsen"


# --- via ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, speaker, via",
    [
        ('"The border stays open," news agency Nordpress quoted Ivo Brandt as saying.', "Ivo Brandt",
         "Nordpress"),
        ('The Harbour Times quoted Ivo Brandt as saying: "The border stays open."', "Ivo Brandt",
         "Harbour Times"),
        ('Ivo Brandt told Nordpress: "The border stays open."', "Ivo Brandt", "Nordpress"),
        ('"The border stays open," Ivo Brandt said in an interview with Radio Lumen.', "Ivo Brandt",
         "Radio Lumen"),
        # the time or place after the outlet is not part of its name; a body told is no outlet
        ('"The border stays open," Ivo Brandt told Nordpress on Wednesday.', "Ivo Brandt", "Nordpress"),
        ('"The border stays open," Ivo Brandt told Nordpress in Kenya.', "Ivo Brandt", "Nordpress"),
        ('"The border stays open," Ivo Brandt told the Council on Foreign Relations.', "Ivo Brandt", None),
        # the outlet named before the speaker, or after a verb that does not report
        ('In remarks to the Harbour Press news service, Ivo Brandt observed, "The border stays open."',
         "Ivo Brandt", "Harbour Press"),
        ('In comments to Radio Lumen, Ivo Brandt said: "The border stays open."', "Ivo Brandt", "Radio Lumen"),
        ('Ivo Brandt voiced his doubts by telling Nordpress, "The border stays open."', "Ivo Brandt", "Nordpress"),
        ('Ivo Brandt appeared on Radio Lumen saying the rules hold; "The border stays open."', "Ivo Brandt",
         "Radio Lumen"),
        # a description that runs from the quotation to the verb, or to an aside before it
        ('"Talks will resume next month," one official familiar with the talks told the Harbour Times.',
         "one official familiar with the talks", "Harbour Times"),
        ('"Talks will resume next month," a senior official at the Kessa ministry, who asked not to be named, '
         'told the Harbour Times.', "a senior official at the Kessa ministry", "Harbour Times"),
        # someone the article does not name, told an outlet
        ('One of them told the Harbour Times, "The border stays open for now."', None, "Harbour Times"),
    ],
)
def test_via(body, speaker, via):
    (quote,) = quotes_of(body)
    assert (quote.speaker, quote.via) == (speaker, via)


def test_via_resolves_to_the_outlet_actor():
    body = '"The border stays open," the agency Nordpress-Wire quoted Ivo Brandt as saying.'
    outlet = actor("Nordpress Wire Service", body, type="organization", aliases=("Nordpress-Wire",))
    (quote,) = quotes_of(body, (outlet,))
    assert quote.via == "Nordpress Wire Service"


# --- dates and speed --------------------------------------------------------------------------

def test_date_of_the_statement():
    body = 'On Tuesday, Ana Lopez said: "We will build the bridge by spring."'
    tuesday = DateMention(text="On Tuesday", value="2019-11-19", evidence=(Evidence(0, 0, 10),))
    (quote,) = quotes_of(body, dates=(tuesday,))
    assert quote.date == "2019-11-19"


def test_every_paragraph_of_a_long_article_keeps_its_quote():
    # speed is measured in bench/bench_large.py, not asserted here
    paragraph = ('Officials met in the capital on Monday. "The talks went well, and we expect more," '
                 'Minister Ana Lopez said. She said the next round would follow.\n')
    quotes = find_quotes(make_doc(paragraph * 60), actors=(), dates=())
    assert len(quotes) == 60 and {q.speaker for q in quotes} == {"Ana Lopez"}


# --- reported speech --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "body, speaker, content",
    [
        ("Ana Lopez said that the bridge would open in spring.", "Ana Lopez", "the bridge would open in spring"),
        ("Ana Lopez told reporters that the bridge would open in spring.", "Ana Lopez",
         "the bridge would open in spring"),
        # 'tell' without 'that': what was said follows the addressee
        ("Ana Lopez told parliament the bridge would open in spring.", "Ana Lopez", "the bridge would open in spring"),
        ("Residents told the Kessa Herald they had not been warned.", "Residents", "they had not been warned"),
        ("Tom Reyes told a news conference the talks had failed.", "Tom Reyes", "the talks had failed"),
        ("Tom Reyes told Kessa news agency the strike was over.", "Tom Reyes", "the strike was over"),
        # a 'that' after the comma that closes the attribution belongs to another verb
        ("The city will rebuild, Ilse Brandt said, adding that help had arrived.", "Ilse Brandt",
         "The city will rebuild"),
        ("The ministry emphasised the need for new roads in the north.", "The ministry",
         "the need for new roads in the north"),
        ("According to Ana Lopez, the bridge will open in spring.", "Ana Lopez", "the bridge will open in spring"),
        ("The bridge will open in spring, said Ana Lopez, the mayor.", "Ana Lopez", "The bridge will open in spring"),
        # what was said before the speaker and verb; the verb followed by where and when, not by what
        ("At least nine soldiers were killed, the army said in a statement on Wednesday.", "the army",
         "At least nine soldiers were killed"),
        ("The bridge will open in spring, Ana Lopez said yesterday.", "Ana Lopez", "The bridge will open in spring"),
        ("Talks will resume next month, an official, who asked not to be named, told the Kessa Herald.",
         "an official", "Talks will resume next month"),
        ("Varga, who denies wrongdoing, will appeal, his lawyer Piotr Nowak told reporters.", "Piotr Nowak",
         "Varga, who denies wrongdoing, will appeal"),
        ("The firm, which says it did nothing wrong, will pay the fine, Ana Lopez said.", "Ana Lopez",
         "The firm, which says it did nothing wrong, will pay the fine"),
        # where and when between the verb and 'that'; a title before the name's comma is no content
        ("Ada Quist said on Monday that prices would rise.", "Ada Quist", "prices would rise"),
        ("The union said in a statement the strike would go ahead.", "The union", "the strike would go ahead"),
        ("The union said on Twitter the strike would go ahead.", "The union", "the strike would go ahead"),
        ("An Orion Bank spokeswoman, Mara Lind, said in a statement that the staff would visit.", "Mara Lind",
         "the staff would visit"),
        # a place before the speaker's comma is where, not who; a participle ends the subject
        ("In Xtown, the minister said the talks had failed.", "the minister", "the talks had failed"),
        ("On Tuesday, Ana Lopez speaking to the Orion Council said the plan had failed.", "Ana Lopez",
         "the plan had failed"),
        # a comma before the verb closes an aside: the words after the verb are what was said, not who said it
        ("A spokesman, Piet Varo, said the reform would strengthen the economy.", "Piet Varo",
         "the reform would strengthen the economy"),
        ("The group, founded in 1990 by farmers, said the ban would hurt members.", "The group",
         "the ban would hurt members"),
        ("The company, based in Lorvik, said profits fell sharply in the first quarter.", "The company",
         "profits fell sharply in the first quarter"),
        ("The plan will fail, said the ministry in a statement.", "the ministry", "The plan will fail"),
        # a place after a preposition is no subject: the people or the title before it speak
        ("Asked about the plan, officials in Lorvik said it would go ahead.", "officials in Lorvik",
         "it would go ahead"),
        ("The bridge will reopen, the mayor of Lorvik said.", "the mayor of Lorvik", "The bridge will reopen"),
        # a name set off after the source's title is the source, and no part of what was said
        ("According to the mayor, Ivo Brandt, the bridge will open in spring.", "Ivo Brandt",
         "the bridge will open in spring"),
        # a description after 'said' that heads no speaker is what was said, not an inverted speaker
        ("Ivo Brandt, a transport analyst at Kessa University, said the buses run late most mornings.",
         "Ivo Brandt", "the buses run late most mornings"),
        # a relative clause with a subject of its own
        ("Two pilots were picked for the first flight, which Kessa Air said might take place in the summer.",
         "Kessa Air", "might take place in the summer"),
        # when, between the subject and the verb, is no part of who
        ("The minister on Monday said the talks would resume.", "The minister", "the talks would resume"),
        ("The bank in March said rates would rise.", "The bank", "rates would rise"),
        # 'according to' closing the sentence: all before it is what was said, another reporting verb included
        ("A group called Night Crane claimed the attack on a forum, according to researchers at Kovex Labs.",
         "Kovex Labs", "A group called Night Crane claimed the attack on a forum"),
        ("Fourteen people were hurt in the crash, according to Commissioner Ana Fell of the Kessa Police.",
         "Ana Fell", "Fourteen people were hurt in the crash"),
        ("Three people were hurt in the crash, according to officials.", "officials",
         "Three people were hurt in the crash"),
    ],
)
def test_reported_speech(body, speaker, content):
    (quote,) = find_reported_speech(make_doc(body), actors=(), dates=())
    assert (quote.kind, quote.speaker_text, quote.text) == ("indirect", speaker, content)
    assert_offsets(body, [quote])


@pytest.mark.parametrize("body, speaker, content", [
    # a date right after the verb, with or without its preposition, is when it was said
    ("The health agency said Tuesday that the outbreak had killed many people.", "The health agency",
     "the outbreak had killed many people"),
    ("Orion Software said on Monday it had agreed to buy a rival.", "Orion Software", "it had agreed to buy a rival"),
    ("The premier noted on Monday, the victims were all unvaccinated.", "The premier",
     "the victims were all unvaccinated"),
    # after a name's comma, a phrase headed by no title is the subject; one headed by a title is the name's
    ("Orion Athletic agreed a fee for striker Emeka Obi, the Premier Kessa League club announced on Friday.",
     "the Premier Kessa League club", "Orion Athletic agreed a fee for striker Emeka Obi"),
    ("Prices will rise, Ana Lopez, the president of Orion Bank said.", "Ana Lopez", "Prices will rise"),
    # the verb that closes the sentence reports all before it, another reporting verb included
    ("A group called Night Crane claimed the attack on a forum, researchers at Kovex Labs said.", "Kovex Labs",
     "A group called Night Crane claimed the attack on a forum"),
    # a bracketed acronym after the speaker's name; a fronted time is no speaker
    ("On Monday, Director Ana Fell of the Kessa Institute of Allergy (KIA), announced a trial was stopped.",
     "Ana Fell", "a trial was stopped"),
    ("Late on Sunday, the Velmar Democratic Forces (VDF) announced it had signed a deal.", "Velmar Democratic Forces",
     "it had signed a deal"),
    # 'report' after 'a' is a noun: the source is the subject of the verb after it
    ("In a Kessa Radio report last year, Ivo Brandt, chief of Orvane, stated they would keep the mill.", "Ivo Brandt",
     "they would keep the mill"),
    # 'Both' opens the sentence and is no part of the name
    ("Both Ilse Brandt and Tom Reyes said the plan would fail.", "Ilse Brandt", "the plan would fail"),
    # a group noun capitalised for opening the sentence is still a speaker
    ("Police said two men had been arrested in the raid.", "Police", "two men had been arrested in the raid"),
    # the place after 'in' is an actor, but the officials spoke
    ("Asked about the plan, officials in Lorvik said it would go ahead.", "officials in Lorvik", "it would go ahead"),
])
def test_reported_speech_in_a_whole_brief(body, speaker, content):
    (quote,) = extract(make_doc(body)).reported_speech
    assert (quote.speaker, quote.speaker_text, quote.text) == (speaker, speaker, content)
    assert_offsets(body, [quote])


def test_the_company_is_the_one_firm_named_so_far():
    body = "Hackers stole the data of 4.3 million customers of Orvane Telecom, the company disclosed on Friday."
    (quote,) = extract(make_doc(body)).reported_speech
    assert (quote.speaker, quote.speaker_text, quote.text) == (
        "Orvane Telecom", "the company", "Hackers stole the data of 4.3 million customers of Orvane Telecom")
    assert_offsets(body, [quote])


@pytest.mark.parametrize("body", [
    "Jo Marr was sworn in as governor of the western state of Velmar on Saturday.",
    "The claim of the western Kessa tribes was heard.",
    "Agencies from Xland, Yland and the United States were part of the task force.",
])
def test_a_reporting_verb_that_is_a_noun_before_of_reports_nothing(body):
    assert extract(make_doc(body)).reported_speech == ()


@pytest.mark.parametrize("body", [
    "Each Kessa state is allowed two seats on the river board.",
    "Only nine Kessa states have rules that cap the fares of ferries.",
])
def test_a_reporting_verb_that_is_a_noun_before_a_verb_reports_nothing(body):
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


def test_a_clause_after_a_comma_and_but_has_its_own_subject():
    body = "One bridge design, Kovaspan, looked cheap at first, but later tests indicated it would crack in frost."
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()  # tests are no speaker, nor Kovaspan


@pytest.mark.parametrize("body", [
    "Ana Lopez told him to leave the building at once.",
    "Ana Lopez told reporters about the plan for the new hospital.",
])
def test_tell_without_a_clause_reports_nothing(body):
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


def test_when_alone_before_the_comma_is_no_reported_speech():
    body = "Earlier, on March 3, Kessa Rail told passengers to keep their tickets until the end of the trip."
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


def test_what_a_speaker_did_not_say_is_no_reported_speech():
    body = "Unlike Orvane, Kessa Foods will not publicly announce the farms that it plans to drop next year."
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


def test_the_parties_are_not_the_organisation_named_last():
    body = ("Kessa Air and Orvane Rail signed the deal. The regulator Kovex has to approve it. "
            "The parties said they would meet again in the autumn.")
    (quote,) = extract(make_doc(body)).reported_speech
    assert (quote.speaker, quote.text) == ("The parties", "they would meet again in the autumn")


@pytest.mark.parametrize("body, speaker, via", [
    ("The strike was over, Kessa news agency reported, citing a senior official.", "a senior official",
     "Kessa news agency"),
    ("The strike is over, the Harbour Times reported on Monday, quoting Tom Reyes.", "Tom Reyes", "Harbour Times"),
])
def test_an_outlet_citing_someone_carries_their_words(body, speaker, via):
    (quote,) = find_reported_speech(make_doc(body), actors=(), dates=())
    assert (quote.speaker_text, quote.via) == (speaker, via)


def test_reported_speech_carries_the_outlet_told():
    (quote,) = find_reported_speech(make_doc("The plan is dead, Ana Lopez told the Kessa Herald."), actors=(),
                                    dates=())
    assert (quote.text, quote.via) == ("The plan is dead", "Kessa Herald")


@pytest.mark.parametrize("body", [
    "The judge rejected a challenge by the state attorney general to the merger of the two grocers.",
    "Acme Corp lost its appeal against a ruling by the state supreme court on Monday.",
    "The attack was claimed by the Orion Front, a group the council lists as banned.",
    "An Orion Bank spokesman, Tom Reyes, said on Monday.",
])
def test_a_reporting_verb_after_a_determiner_is_a_noun_and_reports_nothing(body):
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


@pytest.mark.parametrize("body", [
    "Kessa Bank reported a 14% rise in profit.",
    "The governing party conceded defeat in the northern provinces.",
    "The governor declared a state of emergency.",
    "On Saturday, Orvane Air announced nine new routes to the islands.",
    "Since then, the clinic has reported more cases of mumps, including 12 on Tuesday.",
])
def test_a_noun_phrase_object_is_no_reported_speech(body):
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


@pytest.mark.parametrize("body, speaker, content", [
    # a clause after a verb that also takes an object (the boundary of the rule above)
    ("Kessa Bank reported profits rose sharply in the spring.", "Kessa Bank", "profits rose sharply in the spring"),
    ("The governor declared the state would not pay the debt.", "The governor", "the state would not pay the debt"),
    # the object is no speech, the clause of the next reporting verb is
    ("Kessa Bank reported a rise in profit, and said it would hire more staff.", "Kessa Bank",
     "it would hire more staff"),
])
def test_a_clause_after_an_object_taking_verb_is_reported(body, speaker, content):
    (quote,) = find_reported_speech(make_doc(body), actors=(), dates=())
    assert (quote.speaker_text, quote.text) == (speaker, content)
    assert_offsets(body, [quote])


@pytest.mark.parametrize("body", [
    "The militia is largely local and, according to Varnia, supportive of the rebels.",
    "The operation, according to the Kessa Gazette in March, is too big for a single sale.",
])
def test_according_to_set_off_inside_a_sentence_is_an_aside_not_its_source(body):
    assert find_reported_speech(make_doc(body), actors=(), dates=()) == ()


def test_reported_speech_pronoun_and_quoted_sentences():
    body = 'Tomas Berg visited the mine. He said the shaft was safe for work.\n"It is safe," Berg said.'
    quotes = find_reported_speech(make_doc(body), actors=(), dates=())
    assert [(q.speaker, q.text) for q in quotes] == [("Tomas Berg", "the shaft was safe for work")]


# --- appositive subjects, spokespeople, "one", via, next-paragraph and back-reference speakers ---

@pytest.mark.parametrize(
    "body, expected_speaker, expected_role",
    [
        # a named owner before the role: the person named after the comma speaks, the role is without the owner
        ('"This pact ends years of dispute," said Corvela\'s transport minister, Ilse Marrow, at the signing.',
         "Ilse Marrow", "transport minister"),
        ('"We are ready," said South Korvania\'s foreign minister, Ilse Marrow.', "Ilse Marrow", "foreign minister"),
        ('"We are ready," said the company\'s chief executive, Ilse Marrow.', "Ilse Marrow", "chief executive"),
        # no name after it: the whole description speaks, not the owner
        ('"We are ready," said Corvela\'s transport minister.', "Corvela's transport minister", None),
    ],
)
def test_a_named_owner_before_the_role_is_not_the_speaker(body, expected_speaker, expected_role):
    (quote,) = quotes_of(body)
    assert (quote.speaker, quote.speaker_text, quote.role) == (expected_speaker, expected_speaker, expected_role)
    assert_offsets(body, (quote,))


@pytest.mark.parametrize(
    "body, names, expected_speaker",
    [
        # a description set off by a name in commas opens the sentence: the name is who "she" is
        ('Kira Moss spoke first. The union leader, Ada Brook, disagreed. "We will strike," she said.',
         ("Kira Moss", "Ada Brook"), "Ada Brook"),
        ('Kira Moss spoke first. Her deputy, Ada Brook, was less sure. "I do not know," she said.',
         ("Kira Moss", "Ada Brook"), "Ada Brook"),
        ('Tom Reed voted yes. The ranking member, Sen. Ivo Lane, voted no. "It is a blank check," he said.',
         ("Tom Reed", "Ivo Lane"), "Ivo Lane"),
        # a name followed by a present-tense verb opens the sentence
        ('Every morning at six, Ada Brook opens the shop. "People expect a museum," she says.',
         ("Ada Brook",), "Ada Brook"),
    ],
)
def test_appositive_and_present_tense_subjects(body, names, expected_speaker):
    actors = tuple(actor(name, body) for name in names)
    (quote,) = quotes_of(body, actors)
    assert quote.speaker == expected_speaker
    assert_offsets(body, (quote,))


@pytest.mark.parametrize(
    "body, expected_speaker",
    [
        ('Ada Brook spoke. A spokeswoman for the transport ministry said trains ran. "We apologise," she added.',
         "the transport ministry"),
        ('"We apologise for the delay to all passengers," a ministry spokeswoman said.', "ministry"),
        ('"We have not fired a single shell," a spokesman for the rebel Western Front said.', "Western Front"),
        ('"The market is tight this winter," said one senior trader, who asked not to be named.',
         "one senior trader"),
    ],
)
def test_spokespeople_and_counted_descriptions(body, expected_speaker):
    actors = (actor("Ada Brook", body),) if "Ada Brook" in body else ()
    (quote,) = quotes_of(body, actors)
    assert quote.speaker == expected_speaker


def test_the_company_is_the_organisation_just_named():
    body = ('The maker, Orvan Textiles, said it was cooperating. '
            '"Our staff are unhurt and the line stays shut for now," the company said.')
    orvan = actor("Orvan Textiles", body, type="organization")
    (quote,) = quotes_of(body, (orvan,))
    assert quote.speaker == "Orvan Textiles"


def test_continuing_quote_keeps_the_outlet():
    body = '"We remain open to talks," Ivo Lane told Harbour Radio. "But we cannot agree to this offer."'
    lane = actor("Ivo Lane", body)
    first, second = quotes_of(body, (lane,))
    assert (first.via, second.via) == ("Harbour Radio", "Harbour Radio")
    assert second.speaker == "Ivo Lane"


def test_quote_after_a_paragraph_ending_in_said_colon():
    body = ('In a written statement, the Coast Office said:\n'
            '"Our warning system worked as designed. We are reviewing how messages are sent."')
    office = actor("Coast Office", body, type="organization")
    (quote,) = quotes_of(body, (office,))
    assert quote.speaker == "Coast Office"


@pytest.mark.parametrize(
    "body",
    [
        ('"The first year we sold the goats. The second year we sold the land.\n'
         '"Then there was nothing left to sell."\n'
         'That is how Ada Brook, a farmer near the river, describes the drought.'),
        '"We got through it because our customers stayed with us." Ada Brook says it without sentiment.',
    ],
)
def test_speaker_named_in_the_sentence_after_the_quote(body):
    brook = actor("Ada Brook", body)
    quotes = quotes_of(body, (brook,))
    assert quotes and all(q.speaker == "Ada Brook" for q in quotes)
    assert_offsets(body, quotes)


def test_a_following_sentence_that_does_not_point_back_names_nobody():
    body = '"We got through it because our customers stayed with us." Ada Brook opened the shop in 1990.'
    (quote,) = quotes_of(body, (actor("Ada Brook", body),))
    assert quote.speaker is None


# --- live-blog times, plural possessives, long spokesperson phrases -----------

@pytest.mark.parametrize(
    "body, name, type, expected",
    [
        ('14:05 - Health Minister Rosa Tellier has arrived at the hospital. "We are doing everything we can," '
         'she said.', "Rosa Tellier", "person", "Rosa Tellier"),
        ('9.40am: Mayor Ilse Brandauer has left the town hall. "There is nothing more to say today," she said.',
         "Ilse Brandauer", "person", "Ilse Brandauer"),
        ('10:15 GMT | Coach Pavel Ostrov has named his squad. "These are the best players we have," he said.',
         "Pavel Ostrov", "person", "Pavel Ostrov"),
        ("Farmers' union president Jonas Weller was unimpressed. \"This is a betrayal of rural voters,\" he said.",
         "Jonas Weller", "person", "Jonas Weller"),
        ('A spokeswoman for the Northern Federation of Independent Mountain Rescue Services said the search had '
         'ended. "The conditions were simply impossible," she said.',
         "Northern Federation of Independent Mountain Rescue Services", "organization",
         "Northern Federation of Independent Mountain Rescue Services"),
    ],
)
def test_pronoun_after_timestamp_possessive_or_long_spokesperson_subject(body, name, type, expected):
    quotes = quotes_of(body, (actor(name, body, type=type),))
    assert_offsets(body, quotes)
    (quote,) = [q for q in quotes if not q.partial]
    assert quote.speaker == expected


def test_long_subject_without_reporting_verb_is_not_taken():
    body = ('The head of the regional office of the national agency for the protection of coastal wetlands '
            'arrived late. "We were stuck in traffic," he said.')
    (quote,) = quotes_of(body)
    assert_offsets(body, quotes_of(body))
    assert quote.speaker is None or "wetlands" not in quote.speaker


@pytest.mark.parametrize(
    "body, actors, expected",
    [
        # the one-word firm is not among the actors (or typed as an organisation): "the company" is it
        ('The Harbour Authority said the fee was lawful. Zentrix said it would appeal. "Those rules were changed '
         'long ago," a company spokeswoman said.', ("Harbour Authority",), "Zentrix"),
        ('The Harbour Authority said the fee was lawful. Zentrix said it would appeal. "Those rules were changed '
         'long ago," a company spokeswoman said.', ("Harbour Authority", "Zentrix"), "Zentrix"),
    ],
)
def test_company_spokesperson_is_the_last_one_word_firm(body, actors, expected):
    quotes = quotes_of(body, tuple(actor(name, body, type="organization") for name in actors))
    assert_offsets(body, quotes)
    (quote,) = quotes
    assert quote.speaker == expected


# --- round 4: political layouts -------------------------------------------------------------

@pytest.mark.parametrize(
    "body, expected",
    [
        # a lower-case role before the name after the verb
        ('"The budget is a fantasy," said former treasury chief Nadia Okafor.',
         [("The budget is a fantasy", "Nadia Okafor")]),
        # a description set off by commas before the name
        ('"The talks resume at noon," her deputy, Ravi Tennant, told reporters.',
         [("The talks resume at noon", "Ravi Tennant")]),
        # a described speaker with words that qualify it
        ('"The vote was rigged," one aide close to the talks said.',
         [("The vote was rigged", "one aide close to the talks")]),
        # a posted message
        ('Lena Markov answered within minutes. "See you in court," she posted.',
         [("See you in court", "Lena Markov")]),
        # an irregular past verb ends the opening subject
        ('Senator Piet Vanhorn rose to reply. "We will not be lectured by anyone," he said.',
         [("We will not be lectured by anyone", "Piet Vanhorn")]),
        # a quotation with no attribution of its own: the subject of the sentence before it speaks
        ('Mayor Ines Calloway insists she has no regrets. "I would sign that order again tomorrow."',
         [("I would sign that order again tomorrow.", "Ines Calloway")]),
        # "Asked about ..., she": the subject follows the comma, not the name in the question
        ('Tomas Erdel spoke first. Asked if Olga Brandt would quit, he smiled. "Not today, and not tomorrow."',
         [("Not today, and not tomorrow.", "Tomas Erdel")]),
        # "pressed her": the "she" who replies is not the subject who pressed her
        ('Governor Mara Quillon took questions. A journalist pressed her on the deficit. '
         '"It will be gone within two years," she replied.',
         [("It will be gone within two years", "Mara Quillon")]),
        # a plural noun opening a sentence is never "he"
        ('Judge Amos Terrell leads the panel. Critics call him rigid. "I follow the law as written," he says.',
         [("I follow the law as written", "Amos Terrell")]),
    ],
)
def test_political_attributions(body, expected):
    quotes = quotes_of(body)
    assert [(q.text, q.speaker) for q in quotes if not q.partial] == expected
    assert_offsets(body, quotes)


@pytest.mark.parametrize(
    "body, expected",
    [
        ('Minister Hana Sorel spoke to us.\nQ: Will you run again?\nA: Not this time, I am sure of it.',
         [("Not this time, I am sure of it.", "Hana Sorel")]),
        ('Minister Hana Sorel spoke to us.\nQ: Will you run again? A: Not this time, I am sure of it.',
         [("Not this time, I am sure of it.", "Hana Sorel")]),
        # no question line: an "A:" line is not an answer
        ('Minister Hana Sorel spoke to us.\nA: Not this time, I am sure of it.', []),
    ],
)
def test_transcript_answers(body, expected):
    quotes = quotes_of(body)
    assert [(q.text, q.speaker) for q in quotes] == expected
    assert_offsets(body, quotes)


def test_org_named_only_later_is_not_the_party():
    body = ('"We are leaving the coalition," the party said. Later the Unity Party said it would stay.')
    quotes = quotes_of(body, (actor("Unity Party", body, type="organization"),))
    assert quotes[0].speaker != "Unity Party"
    assert_offsets(body, quotes)


# --- speakers that cannot speak, and names taken for titles -------------------------------

@pytest.mark.parametrize("body, speaker_text", [
    ('The talks ended late. On Tuesday, "we will not sign," Tuesday said.', "Tuesday"),
    ('"Prices will fall next year," Meanwhile said.', None),
    ('"It went badly for all of us," the border issue said.', "the border issue"),
])
def test_a_word_that_cannot_speak_is_no_speaker(body, speaker_text):
    quote = next(q for q in quotes_of(body) if not q.partial)
    assert quote.speaker is None and quote.speaker_text == speaker_text


@pytest.mark.parametrize("body, speaker", [
    ('"The roads are closed," a senior analyst said.', "a senior analyst"),
    ('"The roads are closed," the stranger said.', "the stranger"),
    ('"The roads are closed," Lin Wei said.', "Lin Wei"),
])
def test_a_speaker_missed_by_the_actor_stage_is_kept(body, speaker):
    (quote,) = quotes_of(body)
    assert quote.speaker == speaker


def test_title_set_off_before_the_name_gives_the_named_actor():
    body = 'Xland\'s Foreign Minister, Jane Doe, asked the delegates for "support to build roads and schools".'
    doe = actor("Jane Doe", body, roles=("Foreign Minister",))
    (quote,) = quotes_of(body, (doe,))
    assert quote.speaker == "Jane Doe"


def test_outlet_after_by_telling_is_not_the_speaker():
    body = ('Acme Corp chief Jane Doe is unsure. She said so by telling the Xland Herald, '
            '"I do not know how a meeting like that can decide anything."')
    doe = actor("Jane Doe", body)
    (quote,) = quotes_of(body, (doe,))
    assert quote.speaker == "Jane Doe"


@pytest.mark.parametrize("body, speaker", [
    # the nearest person a pronoun's sex fits, when the nearest person does not fit it
    ("Maria Lopez met Peter Novak on Monday. \"We will sign,\" she said.", "Maria Lopez"),
    ("Maria Lopez met Peter Novak on Monday. \"We will sign,\" he said.", "Peter Novak"),
    ("Mrs Okafor spoke after Lin Wei, the spokesman. \"Not yet,\" she said.", "Mrs Okafor"),
    # a person of unknown sex stays the nearest referent
    ("Maria Lopez met Zorvan Ade on Monday. \"We will sign,\" he said.", "Zorvan Ade"),
])
def test_a_pronoun_goes_to_the_nearest_person_of_its_sex(body, speaker):
    names = [n for n in ("Maria Lopez", "Peter Novak", "Mrs Okafor", "Lin Wei", "Zorvan Ade") if n in body]
    (quote,) = quotes_of(body, actors=tuple(actor(n, body) for n in names))
    assert quote.speaker == speaker
    assert_offsets(body, [quote])


@pytest.mark.parametrize("body, names, attribution", [
    ('"We will sign the deal today," said Jane Doe.', ("Jane Doe",), "named"),
    ('Jane Doe arrived. "We will sign the deal today," she said.', ("Jane Doe",), "pronoun"),
    ('"We will sign the deal today," the minister said.', (), "description"),
    ('"We will sign the deal today," an Acme spokesman said.', (), "statement"),
    ('"We will sign the deal today," said Jane Doe, "and the port will open in May."', ("Jane Doe",), "continuation"),
    ('"We will sign before the summer recess."', (), "none"),
])
def test_a_quote_says_how_its_speaker_was_found(body, names, attribution):
    quotes = quotes_of(body, actors=tuple(actor(n, body) for n in names))
    assert quotes[-1].attribution == attribution
    assert_offsets(body, quotes)


def test_a_possessive_speaker_resolves_to_the_actor_it_names():
    body = "According to Acme's announcement, the company has told the regulator that it intends to sell the plant."
    acme = actor("Acme", body, type="organization")
    (said,) = find_reported_speech(make_doc(body), actors=(acme,), dates=())
    assert (said.speaker_text, said.speaker) == ("Acme's", "Acme")


def _speakers_with_found_actors(body: str) -> list[str | None]:
    from briefing.extract.actors import find_actors
    doc = make_doc(body)
    return [q.speaker for q in find_quotes(doc, actors=find_actors(doc), dates=())]


@pytest.mark.parametrize("body, speaker", [
    # a title cut from the name before it or after it is that person
    ('Kenya Secretary of State Corey Dale said the law "is supported by the voters of this state".', "Corey Dale"),
    ('Paul Ray, UK Foreign Secretary, also said it was clear, adding "we need a new and inclusive government".',
     "Paul Ray"),
    ('Ali Musa, the Prime Minister of Kenya, welcomed it but said "any attack on us would be wrong".', "Ali Musa"),
    ('Kenya\'s Foreign Minister, Lin Wei, asked the delegates for "international support to build roads".', "Lin Wei"),
])
def test_a_title_next_to_a_name_is_that_person(body, speaker):
    assert _speakers_with_found_actors(body) == [speaker]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Doe of the U.S. said.", ["Mr.", "Doe", "of", "the", "U.S.", "said", "."]),
    ("said Jane Doe.'", ["said", "Jane", "Doe", ".", "'"]),
    ("Dr.. J. Lin-", ["Dr.", ".", "J.", "Lin", "-"]),
])
def test_attribution_tokens_keep_a_period_only_on_abbreviations_and_initials(text, expected):
    assert [t.text for t in tokenize(text, 0, len(text))] == expected


def test_officials_in_a_place_are_no_she():
    body = ("Ilse Brandt spoke first. Asked about the plan, officials in Lorvik said it would go ahead. "
            "She said the bridge would reopen in the spring.")
    speakers = [q.speaker for q in extract(make_doc(body)).reported_speech]
    assert speakers == ["officials in Lorvik", "Ilse Brandt"]


@pytest.mark.parametrize("body, speaker_text, text, start", [
    # a plural possessive inside a name is part of it: the whole name speaks, as written
    ("The Brask Dockers' Union said the offer was too low.", "Brask Dockers' Union", "the offer was too low", 30),
    ("The Velm Growers’ Guild said the harvest was late.", "Velm Growers’ Guild", "the harvest was late", 29),
])
def test_a_plural_possessive_inside_a_speaker_s_name(body, speaker_text, text, start):
    union = actor(speaker_text, body, type="organization")
    (speech,) = find_reported_speech(make_doc(body), actors=(union,), dates=())
    assert (speech.text, speech.evidence[0].start, speech.speaker, speech.speaker_text) == (
        text, start, speaker_text, speaker_text)


@pytest.mark.parametrize("body, text, start, speaker, role", [
    # a lower-case title of sport before the name after a quotation: the name is the speaker
    ('"We wanted a fast winger," head coach Ola Dreyer said.', "We wanted a fast winger", 1, "Ola Dreyer",
     "head coach"),
    ('"I am happy here," striker Bo Lindqvist told reporters.', "I am happy here", 1, "Bo Lindqvist", "striker"),
])
def test_a_sport_title_before_the_speaker_after_a_quotation(body, text, start, speaker, role):
    person = actor(speaker, body)
    (quote,) = quotes_of(body, (person,))
    assert (quote.text, quote.evidence[0].start, quote.speaker, quote.role) == (text, start, speaker, role)
