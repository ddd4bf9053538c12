"""biaskit train end to end: a line-labelled corpus on disk, a saved model, a bench run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from biaskit.cli import app

runner = CliRunner()

SENTENCES = [
    "The council voted on Tuesday to close the old bridge for repairs lasting several months.",
    "Local shops said the closure would hurt trade, and several owners asked for compensation.",
    "Engineers found cracks in two of the supports during an inspection earlier this year.",
    "The mayor said a temporary footbridge would open before the work begins in the spring.",
    "Residents of the east bank will face a detour of about four miles on their way to work.",
]
MENU = ["Home", "News", "Sport", "Weather", "Share", "Advertisement", "Most read"]


def _corpus(root: Path, pages: int = 40) -> Path:
    base = root / "article-extraction-benchmark"
    (base / "html").mkdir(parents=True)
    truth = {}
    for i in range(pages):
        body = [SENTENCES[(i + k) % 5] for k in range(3)]
        menu = "".join(f"<li>{MENU[(i + k) % 7]}</li>" for k in range(3))
        html = (
            f"<html><head><title>Bridge story {i}</title></head><body><ul>{menu}</ul>"
            f"<h1>Bridge story {i}</h1>"
            + "".join(f"<p>{p}</p>" for p in body)
            + "<div>Follow us on Twitter</div><footer>© 2024 The Paper</footer></body></html>"
        )
        page_id = f"page{i:03d}"
        (base / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"articleBody": "\n".join(body), "url": f"https://example.org/{i}"}
    (base / "ground-truth.json").write_text(json.dumps(truth))
    return root


def test_train_then_bench_with_the_model(tmp_path: Path) -> None:
    data = _corpus(tmp_path / "data")
    model = tmp_path / "models" / "boilerplate.skops"
    result = runner.invoke(
        app, ["train", "boilerplate", "aeb-lines", "--data-dir", str(data), "-o", str(model)]
    )
    assert result.exit_code == 0, result.output
    assert "    f1: " in result.stdout and model.exists()
    meta = json.loads(Path(f"{model}.json").read_text())
    assert meta["dimension"] == "boilerplate" and meta["dataset"] == "aeb-lines"
    bench = runner.invoke(
        app,
        [
            "bench",
            "aeb-lines",
            "--data-dir",
            str(data),
            "-s",
            f"boilerplate@{model}",
            "-s",
            "majority",
            "-f",
            "json",
            "--bootstrap",
            "50",
        ],
    )
    assert bench.exit_code == 0, bench.output
    payload = json.loads(bench.stdout[bench.stdout.index("{") :])
    names = [r["name"] for r in payload["results"]]
    assert names == ["boilerplate@boilerplate.skops", "majority"]
    assert payload["results"][0]["metrics"]["f1"]["value"] > 0.9


def test_train_refuses_a_dimension_without_a_model(tmp_path: Path) -> None:
    data = _corpus(tmp_path / "data", pages=5)
    result = runner.invoke(
        app, ["train", "readability", "aeb-lines", "--data-dir", str(data), "-o", "x.skops"]
    )
    assert result.exit_code == 2 and "no trainable model" in result.output
