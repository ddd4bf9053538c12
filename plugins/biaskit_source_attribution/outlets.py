"""News outlets and agencies: the article's own origin versus outlets it merely names.

An outlet is *credited* when the text presents itself as that outlet's material: a
dateline ("LONDON (Reuters) -"), a credit line ("Source: TASS", "— AFP"), or the channel of
an interview given by the article's main speaker ("Antonov told RT"). Any other outlet
named (another person's "interview with ABC News", "Reuters reported") is *mentioned*.
Which interviews count is decided by the scorer, once the main speaker is known; this module
only finds and classifies the places where outlets appear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .scan import PUNCT, locate, wanted_words

__all__ = [
    "CHANNEL",
    "CREDIT",
    "DATELINE",
    "MENTION",
    "WORD_FORMS",
    "OutletHit",
    "canonical",
    "find_outlets",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DATELINE = "dateline"
CREDIT = "credit"
CHANNEL = "channel"
MENTION = "mention"

# Canonical name -> spellings. Matching is case-sensitive (AP, RT and "Time" would
# otherwise be everywhere) except where a spelling is wrapped in (?i:...).
_GAZETTEER: dict[str, tuple[str, ...]] = {
    "TASS": (r"(?i:itar-tass)", r"(?i:tass)"),
    "RIA Novosti": (r"RIA\sNovosti", r"Ria\sNovosti", r"RIA"),
    "Sputnik": (r"Sputnik(?:\sNews)?",),
    "RT": (r"RT", r"Russia\sToday"),
    "Interfax": (r"Interfax",),
    "Reuters": (r"Reuters",),
    "AP": (r"(?:the\s)?Associated\sPress", r"AP"),
    "AFP": (r"AFP", r"Agence\sFrance[\s-]Presse"),
    "Xinhua": (r"Xinhua",),
    "BBC": (r"BBC(?:\sNews)?",),
    "CNN": (r"CNN",),
    "ABC News": (r"ABC(?:\sNews)?",),
    "CBS News": (r"CBS(?:\sNews)?",),
    "NBC News": (r"NBC(?:\sNews)?",),
    "Fox News": (r"Fox\sNews",),
    "MSNBC": (r"MSNBC",),
    "NPR": (r"NPR",),
    "Bloomberg": (r"Bloomberg(?:\sNews)?",),
    "Al Jazeera": (r"Al\sJazeera",),
    "The New York Times": (r"(?:The\s)?New\sYork\sTimes",),
    "The Washington Post": (r"(?:The\s)?Washington\sPost",),
    "The Wall Street Journal": (r"(?:The\s)?Wall\sStreet\sJournal",),
    "The Guardian": (r"The\sGuardian",),
    "Financial Times": (r"(?:the\s)?Financial\sTimes",),
    "Politico": (r"Politico",),
    "USA Today": (r"USA\sToday",),
    "UPI": (r"UPI", r"United\sPress\sInternational"),
    "Kyodo": (r"Kyodo(?:\sNews)?",),
    "Yonhap": (r"Yonhap",),
    "dpa": (r"dpa", r"DPA"),
    "EFE": (r"EFE",),
    "ANSA": (r"ANSA",),
    "Anadolu": (r"Anadolu(?:\sAgency)?",),
    "Izvestia": (r"Izvestia",),
    "Kommersant": (r"Kommersant",),
    "CGTN": (r"CGTN",),
    "Global Times": (r"Global\sTimes",),
    "IRNA": (r"IRNA",),
    "Press TV": (r"Press\sTV",),
    "Deutsche Welle": (r"Deutsche\sWelle", r"DW"),
    "Euronews": (r"Euronews",),
    "Sky News": (r"Sky\sNews",),
    "Newsweek": (r"Newsweek",),
    "Axios": (r"Axios",),
}

_ALTS: list[str] = []
_GROUP_TO_NAME: dict[str, str] = {}
for _k, (_name, _spellings) in enumerate(_GAZETTEER.items()):
    _GROUP_TO_NAME[f"o{_k}"] = _name
    _ALTS.append(f"(?P<o{_k}>" + "|".join(_spellings) + ")")
_OUTLET = r"(?<![\w-])(?:" + "|".join(_ALTS) + r")(?![\w-])"
_OUTLET_RE = re.compile(_OUTLET)

_DATELINE_RE = re.compile(
    r"^[^\S\n]*(?:[A-Z][A-Za-z0-9.,'’ \xa0\-]{0,50})?\((?P<o>[^()\n]{1,40})\)[^\S\n]{0,3}[-—–:]",
    re.MULTILINE,
)
_CREDIT_LINE_RE = re.compile(
    r"^[^\S\n]*(?:(?:Source|Sources|Credit|Via|Copyright|©)[^\S\n]*[:：]?[^\S\n]*|[—–-][^\S\n]*)"
    r"(?P<o>[^\n]{1,40}?)[^\S\n]*$",
    re.MULTILINE,
)
# "... text — Reuters" at a line end: a dash after white space, then a short name. The
# regex opens on the dash (the white space before it is a look-behind), so that the engine
# skips at C speed to the few dashes of a text instead of trying every space; the match then
# starts at the dash, which is where the credit phrase was taken to start anyway.
_TRAILING_CREDIT_RE = re.compile(
    r"[—–-](?<=[^\S\n][—–-])[^\S\n]?(?P<o>[A-Z][A-Za-z ]{1,30}?)[^\S\n]*$", re.MULTILINE
)
# The same, one regex per dash: a regex opening with a fixed character skips to it in a
# tight loop, where the character class above is tested against every character (a third
# of the instructions, and most texts have no em or en dash at all).
_TRAILING_CREDIT_RES = tuple(
    re.compile(dash + _TRAILING_CREDIT_RE.pattern[len("[—–-]") :], re.MULTILINE) for dash in "—–-"
)
_CHANNEL_RE = re.compile(
    r"\b(?:told|tells|telling|interviews?\s(?:with|to)|spoke\s(?:to|with)|"
    r"speaking\s(?:to|with)|(?:comments|remarks|statements?)\sto|said\sto|talking\sto|"
    r"talked\sto|in\san\s(?:exclusive\s)?(?:interview|conversation)\s(?:with|to))"
    r"\s(?:the\s)?(?:broadcaster\s|agency\s|news\sagency\s)?$"
)
_CHANNEL_AFTER_RE = re.compile(r"^(?:’s|'s)?\s(?:exclusive\s)?(?:interview|correspondent)\b")


@dataclass(frozen=True, slots=True)
class OutletHit:
    """Where an outlet appears: the name (``start``, ``end``) and the phrase that credits it."""

    start: int
    end: int
    outlet: str
    kind: str
    phrase_start: int
    phrase_end: int


def canonical(name: str) -> str | None:
    """The gazetteer's name for an outlet spelling, or None ("Tass" -> "TASS")."""
    m = _OUTLET_RE.fullmatch(name.strip())
    if m is None or m.lastgroup is None:
        return None
    return _GROUP_TO_NAME[m.lastgroup]


