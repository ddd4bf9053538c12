"""Broad semantic classes of attribution words, and a crude stem, for the cue classifier.

A cue word seen a handful of times in training ("backs", "doubts", "slammed") gets little
weight of its own; its class ("stance", "belief") is a feature of every word in it, so rare
words borrow the weight of frequent ones, alone and with the sentence around them (see
``features``). A word is put in its class by a crude stem, so that every inflection of a
listed lemma ("supports", "supported", "supporting") falls in the class of "support".

The lists are written from general English grammar (verbs of communication, of cognition
and belief, of stance, of perception, of evidence, in the spirit of Levin's verb classes),
not drawn from any corpus, so they carry over to copy we have never seen.
"""

from __future__ import annotations

__all__ = ["CLASS_WORDS", "stem", "word_class"]


# class -> lemmas (and a few adjectives and nouns that head the same frames).
_CLASSES: dict[str, str] = {
    # Verbs and nouns of saying: the speech act itself.
    "comm": """
        say tell state add note announce declare explain describe report reveal claim
        argue assert insist contend maintain mention remark reply respond answer ask
        write tweet post testify comment repeat reiterate stress emphasize emphasise
        underline underscore acknowledge admit concede confess confirm deny disclose
        inform notify warn caution urge advise recommend propose promise vow pledge
        threaten boast brag complain lament joke quip recount recall tout label dub
        characterize characterise counter retort rebut echo express voice speak talk
        discuss address proclaim signal hint imply allege charge accuse quote cite
        predict forecast insinuate suggest estimate specify clarify elaborate continue
        interject exclaim shout whisper yell cry scream plead demand request order
        instruct command caution assure reassure pledge swear concur contradict
        statement remarks interview speech announcement testimony letter message
        briefing op-ed column editorial memo
    """,
    # Verbs, nouns and adjectives of thought and belief.
    "belief": """
        think believe know expect hope fear feel worry doubt suspect assume presume
        guess imagine reckon suppose understand realize realise recognize recognise
        figure conclude decide determine judge calculate anticipate wonder trust bet
        convince persuade learn sense dream wish envision foresee consider
        sure certain confident skeptical sceptical aware unaware optimistic pessimistic
        concerned worried afraid hopeful doubtful convinced
        belief view opinion position stance assessment judgment judgement conclusion
        impression feeling concern expectation suspicion conviction idea notion thought
        theory hunch
    """,
    # Taking a side: support, opposition, praise and blame.
    "stance": """
        support oppose back endorse reject criticize criticise condemn praise blame
        defend welcome favor favour dispute challenge question applaud hail slam blast
        attack denounce decry dismiss disagree agree object protest resist refuse
        approve disapprove embrace champion advocate push lobby campaign fight rally
        vote veto boycott credit fault mock ridicule scold rebuke berate lambaste
        chide castigate pan savage tout
        against pro anti critical supportive opposed
    """,
    # Perceiving and construing: what someone sees, hears or takes something to be.
    "percep": """
        see hear notice observe watch view regard perceive find look sound seem appear
        spot discover detect witness read interpret construe call deem consider
    """,
    # Things that show: evidence, records, polls and studies as sources.
    "evid": """
        show indicate demonstrate prove suggest reveal confirm according data poll
        polls survey surveys study studies research evidence document documents record
        records figures analysis filing filings transcript
    """,
    # Adverbs that put a claim at one remove.
    "hedge": """
        reportedly allegedly purportedly apparently supposedly evidently ostensibly
        seemingly arguably
    """,
}

# Irregular forms whose stem a suffix rule would miss: form -> lemma.
_IRREGULAR: dict[str, str] = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "wrote": "write",
    "written": "write",
    "felt": "feel",
    "heard": "hear",
    "saw": "see",
    "seen": "see",
    "sees": "see",
    "spoke": "speak",
    "spoken": "speak",
    "found": "find",
    "taught": "teach",
    "meant": "mean",
    "swore": "swear",
    "sworn": "swear",
    "understood": "understand",
    "foresaw": "foresee",
    "foreseen": "foresee",
    "forecast": "forecast",
    "dreamt": "dream",
    "learnt": "learn",
    "fought": "fight",
    "bet": "bet",
    "read": "read",
}

# Final letters a removed suffix leaves doubled on purpose ("called", "passed", "buzzing"),
# and vowels ("agreed"): never undoubled.
_KEEP_DOUBLE = frozenset("lsfzaeiou")


def stem(word: str) -> str:
    """A crude stem of a lower-case word: irregular forms mapped, then one inflectional
    suffix (-s, -es, -ies, -ed, -ied, -ing) and a final "e" or doubled consonant removed,
    so that "supports", "supported", "supporting" and "support" share one key (and
    "noted", "notes", "note" another). Not a real lemmatiser: the key is only a feature."""
    w = _IRREGULAR.get(word, word)
    if len(w) <= 3:
        return w
    suffix = ""
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) > 5:
        w, suffix = w[:-3], "ing"
    elif w.endswith("ed") and len(w) > 4:
        w, suffix = w[:-2], "ed"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if suffix and len(w) > 2 and w[-1] == w[-2] and w[-1] not in _KEEP_DOUBLE:
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def _build() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, words in _CLASSES.items():
        for lemma in words.split():
            out.setdefault(stem(lemma), name)
    return out


_BY_STEM = _build()
# Every lemma of every class, as written (for tests and for making them candidates).
CLASS_WORDS = frozenset(w for words in _CLASSES.values() for w in words.split())


def word_class(word: str) -> str:
    """The class of a lower-case word by its stem ("comm", "belief", ...), or "none"."""
    return _BY_STEM.get(stem(word), "none")
