"""The word lists the features consult, read from the package's .txt files on first use.

Kept as data files so that they can be read and extended without touching code, and read
lazily so that importing the plugin (``biaskit --help``) costs nothing.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["agencies", "cta_words", "function_words", "months", "social_words", "time_words"]


def _read(name: str, *, one_per_line: bool = False) -> frozenset[str]:
    raw = resources.files(__package__ or "biaskit_boilerplate").joinpath(name)
    out: set[str] = set()
    for row in raw.read_text(encoding="utf-8").splitlines():
        row = row.strip()
        if not row or row.startswith("#"):
            continue
        if one_per_line:
            out.add(row)
        else:
            out.update(row.split())
    return frozenset(out)


@cache
def function_words() -> frozenset[str]:
    """English function words: prose is dense with them, menus and headlines are not."""
    return _read("function_words.txt")


@cache
def agencies() -> frozenset[str]:
    """Wire-service names that make a credit line when they stand alone."""
    return _read("agencies.txt", one_per_line=True)


@cache
def months() -> frozenset[str]:
    """Month names: what makes '13 August 2020' a moment rather than two numbers."""
    return _read("months.txt")


@cache
def time_words() -> frozenset[str]:
    """Everything a timestamp line may consist of besides numbers."""
    return _read("time_words.txt") | months()


@cache
def social_words() -> frozenset[str]:
    """Share-button and social-network names."""
    return _read("social_words.txt")


@cache
def cta_words() -> frozenset[str]:
    """Verbs that open a call to action: "Click here", "Subscribe now", "Download the app"."""
    return _read("cta_words.txt")
