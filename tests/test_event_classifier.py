"""The learned sentence classifier (issue 11): a tiny model trained here on sentences written
for this test, its hashed features, its file, and the pipeline hook with the switch on/off."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from marsad.annotate import event_classifier as ec
from marsad.annotate.events import code_events
from marsad.model import PLOVER_TYPES, Article
from marsad.pipeline import Pipeline

TYPES = ("PROTEST", "ASSAULT", "CONSULT", "AID")
SENTENCES = {
    "PROTEST": ["تظاهر آلاف المحتجين في ساحة المدينة رفضا لرفع الأسعار",
                "خرج المتظاهرون إلى الشوارع احتجاجا على قرار الحكومة",
                "نظم العمال اعتصاما أمام مقر الوزارة للمطالبة بأجورهم"],
    "ASSAULT": ["قصفت الطائرات مواقع المسلحين شمال البلاد فقتلت عشرة منهم",
                "هاجم مسلحون نقطة تفتيش للشرطة وأصابوا ثلاثة عناصر",
                "استهدف صاروخ مبنى سكنيا وأسفر عن سقوط قتلى وجرحى"],
    "CONSULT": ["التقى الرئيس نظيره في القصر وبحثا العلاقات الثنائية",
                "اجتمع وزير الخارجية مع السفير لبحث التعاون بين البلدين",
                "أجرى رئيس الوزراء اتصالا هاتفيا مع الملك تناول فيه آخر التطورات"],
    "AID": ["أرسلت الدولة شحنة مساعدات غذائية وطبية إلى المتضررين من الفيضانات",
            "قدمت المنظمة معونات إنسانية للنازحين في المخيمات",
            "وصلت طائرة تحمل أدوية وخياما هبة من الحكومة إلى المنكوبين"],
}


def _data():
    texts, labels = [], []
    for t, sents in SENTENCES.items():
        for s in sents:
            texts.append(s)
            labels.append([x == t for x in TYPES])
    return texts, np.array(labels, dtype=np.float32)


@pytest.fixture(scope="module")
def tiny() -> ec.SentenceClassifier:
    texts, labels = _data()
    return ec.train(texts, labels, types=TYPES, dim=1 << 12, epochs=200, seed=1)


def test_tiny_model_predicts_its_sentences(tiny):
    for t, sents in SENTENCES.items():
        for s in sents:
            scores = tiny.scores(s)
            assert max(scores, key=scores.get) == t, (s, scores)
            assert scores[t] > 0.5


def test_training_is_deterministic_and_masked_labels_do_not_train():
    texts, labels = _data()
    a = ec.train(texts, labels, types=TYPES, dim=1 << 12, epochs=50, seed=3)
    b = ec.train(texts, labels, types=TYPES, dim=1 << 12, epochs=50, seed=3)
    assert np.array_equal(a.W, b.W) and np.array_equal(a.b, b.b)
    # AID unknown for every sentence: its column keeps its (tiny) random start, it learns nothing
    mask = np.ones_like(labels)
    mask[:, TYPES.index("AID")] = 0
    m = ec.train(texts, labels, mask, types=TYPES, dim=1 << 12, epochs=50, seed=3)
    assert np.abs(m.W[:, TYPES.index("AID")]).max() < 0.01
    assert abs(m.prob(SENTENCES["AID"][0], "AID") - 0.5) < 0.01


def test_save_load_round_trip(tiny, tmp_path):
    path = tmp_path / "m.npz"
    tiny.save(path)
    back = ec.SentenceClassifier.load(path)
    assert back.types == TYPES and back.dim == tiny.dim
    for sents in SENTENCES.values():
        for s in sents:
            assert np.allclose(back.vector(s), tiny.vector(s), atol=0.01)
    back.save(tmp_path / "again.npz")
    again = ec.SentenceClassifier.load(tmp_path / "again.npz")
    assert np.array_equal(again.W, back.W) and np.array_equal(again.b, back.b)


def test_a_file_that_is_no_model_is_named_on_load(tiny, tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_text("not a model", encoding="utf-8")
    with pytest.raises(ValueError, match=r"junk\.npz: not an event classifier model"):
        ec.SentenceClassifier.load(junk)
    partial = tmp_path / "partial.npz"
    np.savez_compressed(partial, W=tiny.W)
    with pytest.raises(ValueError, match=r"partial\.npz: not an event classifier model \(KeyError"):
        ec.SentenceClassifier.load(partial)
    mismatched = tmp_path / "mismatched.npz"
    ec.SentenceClassifier(W=tiny.W[:, :3], b=tiny.b, types=tiny.types).save(mismatched)
    with pytest.raises(ValueError, match=rf"mismatched\.npz: .*for {len(tiny.types)} types"):
        ec.SentenceClassifier.load(mismatched)


def test_features_are_hashed_and_the_file_holds_no_text(tiny, tmp_path):
    idx, vals = ec.features(SENTENCES["PROTEST"][0], tiny.dim)
    assert idx.dtype.kind == "i" and idx.min() >= 0 and idx.max() < tiny.dim
    assert np.isclose(float(vals @ vals), 1.0)
    path = tmp_path / "m.npz"
    tiny.save(path)
    with zipfile.ZipFile(path) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    words = {w for sents in SENTENCES.values() for s in sents for w in s.split() if len(w) > 2}
    for w in words:
        for form in (w, ec.stem(w)):
            assert form.encode("utf-8") not in blob
            assert form.encode("utf-32-le") not in blob      # numpy's own string arrays
    with np.load(path, allow_pickle=False) as data:
        assert {n for n in data.files if data[n].dtype.kind in "US"} == {"types", "meta_keys"}
        assert set(data["types"].tolist()) == set(TYPES)


def test_shipped_model_loads_from_the_package():
    model = ec.shipped_model()
    assert model is not None
    assert model.types == PLOVER_TYPES
    assert model.W.shape == (model.dim, len(PLOVER_TYPES))
    vec = model.vector("تظاهر المئات أمام البرلمان احتجاجا على القانون")
    assert vec.shape == (len(PLOVER_TYPES),) and np.all((vec > 0) & (vec < 1))


STORY = ("التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في باريس\n"
         "التقى الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان في باريس يوم الثلاثاء "
         "وبحث الجانبان العلاقات الثنائية والأوضاع في المنطقة.\n"
         "وفي سياق آخر، تظاهر مئات الطلاب أمام وزارة التعليم في أنقرة احتجاجا على رفع الرسوم.\n"
         "وقصفت طائرات مسيرة مواقع لمسلحين في شمال البلاد وقتلت خمسة منهم.\n")


def _annotate(text: str) -> Article:
    return Pipeline()(Article(id="t", text=text, raw=text, published="2025-03-04"))


def _constant_model(logits: dict[str, float]) -> ec.SentenceClassifier:
    """A model that gives every sentence the same probabilities (weights zero, biases set)."""
    b = np.array([logits.get(t, 0.0) for t in PLOVER_TYPES], dtype=np.float32)
    return ec.SentenceClassifier(W=np.zeros((64, len(PLOVER_TYPES)), dtype=np.float32), b=b)


def test_switch_off_leaves_the_rule_coder_alone(monkeypatch):
    def refuse():
        raise AssertionError("the model is loaded while the switch is off")
    monkeypatch.delenv(ec.ENV_SWITCH, raising=False)
    monkeypatch.setattr(ec, "shipped_model", refuse)
    art = _annotate(STORY)
    assert not ec.enabled() and ec.active_model() is None
    types = sorted(e.type for e in art.events)
    assert {"CONSULT", "PROTEST", "ASSAULT"} <= set(types)
    monkeypatch.setenv(ec.ENV_SWITCH, "off")
    assert sorted(e.type for e in _annotate(STORY).events) == types


def test_switch_on_gates_events_the_model_rejects(monkeypatch):
    monkeypatch.delenv(ec.ENV_SWITCH, raising=False)
    off = _annotate(STORY)
    monkeypatch.setenv(ec.ENV_SWITCH, "1")
    monkeypatch.setattr(ec, "shipped_model", lambda: _constant_model({t: -20.0 for t in PLOVER_TYPES}))
    on = _annotate(STORY)
    main_off = next(e for e in off.events if e.main)
    main_on = next(e for e in on.events if e.main)
    assert (main_on.type, main_on.score) == (main_off.type, main_off.score)   # a bonus of ~0
    # every asserted event but the main one is dropped; the others stay
    assert [e.type for e in on.events] == [e.type for e in off.events
                                           if e.main or e.modality != "asserted"]


def test_switch_on_adds_the_bonus_to_the_main_choice(monkeypatch):
    monkeypatch.delenv(ec.ENV_SWITCH, raising=False)
    off = _annotate(STORY)
    monkeypatch.setenv(ec.ENV_SWITCH, "on")
    # the model is sure of PROTEST only (every other type 0.5, kept by the gate)
    monkeypatch.setattr(ec, "shipped_model", lambda: _constant_model({"PROTEST": 20.0}))
    on = _annotate(STORY)
    assert len(on.events) == len(off.events)
    for a, b in zip(off.events, on.events):
        assert a.type == b.type
        if b.main == a.main and not b.main:
            expected = ec.MAIN_BONUS * (1.0 if a.type == "PROTEST" else 0.5)
            assert b.score == pytest.approx(a.score + expected, abs=0.002)
    main_on = next(e for e in on.events if e.main)
    best = max(on.events, key=lambda e: e.score)
    assert main_on.score == best.score


def test_a_missing_shipped_model_is_warned_about(monkeypatch):
    monkeypatch.setattr(ec, "MODEL_RESOURCE", "data/models/no_such_model.npz")
    ec.shipped_model.cache_clear()
    try:
        with pytest.warns(RuntimeWarning, match=r"no_such_model\.npz is missing"):
            assert ec.shipped_model() is None
    finally:
        ec.shipped_model.cache_clear()
