"""The optional embedding backend of story clustering, exercised with tiny encoders
built here (a hashing encoder and a word table): no model is downloaded or loaded."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
from pathlib import Path

import numpy as np
import pytest

from marsad.model import Actor, Article, Event
from marsad.stories import build_stories
from marsad.stories.embeddings import (StaticWordEncoder, TextEncoder, article_text, article_vectors,
                                       blended_score, forgiving_conflict, load_encoder)
from marsad.stories.features import features

cluster_module = importlib.import_module("marsad.stories.cluster")


class HashingEncoder:
    """Bag of words hashed into a few dimensions: texts sharing words get close vectors."""

    name = "hashing"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.split():
                bucket = int(hashlib.md5(word.encode("utf-8")).hexdigest(), 16) % self.dim
                out[row, bucket] += 1.0
        return out  # article_vectors normalizes the rows


def test_an_encoder_built_elsewhere_satisfies_the_interface():
    enc = HashingEncoder()
    assert isinstance(enc, TextEncoder)
    arts = [Article(id="x", title="قمة عربية في القاهرة", text="افتتحت القمة العربية أعمالها اليوم"),
            Article(id="y", title="قمة عربية في القاهرة", text="افتتحت القمة العربية أعمالها اليوم"),
            Article(id="z", title="ارتفاع أسعار الذهب", text="صعدت أسعار الذهب في الأسواق العالمية")]
    vecs = article_vectors(arts, enc)
    assert set(vecs) == {"x", "y", "z"}
    assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-5 for v in vecs.values())
    assert float(vecs["x"] @ vecs["y"]) == pytest.approx(1.0, abs=1e-5)
    assert float(vecs["x"] @ vecs["z"]) < 0.5
    assert article_vectors([], enc) == {}


def test_article_text_is_title_and_lead():
    art = Article(id="a", title="العنوان", text="ب" * 5000)
    text = article_text(art)
    assert text.startswith("العنوان\n") and len(text) < 1000


def test_static_table_loaded_from_npz(tmp_path):
    words = np.array(["اتصال", "هاتفي", "غارة", "جوية"])
    vectors = np.array([[1, 0, 0], [0.9, 0.1, 0], [0, 0, 1], [0, 0.1, 0.9]], dtype=np.float32)
    path = tmp_path / "tiny.npz"
    np.savez(path, words=words, vectors=vectors)
    enc = load_encoder(str(path))
    assert isinstance(enc, TextEncoder) and enc.name == "tiny"
    out = enc.encode(["أجرى اتصال هاتفي", "شن غارة جوية", "كلمات لا يعرفها الجدول"])
    assert out.shape == (3, 3)
    assert float(out[0] @ out[1]) < 0.2
    assert not out[2].any()  # no known word: a zero vector, not NaN


def test_bad_encoder_names_and_tables_are_reported(tmp_path):
    with pytest.raises(ValueError, match="unknown encoder 'no-such-model'"):
        load_encoder("no-such-model")
    with pytest.raises(ValueError, match="no such file"):
        load_encoder(str(tmp_path / "missing.npz"))
    bad = tmp_path / "bad.npz"
    np.savez(bad, vectors=np.zeros((2, 3)))
    with pytest.raises(ValueError, match="needs arrays 'words' and 'vectors'"):
        load_encoder(str(bad))
    with pytest.raises(ValueError, match="2 words but vectors of shape"):
        StaticWordEncoder(["a", "b"], np.zeros((3, 4)))


class WrongCountEncoder:
    name = "wrong"

    def encode(self, texts):
        return np.ones((len(texts) + 1, 4))


def test_an_encoder_returning_the_wrong_number_of_vectors_is_an_error():
    with pytest.raises(ValueError, match="returned 2 vectors for 1 texts"):
        article_vectors([Article(id="a", text="نص")], WrongCountEncoder())


PUTIN = Actor(name_en="Vladimir Putin", kb_id="vladimir_putin", kind="PERSON")
ERDOGAN = Actor(name_en="Recep Tayyip Erdogan", kb_id="recep_tayyip_erdogan", kind="PERSON")


def _coded(aid, text, etype, mode, date, a2=ERDOGAN):
    art = Article(id=aid, text=text, title=text[:30], published=date)
    art.events = [Event(type=etype, mode=mode, actor1=PUTIN, actor2=a2, date=date, main=True)]
    return art


def test_blended_score_mixes_the_base_score_and_the_cosine():
    a = _coded("a", "بحث الرئيسان في اتصال هاتفي الوضع الإقليمي", "CONSULT", "phone", "2025-03-01")
    b = _coded("b", "بحث الرئيسان في اتصال هاتفي الوضع الإقليمي", "CONSULT", "phone", "2025-03-01")
    fa, fb = features(a), features(b)
    vecs = article_vectors([a, b], HashingEncoder())
    base = cluster_module.score
    assert blended_score(base, vecs, 0.0)(fa, fb) == pytest.approx(base(fa, fb))
    assert blended_score(base, vecs, 1.0)(fa, fb) == pytest.approx(1.0, abs=1e-5)
    assert blended_score(base, {}, 1.0)(fa, fb) == 0.0  # no vectors: no embedding evidence
    with pytest.raises(ValueError, match="between 0 and 1"):
        blended_score(base, vecs, 1.5)


def test_forgiving_conflict_forgives_only_soft_conflicts_of_similar_texts():
    text = "استقبل الرئيس الروسي نظيره التركي في الكرملين وبحثا العلاقات الثنائية والتعاون"
    a = _coded("a", text, "CONSULT", "phone", "2025-03-01")
    b = _coded("b", text + " الاقتصادي", "AGREE", "message", "2025-03-01")
    c = _coded("c", "افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة مئات الناشرين", "AGREE", "message",
               "2025-03-01")
    fa, fb, fc = features(a), features(b), features(c)
    vecs = article_vectors([a, b, c], HashingEncoder())
    always, never = (lambda x, y: True), (lambda x, y: False)
    soft = forgiving_conflict(always, never, vecs, threshold=0.8)
    assert not soft(fa, fb)          # near-identical texts: the coding difference is forgiven
    assert soft(fa, fc)              # unrelated texts: the conflict stands
    assert forgiving_conflict(always, always, vecs, 0.0)(fa, fb)   # hard conflicts stand
    assert not forgiving_conflict(never, always, vecs, 0.0)(fa, fb)  # no conflict stays none


def test_clustering_with_an_encoder_keeps_default_results_when_it_adds_nothing(monkeypatch):
    # Weight 0 and a threshold no cosine reaches: the same stories as without an encoder.
    arts = [_coded("p1", "اتصال هاتفي بين بوتين وأردوغان حول سوريا", "CONSULT", "phone", "2025-03-01"),
            _coded("p2", "بوتين وأردوغان يبحثان هاتفيا الملف السوري", "CONSULT", "phone", "2025-03-01"),
            _coded("p3", "لقاء بين بوتين وأردوغان في سوتشي", "CONSULT", "meeting", "2025-09-29")]
    expected = sorted(sorted(s.article_ids) for s in build_stories(arts))
    vecs = article_vectors(arts, HashingEncoder())
    monkeypatch.setattr(cluster_module, "score", blended_score(cluster_module.score, vecs, 0.0))
    monkeypatch.setattr(cluster_module, "conflict",
                        forgiving_conflict(cluster_module.conflict, lambda a, b: False, vecs, 1.01))
    assert sorted(sorted(s.article_ids) for s in build_stories(arts)) == expected == [["p1", "p2"], ["p3"]]


def _bench_module():
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_stories.py"
    spec = importlib.util.spec_from_file_location("bench_stories", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_generator_writes_consistent_articles():
    # The scale benchmark (docs/stories.md) is only as good as its synthetic corpus.
    bench = _bench_module()
    articles, truth = bench.generate(300, seed=5)
    again, _ = bench.generate(300, seed=5)
    assert [a.text for a in articles] == [a.text for a in again]
    assert len(articles) == 300 and set(truth) == {a.id for a in articles}
    for art in articles:
        for span in [*art.entities, *art.dates]:
            assert art.text[span.start:span.end] == span.text
    assert 0.9 < bench.growth_exponent([{"n": 10, "build_s": 1.0}, {"n": 100, "build_s": 10.0}]) < 1.1
    build_stories(articles)
    from marsad.evaluate import bcubed
    assert bcubed(truth, {a.id: a.story_id for a in articles})["f1"] > 0.9
