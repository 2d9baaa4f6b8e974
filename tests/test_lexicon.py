"""The closed word classes of briefing/data/ read through lexicon.marked, and the lists built from them."""
import pytest

from briefing import lexicon
from briefing import reference as ref
from briefing.extract import actors_mentions, agreements_lexicon, quotes_attribution
from briefing.sentences import TITLE_ABBREVIATIONS, TRAILING_ABBREVIATIONS


def test_marked_keeps_the_words_with_every_mark_asked():
    assert lexicon.marked("determiners.txt", "article") == {"the", "a", "an"}
    assert lexicon.marked("determiners.txt", "definite", "singular") == {"the", "this", "that"}
    assert lexicon.marked("determiners.txt") == lexicon.DETERMINERS


def test_a_mark_no_entry_carries_is_an_error_not_an_empty_list():
    with pytest.raises(ValueError, match="pronouns.txt: no entry is marked nobody"):
        lexicon.marked("pronouns.txt", "subject", "nobody")


def test_each_stage_keeps_its_own_subset_of_the_pronouns():
    assert quotes_attribution.PERSON_PRONOUNS == {"he", "she"}
    assert quotes_attribution.GROUP_PRONOUNS == {"it", "they"}
    assert {"my", "your"} <= lexicon.POSSESSIVE_PRONOUNS
    assert agreements_lexicon.POSSESSIVE_PRONOUNS == lexicon.POSSESSIVE_PRONOUNS - {"my", "your"}
    assert agreements_lexicon.PERSON_PRONOUNS == {"he", "him", "his", "she", "her"}


def test_speaker_only_titles_stand_before_a_speaker_but_are_no_actor_role():
    speaker_only = lexicon.marked("titles.txt", "speaker-only")
    forms = lexicon.marked("quotes_honorific_forms.txt")
    assert speaker_only and forms
    assert not (speaker_only | forms) & ref.TITLES
    assert speaker_only | forms | lexicon.marked("titles.txt", "speaker") == ref.SPEAKER_TITLES
    assert ref.AMBIGUOUS_SPEAKER_TITLES < ref.SPEAKER_TITLES


def test_the_name_finder_keeps_the_period_only_on_abbreviations_the_splitter_knows():
    kept = actors_mentions._KEEPS_PERIOD - frozenset(ref.TITLE_ABBREVIATIONS)
    assert kept and kept <= TITLE_ABBREVIATIONS | TRAILING_ABBREVIATIONS
    assert kept < TITLE_ABBREVIATIONS | TRAILING_ABBREVIATIONS


def test_auxiliaries_modals_and_negations_are_one_list_each_stage_selects_from():
    every = lexicon.marked("auxiliaries.txt")
    assert agreements_lexicon.AUXILIARIES == every - {"cannot"}
    assert agreements_lexicon.MODALS | lexicon.marked("auxiliaries.txt", "future") | {"can", "cannot"} \
        == lexicon.marked("auxiliaries.txt", "modal")
    assert agreements_lexicon.NEGATIONS == {"not", "n't", "never", "no"}
    assert agreements_lexicon.VERB_MARKERS == lexicon.marked("auxiliaries.txt", "modal") | {"to"}
    finite = quotes_attribution._AUXILIARIES
    assert "am" not in finite and "cannot" not in finite and finite < every
    assert actors_mentions._PLURAL_VERBS < finite and "is" not in actors_mentions._PLURAL_VERBS
    assert {"is", "can"} <= actors_mentions._AUXILIARIES and "do" not in actors_mentions._AUXILIARIES


def test_the_preposition_subsets_of_the_stages_are_marks_on_the_one_list():
    assert lexicon.NAMING_PREPOSITIONS == {"of", "for"}
    assert lexicon.marked("prepositions.txt", "infinitive") == {"to"}
    assert quotes_attribution.CONNECTORS - lexicon.PREPOSITIONS == {"the", "and", "&"}
    assert actors_mentions.ACRONYM_SKIP & lexicon.PREPOSITIONS == {"of", "for", "on", "in"}
    assert lexicon.NAMING_PREPOSITIONS < actors_mentions._TRAILING_WORDS


def test_a_pattern_file_may_name_a_data_file_its_marked_words_and_the_shared_reporting_verbs(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    listed = f"{tmp_path.name}_words.txt".lower()  # the loaders cache by file name
    (tmp_path / listed).write_text("fen | wet\nmoor | wet high\ntor | high\n", encoding="utf-8")
    plain = f"{tmp_path.name}_plain.txt".lower()
    (tmp_path / plain).write_text("# a comment\nbog mire\n", encoding="utf-8")
    name = f"{tmp_path.name}_patterns.txt".lower()
    (tmp_path / name).write_text(f"pattern\tWET\t\\b(?:{{{listed}:wet}})\\b\npattern\tPLAIN\t{{{plain}}}\n"
                                 "pattern\tSAID\t(?:{REPORTING_TENSED})$\n", encoding="utf-8")
    found = lexicon.compiled(name, {})
    assert found["WET"].pattern == r"\b(?:moor|fen)\b"
    assert found["PLAIN"].fullmatch("mire") and found["PLAIN"].fullmatch("bog")
    assert found["SAID"].search("she said") and not found["SAID"].search("she sang")
