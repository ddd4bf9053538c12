"""``biaskit new-plugin NAME``: a ready-to-install plugin package, tests included.

The scaffold is the shortest path from an idea to a published dimension: it installs as it
is, passes the conformance kit, and shows up in ``biaskit plugins`` and ``biaskit score``, so
the author starts from something that works and changes the rule, not the plumbing.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from string import Template

from biaskit.hookspecs import HOOK_VERSION


class ScaffoldError(ValueError):
    """The name or target directory cannot hold a new plugin."""


def names(raw: str) -> dict[str, str]:
    """Every name the scaffold needs, derived from what the user typed."""
    dimension = re.sub(r"[^0-9a-z]+", "_", raw.strip().lower()).strip("_")
    if not dimension or not dimension[0].isalpha() or keyword.iskeyword(dimension):
        raise ScaffoldError(f"{raw!r} cannot name a dimension: use letters, digits and dashes")
    words = dimension.split("_")
    return {
        "dimension": dimension,
        "distribution": "biaskit-" + "-".join(words),
        "package": f"biaskit_{dimension}",
        "cls": "".join(w.capitalize() for w in words) + "Scorer",
        "title": " ".join(words).capitalize(),
        "hook_version": HOOK_VERSION,
    }


PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "$distribution"
version = "0.1.0"
description = "A biaskit dimension: $title."
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["biaskit"]

[project.optional-dependencies]
test = ["pytest", "hypothesis"]

# This line is what makes biaskit find the plugin.
[project.entry-points.biaskit]
$dimension = "$package"

[tool.hatch.build.targets.wheel]
packages = ["src/$package"]
"""

INIT = '''\
"""biaskit plugin: the ``$dimension`` dimension."""

from __future__ import annotations

from biaskit import hookimpl

from $package.scorer import $cls

# The biaskit hook contract this plugin was written for.
biaskit_hook_version = "$hook_version"

__all__ = ["$cls"]


@hookimpl
def biaskit_scorers() -> list[$cls]:
    return [$cls()]
'''

SCORER = '''\
"""The ``$dimension`` scorer.

Replace the word list and the rule with your own; keep ``score`` a pure function of the
document, and import heavy libraries inside it rather than at module level.
"""

from __future__ import annotations

import re

from biaskit import DimensionScore, Document, Span

# Example rule: words that hedge a claim. Change it to what your dimension measures.
WORDS = ("may", "might", "could", "reportedly", "allegedly", "apparently")
PATTERN = re.compile(r"\\b(?:" + "|".join(WORDS) + r")\\b", re.IGNORECASE)
# Findings per 100 words at which the score reaches 1.
SATURATION = 5.0


class $cls:
    name = "$dimension"
    version = "0.1.0"
    description = "$title: words from a list, per 100 words."
    default = False  # runs when asked for: biaskit score -p $dimension

    def score(self, doc: Document) -> DimensionScore:
        spans = tuple(
            Span(m.start(), m.end(), "$dimension", 1.0, f"'{m.group()}' is in the word list")
            for m in PATTERN.finditer(doc.text)
        )
        words = len(doc.text.split())
        rate = 100 * len(spans) / words if words else 0.0
        score = min(1.0, rate / SATURATION)
        return DimensionScore(
            dimension=self.name,
            score=score,
            label="high" if score >= 0.5 else "some" if spans else "none",
            spans=spans,
            metrics={"findings": len(spans), "per_100_words": rate, "words": words},
            scorer=f"$package.{type(self).__name__}",
            version=self.version,
        )
'''

TEST = """\
from biaskit import Document, score_text
from biaskit.testing import check_scorer

from $package import $cls


def test_conformance() -> None:
    check_scorer($cls())


def test_finds_the_words() -> None:
    result = $cls().score(Document("t", "The minister may resign, officials said."))
    assert [s.label for s in result.spans] == ["$dimension"]
    assert result.metrics["findings"] == 1


def test_installed_and_found_by_biaskit() -> None:
    report = score_text("It could rain.", plugins=["$dimension"])
    assert report.ok and "$dimension" in report.scores
"""

README = """\
# $distribution

A [biaskit](https://pypi.org/project/biaskit/) plugin adding the `$dimension` dimension.

```bash
pip install -e '.[test]'
biaskit plugins                       # lists $dimension
biaskit score -p $dimension article.txt
pytest                                # includes biaskit's conformance kit
```

Publish with `python -m build && twine upload dist/*`; users then `pip install $distribution`.
"""

FILES = {
    "pyproject.toml": PYPROJECT,
    "README.md": README,
    "src/$package/__init__.py": INIT,
    "src/$package/scorer.py": SCORER,
    "tests/test_$dimension.py": TEST,
}


def new_plugin(raw_name: str, parent: Path) -> Path:
    """Write the package into ``parent/<distribution>`` and return that directory."""
    values = names(raw_name)
    root = parent / values["distribution"]
    if root.exists() and any(root.iterdir()):
        raise ScaffoldError(f"{root} exists and is not empty")
    for rel, template in FILES.items():
        path = root / Template(rel).substitute(values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(template).substitute(values))
    return root
