"""The hand lexicon of attribution cues: reporting verbs by class, hedges, "according to".

It serves twice: as a feature of the learned cue classifier (the class of a candidate word,
so that the model starts from English grammar rather than from the training corpus alone),
and as the whole decision of ``RuleCueModel`` when no model is loaded.

Cues come in strengths, because a reporting verb is not always a reporting verb:
``said`` and ``told`` almost never mean anything else in news copy, so they may take a bare
complement ("he said the talks failed"); ``added``, ``noted`` or ``stated`` are also ordinary
verbs and adjectives ("added 300 jobs", "a noted author", "the stated aim"), so they only
count when followed by ``that``, a colon or a quotation, or when they close a sentence.
"""

from __future__ import annotations

__all__ = [
    "ACCORDING",
    "BARE",
    "HEDGES",
    "LEXICON_KEYS",
    "NOSOURCE",
    "QUOTE",
    "THAT",
    "lemma_of",
    "lexicon_kind",
]

BARE = "bare"  # may take a complement without "that"
THAT = "that"  # needs "that", a colon or a quote after it, or must close the sentence
ACCORDING = "according"  # "according to X"
NOSOURCE = "nosource"  # "reportedly", "it is said that": attribution with no source at all
QUOTE = "quote"  # only next to a direct quotation or before "that" ("he replied", "she asked")


# lemma: (strength, inflected forms). Forms are listed, not generated, so the lexicon can
# be read and corrected by anyone.
_VERBS: dict[str, tuple[str, str]] = {
    "say": (BARE, "say says said"),
    "tell": (BARE, "tell tells told"),
    "think": (BARE, "think thinks thought"),
    "believe": (BARE, "believe believes believed"),
    "claim": (BARE, "claims claimed"),
    "argue": (BARE, "argue argues argued"),
    "insist": (BARE, "insist insists insisted"),
    "assert": (BARE, "assert asserts asserted"),
    "contend": (BARE, "contend contends contended"),
    "add": (THAT, "adds added"),
    "note": (THAT, "notes noted"),
    "state": (THAT, "states stated"),
    "stress": (THAT, "stresses stressed"),
    "emphasize": (THAT, "emphasizes emphasized emphasises emphasised"),
    "underline": (THAT, "underlines underlined underscored underscores"),
    "explain": (THAT, "explains explained"),
    "announce": (THAT, "announces announced"),
    "admit": (THAT, "admits admitted"),
    "acknowledge": (THAT, "acknowledges acknowledged"),
    "concede": (THAT, "concedes conceded"),
    "confirm": (THAT, "confirms confirmed"),
    "deny": (THAT, "denies denied"),
    "report": (THAT, "reports reported"),
    "reveal": (THAT, "reveals revealed"),
    "suggest": (THAT, "suggests suggested"),
    "predict": (THAT, "predicts predicted"),
    "recall": (THAT, "recalls recalled"),
    "declare": (THAT, "declares declared"),
    "maintain": (THAT, "maintains maintained"),
    "allege": (THAT, "alleges alleged"),
    "warn": (THAT, "warns warned"),
    "expect": (THAT, "expects expected"),
    "hope": (THAT, "hopes hoped"),
    "fear": (THAT, "fears feared"),
    "agree": (THAT, "agrees agreed"),
    "complain": (THAT, "complains complained"),
    "observe": (THAT, "observes observed"),
    "remark": (QUOTE, "remarks remarked"),
    "mention": (THAT, "mentions mentioned"),
    "write": (THAT, "writes wrote"),
    "tweet": (THAT, "tweets tweeted"),
    "testify": (THAT, "testifies testified"),
    "promise": (THAT, "promises promised"),
    "vow": (THAT, "vows vowed"),
    "indicate": (THAT, "indicates indicated"),
    "conclude": (THAT, "concludes concluded"),
    "continue": (QUOTE, "continued"),
    "reply": (QUOTE, "replies replied"),
    "respond": (QUOTE, "responded"),
    "answer": (QUOTE, "answered"),
    "estimate": (THAT, "estimates estimated"),
    "urge": (THAT, "urges urged"),
    "ask": (QUOTE, "asks asked"),
    "know": (THAT, "knows knew"),
    "feel": (THAT, "feels felt"),
    "worry": (THAT, "worries worried"),
    "assure": (THAT, "assures assured"),
    "point out": (THAT, "pointed-out points-out"),
}

_FORMS: dict[str, tuple[str, str]] = {}
for _lemma, (_kind, _forms) in _VERBS.items():
    for _form in _forms.split():
        _FORMS.setdefault(_form.split("-")[0], (_lemma.split()[0], _kind))

# Adverbs that attribute a claim to no one in particular.
HEDGES = frozenset(["reportedly", "allegedly", "purportedly"])
for _h in HEDGES:
    _FORMS[_h] = (_h, NOSOURCE)
_FORMS["according"] = ("according to", ACCORDING)

# Every word the hand lexicon knows: always a candidate, whatever a model learned.
LEXICON_KEYS = frozenset(_FORMS)


def lexicon_kind(word: str) -> str:
    """The lexicon's class for a lower-case word ("bare", "that", ...), or "none"."""
    entry = _FORMS.get(word)
    return entry[1] if entry is not None else "none"


def lemma_of(word: str) -> str:
    """The lexicon lemma of a lower-case word form, or the word itself."""
    entry = _FORMS.get(word)
    return entry[0] if entry is not None else word
