"""Closed word classes that tell people, roles, organisations and anonymous sources apart.

Small on purpose: each list is a class of English news vocabulary (titles, role nouns,
words that end an organisation's name), not names from any article, so the rules carry over
to outlets and topics we have never seen.
"""

from __future__ import annotations

__all__ = [
    "ANON_HEADS",
    "ANON_STARTS",
    "ORG_TAILS",
    "PLACES",
    "PRONOUNS_PERSON",
    "PRONOUNS_PLURAL",
    "ROLE_NOUNS",
    "TITLE_WORDS",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that introduce a name but are not part of it ("US President Joe Biden").
TITLE_WORDS = _set(
    """
    president vice prime minister deputy foreign defense defence secretary ambassador
    envoy spokesman spokeswoman spokesperson senator sen sen. rep rep. representative
    governor gov gov. mayor chancellor general gen gen. admiral colonel col. lt. captain
    mr mr. mrs mrs. ms ms. dr dr. prof prof. professor judge justice chief director
    chairman chairwoman chair head leader speaker former acting late candidate nominee
    democratic republican democrat congressman congresswoman councilman commissioner
    attorney state pope king queen prince princess sheikh sir lord lady minister's ceo
    founder executive officer analyst expert economist lawmaker diplomat official
    premier russian american british chinese french german ukrainian syrian iranian
    israeli turkish korean japanese indian european russia's us u.s. uk u.k. eu un u.n.
    nato kremlin
    """
)

# Words that close an organisation's name: "State Department", "Federal Security Service".
ORG_TAILS = _set(
    """
    ministry department embassy service services office house council committee agency
    administration government party campaign union association institute foundation
    university college court assembly parliament congress senate army navy forces force
    police bureau commission company corporation corp inc ltd group bank fund news times
    post journal network channel tv radio press agency kremlin pentagon organization
    organisation coalition alliance federation republic team board authority authorities
    treaty act accord agreement memorandum program programme plan initiative summit
    forum conference convention resolution law bill doctrine strategy project fleet
    airport hospital school church mosque square street avenue bridge station center
    centre museum prize award cup league festival market exchange index airlines airways
    """
)

# Capitalised words that name places or blocs, used as metonymic sources ("Moscow said").
PLACES = _set(
    """
    united states america russia moscow washington kremlin china beijing ukraine kiev
    kyiv syria damascus britain london europe france paris germany berlin iran tehran
    israel turkey ankara japan tokyo korea north south east west new york nations
    brussels nato eu un us u.s. uk u.k. white
    """
)

# Role nouns a definite description uses for someone named before ("the diplomat said").
ROLE_NOUNS = _set(
    """
    diplomat ambassador minister spokesman spokeswoman spokesperson official president
    envoy secretary senator governor mayor chancellor candidate nominee premier leader
    chairman chairwoman chief director general admiral commander lawmaker congressman
    congresswoman politician representative prosecutor judge lawyer attorney analyst
    expert economist researcher scientist professor author writer journalist reporter
    negotiator executive founder ceo manager officer adviser advisor aide head deputy
    businessman businesswoman activist actor actress star player coach owner billionaire
    """
)

# Heads of noun phrases that name nobody: "officials said", "sources say", "experts believe".
ANON_HEADS = _set(
    """
    officials sources source experts analysts observers insiders critics diplomats
    people residents witnesses reports media commentators economists scientists
    researchers lawmakers politicians aides advisers advisors insider person someone
    others some many several most authorities investigators officers employees staff
    spokesperson spokespersons spokesmen representatives members reporters journalists
    democrats republicans supporters opponents voters pundits
    """
)

# Openings of an indefinite noun phrase: "a source familiar with", "one official", "some".
ANON_STARTS = _set(
    """
    a an one two three several some many most other others unnamed anonymous
    """
)

# A possessive is the source of a noun cue ("his support of", "their criticism").
PRONOUNS_PERSON = _set(
    """
    he she his her him
    """
)
PRONOUNS_PLURAL = _set(
    """
    they their them
    """
)
