"""Group labels recognised by their shape rather than listed one by one.

Coinages such as *Russophobic*, *Islamophobia*, *anti-Russian* or *Putinism* are open-ended:
any nation, party or leader can be slotted in, so a list would always lag behind the news.
Their morphology is regular, though, and a handful of string tests on the token recognise
them. Each test excludes the established technical and religious words of the same shape
(*claustrophobia*, *anti-aircraft*, *Buddhism*), which are descriptions, not labels.
"""

from __future__ import annotations

__all__ = ["GroupLabel", "group_label"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Clinical phobias: a diagnosis, not a label for a group's supposed hatred.
_CLINICAL_PHOBIAS = _wordset(
    "claustrophob agoraphob arachnophob acrophob hydrophob photophob aerophob "
    "technophob nomophob trypophob emetophob"
)
# anti-/pro- + one of these is a technical or policy term, even when capitalised in a headline.
_NEUTRAL_ANTI = _wordset(
    """aircraft tank ship missile missiles ballistic submarine personnel drone drones
    terrorism terrorist terror corruption doping drug drugs money laundering virus viral
    viruses inflammatory inflammation bacterial biotic biotics body bodies oxidant oxidants
    depressant depressants trust dumping monopoly lock theft fraud malware spam smoking
    poverty war nuclear riot crime coagulant histamine retroviral vaccine fungal clockwise
    competitive hero heroes climax government"""
)
# anti- + a lower-case word names a group or cause often enough to be a label.
_GROUP_WORDS = _wordset(
    """immigrant immigrants immigration migrant migrants refugee refugees gay lgbt lgbtq
    trans semitic semitism semite establishment vax vaxxer vaxxers woke white black police
    science abortion choice life western"""
)
# Established -isms/-ists of capitalised shape: religions, schools, parties' formal names.
_NEUTRAL_ISM = _wordset(
    """buddhism buddhist judaism catholicism protestantism hinduism sikhism taoism shintoism
    confucianism calvinism methodism methodist baptist lutheranism anglicanism mormonism
    marxism marxist leninism leninist communism communist socialism socialist capitalism
    capitalist liberalism conservatism nationalism nationalist journalism journalist
    tourism tourist terrorism terrorist scientist specialist economist artist dentist
    activist pianist cyclist linguist chemist pharmacist novelist columnist physicist
    biologist psychologist therapist analyst stylist christ baptism mechanism organism
    criticism optimism pessimism realism idealism pluralism federalism feminism feminist
    environmentalist environmentalism modernism impressionism expressionism cubism
    surrealism romanticism existentialism darwinism keynesian keynesianism zionism zionist
    islamism islamist"""
)


class GroupLabel:
    """Why a token was recognised as a group label, and how strongly it loads the text."""

    __slots__ = ("reason", "weight")

    def __init__(self, reason: str, weight: float) -> None:
        self.reason = reason
        self.weight = weight


_PHOBIA = GroupLabel("-phobia coinage: accuses a group of irrational hatred", 0.7)
_ANTI = GroupLabel("anti- group label: casts a position as hostility to a people", 0.55)
_PRO = GroupLabel("pro- group label: sorts people by allegiance rather than by role", 0.3)
_ISM = GroupLabel("-ism/-ist coinage on a name: turns a person into a creed", 0.45)


def group_label(token: str, capitalised_context: bool) -> GroupLabel | None:
    """Classify one word token; ``capitalised_context`` is true at a sentence start or in a
    title-case line, where a capital letter says nothing about a proper name."""
    low = token.lower()
    if "phob" in low:
        stem = low[: low.index("phob")]
        if (
            stem.isalpha()
            and low.endswith(("phobia", "phobic", "phobe", "phobes", "phobias", "phobics"))
            and stem + "phob" not in _CLINICAL_PHOBIAS
        ):
            return _PHOBIA
        return None
    if low.startswith(("anti-", "pro-")):
        rest = token.split("-", 1)[1]
        rest_low = rest.lower().split("-", 1)[0]
        if not rest or rest_low in _NEUTRAL_ANTI:
            return None
        if rest_low in _GROUP_WORDS or (rest[0].isupper() and not rest.isupper()):
            return _ANTI if low.startswith("anti-") else _PRO
        if low.startswith("anti-") and rest.isupper() and len(rest) >= 2:
            return _ANTI  # anti-EU, anti-US
        return None
    if (
        not capitalised_context
        and token[:1].isupper()
        and low.endswith(("ism", "ist", "ists", "isms"))
        and "-" not in low
        and low.rstrip("s") not in _NEUTRAL_ISM
        and len(low) > 6
    ):
        return _ISM
    return None
