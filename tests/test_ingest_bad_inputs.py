"""The bad-input corpus (tests/bad_inputs.py) ingests without a crash: one clear
InputError per bad file, every good file kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from marsad.ingest import InputError, read_inputs
from marsad.model import Article
from marsad.text import clean

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bad_inputs import build  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_inputs")
    return folder, build(folder)


@pytest.fixture(scope="module")
def results(corpus):
    folder, _ = corpus
    by_file: dict[str, list] = {}
    for item in read_inputs([str(folder)]):
        source = item.source_path if isinstance(item, Article) else item.source
        name = Path(source.split(":")[0].split(" ")[0]).name
        if isinstance(item, Article):
            clean(item)
        by_file.setdefault(name, []).append(item)
    return by_file


def test_corpus_is_large_enough(corpus):
    _, expected = corpus
    assert len(expected) >= 25
    assert sum(kind == "bad" for kind in expected.values()) >= 12


def test_every_file_gives_a_result(corpus, results):
    _, expected = corpus
    assert set(results) == set(expected)


def test_good_files_are_kept_with_text(corpus, results):
    _, expected = corpus
    for name, kind in expected.items():
        if kind != "good":
            continue
        items = results[name]
        assert all(isinstance(i, Article) for i in items), (name, items)
        for art in items:
            assert "حديقة" in art.text.replace("\u200b", "").replace("\u200f", "").replace("\u200c", ""), name
            assert "Ø" not in art.text and "\ufffd" not in art.text, f"{name}: mojibake"


def test_bad_files_are_refused_with_a_reason(corpus, results):
    _, expected = corpus
    for name, kind in expected.items():
        if kind != "bad":
            continue
        items = results[name]
        assert len(items) == 1 and isinstance(items[0], InputError), (name, items)
        assert len(items[0].reason) > 8 and name in items[0].source


def test_reasons_name_the_problem(results):
    def reason(name):
        return results[name][0].reason

    assert reason("empty.txt") == "empty file"
    assert "NUL" in reason("binary.txt")
    assert "truncated UTF-8" in reason("truncated_utf8.txt")
    assert "larger than" in reason("big.txt")
    assert "gzip" in reason("gzip_renamed.txt")
    assert "PNG" in reason("png_renamed.html")
    assert "HTML without" in reason("deeply_nested.html")
    assert "UTF-8" in reason("broken_utf8_sequences.txt")


def test_a_file_with_some_bad_records_keeps_the_good_ones(results):
    items = results["bad_records.jsonl"]
    assert [i.id for i in items if isinstance(i, Article)] == ["ok1"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 3 and all(":" in e.source for e in errors)


def test_legacy_charsets_decode_to_the_same_text(results):
    reference = results["utf8.txt"][0].text
    for name in ("utf8_bom.txt", "cp1256.txt", "utf16_bom.txt", "utf16le_nobom.txt", "crlf.txt"):
        assert results[name][0].text == reference, name


def test_the_size_limit_can_be_raised(corpus):
    folder, _ = corpus
    items = list(read_inputs([str(folder / "big.txt")], max_file_mb=200))
    assert len(items) == 1 and isinstance(items[0], Article)
