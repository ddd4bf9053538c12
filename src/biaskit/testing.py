"""The conformance kit a plugin author runs from their own test suite.

``check_scorer(scorer)`` raises ``AssertionError`` naming the first rule a scorer breaks.
The rules are the ones the runner and writers rely on; a scorer that passes them can be
installed beside any other without surprising the user.

    from biaskit.testing import check_scorer

    def test_conformance():
        check_scorer(HedgingScorer())
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from biaskit.model import DimensionScore, Document
from biaskit.protocols import Scorer
from biaskit.validation import result_problem

__all__ = ["SAMPLE_TEXTS", "check_result", "check_scorer", "random_texts"]

SAMPLE_TEXTS: tuple[str, ...] = (
    "",
    " ",
    "\n\n\n",
    "A.",
    "Officials said on Tuesday that the talks, which began in Geneva, would resume.\n\n"
    '"We are ready," the minister told reporters. READ MORE: Other story\n',
    "Ünïcödé ‘quotes’ «guillemets» — dashes… emoji 🙂 \u200b zero-width \ufeff BOM",
    "\x00\x01\x02 control characters \x7f and a lone surrogate-free tail",
    "WORD " * 3000,
    '"' * 500 + " " + "." * 500 + "\n" * 200 + "A" * 2000,
    "Русский текст с «кавычками». 中文文本。 العربية",
)


# A long article: scorers must stay usable (and linear) on documents far past the usual size.
HUGE_TEXT = (
    "Officials said the talks would resume. READ MORE: Another story\n\n"
    "“We are ready,” the minister told reporters on Tuesday, according to Reuters.\n\n"
) * 2500


def random_texts(count: int = 25, seed: int = 0) -> list[str]:
    """Deterministic arbitrary Unicode: any code point (lone surrogates included), biased
    towards the punctuation, quotes and white space that text rules key on."""
    import random

    rng = random.Random(seed)
    common = [*" \n\n\t.,;:!?\"'“”«»‘’—-()[]", "said", "the", "READ MORE"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 200)):
            if rng.random() < 0.5:
                parts.append(rng.choice(common))
            else:
                parts.append(chr(rng.randint(0, 0x10FFFF)))
        out.append("".join(parts))
    return out


def check_result(result: object, scorer: Scorer, doc: Document) -> DimensionScore:
    """Check one result against the rules the runner enforces; return it typed."""
    problem = result_problem(result, scorer.name, len(doc.text))
    assert problem is None, f"{scorer.name}: {problem}"
    assert isinstance(result, DimensionScore)
    return result


def check_scorer(scorer: Scorer, texts: Iterable[str] | None = None) -> None:
    """Run the conformance checks on ``scorer``.

    The default texts are the edge cases every scorer meets in real corpora: empty and blank
    documents, control characters, mixed scripts, runs of quotes and punctuation, a 400 KB
    article, and deterministic arbitrary Unicode. Checked for each: a valid DimensionScore
    (name, range, label, finite metrics, ordered spans inside the text), determinism, and
    that the document is left unchanged.
    """
    if texts is None:
        texts = [*SAMPLE_TEXTS, HUGE_TEXT, *random_texts()]
    for attr in ("name", "version", "description"):
        value = getattr(scorer, attr, None)
        assert isinstance(value, str) and value, f"scorer must declare a non-empty {attr}"
    assert isinstance(getattr(scorer, "default", None), bool), "scorer must declare default"
    assert scorer.name.isidentifier(), f"name {scorer.name!r} must be an identifier"
    for i, text in enumerate(texts):
        doc = Document(id=f"check-{i}", text=text, source="<check>", meta={"k": "v"})
        snapshot = replace(doc, meta=dict(doc.meta))
        try:
            result = scorer.score(doc)
        except Exception as exc:
            raise AssertionError(
                f"{scorer.name}.score() raised {type(exc).__name__}: {exc} on text {i} "
                f"({len(text)} characters: {text[:60]!r})"
            ) from exc
        first = check_result(result, scorer, doc)
        assert doc == snapshot, "score() mutated the document"
        second = scorer.score(doc)
        assert first == second, "score() is not deterministic for the same document"
