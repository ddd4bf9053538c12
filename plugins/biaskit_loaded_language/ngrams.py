"""The known character n-grams of many words at once, found with numpy instead of one
dictionary look-up per n-gram.

A corpus brings some seventy words per article that no article before it had, and each of
them is cut into some twenty-five n-grams (``features.word_features``). Looking those up one
string at a time (building it, hashing it, probing a table of 50,000) took half of what a
new word costs. The n-grams the model knows are spelled in a small alphabet (43 characters
for the shipped model: BABE is English), so each is a number of a few bits per character;
the n-grams of a batch of words are then read off one array of the words' characters, all
of one length at a time, and found by a binary search in the sorted numbers of the known
ones.

The order of the answer is the order of ``word_features``: per word, its 3-grams left to
right, then its 4-grams, then its 5-grams. Summing weights in that order gives the same
numbers, to the bit, as a sum over ``word_features``' list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .features import NGRAM_CHARS, NGRAM_MAX, NGRAM_MIN

__all__ = ["NgramIndex"]

# The longest n-gram's number must fit in an int64.
_MAX_BITS = 62 // NGRAM_MAX


class NgramIndex:
    """``find(words)``: the known n-grams of each word, as (word number, value) arrays.

    ``grams`` maps an n-gram (padded with a space at the word's edges, as
    ``word_features`` cuts it, without its "c:") to the value to give back for it. When
    the known n-grams use more characters than fit the coding, ``find`` looks each n-gram
    up in a dictionary, slower but the same answer."""

    def __init__(self, grams: Mapping[str, int]) -> None:
        import numpy as np

        # ``find`` cuts n-grams of these lengths only: a known one of another is never met.
        by_length: dict[int, list[str]] = {n: [] for n in range(NGRAM_MIN, NGRAM_MAX + 1)}
        for g in grams:
            same = by_length.get(len(g))
            if same is not None:
                same.append(g)
        chars = sorted(set("".join(map("".join, by_length.values()))))
        self.grams = grams
        self.bits = len(chars).bit_length()  # characters are numbered from 1; 0 is "unknown"
        self.coded = self.bits <= _MAX_BITS
        if not self.coded:
            return
        # A character's number by its code point (0 beyond the table: no known n-gram has
        # it); the table ends with one 0 for every code point past the last known.
        self.numbers = np.zeros(max(map(ord, chars), default=0) + 2, dtype=np.int64)
        self.numbers[[ord(ch) for ch in chars]] = np.arange(1, len(chars) + 1)
        # The known n-grams are numbered as ``find`` numbers a word's: read off their
        # characters' numbers, one length at a time (a loop over 50,000 n-grams in Python
        # cost a tenth of the model's first use, and was a second coding to keep equal).
        codes, values = [], []
        for n, same in by_length.items():
            if not same:
                continue
            digits = self._digits("".join(same)).reshape(len(same), n)
            code = digits[:, 0]
            for j in range(1, n):
                code = (code << self.bits) | digits[:, j]
            codes.append(code)
            values.append(np.fromiter(map(grams.__getitem__, same), np.int64, len(same)))
        # Codes of different lengths never meet: each character's number is at least 1.
        code = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int64)
        order = np.argsort(code, kind="stable")
        self.codes = code[order]
        self.values = (np.concatenate(values) if values else np.zeros(0, dtype=np.int64))[order]

    def _digits(self, text: str) -> Any:
        """The number of each character of ``text`` (0 for one no known n-gram has)."""
        import numpy as np

        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        return self.numbers[np.minimum(points, len(self.numbers) - 1)]

    def find(self, words: Sequence[str]) -> tuple[Any, Any]:
        """(owner, value): for every known n-gram occurrence, in ``word_features``' order
        within each word, the number of its word in ``words`` and its value."""
        import numpy as np

        padded = [f" {w[:NGRAM_CHARS]} " for w in words]
        if not self.coded or not self.codes.size:
            return self._find_each(padded)
        # One array of all the words' characters, each word followed by one separator
        # (number 0, as is any character no known n-gram has), so no n-gram with a
        # character of two words is ever known.
        digits = self._digits("\0".join(padded))
        # How many unknown characters precede each position: a window holds none when the
        # count is the same at its two ends.
        unknown = np.zeros(len(digits) + 1, dtype=np.int64)
        np.cumsum(digits == 0, out=unknown[1:])
        owner_of = np.repeat(np.arange(len(words)), [len(p) + 1 for p in padded])
        codes, starts = [], []
        code = digits
        for n in range(1, NGRAM_MAX + 1):
            m = len(digits) - n + 1
            if m <= 0:
                break
            if n > 1:  # the n-gram at i is the (n-1)-gram at i and one more character
                code = (code[:m] << self.bits) | digits[n - 1 :]
            if n >= NGRAM_MIN:
                at = np.flatnonzero(unknown[n : n + m] == unknown[:m])
                codes.append(code[at])
                starts.append(at)
        if not codes:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int64)
        code = np.concatenate(codes)
        at = np.minimum(np.searchsorted(self.codes, code), len(self.codes) - 1)
        hit = np.flatnonzero(self.codes[at] == code)
        return owner_of[np.concatenate(starts)[hit]], self.values[at[hit]]

    def _find_each(self, padded: list[str]) -> tuple[Any, Any]:
        import numpy as np

        owners: list[int] = []
        values: list[int] = []
        get = self.grams.get
        for n in range(NGRAM_MIN, NGRAM_MAX + 1):
            for i, p in enumerate(padded):
                for s in range(len(p) - n + 1):
                    v = get(p[s : s + n])
                    if v is not None:
                        owners.append(i)
                        values.append(v)
        return np.asarray(owners, dtype=np.intp), np.asarray(values, dtype=np.int64)