# The words an outlet's name can start with. Only white-space words of these forms are
# tried against the gazetteer (a set look-up per word, then one match per hit), which is
# far cheaper than scanning the text with a regex; "the" before a name is tried too.
_FIRST_WORDS = _set(
    """
    TASS Tass tass ITAR Itar itar RIA Ria Sputnik RT
    Russia Interfax Reuters Associated AP AFP Agence Xinhua BBC CNN
    ABC CBS NBC Fox MSNBC NPR Bloomberg Al New Washington
    Wall Financial Politico USA UPI United Kyodo Yonhap dpa DPA
    EFE ANSA Anadolu Izvestia Kommersant CGTN Global IRNA Press Deutsche
    DW Euronews Sky Newsweek Axios
    ITAR-TASS Itar-Tass itar-tass
    """
)
WORD_FORMS = frozenset(
    [lead + w for w in _FIRST_WORDS for lead in ("", "(", "“", '"', "‘", "'")]
    + [
        w + trail
        for w in _FIRST_WORDS
        for trail in (",", ".", ":", ";", ")", "”", '"', "’s", "'s", "’", "),", ").", ".”", ',"')
    ]
)


def _outlet_matches(
    text: str, words: Sequence[str] | None = None, wanted: Sequence[int] | None = None
) -> list[re.Match[str]]:
    """Gazetteer matches, tried only where a word could start an outlet's name
    (``wanted``: the indices of the words in ``WORD_FORMS``, when the caller has them)."""
    if words is None:
        words = text.split()
    if wanted is None:
        wanted = wanted_words(words, WORD_FORMS)
    out: list[re.Match[str]] = []
    last_end = -1
    for i, pos in locate(text, words, wanted):
        w = words[i]
        start = pos + len(w) - len(w.lstrip(PUNCT))
        if start < last_end:
            continue
        m = None
        if text[max(0, start - 4) : start] in ("the ", "The "):
            m = _OUTLET_RE.match(text, start - 4)
        if m is None:
            m = _OUTLET_RE.match(text, start)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def _datelines(text: str) -> list[re.Match[str]]:
    """Dateline matches, tried only on lines with an opening bracket near their start."""
    out = []
    i = text.find("(")
    while i >= 0:
        # Only the first bracket of a line can be near its start: then on to the next line,
        # so that a long line full of brackets is read once, not once per bracket.
        line_start = text.rfind("\n", 0, i) + 1
        if i - line_start <= 60:
            m = _DATELINE_RE.match(text, line_start)
            if m is not None:
                out.append(m)
        line_end = text.find("\n", i)
        if line_end < 0:
            break
        i = text.find("(", line_end)
    return out


