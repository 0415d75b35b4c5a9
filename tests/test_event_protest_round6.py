"""Round 6, sentence-level PROTEST (issue 11): the ways a news sentence tells a protest that
the round-5 lexicon missed, on our own news-style sentences. A repression or arrest told as
acting on protesters (فرقت الشرطة المحتجين، أطلقت الغاز على متظاهرين) is evidence of the
protest the article tells (a dispersal alone stays one event, COERCE); the
procession (موكب، مواكب: Sudan's word for a march) in its protest sense only; a protest noun
with its adjective of size or character or its motive (مسيرة ضخمة، وقفة صامتة، مسيرة نصرة
لـ); a crowd gathered in a march or before a building; protesters who keep on; a protest
named again by its noun (المسيرة، الوقفة، الموكب) after it was told. Hard negatives: a
motorcade, a funeral or religious procession, a drone (مسيرة), a career, a call to march, an
arrest on a charge of protesting."""

from __future__ import annotations

import pytest
from coded_sentences import coded


def sentence_types(text: str) -> list[set[str]]:
    """Per sentence, the types of the events told as done that have evidence in it."""
    art = coded(text)
    return [{e.type for e in art.events if e.modality == "asserted"
             and any(s.start <= x.start < s.end for x in e.evidence)} for s in art.sentences]


@pytest.mark.parametrize("text", [
    # the procession, the march with its adjective or motive, the gathered crowd
    "انطلقت مواكب من أحياء العاصمة نحو القصر الرئاسي.",
    "وحمل المشاركون في الموكب صور المعتقلين.",
    "مسيرة ضخمة في العاصمة نصرة للأسرى",
    "وقفة صامتة أمام مقر النقابة",
    "احتشد الآلاف في العاصمة في مسيرة تطالب بالإصلاح.",
    "تجمع عدد من الأهالي أمام مبنى المحافظة.",
    # protesters who keep on
    "وقال المصدر إن المحتجين مستمرون في إغلاق الطريق الدولي.",
])
def test_protest_is_told(text):
    types = sentence_types(text)
    assert "PROTEST" in types[0], types


PROTEST_TOLD = "تجمع المئات أمام مبنى البلدية ظهر الأحد. "


@pytest.mark.parametrize("repression", [
    # the police acting on the crowd: the sentence tells the protest with the repression
    "وأطلقت الشرطة الغاز المسيل للدموع بكثافة على المحتجين قرب المدخل.",
    "وفرقت الشرطة المحتجين بالغاز المسيل للدموع.",
    "وأطلقت قوات الأمن، بعد الظهر، الغاز المسيل للدموع في مواجهة متظاهرين في وسط المدينة.",
    "واعتقلت الشرطة عشرات المتظاهرين في ساحة التحرير.",
    "وفرقت قوات الأمن موكبا نظمه طلاب الجامعة.",
])
def test_repression_of_the_protest_is_its_evidence(repression):
    art = coded(PROTEST_TOLD + repression)
    types = sentence_types(PROTEST_TOLD + repression)
    assert types[1] == {"COERCE", "PROTEST"}, types
    assert len([e for e in art.events if e.type == "PROTEST"]) == 1     # one protest, told twice


@pytest.mark.parametrize("repression", [
    # arrests on a charge of protesting, of those who took part: not the protest told now
    "واعتقلت السلطات ناشطا بتهمة المشاركة في احتجاجات العام الماضي.",
    "واعتقلت الشرطة الشبان الذين شاركوا في التظاهرات.",
    "واعتقلت الشرطة مهربا على الحدود الشمالية.",
])
def test_other_arrests_are_not_the_protest(repression):
    types = sentence_types(PROTEST_TOLD + repression)
    assert "PROTEST" not in types[1], types


def test_a_dispersal_alone_is_one_event():
    # with no protest told in words of its own, the crowd is the object of the repression
    assert sentence_types("فرقت الشرطة المتظاهرين بالغاز المسيل للدموع.") == [{"COERCE"}]


def test_protest_named_again_by_its_noun():
    types = sentence_types("تظاهر المئات أمام البرلمان اليوم. وتميزت الوقفة بحضور نواب من المعارضة.")
    assert "PROTEST" in types[1], types


@pytest.mark.parametrize("text", [
    # a motorcade, a funeral, a religious procession
    "خرج موكب الرئيس من القصر متجها إلى المطار.",
    "وشارك الآلاف في موكب تشييع الضحايا.",
    "انطلقت مواكب العزاء الحسينية في كربلاء.",
    # a drone, a career, a call to march
    "أسقطت الدفاعات الجوية مسيرة معادية فوق المدينة.",
    "احتفلت الجامعة بالمسيرة العلمية لأستاذها الراحل.",
    "دعت النقابة إلى مسيرة ضخمة الأسبوع المقبل.",
    # a dispersal told as a recap
    "وكانت الشرطة قد فرقت المتظاهرين الشهر الماضي.",
    # a minister's career
    "وشارك الوزير في مسيرة البناء منذ سنوات.",
])
def test_no_protest(text):
    types = sentence_types(text)
    assert "PROTEST" not in types[0], types


