"""The main event's type, round 5 (issue 11): general mechanisms met on real news, tested on
sentences of our own. A verbal altercation is an accusation; what someone must do (an
obligation) is not done; a document signed or memoranda exchanged are an agreement; a
preposition compiled in a phrase keeps its final letter (the family name آل is no إلى)."""

from __future__ import annotations

import pytest
from coded_sentences import asserted_types, coded, main_type

from marsad.annotate.event_lexicon import compile_phrase
from marsad.text.normalize import normalize_key


@pytest.mark.parametrize("text", [
    "اندلعت مشادة كلامية بين وزير الزراعة ونقيب الفلاحين في ختام الاجتماع.",
    "ملاسنة بين وزيري الخارجية خلال الجلسة الافتتاحية للمؤتمر",
    "تلاسن النائبان في جلسة البرلمان المخصصة لمناقشة الموازنة.",
])
def test_a_verbal_altercation_is_an_accusation(text):
    assert main_type(text) == "ACCUSE"


def test_an_altercation_between_players_is_no_political_event():
    assert "ACCUSE" not in asserted_types("وقعت مشادة بين لاعبي الفريقين في الدقائق الأخيرة من المباراة.")


@pytest.mark.parametrize("text, etype", [
    ("وقال الرئيس إن على الحكومة أن تسحب قواتها من المدينة فورا.", "RETREAT"),
    ("وأضاف أن عليهم أن يفرجوا عن جميع المعتقلين السياسيين.", "CONCEDE"),
    ("وقال الوزير إنه يجب أن تسحب القوات من الحدود قبل أي حوار.", "RETREAT"),
])
def test_what_someone_must_do_is_not_done(text, etype):
    assert etype not in asserted_types(text), asserted_types(text)


@pytest.mark.parametrize("text", [
    "وقع رئيسا البلدين وثيقة للتعاون في مجال الطاقة.",
    "ترأس الوزيران مراسم تبادل خمس مذكرات تفاهم بين البلدين في مجالات التعليم والصحة.",
])
def test_a_document_signed_or_memoranda_exchanged_are_an_agreement(text):
    assert main_type(text) == "AGREE"


def test_a_family_name_is_no_preposition():
    pat = compile_phrase("دعا|دعت * إلى|الى", "collocations")
    assert not pat.search(normalize_key("وصل الوفد بدعوة من الشيخ حمد بن خليفة آل ثاني"))
    assert pat.search(normalize_key("دعا الأمين العام الأطراف إلى التهدئة"))
    assert pat.search(normalize_key("دعا الوزير إليه"))


def test_an_explosion_that_targeted_a_place_is_an_attack_though_a_government_is_named():
    # «الحكومة» after استهدف marks a verbal attack on it, unless the sentence names a blast
    text = "استهدف تفجير مبنى البلدية أثناء اجتماع أعضاء الحكومة المحلية فيه مساء أمس."
    assert main_type(text) == "ASSAULT"


def test_a_condemnation_told_inside_a_call_is_what_was_said_in_the_call():
    # the same condemnation told in a remark to the press is not demoted
    opening = ("رئيس الوزراء الإيطالي: أزمة الهجرة تتطلب حلا أوروبيا مشتركا\n"
               "حذر رئيس الوزراء الإيطالي اليوم من تزايد أعداد المهاجرين الواصلين إلى سواحل بلاده.\n")
    condemnation = "ندد رئيس الوزراء الإيطالي بعصابات تهريب البشر في البحر المتوسط."

    def events(frame: str):
        return coded(opening + frame + condemnation).events

    in_call = events("وأثناء تلقيه اتصالا هاتفيا من الرئيس التونسي قيس سعيد، ")
    call = next(e for e in in_call if e.type == "CONSULT")
    said_in_call = next(e.score for e in in_call if e.type == "ACCUSE")
    said_to_press = next(e.score for e in events("وفي تصريح للصحفيين، ") if e.type == "ACCUSE")
    assert call.main and said_in_call < said_to_press


def test_a_visit_announced_in_the_lead_is_news_that_a_reaction_in_the_body_does_not_outrank():
    # the lead's act, planned or done, demotes another party's reaction told in the body alike
    body = ("\nوقالت الرئاسة إن اللقاء يلبي دعوة وجهها رئيس الوزراء الإيطالي في الربيع الماضي.\n"
            "ورفض وزير الخارجية الجزائري أمس مقترح الاتحاد الأوروبي بشأن مراكز إيواء المهاجرين.")

    def rejection(lead: str) -> float:
        return next(e.score for e in coded(lead + body).events if e.type == "REJECT")

    planned = rejection("أعلنت الرئاسة التونسية اليوم أن الرئيس سيستقبل رئيس الوزراء الإيطالي في قرطاج الأسبوع المقبل.")
    done = rejection("أعلنت الرئاسة التونسية اليوم أن الرئيس استقبل رئيس الوزراء الإيطالي في قرطاج.")
    assert planned == done