# Words a credit line opens with; one regex search finds whether any occurs (cheaper than
# one substring search each).
_CREDIT_WORDS = ("Source", "Credit", "Via", "Copyright", "©", "\n-", "\n—", "\n–")
_CREDIT_WORDS_RE = re.compile("|".join(map(re.escape, _CREDIT_WORDS)))


def _trailing_credits(text: str) -> list[re.Match[str]]:
    """``_TRAILING_CREDIT_RE.finditer(text)``, found dash by dash.

    A match runs from its dash to the end of the line over letters and white space only,
    so it opens on the last dash of its line: the matches of different dashes never
    overlap, and in order of start they are those of the whole-text scan.
    """
    found = [m for rx in _TRAILING_CREDIT_RES for m in rx.finditer(text)]
    if len(found) > 1:
        found.sort(key=re.Match.start)
    return found


def find_outlets(
    text: str, words: Sequence[str] | None = None, wanted: Sequence[int] | None = None
) -> list[OutletHit]:
    """Every outlet occurrence, classified as dateline, credit line, channel or mention.

    ``words`` may give ``text.split()`` when the caller has it already, and ``wanted`` the
    indices of its words in ``WORD_FORMS`` (``scan(text, forms, WORD_FORMS).extra``)."""
    hits: dict[tuple[int, int], OutletHit] = {}
    for m in _datelines(text):
        name = canonical(m.group("o"))
        if name is not None:
            s, e = m.span("o")
            lead = m.start() + len(m.group()) - len(m.group().lstrip())
            hits[(s, e)] = OutletHit(s, e, name, DATELINE, lead, m.end())
    credit_lines = text.startswith(("-", "—", "–")) or _CREDIT_WORDS_RE.search(text) is not None
    credits = _trailing_credits(text)
    if credit_lines:
        credits = [*_CREDIT_LINE_RE.finditer(text), *credits]
    for m in credits:
        name = canonical(m.group("o"))
        if name is not None:
            s, e = m.span("o")
            lead = m.start() + len(m.group()) - len(m.group().lstrip())
            hits.setdefault((s, e), OutletHit(s, e, name, CREDIT, lead, e))
    for m in _outlet_matches(text, words, wanted):
        if (m.start(), m.end()) in hits or m.lastgroup is None:
            continue
        name = _GROUP_TO_NAME[m.lastgroup]
        before = text[max(0, m.start() - 60) : m.start()]
        cm = _CHANNEL_RE.search(before)
        if cm is not None:
            ps = m.start() - len(before) + cm.start()
            hits[(m.start(), m.end())] = OutletHit(m.start(), m.end(), name, CHANNEL, ps, m.end())
            continue
        am = _CHANNEL_AFTER_RE.match(text, m.end(), min(len(text), m.end() + 40))
        if am is not None:
            hits[(m.start(), m.end())] = OutletHit(
                m.start(), m.end(), name, CHANNEL, m.start(), am.end()
            )
            continue
        hits[(m.start(), m.end())] = OutletHit(
            m.start(), m.end(), name, MENTION, m.start(), m.end()
        )
    return sorted(hits.values(), key=lambda h: (h.start, h.end))
