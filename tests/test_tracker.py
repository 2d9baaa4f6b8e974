"""The agreements tracker: one record per agreement across briefs, with its dated status history."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.model import Agreement, Brief, Evidence, Source, StatusStep
from briefing.tracker import track
from test_site import Page, make_project

SEEDS = {
    # invented articles: one merger reported twice, an open contract, and nothing else
    "1-talks.txt": "Acme Corp and Globex Industries in talks over merger\n2 Mar 2031\n"
                   "Acme Corp and Globex Industries are negotiating a merger, the two companies said on Monday.\n"
                   "The talks began in January, said Jane Doe, a spokeswoman for Acme Corp.\n",
    "2-signed.txt": "Acme Corp and Globex Industries sign merger\n10 Jun 2031\n"
                    "Acme Corp and Globex Industries signed their merger agreement on Tuesday.\n"
                    "The deal still needs the approval of regulators, said Lin Wei, a lawyer for Globex Industries.\n",
    "3-contract.txt": "Borealis Fisheries in contract talks\n12 Jun 2031\n"
                      "Borealis Fisheries is negotiating a supply contract with Kestrel Marine, officials said.\n",
}


def _brief(brief_id: str, published: str, *agreements: Agreement) -> Brief:
    return Brief(id=brief_id, title=brief_id, published=published, source=Source(path=f"seeds/{brief_id}.txt"),
                 summary="", agreements=agreements)


def _agreement(kind, parties, *states) -> Agreement:
    history = tuple(StatusStep(status, date, (Evidence(sentence, 0, 1),)) for status, date, sentence in states)
    return Agreement(kind=kind, parties=parties, status=history[-1].status, date=history[-1].date, text="",
                     evidence=tuple(step.evidence[0] for step in history), history=history)


def _key(brief: Brief, name: str) -> str:
    return {"Xland": "xland", "the Xland government": "xland"}.get(name, name.lower())


@pytest.mark.parametrize("briefs, records", [
    # one deal in two briefs, under negotiation then signed: one record, both states in order
    ([_brief("b1", "2031-03-02", _agreement("fisheries pact", ("Xland", "Yland"), ("under negotiation", "2031-03", 0))),
      _brief("b2", "2031-06-10", _agreement("fisheries deal", ("Yland", "the Xland government"),
                                             ("signed", "2031-06-09", 2)))],
     [[("under negotiation", "2031-03", "b1", 0), ("signed", "2031-06-09", "b2", 2)]]),
    # the briefs in any order: the history follows their dates
    ([_brief("b2", "2031-06-10", _agreement("fisheries pact", ("Xland", "Yland"), ("signed", None, 1))),
      _brief("b1", "2031-03-02", _agreement("pact", ("Xland", "Yland"), ("proposed", None, 0),
                                             ("under negotiation", None, 3)))],
     [[("proposed", None, "b1", 0), ("under negotiation", None, "b1", 3), ("signed", None, "b2", 1)]]),
    # other parties or another kind: another record
    ([_brief("b1", "2031-03-02", _agreement("fisheries pact", ("Xland", "Yland"), ("signed", None, 0)),
             _agreement("defence pact", ("Xland", "Yland"), ("proposed", None, 1))),
      _brief("b2", "2031-06-10", _agreement("fisheries pact", ("Xland", "Zedia"), ("signed", None, 0)))],
     [[("signed", None, "b2", 0)], [("signed", None, "b1", 0)], [("proposed", None, "b1", 1)]]),
    # the same name is the same agreement, whoever the parties named in each brief
    ([_brief("b1", "2031-03-02", _agreement("Treaty on Open Fisheries", ("Xland",), ("signed", None, 0))),
      _brief("b2", "2031-06-10", _agreement("Treaty on Open Fisheries", ("Yland",), ("ratified", None, 4)))],
     [[("signed", None, "b1", 0), ("ratified", None, "b2", 4)]]),
    # signed, renegotiated, signed again: the latest brief's status comes last
    ([_brief("b1", "2031-01-01", _agreement("trade pact", ("Xland", "Yland"), ("signed", None, 0))),
      _brief("b2", "2031-02-01", _agreement("trade pact", ("Xland", "Yland"), ("under negotiation", None, 0))),
      _brief("b3", "2031-03-01", _agreement("trade pact", ("Xland", "Yland"), ("signed", None, 5)))],
     [[("under negotiation", None, "b2", 0), ("signed", None, "b3", 5)]]),
])
def test_one_record_per_agreement_with_its_history(briefs, records):
    found = track(briefs, _key)
    assert [[(s.status, s.date, s.brief.id, s.evidence.sentence) for s in r.history] for r in found] == records
    assert all(r.status == r.history[-1].status for r in found)


def test_a_brief_without_a_history_gives_its_status():
    old = Agreement(kind="trade pact", parties=("Xland",), status="agreed", date="2031-01", text="",
                    evidence=(Evidence(3, 0, 1),))
    (record,) = track([_brief("b1", "2031-01-05", old)], _key)
    assert [(s.status, s.date, s.evidence.sentence) for s in record.history] == [("agreed", "2031-01", 3)]


def _rows(markup: str) -> list[str]:
    return re.findall(r"<tr [^>]*data-agreement-record.*?</tr>", markup, re.DOTALL)


def test_briefs_about_one_agreement_show_one_record_with_its_history(tmp_path: Path):
    config = make_project(tmp_path)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in SEEDS.items():
        (seeds / name).write_text(text, encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--config-file", str(config)]) == 0
    built = tmp_path / "site"
    markup = (built / "agreements" / "index.html").read_text(encoding="utf-8")
    merger = [row for row in _rows(markup) if "Acme Corp" in row]
    assert len(merger) == 1
    (row,) = merger
    assert 'data-status="signed"' in row
    history = re.findall(r'<li><span class="brief-status[^"]*">([^<]+)</span> ([^<]+?) <a href="([^"]+)">', row)
    talks = "../briefs/2031-03-02-acme-corp-and-globex-industries-in-talks-over-merger/#s1"
    signed = "../briefs/2031-06-10-acme-corp-and-globex-industries-sign-merger/#s1"
    assert history == [("under negotiation", "24 Feb 2031", talks), ("signed", "10 Jun 2031", signed)]
    for link in (talks, signed):  # each state links to its brief's sentence
        page, anchor = link.removeprefix("../").split("#")
        assert anchor in Page((built / page / "index.html").read_text(encoding="utf-8")).ids
    # the filters (docs/javascripts/filters.js) read the record's parties and latest status from the row
    assert re.search(r'data-actor="[^"]*Acme Corp[^"]*"', row) and re.search(r'data-actor="[^"]*Globex Industries', row)
    # the home page's open agreements come from the records: the merger is signed now, the contract open
    home = (built / "index.html").read_text(encoding="utf-8").split('class="brief-open"', 1)[1].split("</table>")[0]
    assert "Borealis Fisheries" in home and "merger" not in home
