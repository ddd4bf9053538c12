"""Every input yields exactly one record per document, whatever state it is in."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from biaskit import Document, InputError
from biaskit.io.readers import read_sources
from biaskit.plugins import get_plugin_manager, readers

CYRILLIC = "Посол России заявил, что «диалог возможен»."
LATIN1 = "Le café du président était fermé; naïve façade, déjà vu."


def read(paths: list[str], **options: object) -> list[Document | InputError]:
    return list(read_sources(paths, options, readers(get_plugin_manager(entrypoints=False))))


def test_text_file_and_newline_normalisation(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"Line one\r\nLine two\rLine three\n")
    (doc,) = read([str(f)])
    assert isinstance(doc, Document)
    assert doc.text == "Line one\nLine two\nLine three\n"
    assert doc.meta["encoding"] == "utf-8" and doc.warnings == ()


def test_windows_1251_is_detected_and_recorded(tmp_path: Path) -> None:
    f = tmp_path / "ru.txt"
    f.write_bytes((CYRILLIC + " " + CYRILLIC).encode("cp1251"))
    (doc,) = read([str(f)])
    assert isinstance(doc, Document)
    assert CYRILLIC in doc.text
    assert doc.meta["encoding"] == "cp1251"
    assert any("cp1251" in w for w in doc.warnings)


def test_latin1_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "fr.txt"
    f.write_bytes(LATIN1.encode("latin-1"))
    (doc,) = read([str(f)])
    assert isinstance(doc, Document) and doc.text == LATIN1
    assert doc.warnings  # says it was not UTF-8


def test_bad_inputs_each_give_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "emptydir").mkdir()
    items = read(
        [
            str(tmp_path / "missing.txt"),
            str(tmp_path / "empty.txt"),
            str(tmp_path / "blank.txt"),
            str(tmp_path / "binary.txt"),
            str(tmp_path / "emptydir"),
            str(tmp_path / "*.nothing"),
        ]
    )
    assert len(items) == 6 and all(isinstance(i, InputError) for i in items)
    messages = [i.message for i in items if isinstance(i, InputError)]
    assert "no such file" in messages[0]
    assert "empty" in messages[1] and "empty" in messages[2]
    assert "binary" in messages[3]
    assert "no text files" in messages[4]
    assert "no files match" in messages[5]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: as root (CI) chmod 0 does not stop a read.
    f = tmp_path / "secret.txt"
    f.write_text("text")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    items = read([str(f), str(tmp_path / "missing.txt")])
    assert isinstance(items[0], InputError) and "Permission denied" in items[0].message
    assert len(items) == 2


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "README.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text("hidden")
    docs = read([str(tmp_path)])
    assert [d.text for d in docs if isinstance(d, Document)] == ["one", "two"]


def test_glob_patterns_expand(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name)
    docs = read([str(tmp_path / "x*.txt")])
    assert [d.id.rsplit("/", 1)[-1] for d in docs] == ["x1.txt", "x2.txt"]


def test_jsonl_fields_meta_and_malformed_lines(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(
        '{"id": "a", "body": "First article.", "outlet": "X"}\n'
        "{not json\n"
        "\n"
        '{"id": "c", "title": "no body"}\n'
        "[1, 2]\n"
        '{"body": "No id here."}\n'
    )
    items = read([str(f)], text_field="body")
    assert len(items) == 5
    first = items[0]
    assert isinstance(first, Document)
    assert (first.id, first.text, first.meta["outlet"]) == ("a", "First article.", "X")
    assert isinstance(items[1], InputError) and "line 2" in items[1].message
    assert isinstance(items[2], InputError) and "'body'" in items[2].message
    assert isinstance(items[3], InputError) and "not a JSON object" in items[3].message
    assert isinstance(items[4], Document) and items[4].id.endswith("c.jsonl:6")


def test_stdin_as_text_and_as_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Plain text.")))
    (doc,) = read(["-"])
    assert isinstance(doc, Document) and doc.text == "Plain text."
    lines = b'{"id": "1", "text": "one"}\n{"id": "2", "text": "two"}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    docs = read(["-"], input_format="jsonl")
    assert [d.id for d in docs] == ["1", "2"]


def test_overlong_document_is_truncated_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_text("word " * 1000)
    (doc,) = read([str(f)], max_chars=100)
    assert isinstance(doc, Document) and len(doc.text) == 100
    assert "truncated" in doc.warnings[0]


def test_count_documents_matches_what_is_read(tmp_path: Path) -> None:
    from biaskit.io.readers import count_documents

    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n{"text": "z"}')
    sources = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_documents(sources, {}) == len(read(sources)) == 5
    assert count_documents(["-"], {}) is None
