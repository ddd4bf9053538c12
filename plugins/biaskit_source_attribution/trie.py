"""Word lists compiled to one regex shaped as a trie.

Python's regex engine tries the branches of an alternation one by one at every position;
a list of fifty verbs as ``said|says|...`` costs fifty attempts per character. Factored
into a trie (``sa(?:id|ys)|...``) at most one branch survives the first letter, which makes
lexicon scanning several times faster. The pattern has no repetition, so it is linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching exactly the given literal strings, longest match first."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
