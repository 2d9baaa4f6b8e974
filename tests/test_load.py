"""Loading seeds: plain text, Markdown, saved web pages and feeds, and what goes wrong with them."""
from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from briefing.errors import Problem
from briefing.load import load_seed, load_seeds, normalise_body, not_english_reason, strip_markdown

FIXTURES = Path(__file__).parent / "fixtures"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_plain_text_title_date_and_paragraphs(tmp_path):
    path = write(tmp_path, "a.txt", "Mayor opens bridge\n14 Aug 2019\n\nThe mayor opened\nthe bridge.\n\nIt cost a lot.\n")
    articles, problems, failures = load_seed(path)
    assert (problems, failures) == ([], [])
    [article] = articles
    assert article.title == "Mayor opens bridge"
    assert article.published == dt.date(2019, 8, 14)
    assert article.body == "The mayor opened the bridge.\nIt cost a lot."
    assert article.id == "2019-08-14-mayor-opens-bridge"


def test_plain_text_without_a_date_line(tmp_path):
    path = write(tmp_path, "a.txt", "Mayor opens bridge\nThe mayor opened the bridge on Monday.\n")
    [article], problems, _ = load_seed(path)
    assert article.published is None and problems == []
    assert article.body == "The mayor opened the bridge on Monday."


def test_unreadable_date_is_an_error_and_the_article_is_undated(tmp_path):
    path = write(tmp_path, "x.txt", "Mayor opens bridge\nWednsday 14 Aug\nThe mayor opened the bridge.\n")
    [article], [problem], failures = load_seed(path, shown="seeds/x.txt")
    assert article.published is None and failures == []
    assert article.body == "The mayor opened the bridge."
    assert str(problem).startswith("seeds/x.txt: line 2: cannot read the date 'Wednsday 14 Aug'")
    assert problem.severity == "error"


def test_markdown_front_matter_and_marks(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Mayor opens bridge\ndate: 2019-08-14\noutlet: Town Crier\n"
                                   "tags: [roads, city]\n---\n\n## The day\n\nThe **mayor** opened the "
                                   "[bridge](https://example.org/b) on *Monday*.\n\n- It cost a lot.\n")
    [article], problems, _ = load_seed(path)
    assert problems == []
    assert (article.title, article.published, article.outlet, article.tags) == (
        "Mayor opens bridge", dt.date(2019, 8, 14), "Town Crier", ("roads", "city"))
    assert article.body == "The day\nThe mayor opened the bridge on Monday.\nIt cost a lot."


@pytest.mark.parametrize("markdown, plain", [
    ("See [the report](http://example.org/r) now", "See the report now"),
    ("![a chart](chart.png)Rates rose", "Rates rose"),
    ("It was **very** big and *quite* new", "It was very big and quite new"),
    ("5 * 3 * 2 is thirty", "5 * 3 * 2 is thirty"),
    ("> A quoted line", "A quoted line"),
    ("### Heading", "Heading"),
    ("1. First point", "First point"),
])
def test_strip_markdown(markdown, plain):
    assert strip_markdown(markdown) == plain


