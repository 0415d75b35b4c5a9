"""HTML pages in the templates of Arabic news sites (tests/data/html, written by
us with generate.py): main text token F1 >= 0.95, title, author and date right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.evaluate import token_f1
from marsad.ingest import read_inputs
from marsad.model import Article
from marsad.text import clean

PAGES = Path(__file__).resolve().parent / "data" / "html"
PAGE_FILES = sorted(PAGES.glob("*.html"))



def test_there_are_at_least_30_pages_from_10_templates():
    assert len(PAGE_FILES) >= 30
    assert len({p.name.split("_")[0][:2] for p in PAGE_FILES}) >= 10


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.stem)
def test_page(page):
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    items = list(read_inputs([str(page)]))
    assert len(items) == 1 and isinstance(items[0], Article), items
    art = clean(items[0])
    assert art.html and art.id == page.stem
    assert token_f1(art.text, expected["text"]) >= 0.95, art.text
    assert art.title == expected["title"]
    assert art.author == expected["author"]
    assert art.published == expected["published"]
    assert art.provenance["title"].startswith("html:")


def test_mean_f1_over_all_pages():
    scores = []
    for page in PAGE_FILES:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        art = clean(next(read_inputs([str(page)])))
        scores.append(token_f1(art.text, expected["text"]))
    assert sum(scores) / len(scores) >= 0.98


def test_token_f1_is_a_real_measure():
    assert token_f1("أ ب ج", "أ ب ج") == 1.0
    assert token_f1("أ ب", "ج د") == 0.0
    assert 0.5 < token_f1("أ ب ج د", "أ ب ج") < 1.0
