"""Quote finder tests on sentences written for Marsad (entities from the test gazetteer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.annotate.quotes import find_quotes
from marsad.model import Article
from test_events import build

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contract" / "records.schema.json"


def quotes_of(text: str):
    art = find_quotes(build(text))
    for q in art.quotes:
        assert art.text[q.start:q.end] == q.text
    return art.quotes


def speaker(q):
    return q.speaker.name_en if q.speaker else None


def test_direct_quote_with_speaker_before_the_verb():
    qs = quotes_of("بوتين قال: «نحن مستعدون للعمل مع دمشق في كل الملفات».")
    assert len(qs) == 1
    q = qs[0]
    assert q.direct and q.text == "نحن مستعدون للعمل مع دمشق في كل الملفات"
    assert speaker(q) == "Vladimir Putin" and q.cue == "قال"


def test_direct_quote_with_the_verb_after_it():
    qs = quotes_of("“سوريا منفتحة على جميع الأطراف بلا استثناء”، قال الشرع للصحفيين.")
    assert [speaker(q) for q in qs] == ["Ahmed al-Sharaa"]
    assert qs[0].direct


def test_reported_speech_after_qala_inna():
    qs = quotes_of("وقال أردوغان إن تركيا ستواصل دعم الشعب السوري في المرحلة المقبلة.")
    assert len(qs) == 1
    q = qs[0]
    assert not q.direct and speaker(q) == "Recep Tayyip Erdoğan"
    assert q.text == "تركيا ستواصل دعم الشعب السوري في المرحلة المقبلة"


def test_reported_speech_after_akkada_anna_with_an_organization():
    qs = quotes_of("وأكد الكرملين أن المحادثات كانت بناءة ومفيدة للطرفين.")
    assert [speaker(q) for q in qs] == ["Kremlin"]
    assert qs[0].text.startswith("المحادثات كانت")


def test_expressed_hope_after_aaraba_an():
    qs = quotes_of("وأعرب ماكرون عن أمله في التوصل إلى تسوية قريبا.")
    assert len(qs) == 1 and speaker(qs[0]) == "Emmanuel Macron"
    assert qs[0].text.startswith("أمله في")


def test_continuation_keeps_the_last_speaker():
    qs = quotes_of("وقال السيسي إن مصر تدعم وقف الحرب فورا. وأضاف أن الحل السياسي هو الطريق الوحيد.")
    assert [speaker(q) for q in qs] == ["Abdel Fattah el-Sisi", "Abdel Fattah el-Sisi"]


def test_speaker_reported_through_an_agency():
    qs = quotes_of("ونقلت وكالة تاس عن لافروف قوله إن موسكو لن تتخلى عن حلفائها.")
    assert [speaker(q) for q in qs] == ["Sergey Lavrov"]


def test_scare_quotes_and_names_are_not_speech():
    assert quotes_of("نشرت وكالة \"تاس\" الخبر في \"ساعة متأخرة\" من الليل.") == []
    qs = quotes_of("ووصف المحللون الخطوة بأنها \"تاريخية\".")
    assert all(not q.direct for q in qs)


def test_direct_quote_wins_over_the_reported_reading_of_its_sentence():
    qs = quotes_of("وقال ترامب إن \"المكالمة مع بوتين كانت جيدة جدا\".")
    assert len(qs) == 1 and qs[0].direct and speaker(qs[0]) == "Donald Trump"


def test_no_text_and_bad_input():
    assert find_quotes(Article(id="empty")).quotes == []
    with pytest.raises(TypeError, match="find_quotes expects an Article"):
        find_quotes(None)  # type: ignore[arg-type]


def test_quote_records_follow_the_contract():
    jsonschema = pytest.importorskip("jsonschema")
    if not CONTRACT.exists():
        pytest.skip(f"contract schema not found at {CONTRACT}")
    schema = json.loads(CONTRACT.read_text(encoding="utf-8"))
    quote_schema = {"$defs": schema["$defs"],
                    **schema["$defs"]["article"]["properties"]["quotes"]["items"]} \
        if "article" in schema["$defs"] else None
    art = find_quotes(build("وقال بوتين إن روسيا ستدعم سوريا. «لن نتخلى عن أصدقائنا في المنطقة»."))
    assert art.quotes
    for q in art.quotes:
        rec = q.to_record()
        assert set(rec) >= {"speaker", "text", "start", "end", "cue"}
        if quote_schema is not None:
            jsonschema.validate(rec, quote_schema)


def test_a_name_inside_what_is_said_is_not_the_speaker():
    qs = quotes_of("وقال المتحدث باسم الوزارة إن الأردن يرفض أي مساس بالوضع القائم.")
    assert len(qs) == 1 and qs[0].speaker is None


def test_participle_continues_the_speaker_of_its_sentence():
    qs = quotes_of("وقال بوتين إن روسيا ستواصل دعم سوريا، مؤكدا أن العلاقات بين البلدين تاريخية.")
    assert [speaker(q) for q in qs] == ["Vladimir Putin", "Vladimir Putin"]


def test_a_speech_verb_inside_what_is_said_does_not_cut_it():
    qs = quotes_of("وقال بوتين إن روسيا أكدت دعمها الكامل لوحدة سوريا.")
    assert len(qs) == 1 and qs[0].text == "روسيا أكدت دعمها الكامل لوحدة سوريا"
