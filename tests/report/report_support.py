"""Helpers shared by the report tests: hand-made reports with overlapping spans and hostile
input, and a small HTML tree (the standard library's tokenizer, which like a browser honours
script content) to find elements by tag and class and read their text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from biaskit.aggregate import build_report
from biaskit.model import DimensionScore, Report, Span

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
OUTPUT = ROOT / "tests" / "output"

SCRIPT = "<script>window.__pwned = 'text';</script>"
ATTR = '"><img src=x onerror="window.__pwned=\'attr\'">'
ATTR_SINGLE = "' onmouseover='window.__pwned=\"single\"' x='"
PAYLOADS = (SCRIPT, ATTR, ATTR_SINGLE)

HOSTILE_TEXT = (
    "Officials said the plan was a disgrace.\n\n"
    f"Reader comment: {SCRIPT} and {ATTR} and {ATTR_SINGLE} end.\n"
    "Follow us on Twitter!"
)


def find(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    i = text.index(piece, start)
    return i, i + len(piece)


def hostile_report() -> Report:
    """A report whose text, id, metadata, labels and notes all carry injection payloads, with
    spans over the payloads themselves."""
    text = HOSTILE_TEXT
    s1 = find(text, "disgrace")
    s2 = find(text, SCRIPT)
    s3 = find(text, ATTR)
    sentence = (0, text.index("\n"))
    follow = find(text, "Follow us on Twitter!")
    scores = {
        "alpha": DimensionScore(
            "alpha",
            0.8,
            f"label {SCRIPT}",
            (
                Span(*sentence, "loaded-sentence", 0.7, f"sentence note {ATTR}"),
                Span(*s1, "charged", 0.9, f"note {SCRIPT}"),
                Span(*s2, "injected", 0.5, f"note {ATTR_SINGLE}"),
            ),
            {"terms": 2.0, f"metric {SCRIPT}": 1.0},
        ),
        "beta": DimensionScore(
            "beta",
            0.3,
            "some",
            (Span(*s3, "attr", 0.4, "attribute payload"), Span(*follow, "social", 1.0, "a prompt")),
        ),
    }
    return build_report(
        f"hostile {SCRIPT}",
        f"source {ATTR}",
        scores,
        {},
        meta={"outlet": ATTR, "title": SCRIPT, "note": ATTR_SINGLE},
        warnings=(f"warning {SCRIPT}",),
        provenance={"biaskit": "0.1.0", "scorers": {"alpha": "1", "beta": "1"}},
        text=text,
    )


def overlap_report(number: int = 0, outlet: str = "Daily A", score: float = 0.5) -> Report:
    """Nested and overlapping spans across three dimensions."""
    text = (
        "The senator said the reckless scheme was a total disaster for everyone.\n"
        "Read more: Senator under fire\n"
    )
    sentence = (0, text.index("\n"))
    reckless = find(text, "reckless")
    scheme = find(text, "reckless scheme")
    disaster = find(text, "total disaster")
    senator = find(text, "The senator")
    said = find(text, "said")
    content = find(text, "the reckless scheme was a total disaster for everyone")
    read_more = find(text, "Read more: Senator under fire")
    scores = {
        "loaded": DimensionScore(
            "loaded",
            score,
            "loaded" if score >= 0.5 else "mild",
            (
                Span(*sentence, "loaded-sentence", 0.8, "sentence with loaded terms"),
                Span(*reckless, "charged", 0.9, "charged adjective"),
                Span(*scheme, "pejorative", 0.6, "pejorative phrase"),
                Span(*disaster, "charged", 0.7, "hyperbole"),
            ),
            {"terms": 3},
        ),
        "attribution": DimensionScore(
            "attribution",
            1.0 - score,
            "attributed",
            (
                Span(*senator, "speaker", 1.0, "speaker: the senator", group="q1"),
                Span(*said, "cue", 1.0, "attribution cue", group="q1"),
                Span(*content, "indirect", 0.8, "reported content", group="q1"),
            ),
        ),
        "furniture": DimensionScore(
            "furniture", score / 2, "some", (Span(*read_more, "read-more", 1.0, "read more link"),)
        ),
    }
    return build_report(
        f"article-{number}",
        f"corpus.jsonl:{number}",
        scores,
        {},
        meta={"outlet": outlet, "line": number, "lang": "en"},
        provenance={"biaskit": "0.1.0", "scorers": {"loaded": "1.0"}},
        text=text,
    )


def error_report(number: int = 99) -> Report:
    return build_report(
        f"broken-{number}",
        "missing.txt",
        {},
        {"input": "file not found: missing.txt"},
        meta={"outlet": "Daily B"},
    )


def corpus_reports() -> list[Report]:
    outlets = ["Daily A", "Daily B", "Daily A", "Weekly C", "Daily B"]
    reports = [
        overlap_report(i, o, s)
        for i, (o, s) in enumerate(zip(outlets, (0.1, 0.9, 0.5, 0.3, 0.7), strict=True))
    ]
    return [*reports, hostile_report(), error_report()]


# ---------------------------------------------------------------------------- HTML tree

VOID = {"meta", "link", "input", "br", "img", "hr", "col", "area", "base", "source", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    all_attrs: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag} class={cls} {attrs}>"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, all_attrs=list(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, all_attrs=attrs))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str) -> Node:
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root
