"""Third-party plugins installed for real, into a fresh virtual environment.

The new environment sees this biaskit (and the test tools) through a ``.pth`` line that
adds the running environment's site-packages, so nothing is downloaded; the plugin itself is
built and installed by pip from its source tree, exactly as a user would install it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from biaskit.cli import app

from .conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site_dir = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    outer = sysconfig.get_paths()["purelib"]
    (Path(site_dir) / "_outer.pth").write_text(f"import site; site.addsitedir({outer!r})\n")
    return python


def _run(python: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BIASKIT_LOAD_PLUGINS"}
    return subprocess.run(
        [str(python), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def _install(python: Path, project: Path) -> None:
    done = _run(
        python,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        str(project),
    )
    assert done.returncode == 0, done.stderr


def test_example_plugin_is_listed_and_scores(fresh_python: Path) -> None:
    _install(fresh_python, EXAMPLES / "biaskit-clickbait")
    listed = _run(fresh_python, "-m", "biaskit", "plugins", "--json")
    rows = json.loads(listed.stdout)
    row = next(r for r in rows if r["dimension"] == "clickbait")
    assert row["package"] == "biaskit-clickbait 0.1.0" and row["error"] is None
    scored = _run(
        fresh_python,
        "-m",
        "biaskit",
        "score",
        str(EXAMPLES / "articles"),
        "-p",
        "clickbait",
        "-p",
        "boilerplate",
        "-f",
        "jsonl",
    )
    assert scored.returncode == 0, scored.stderr
    records = [json.loads(line) for line in scored.stdout.splitlines()]
    assert all(set(r["scores"]) == {"clickbait", "boilerplate"} for r in records)
    tests = _run(
        fresh_python,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(EXAMPLES / "biaskit-clickbait"),
    )
    assert tests.returncode == 0, tests.stdout


def test_new_plugin_scaffold_installs_passes_its_tests_and_scores(
    fresh_python: Path, tmp_path: Path
) -> None:
    made = CliRunner().invoke(app, ["new-plugin", "Hedging Words", "-d", str(tmp_path)])
    assert made.exit_code == 0, made.output
    project = tmp_path / "biaskit-hedging-words"
    _install(fresh_python, project)
    tests = _run(
        fresh_python, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(project), cwd=project
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout
    scored = _run(
        fresh_python,
        "-m",
        "biaskit",
        "score",
        str(EXAMPLES / "articles" / "harbour-dispute.txt"),
        "-p",
        "hedging_words",
        "-f",
        "json",
    )
    report = json.loads(scored.stdout)["reports"][0]
    assert report["scores"]["hedging_words"]["scorer"].startswith("biaskit_hedging_words")
    checked = _run(fresh_python, "-m", "biaskit", "plugins", "--check")
    assert "ok    hedging_words 0.1.0" in checked.stdout


def test_new_plugin_refuses_bad_names_and_existing_dirs(tmp_path: Path) -> None:
    assert CliRunner().invoke(app, ["new-plugin", "9lives", "-d", str(tmp_path)]).exit_code == 2
    (tmp_path / "biaskit-x" / "keep").mkdir(parents=True)
    assert CliRunner().invoke(app, ["new-plugin", "x", "-d", str(tmp_path)]).exit_code == 2


def test_plugins_check_reports_a_broken_scorer_and_goes_on(
    make_dist: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = (
        "from biaskit import DimensionScore, hookimpl\n"
        "class Bad:\n    name = 'bad'\n    version = '1'\n    description = 'x'\n"
        "    default = False\n"
        "    def score(self, doc):\n        return DimensionScore('bad', 2.0, 'x')\n"
        "@hookimpl\ndef biaskit_scorers():\n    return [Bad()]\n"
    )
    make_dist("biaskit-bad", {"bad_plugin": bad}, {"bad": "bad_plugin"})  # type: ignore[operator]
    monkeypatch.setenv("BIASKIT_LOAD_PLUGINS", "bad,boilerplate")
    result = CliRunner().invoke(app, ["plugins", "--check"])
    assert result.exit_code == 1
    assert "FAIL  bad 1: bad: score 2.0 is outside [0, 1]" in result.stdout
    assert "ok    boilerplate" in result.stdout