@pytest.mark.parametrize("text", [
    "تظاهر المئات في الساحة. وأسقطت الدفاعات الجوية المسيرة فوق المطار.",
    "تظاهر المئات في الساحة. وانطلق موكب الرئيس بعد الظهر نحو المطار.",
])
def test_other_senses_after_a_protest(text):
    types = sentence_types(text)
    assert "PROTEST" not in types[1], types


# --- a date that names a past event (ثورة 19 ديسمبر، انتفاضة 17 تشرين) does not date the act beside it

def dated_events(text: str, published: str = "2025-12-19") -> list:
    """The events of ``text`` annotated with its dates (no cleaning: the text is the article's)."""
    from marsad.model import Article
    from marsad.pipeline import Pipeline, default_stages

    pipeline = Pipeline([s for s in default_stages() if s[0] != "clean"])
    return pipeline(Article(id="t", text=text, published=published)).events


def test_a_protest_for_the_anniversary_of_a_dated_revolution_is_news():
    events = dated_events("أطلقت قوات الأمن اليوم الجمعة، الغاز المسيل للدموع في مواجهة متظاهرين تجمعوا "
                          "في وسط المدينة لإحياء الذكرى السابعة لثورة 19 ديسمبر 2018.\n"
                          "وقالت الشرطة إن الوضع هادئ.")
    assert {e.type for e in events if e.modality == "asserted"} == {"COERCE", "PROTEST"}, events


def test_a_protest_dated_years_ago_is_still_a_recap():
    events = dated_events("تجمع متظاهرون في ساحة المدينة اليوم الجمعة.\n"
                          "وكان الآلاف قد تظاهروا في العاصمة في 19 ديسمبر 2018 ضد الحكومة.\n"
                          "وخرج الآلاف في مسيرة حاشدة في 19 ديسمبر 2018 ضد الحكومة.")
    told = [e for e in events if e.type == "PROTEST"]
    assert len(told) == 1 and [x.start for x in told[0].evidence] == [0], events   # today's gathering only


# --- more of the lexicon: a protest noun and its organizers, a stand before a building, banners,
# slogans, a place's people gathered before its buildings; the massacre committed in a headline's
# present; تظاهرة in its other sense (a cultural or sports event)

@pytest.mark.parametrize("text, expected", [
    ("بدأت مسيرة نظمتها اللجان الشعبية من وسط المدينة.", "PROTEST"),
    ("وقفة أمام مقر الأمم المتحدة تضامنا مع الأسرى", "PROTEST"),
    ("ورفع المشاركون لافتات تطالب بالإفراج عن المعتقلين.", "PROTEST"),
    ("وحمل الطلاب يافطات تندد بارتفاع الرسوم.", "PROTEST"),
    ("تجمع الأهالي أمام مقر البلدية للمطالبة بإصلاح الطرق.", "PROTEST"),
    ("أشعل شبان غاضبون إطارات السيارات عند مدخل البلدة.", "PROTEST"),
    ("الطيران الحربي يرتكب مجزرة جديدة في ريف المدينة.", "ASSAULT"),
    ("ويقوم المسلح بطعن المارة في الشارع الرئيسي.", "ASSAULT"),
])
def test_more_forms(text, expected):
    assert expected in sentence_types(text)[0], sentence_types(text)


def test_slogans_chanted_are_evidence_of_the_protest_told():
    types = sentence_types("تظاهر المئات أمام البرلمان اليوم. "
                           "وأظهرت مقاطع مصورة عشرات الشبان وهم يرددون شعارات ضد الحكومة.")
    assert "PROTEST" in types[1], types
    # alone, chanting is no protest of its own (a crowd at a ceremony or a match chants too)
    assert sentence_types("وأظهرت مقاطع مصورة عشرات الشبان وهم يرددون شعارات ضد الحكومة.") == [set()]


@pytest.mark.parametrize("text", [
    "انطلقت تظاهرة ثقافية كبرى في المدينة القديمة.",
    "اختتمت التظاهرة الرياضية الدولية بمشاركة عشرين فريقا.",
    "وردد الحضور شعارات وطنية خلال الحفل.",
    "ورددت الجماهير شعارات مؤيدة للفريق.",
    "يحتاج الملف إلى وقفة جادة من الحكومة.",
    "ورفع المحتفلون الأعلام في الساحة.",
])
def test_more_look_alikes(text):
    assert "PROTEST" not in sentence_types(text)[0], sentence_types(text)


def test_the_participants_of_the_protest_told():
    # «المشاركون» after a protest told are its participants; at a conference they are not
    types = sentence_types("تظاهر المئات أمام البرلمان اليوم. كما طالب المشاركون بمحاسبة الفاسدين.")
    assert "PROTEST" in types[1], types
    types = sentence_types("تظاهر المئات أمام البرلمان اليوم. وطالب المشاركون في الندوة المسائية بدعم الصحافة.")
    assert "PROTEST" not in types[1], types
    assert sentence_types("كما طالب المشاركون بمحاسبة الفاسدين.") == [set()]
