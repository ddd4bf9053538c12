"""Phrase patterns that mark a line as page furniture on their own.

These are the wordings sites use for their chrome (share buttons, comment boxes, "READ MORE"
links, photo credits). They are kept apart from the shape features because each one is a
reason a reader can check by eye, and because a learned model later wants them as one
categorical feature (the pattern's index) rather than as opaque text.

Every pattern is anchored or built from single, bounded quantifiers over disjoint classes, so
matching stays linear on adversarial input; they are only tried on lines short enough to be
furniture (``MAX_PATTERN_CHARS``).

Speed: ``match`` runs on every line of every article. The patterns anchored at the start of
the line are tried together, as one gate on the lower-cased line; a pattern that may match
anywhere is tried only on a line holding one of its trigger words (``triggers``), looked up
among the words the features already cut (the first ``features.WINDOW`` words of the line),
or one of its trigger strings (``trigger_chars``, looked for in the whole line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

MAX_PATTERN_CHARS = 400

_I = re.IGNORECASE
# What may follow a cue word: a separator or the end of the line.
_SEP = r"\s*(?:[:|»›>\-–—]|$)"


class Pattern(NamedTuple):
    kind: str
    regex: re.Pattern[str]
    reason: str
    probability: float
    max_words: int
    triggers: frozenset[str]
    trigger_chars: tuple[str, ...]
    keywords: tuple[str, ...]


def _p(
    kind: str,
    pattern: str,
    reason: str,
    probability: float = 0.95,
    flags: int = _I,
    max_words: int = 40,
    triggers: tuple[str, ...] = (),
    trigger_chars: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
) -> Pattern:
    """``max_words``: beyond it the line is prose that merely mentions the phrase.

    ``triggers``: for a pattern that can match anywhere in the line (not anchored with
    ``^``), the lower-case words one of which any match contains (as a word of the line,
    punctuation stripped), and ``trigger_chars`` characters any match contains; the pattern
    is tried only on lines that have one, which spares prose a scan by every such pattern.
    ``keywords``: lower-case substrings one of which any match contains, checked next (a
    scan by the regex costs tens of microseconds on a long line).
    """
    return Pattern(
        kind,
        re.compile(pattern, flags),
        reason,
        probability,
        max_words,
        frozenset(triggers),
        trigger_chars,
        keywords,
    )


PATTERNS: tuple[Pattern, ...] = (
    # --- links to other stories -------------------------------------------------------------
    _p(
        "read-more",
        r"^(?:read|see|watch|listen)\s(?:also|more|next|previous(?:\s(?:post|article|story))?"
        r"|next\s(?:post|article|story)|the\sfull\sstory|full\sstory)" + _SEP,
        "a 'read more' cue pointing to another story",
    ),
    _p("read-more", r"^READ\sMORE\b", "a 'READ MORE' cue pointing to another story", 0.97, 0),
    _p(
        "read-more",
        r"^(?:also\sread|read\salso|more\son\sthis|related(?:\s(?:articles?|stories|story|news"
        r"|coverage|content|reading|posts?|links?|videos?|topics))?|recommended(?:\s(?:for\syou"
        r"|reading|stories|articles))?|you\s(?:may|might)\s(?:also\s)?(?:like|be\sinterested"
        r"(?:\sin)?|enjoy)|more\s(?:from|stories|news|articles|on)(?:\s[^:]{0,40})?|trending"
        r"(?:\snow|\sstories|\snews)?|most\s(?:read|popular|viewed|shared)|editor'?s\spicks?"
        r"|top\sstories|latest\s(?:news|stories|articles|videos?)|previous\s(?:article|post|story)"
        r"|next\s(?:article|post|story)|further\sreading|in\sother\snews|what\sto\sread\snext"
        r"|don't\smiss|must\sread|popular\s(?:now|stories))" + _SEP,
        "a heading that introduces links to other stories",
    ),
    # --- share / follow / listen ------------------------------------------------------------
    _p(
        "social-prompt",
        r"\b(?:follow|like|join|find|connect\swith|subscribe\sto)\sus\s(?:on|in|at|via)\b",
        "asks the reader to follow the outlet on social media",
        max_words=30,
        triggers=("us",),
        keywords=("us on", "us in", "us at", "us via"),
    ),
    _p(
        "social-prompt",
        r"^(?:share|share\s(?:this|on|via|the|article|story|page|post)\b.{0,40}|tweet(?:\sthis)?"
        r"|pin\sit|e-?mail\sthis(?:\sarticle|\sstory)?|print(?:\sthis)?(?:\sarticle|\spage|\sstory)?"
        r"|copy\s(?:link|url)|save(?:\sarticle|\sstory|\sfor\slater)?|bookmark|listen\slive"
        r"|get\s(?:short\s)?url|short\surl|listen\sto\s(?:this|the)\s(?:article|story)"
        r"|(?:download|get)\s(?:our|the)\s(?:free\s)?app\b.{0,60}|gift\s(?:this\s)?article"
        r"|share\sthis\swith|facebook|twitter|whatsapp|telegram|linkedin|reddit|e-?mail)\s*:?\s*$",
        "a share, listen or follow button",
    ),
    # --- comments -----------------------------------------------------------------------------
    _p(
        "comment-prompt",
        r"(?:be\sthe\sfirst\sto\s(?:comment|reply|review)|^leave\sa\s(?:reply|comment)"
        r"|your\se-?mail\saddress\swill\snot\sbe\spublished|required\sfields\sare\smarked"
        r"|^(?:post|add|write|submit|view|show|load|read|hide)\s(?:a\s|your\s|all\s|the\s)?"
        r"(?:\d{1,6}\s)?comments?\b|(?:log|sign)\s?in\sto\s(?:comment|reply|post|join)"
        r"|comments\s(?:are|have\sbeen)\sclosed|^community\s(?:standards|guidelines|rules)"
        r"|^join\sthe\s(?:discussion|conversation|debate)|^notify\sme\sof\b|^cancel\sreply"
        r"|^what\sdo\syou\sthink\?)",
        "a comment-box prompt",
        triggers=(
            "first",
            "leave",
            "published",
            "required",
            "comment",
            "comments",
            "reply",
            "post",
            "join",
            "community",
            "notify",
            "cancel",
            "think",
        ),
        keywords=(
            "first to",
            "leave a",
            "published",
            "required",
            "comment",
            "in to",
            "community",
            "join the",
            "notify me",
            "cancel",
            "what do you think",
        ),
    ),
    _p(
        "comment-prompt",
        r"^(?:discuss|discussion|comments?|reply|report(?:\sabuse)?|conversation|\d{1,6}\scomments?)"
        r"\s*(?:\(\d{1,6}\))?\s*$",
        "a comment-box button",
    ),
    # --- subscriptions, legal, cookies, ads ---------------------------------------------------
    _p(
        "newsletter",
        r"(?:^(?:sign\sup|subscribe|register|get|receive)\b.{0,80}\b(?:newsletters?|updates"
        r"|alerts|inbox|briefing|digest)\b|^subscribe(?:\snow|\stoday|\shere)?\s*[.!]?$"
        r"|^(?:already\sa\s(?:subscriber|member)|become\sa\s(?:member|subscriber|patron)"
        r"|support\s(?:our|independent|quality)\sjournalism|unlimited\s(?:digital\s)?access"
        r"|start\syour\sfree\strial|sign\sup\s(?:now|today|here|for\sfree))\b)",
        "a newsletter or subscription prompt",
    ),
    _p(
        "legal-notice",
        r"\bwe\suse\scookies\b|\b(?:site|website)\suses\scookies\b|\baccept\s(?:all\s)?"
        r"cookies\b|\ball\srights\sreserved\b",
        "a cookie or copyright notice",
        max_words=80,
        triggers=("cookies", "reserved"),
        keywords=("cookies", "rights reserved"),
    ),
    _p(
        "legal-notice",
        r"^(?:©|\(c\)\s|copyright\b)",
        "a cookie or copyright notice",
        max_words=80,
    ),
    _p(
        "legal-notice",
        r"\b(?:cookie\s(?:policy|settings|preferences|notice)|privacy\s(?:policy|notice|settings)"
        r"|terms\s(?:of|and)\s(?:use|service|conditions)|accessibility\sstatement|site\smap"
        r"|sitemap)\b",
        "a link to the site's legal pages",
        max_words=6,
        triggers=("cookie", "privacy", "terms", "accessibility", "site", "sitemap"),
        keywords=("cookie", "privacy", "terms", "accessibility", "site map", "sitemap"),
    ),
    _p(
        "advertisement",
        r"^(?:advertisement|advertising|ad|ads|sponsored(?:\scontent|\sby\b.{0,60})?|promoted"
        r"(?:\scontent|\sstories)?|paid\s(?:content|post|partnership)|story\scontinues\sbelow"
        r"(?:\sadvertisement)?|continue\sreading(?:\sbelow|\sthe\smain\sstory)?|scroll\sto"
        r"\scontinue(?:\swith\scontent)?|skip\sadvertisement|partner\scontent)\s*[.:]?\s*$",
        "an advertisement marker",
    ),
    # --- credits --------------------------------------------------------------------------------
    _p(
        "photo-credit",
        r"^(?:photo|photos|photograph|image|picture|pic|video|illustration|file\sphoto"
        r"|main\simage|top\simage|header\simage|credit|photo\scredit|image\scredit)s?"
        r"\s?(?:[:/©|]|by\b|courtesy\b)",
        "a photo credit or caption credit",
        max_words=60,
    ),
    _p(
        "photo-credit",
        r"\((?:ap|afp|reuters|getty(?:\simages)?|epa|sputnik|tass|xinhua|pa|bloomberg|file"
        r"|photo)(?:\sphoto)?\s?/[^()\n]{0,80}\)|\b(?:photo|image|picture)\s(?:by|courtesy\sof"
        r"|credit)\b|\bgetty\simages\b|\bshutterstock\b|\bistock(?:photo)?\b|\bvia\sgetty\b"
        r"|\breuters/|\bap\sphoto\b|\bafp\sphoto\b",
        "a photo credit or caption credit",
        max_words=60,
        triggers=("photo", "image", "picture", "getty", "shutterstock", "istock", "istockphoto"),
        trigger_chars=("/", "getty", "shutterstock", "istock"),
        keywords=(
            *(f"({name}" for name in ("ap", "afp", "reuters", "getty", "epa", "sputnik", "tass")),
            *(f"({name}" for name in ("xinhua", "pa", "bloomberg", "file", "photo")),
            *(
                f"{w} {c}"
                for w in ("photo", "image", "picture")
                for c in ("by", "courtesy", "credit")
            ),
            "getty images",
            "shutterstock",
            "istock",
            "via getty",
            "reuters/",
            "ap photo",
            "afp photo",
        ),
    ),
    _p(
        "photo-credit",
        r"^(?:©\s?)?(?:sputnik|reuters|ap|afp|tass|ria\snovosti|getty\simages|epa|xinhua"
        r"|anadolu(?:\sagency)?|pa|bloomberg|rt)(?:\s(?:photo|images?))?\s?/\s?\w",
        "an agency photo credit",
    ),
    _p(
        "credit-line",
        r"^(?:source|sources|via|credit|courtesy(?:\sof)?|with\s(?:agencies|wires|reporting)"
        r"|originally\spublished\s(?:at|on|in|by))\s?:\s?\S",
        "names where the story came from",
        max_words=12,
    ),
    _p(
        "credit-line",
        r"^[(\[]?(?:additional\s)?(?:reporting|writing|editing|compiled|produced|written"
        r"|translated)\sby\b",
        "a reporting and editing credit",
    ),
    _p(
        "navigation",
        r"^(?:home|menu|search|skip\sto\s(?:main\s)?(?:content|navigation)|back\sto\stop"
        r"|sign\s?in|log\s?in|log\s?out|sign\sout|my\saccount|close|open\smenu|toggle\snavigation"
        r"|next|previous|prev|show\smore|load\smore|see\sall|view\sall|see\smore|more|main\smenu"
        r"|go\sto|click\shere|click\sto\s\w{1,20}|watch\snow|play\svideo|listen|loading"
        r"|contact\sus|about\sus|newsletters?|live|video|videos|podcasts?|opinion)\s*[.:»›>]?\s*$",
        "a site navigation control",
    ),
    _p(
        "tag-list",
        r"^(?:tags?|topics?|keywords?|filed\sunder|categories|category|related\stopics"
        r"|more\sabout|subjects?)\s?:",
        "a list of tags or topics",
    ),
)


def _anchored(pat: Pattern) -> bool:
    """Whether the pattern can only match at the start of the line (it has no triggers)."""
    return not pat.triggers and not pat.trigger_chars


ANCHORED = tuple(i for i, pat in enumerate(PATTERNS) if _anchored(pat))
UNANCHORED = tuple(i for i, pat in enumerate(PATTERNS) if not _anchored(pat))


def _on_lower_case(i: int) -> str:
    """Pattern i's source, to be matched on the lower-cased line without IGNORECASE (the
    patterns are written in lower case); a case-sensitive one matches case-blind here and
    is checked again on the line itself."""
    source = PATTERNS[i].regex.pattern
    return source if PATTERNS[i].regex.flags & re.IGNORECASE else f"(?i:{source})"


# Every anchored pattern in one alternation, matched once on the lower-cased line: the first
# alternative that matches (named p<index>) is the pattern that comes first in PATTERNS.
# Without the IGNORECASE flag this is several times faster than the patterns one by one.
ANCHORED_LOWER = re.compile("|".join(f"(?P<p{i}>{_on_lower_case(i)})" for i in ANCHORED))
_CASE_SENSITIVE = frozenset(i for i in ANCHORED if not PATTERNS[i].regex.flags & re.IGNORECASE)
TRIGGERS: frozenset[str] = frozenset().union(*(PATTERNS[i].triggers for i in UNANCHORED))
TRIGGER_CHARS: tuple[str, ...] = tuple(
    sorted({c for i in UNANCHORED for c in PATTERNS[i].trigger_chars})
)
# Stripped from the ends of a word before it is compared with the triggers.
STRIP = ".,;:!?…\"'“”‘’«»‹›()[]{}<>*|•·/\\-–—_#@&+=~^"


def match(
    text: str, n_words: int, lowered: str | None = None, words: Iterable[str] | None = None
) -> int:
    """Return 1 + the index of the first pattern ``text`` matches, or 0 when none does.

    An integer rather than the pattern itself so that it can sit in the numeric feature
    tuple (a model one-hot encodes it). ``words`` are the line's words in lower case with
    ``STRIP`` stripped, as the features cut them (default: all of them).
    """
    low = text.lower() if lowered is None else lowered
    if words is None:
        words = [w.strip(STRIP) for w in low.split()]
    anchored = ANCHORED_LOWER.match(low)
    triggered = not TRIGGERS.isdisjoint(words) or any(map(low.__contains__, TRIGGER_CHARS))
    if anchored is None and not triggered:
        return 0
    return resolve(text, n_words, low, words if triggered else (), anchored)


def resolve(
    text: str,
    n_words: int,
    low: str,
    words: Iterable[str],
    anchored: re.Match[str] | None,
) -> int:
    """``match`` for a line whose lower case ``low`` an anchored pattern matched
    (``anchored``, from ``ANCHORED_LOWER``) or that has a trigger among ``words`` or in
    ``low``."""
    if len(text) > MAX_PATTERN_CHARS:
        return 0
    if "\xa0" in low:
        low = low.replace("\xa0", " ")
    hit = len(PATTERNS)
    if anchored is not None and anchored.lastgroup is not None:
        hit = int(anchored.lastgroup[1:])
        if n_words > PATTERNS[hit].max_words or (
            hit in _CASE_SENSITIVE and not PATTERNS[hit].regex.match(text)
        ):
            return _each(text, n_words, low)
    present = TRIGGERS.intersection(words)
    if not present and not any(map(low.__contains__, TRIGGER_CHARS)):
        # No pattern that may match anywhere can: the anchored one decides (the loop below
        # would find the same, one pattern at a time).
        return hit + 1 if hit < len(PATTERNS) else 0
    for i in UNANCHORED:
        if i > hit:
            break
        pat = PATTERNS[i]
        if n_words > pat.max_words:
            continue
        if pat.triggers.isdisjoint(present) and not any(map(low.__contains__, pat.trigger_chars)):
            continue
        if pat.keywords and not any(map(low.__contains__, pat.keywords)):
            continue
        if pat.regex.search(text):
            return i + 1
    return hit + 1 if hit < len(PATTERNS) else 0


def _each(text: str, n_words: int, low: str) -> int:
    """Every pattern in turn, on the line itself: the slow path, for the rare line the
    alternation matched with a pattern beyond its ``max_words`` or of the wrong case."""
    words = frozenset(w.strip(STRIP) for w in low.split())
    for i, pat in enumerate(PATTERNS):
        if n_words > pat.max_words:
            continue
        if (
            not _anchored(pat)
            and pat.triggers.isdisjoint(words)
            and not any(map(low.__contains__, pat.trigger_chars))
        ):
            continue
        if pat.keywords and not any(map(low.__contains__, pat.keywords)):
            continue
        if pat.regex.search(text):
            return i + 1
    return 0
