"""Scoring works on a machine with no network and no NLTK data, and never downloads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Loaded before anything else in the child: every way out to the network raises.
SITECUSTOMIZE = textwrap.dedent(
    """
    import socket

    def _blocked(*args, **kwargs):
        raise OSError("network blocked by the readability offline test")

    socket.socket.connect = _blocked
    socket.socket.connect_ex = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked
    """
)

CHILD = textwrap.dedent(
    """
    import json, socket, sys

    try:
        socket.create_connection(("127.0.0.1", 9))
    except OSError as exc:
        assert "blocked" in str(exc), exc
    else:
        raise SystemExit("the network guard is not active")

    import nltk
    downloads = []

    def _no_download(*args, **kwargs):
        downloads.append(args)
        raise AssertionError("nltk.download called")

    nltk.download = _no_download

    from biaskit import Document
    from biaskit_readability import ReadabilityScorer

    text = (
        "The committee approved the proposal after a lengthy discussion. "
        "Several members expressed reservations about the cost."
    )
    r = ReadabilityScorer().score(Document(id="offline", text=text))
    json.dump(
        {
            "downloads": len(downloads),
            "metrics": dict(r.metrics),
            "label": r.label,
            "found": nltk.data.find("corpora/cmudict").path,
        },
        sys.stdout,
    )
    """
)


def run_offline(tmp_path: Path, xdg: str) -> dict[str, object]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    (tmp_path / "nltk_data").mkdir()
    (tmp_path / "home").mkdir()
    (tmp_path / "tmp").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "XDG", "PYTHON"))}
    env.update(
        PYTHONPATH=str(site),
        NLTK_DATA=str(tmp_path / "nltk_data"),
        XDG_CACHE_HOME=xdg,
        HOME=str(tmp_path / "home"),
        TMPDIR=str(tmp_path / "tmp"),
    )
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def _check_scored(result: dict[str, object]) -> None:
    assert result["downloads"] == 0
    metrics = result["metrics"]
    assert isinstance(metrics, dict)
    assert metrics["words"] == 16 and metrics["sentences"] == 2
    # Syllables came from the dictionary: "committee" 3, "approved" 2, "proposal" 3 ...
    assert 1.5 < metrics["avg_syllables_per_word"] < 2.5
    assert metrics["flesch_kincaid_grade"] > 8


def test_scores_offline_from_a_fresh_cache(tmp_path: Path) -> None:
    xdg = tmp_path / "cache"
    result = run_offline(tmp_path, str(xdg))
    _check_scored(result)
    assert str(result["found"]).startswith(str(xdg / "biaskit"))


@pytest.mark.skipif(os.name != "posix", reason="uses a file where a directory should be")
def test_scores_offline_when_cache_unwritable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = run_offline(tmp_path, str(blocker))
    _check_scored(result)
    assert str(result["found"]).startswith(str(tmp_path / "tmp"))
