"""The text scan: white-space words, candidate offsets, sentence starts, "Name:" lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from biaskit_source_attribution.scan import (
    key,
    locate,
    name_colons,
    scan,
    sentence_starts,
    surface_forms,
)

FORMS = surface_forms(["said", "told", "according"])


def test_key_strips_punctuation_and_case() -> None:
    assert key("“Said,”") == "said"
    assert key("(AP)") == "ap"
    assert key("—") == ""


def test_surface_forms_cover_punctuation_and_capitals() -> None:
    for form in ("said", "Said", "said,", "said.", "said:", "said,”", "“said"):
        assert form in FORMS
    assert "unsaid" not in FORMS


def test_candidates_point_at_their_words() -> None:
    text = 'He said, unsaid things. "Quoted said here," she said: yes. According to X.'
    s = scan(text, FORMS)
    found = [(s.words[i], text[pos : pos + len(s.words[i])]) for i, pos in s.candidates]
    assert [w for w, _ in found] == ["said,", "said:", "According"]
    assert all(w == at for w, at in found)


def test_candidates_inside_quotations_are_skipped() -> None:
    text = '"They said no," he told me.'
    s = scan(text, FORMS)
    assert [s.words[i] for i, _ in s.candidates] == ["told"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["said", "said,", "x", "xsaid", "saidx", " ", "\n", "\xa0"])))
def test_locate_is_exact_for_every_wanted_word(parts: list[str]) -> None:
    text = " ".join(parts)
    words = text.split()
    wanted = [i for i, w in enumerate(words) if w in FORMS]
    located = locate(text, words, wanted)
    assert [i for i, _ in located] == wanted
    for i, pos in located:
        assert text[pos : pos + len(words[i])] == words[i]
        assert pos == 0 or text[pos - 1].isspace()


def test_sentence_starts_respect_abbreviations_and_lines() -> None:
    text = "Mr. Smith went to Washington. He said yes.\nNew line! Then U.S. officials left."
    starts = sentence_starts(text)
    assert [text[s : s + 7] for s in starts] == ["Mr. Smi", "He said", "New lin", "Then U."]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_sentence_starts_are_sorted_offsets_inside_the_text(text: str) -> None:
    starts = sentence_starts(text)
    assert starts[0] == 0
    assert starts == sorted(set(starts))
    assert all(0 <= s <= len(text) for s in starts)


def test_name_colon_lines() -> None:
    text = "Bernie Sanders: I am not a socialist\nSource: TASS\nCLINTON: Honestly, yes.\nx: y"
    found = [text[a:b] for a, b, _ in name_colons(text)]
    assert found == ["Bernie Sanders", "CLINTON"]


def test_a_name_a_colon_and_a_quotation_inside_a_line() -> None:
    text = (
        'He tweeted about it ... Donald Trump: "Appreciate the congrats." '
        'More from Jones: \u201cThe state is a starting point.\u201d The rule: "no shoes" '
        'and Note: "closed".'
    )
    found = [text[a:b] for a, b, _ in name_colons(text)]
    assert found == ["Donald Trump", "Jones"]


def test_full_stop_after_white_space_only_is_a_sentence_end() -> None:
    # Found by hypothesis: nothing but white space before the full stop.
    assert sentence_starts("\r.\r0") == [0, 3]


def test_credit_labels_are_not_speakers() -> None:
    assert name_colons("Contributing: Ana Ruiz, City News Service.\n") == []


def test_a_running_headline_series_is_not_a_speaker() -> None:
    # The AP titles its live updates "The Latest: ...".
    assert name_colons("The Latest: Sanders wins Minnesota caucuses.\n") == []
    assert name_colons("Latest: Polls close in Ohio.\n") == []