def test_markdown_bad_date_names_its_line(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Mayor opens bridge\ndate: 31 Feb 2019\n---\nThe mayor spoke.\n")
    [article], [problem], _ = load_seed(path, shown="a.md")
    assert article.published is None
    assert str(problem).startswith("a.md: line 3: cannot read the date '31 Feb 2019': there is no such day")


def test_saved_web_page(tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("loading a page must not use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    [article], problems, failures = load_seed(FIXTURES / "news-page.html")
    assert (problems, failures) == ([], [])
    assert article.title == "Harbour towns agree joint ferry service"
    assert article.published == dt.date(2021, 3, 4)
    assert (article.outlet, article.author) == ("The Coastal Ledger", "Mara Quillfeather")
    assert article.url == "https://ledger.example.org/news/harbour-ferry"
    paragraphs = article.body.split("\n")
    assert paragraphs[0].startswith("The councils of Eastwick and Lowmarsh on Wednesday agreed")
    assert paragraphs[-1].startswith("Opponents said the fares")
    for junk in ("Home", "Advertisement", "First!", "Copyright", "Harbour towns agree"):
        assert junk not in article.body


def test_web_page_without_a_date_is_undated_with_a_warning(tmp_path):
    page = ("<html><head><title>Rail link delayed</title></head><body><article><h1>Rail link delayed</h1>"
            + "<p>The new rail link will open a year late, the operator said on Friday, blaming supply problems "
              "and a shortage of engineers across the region.</p>" * 3 + "</article></body></html>")
    [article], [problem], _ = load_seed(write(tmp_path, "p.html", page), shown="p.html")
    assert article.title == "Rail link delayed" and article.published is None
    assert problem.severity == "warning" and "no publication date" in problem.message


def test_web_page_without_an_article(tmp_path):
    path = write(tmp_path, "p.htm", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    articles, [problem], [failure] = load_seed(path, shown="p.htm")
    assert articles == [] and problem is failure
    assert str(problem).startswith("p.htm: no article text found in the page")


def test_json_feed_one_brief_per_record_and_broken_records_named():
    articles, problems, failures = load_seed(FIXTURES / "feed.json", shown="feed.json")
    assert [a.path for a in articles] == ["feed.json#0", "feed.json#3", "feed.json#4"]
    first, undated, stamped = articles
    assert first.title == "Dam project gets green light & funding"
    assert first.published == dt.date(2019, 6, 12)
    assert (first.outlet, first.author, first.url) == ("Valley Post", "Ines Marlow", "https://valley.example.com/dam")
    assert first.tags == ("energy", "rivers")
    assert first.body == ("Regional planners on Tuesday approved a new dam on the upper river, the agency said.\n"
                          "Construction is due to start in 2021.")
    assert first.id == "2019-06-12-dam-project-gets-green-light-funding"
    assert (undated.published, undated.outlet) == (None, "City Desk")
    assert (stamped.published, stamped.url) == (dt.date(2019, 6, 12), "https://wire.example.net/port")
    assert [str(p).split(" (")[0] for p in failures] == [
        "feed.json: record 1: the article 'A record without text' has no text",
        "feed.json: record 2: is a list, not an article object",
    ]
    [date_problem] = [p for p in problems if p not in failures]
    assert str(date_problem).startswith("feed.json: record 3: cannot read the date 'Wednsday 14 Aug'")


def test_json_lines_feed_names_the_broken_line():
    articles, problems, [failure] = load_seed(FIXTURES / "feed.jsonl", shown="feed.jsonl")
    assert [a.path for a in articles] == ["feed.jsonl#0", "feed.jsonl#2"]
    assert articles[0].published == dt.date(2020, 1, 2) and articles[0].author == "Ana Ruiz, Li Wen"
    assert articles[1].tags == ("food", "city")
    assert str(failure).startswith("feed.jsonl: record 1: line 3: not valid JSON")
    assert problems == [failure]


@pytest.mark.parametrize("feed, message", [
    ('{"title": "x", ', "line 1: not valid JSON"),
    ("[]", "the feed has no articles"),
    ('"just a string"', "not a feed: expected a list of articles"),
    ('{"count": 3}', "not a feed: expected a list of articles"),
])
def test_feeds_that_are_not_feeds(tmp_path, feed, message):
    articles, [problem], [failure] = load_seed(write(tmp_path, "f.json", feed), shown="f.json")
    assert articles == [] and problem is failure
    assert str(problem).startswith(f"f.json: {message}")


@pytest.mark.parametrize("record, field, expected", [
    ({"title": "T", "body": "Some text."}, "body", "Some text."),
    ({"title": "T", "description": "Short.", "content": "A longer text of the story."}, "body", "A longer text of the story."),
    ({"title": "T", "content": "The start of it… [+1234 chars]"}, "body", "The start of it"),
    ({"title": "T", "text": ["First paragraph.", "Second paragraph."]}, "body", "First paragraph.\nSecond paragraph."),
    ({"title": "T", "body": "Fish &amp; chips<br>Peas"}, "body", "Fish & chips\nPeas"),
    ({"title": "T", "body": "x", "source": "Daily Sun"}, "outlet", "Daily Sun"),
    ({"title": "T", "body": "x", "outlet": {"name": "Daily Sun"}}, "outlet", "Daily Sun"),
    ({"title": "T", "body": "x", "author": {"name": "Kim Lo"}}, "author", "Kim Lo"),
    ({"title": "T", "body": "x", "link": "http://example.org/a"}, "url", "http://example.org/a"),
    ({"title": "T", "body": "x", "published": "2020-02-03"}, "published", dt.date(2020, 2, 3)),
    ({"title": "T", "body": "x", "pubDate": 1580688000000}, "published", dt.date(2020, 2, 3)),
    ({"title": "T", "body": "x", "keywords": "a, b"}, "tags", ("a", "b")),
])
def test_feed_record_fields(tmp_path, record, field, expected):
    import json

    [article], problems, _ = load_seed(write(tmp_path, "f.json", json.dumps([record])))
    assert problems == []
    assert getattr(article, field) == expected


def test_empty_binary_and_title_only_files_fail(tmp_path):
    write(tmp_path, "empty.txt", "  \n\n")
    write(tmp_path, "binary.txt", bytes(range(256)) * 4)
    write(tmp_path, "title.txt", "Just a title\n")
    result = load_seeds(tmp_path, display_root=tmp_path)
    assert result.articles == []
    assert [str(p).split(" (")[0] for p in result.failures] == [
        "binary.txt: this is a binary file, not an article",
        "empty.txt: the file is empty",
        "title.txt: the article has a title but no text",
    ]


@pytest.mark.parametrize("data, warned", [
    ("\ufeffCafé opens\nThe “café” opened.".encode("utf-8"), False),
    ("Café opens\nThe “café” opened.".encode("utf-16"), False),
    ("Café opens\nThe “café” opened.".encode("cp1252"), True),
])
def test_encodings(tmp_path, data, warned):
    [article], problems, _ = load_seed(write(tmp_path, "a.txt", data), shown="a.txt")
    assert (article.title, article.body) == ("Café opens", "The “café” opened.")
    assert [str(p) for p in problems] == (
        ["a.txt: line 1: warning: not UTF-8; read as Windows-1252 (cp1252) (save the file as UTF-8 to silence this)"]
        if warned else [])


def test_same_article_twice_gives_one_with_a_warning_naming_both(tmp_path):
    write(tmp_path, "a.txt", "Mayor opens bridge\nThe mayor opened the bridge.\n")
    write(tmp_path, "b.md", "---\ntitle: Mayor opens bridge\n---\nThe mayor  opened the bridge.\n")
    result = load_seeds(tmp_path, display_root=tmp_path)
    assert [a.path for a in result.articles] == ["a.txt"]
    [problem] = result.problems
    assert problem.severity == "warning" and problem.path == "b.md" and "a.txt" in problem.message


def test_same_text_under_different_titles_is_not_a_duplicate(tmp_path):
    write(tmp_path, "a.txt", "First case\nHe said it.\n")
    write(tmp_path, "b.txt", "Second case\nHe said it.\n")
    assert [a.path for a in load_seeds(tmp_path, display_root=tmp_path).articles] == ["a.txt", "b.txt"]


def test_colliding_ids_are_made_distinct(tmp_path):
    write(tmp_path, "a.txt", "Mayor opens bridge\n2019-08-14\nThe mayor opened the north bridge.\n")
    write(tmp_path, "b.txt", "Mayor opens bridge\n14 Aug 2019\nThe mayor opened the south bridge.\n")
    result = load_seeds(tmp_path, display_root=tmp_path)
    assert [a.id for a in result.articles] == ["2019-08-14-mayor-opens-bridge", "2019-08-14-mayor-opens-bridge-2"]
    [problem] = result.problems
    assert problem.path == "b.txt" and problem.severity == "warning"


GERMAN = ("Die Regierung hat am Donnerstag beschlossen, die Steuern für kleine Unternehmen zu senken. "
          "Der Finanzminister sagte, dass die Wirtschaft im nächsten Jahr wachsen werde, aber die Opposition "
          "kritisierte den Plan als unzureichend und forderte mehr Investitionen in Schulen.")
ENGLISH = ("The government decided on Thursday to cut taxes for small businesses. The finance minister said the "
           "economy would grow next year, but the opposition criticised the plan and called for more investment.")
GREEK = ("Η κυβέρνηση αποφάσισε την Πέμπτη να μειώσει τους φόρους για τις μικρές επιχειρήσεις και ο υπουργός "
         "οικονομικών είπε ότι η οικονομία θα αναπτυχθεί τον επόμενο χρόνο.")


RESULTS_TABLE = "\n".join(f"{n}. Jane Doe{n} (Xland) 2:04:{10 + n}" for n in range(1, 40))
SCORES_TABLE = "\n".join(f"Port Esk Rovers {n} Vellmoor United {n % 3}" for n in range(40))
PRICES_TABLE = "\n".join(f"ACME\t{n}.25\t+0.{n}%\tGLOBEX\t{n}.75" for n in range(40))


@pytest.mark.parametrize("text, reason", [
    (ENGLISH, None),
    (ENGLISH + "\n" + RESULTS_TABLE, None),  # English prose with a table of results
    (RESULTS_TABLE + "\n" + ENGLISH, None),
    (ENGLISH + "\n" + SCORES_TABLE, None),
    (ENGLISH + "\n" + PRICES_TABLE, None),
    (GERMAN + "\n" + RESULTS_TABLE, "only 2% of its words are common English words, against 30% in English"),
    (GERMAN, "only 2% of its words are common English words, against 30% in English"),
    (GREEK, "100% of its letters are not Latin"),
    ("Kurz und bündig.", None),  # too short to tell
])
def test_not_english_reason(text, reason):
    assert not_english_reason(text) == reason


def test_non_english_article_is_loaded_with_a_warning(tmp_path):
    write(tmp_path, "de.txt", f"Steuern sinken\n{GERMAN}\n")
    [article], [problem], _ = load_seed(tmp_path / "de.txt", shown="de.txt")
    assert str(problem).startswith("de.txt: warning: looks like it is not English (only 2% of its words")
    assert "extraction is tuned for English" in problem.message
    assert article.warnings == (problem.message,)


@pytest.mark.parametrize("text, body", [
    ("One.\nTwo.", "One.\nTwo."),
    ("One\nstill one.\n\n\nTwo.", "One still one.\nTwo."),
    ("  padded  \n\n", "padded"),
    # a table's rows, a list's items and a transcript's turns keep their lines inside a block
    ("Results:\n\n| Party | Votes |\n|---|---|\n| Unity | 88 |\n\nEnd.",
     "Results:\n| Party | Votes |\n|---|---|\n| Unity | 88 |\nEnd."),
    ("Winners:\n1. Orla Venn\n2. Tom Reyes\n\nEnd.", "Winners:\n1. Orla Venn\n2. Tom Reyes\nEnd."),
    ("MODERATOR: Welcome.\nQ: Will it pass?\nA: It will.\n\nEnd.",
     "MODERATOR: Welcome.\nQ: Will it pass?\nA: It will.\nEnd."),
    ("Prices rose 5% in\n2019, officials said.\n\nEnd.", "Prices rose 5% in 2019, officials said.\nEnd."),
])
def test_normalise_body(text, body):
    assert normalise_body(text) == body


def test_problem_about_a_feed_record():
    problem = Problem.about("feeds/f.json#3", "odd", severity="warning")
    assert (problem.path, problem.record, problem.source) == ("feeds/f.json", 3, "feeds/f.json#3")
    assert problem.concerns("feeds/f.json#3") and not problem.concerns("feeds/f.json#4")
    assert Problem("feeds/f.json", "broken").concerns("feeds/f.json#4")
    assert str(problem) == "feeds/f.json: record 3: warning: odd"
