"""Sentence-level detection of protests, attacks and arrests: an act dated after its page
is planned, a headline takes its lead's tense, a toll is evidence of the attack told before
it, and a protester noun in the nominative tells a protest. Sentences written for Marsad."""

from __future__ import annotations

from marsad.workflow import annotate


def _events(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    (art,) = list(annotate([str(path)]))
    return art, art.events


def _types_in(art, events, needle: str, modality: str = "asserted") -> set[str]:
    """The types of the events of ``modality`` with evidence in the sentence holding ``needle``."""
    start = art.text.index(needle)
    end = start + len(needle)
    return {ev.type for ev in events if ev.modality == modality
            and any(e.start < end and e.end > start for e in ev.evidence)}


def test_an_act_dated_after_the_page_is_planned(tmp_path):
    text = ("النقابات تلوح بالتصعيد\nالخميس 30 يناير 2019\n"
            "أعلن اتحاد النقابات في البلاد تنفيذ إضراب عام في كل المحافظات يوم 8 شباط للمطالبة بزيادة الأجور.\n")
    art, events = _events(tmp_path, text)
    assert "PROTEST" not in _types_in(art, events, "تنفيذ إضراب عام")
    assert "PROTEST" in _types_in(art, events, "تنفيذ إضراب عام", "planned")


def test_an_act_dated_on_the_page_day_stays_asserted(tmp_path):
    text = ("إضراب المعلمين\nالخميس 30 يناير 2019\n"
            "نفذ المعلمون في المدارس الحكومية إضرابا عاما اليوم الخميس 30 يناير للمطالبة بزيادة الأجور.\n")
    art, events = _events(tmp_path, text)
    assert "PROTEST" in _types_in(art, events, "نفذ المعلمون")


def test_a_headline_takes_the_tense_of_its_lead(tmp_path):
    text = ("إضراب عام في البلاد\nالخميس 30 يناير 2019\n"
            "أعلن اتحاد النقابات تنفيذ إضراب عام في كل المحافظات يوم 8 شباط للمطالبة بزيادة الأجور.\n")
    art, events = _events(tmp_path, text)
    assert "PROTEST" not in _types_in(art, events, "إضراب عام في البلاد")


def test_a_toll_is_evidence_of_the_attack_told_before(tmp_path):
    text = ("هجوم على حاجز للجيش\n"
            "هاجم مسلحون حاجزا للجيش عند مدخل البلدة فجر اليوم الأحد بالأسلحة الخفيفة.\n"
            "وأوضح المصدر أن أحد الجنود لقي حتفه على الفور، وأصيب آخرون بجروح متفاوتة.\n")
    art, events = _events(tmp_path, text)
    assert "ASSAULT" in _types_in(art, events, "لقي حتفه")
    assert sum(ev.type == "ASSAULT" for ev in events) == 1     # the toll is no attack of its own


def test_a_toll_alone_is_no_attack(tmp_path):
    art, events = _events(tmp_path, "وأوضح المصدر أن أحد الجنود لقي حتفه على الفور، وأصيب آخرون بجروح.\n")
    assert not [ev for ev in events if ev.type == "ASSAULT"]


def test_a_toll_with_its_own_attack_names_that_attack(tmp_path):
    text = ("احتجاجات في العاصمة\nتظاهر مئات الطلاب أمام مبنى الوزارة اليوم.\n"
            "وقتل جنديان بهجوم طعن في محطة وقود يوم الاثنين الماضي.\n")
    art, events = _events(tmp_path, text)
    assert "PROTEST" not in _types_in(art, events, "وقتل جنديان")


def test_protesters_in_the_nominative_tell_a_protest(tmp_path):
    text = ("اعتصام أمام الوزارة\nاعتصم عشرات العمال أمام مبنى الوزارة صباح اليوم.\n"
            "والمعتصمون رفضوا مغادرة المكان قبل لقاء الوزير.\n")
    art, events = _events(tmp_path, text)
    assert "PROTEST" in _types_in(art, events, "والمعتصمون رفضوا")


def test_an_act_threatened_with_bi_is_not_done(tmp_path):
    art, events = _events(tmp_path, "لوحت نقابات العمال اليوم الخميس بتنفيذ اعتصام مفتوح أمام الوزارة.\n")
    assert "PROTEST" not in _types_in(art, events, "بتنفيذ اعتصام")
    art, events = _events(tmp_path, "العمال يهددون بتنفيذ اعتصام مفتوح أمام الوزارة.\n")
    assert "PROTEST" not in _types_in(art, events, "بتنفيذ اعتصام")


def test_the_motive_of_a_planned_act_is_no_protest(tmp_path):
    text = "دعا الاتحاد العام للشغل إلى إضراب عام في القطاع العام، احتجاجا على سياسات الحكومة.\n"
    art, events = _events(tmp_path, text)
    assert "PROTEST" not in _types_in(art, events, "احتجاجا على")


def test_a_sentence_passed_with_bi_after_a_verdict_verb_is_the_act(tmp_path):
    text = "قضت محكمة الجنايات في المدينة، صباح اليوم الاثنين، بالسجن مدى الحياة على المتهم الأول في القضية.\n"
    art, events = _events(tmp_path, text)
    assert "COERCE" in _types_in(art, events, "بالسجن مدى الحياة")
