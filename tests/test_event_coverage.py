"""Coverage of the rarer PLOVER types by CAMEO category (aid vehicles and donations, surrender
and leaving bases, pardons and conditional release, appeals, recalls and expulsions, objecting):
our own news-style sentences, one per verb or verbal noun added to ``triggers.json``, and the
words those forms must not swallow (a verbal noun that looks like a verb with a pronoun)."""

from __future__ import annotations

import pytest
from coded_sentences import asserted_types


@pytest.mark.parametrize("text, expected", [
    # AID 070/073: the vehicle of the aid, a donation by its amount, a relief campaign
    ("وصلت إلى مطار العاصمة أمس طائرة إغاثية تحمل أدوية وخياما للمتضررين من الفيضانات.", "AID"),
    ("انطلقت صباح اليوم القافلة الخامسة للمساعدات باتجاه المدينة المحاصرة.", "AID"),
    ("تبرعت الحكومة اليابانية بأكثر من مليوني دولار لصالح اللاجئين في المخيمات.", "AID"),
    ("وأطلقت الجمعية حملة لإغاثة المتضررين من الزلزال في القرى الجبلية.", "AID"),
    # RETREAT 0874: leaving a base, pulling out equipment, surrender
    ("أخلت القوات الأجنبية قاعدة عسكرية قرب الحدود الشمالية يوم الأحد.", "RETREAT"),
    ("وسحبت الكتيبة آلياتها الثقيلة من أطراف البلدة فجر اليوم.", "RETREAT"),
    ("واستسلم عشرات المسلحين للجيش بعد حصار دام أسبوعين.", "RETREAT"),
    ("وسلم المقاتلون أسلحتهم إلى لجنة المصالحة في المدينة.", "RETREAT"),
    # CONCEDE: a pardon granted, conditional release, yielding to demands
    ("منح الملك عفوا عن مئات السجناء بمناسبة العيد الوطني.", "CONCEDE"),
    ("واستفاد مئة سجين آخرين من الإفراج المشروط هذا الأسبوع.", "CONCEDE"),
    ("ألغت البلدية قرار رفع الرسوم استجابة لمطالب التجار المحتجين.", "CONCEDE"),
    ("وضع رئيس الحكومة استقالته تحت تصرف رئيس الجمهورية مساء الخميس.", "CONCEDE"),
    # REQUEST 020: appeals and cries for help
    ("أهابت وزارة الصحة بالمواطنين التقيد بإجراءات الوقاية.", "REQUEST"),
    ("استغاث سكان الحي بفرق الدفاع المدني بعد انهيار المبنى.", "REQUEST"),
    ("وجددت المنظمة دعوتها المجتمع الدولي لوقف الانتهاكات بحق المدنيين.", "REQUEST"),
    # SANCTION 161/166: recalling an envoy, ending an accreditation, expelling a mission
    ("أبلغت الخارجية سفيرها في العاصمة المجاورة بالعودة فورا احتجاجا على التصريحات.", "SANCTION"),
    ("وطردت الحكومة الملحق العسكري للسفارة بعد اتهامه بالتجسس.", "SANCTION"),
    # REJECT 120: objecting and opposing
    ("وقد اعترضت على مشروع قانون الموازنة كتل نيابية عدة في جلسة الأمس.", "REJECT"),
    ("وعارضت الدول الثلاث مشروع القرار خلال التصويت.", "REJECT"),
    ("وصوتت ثلاث دول ضد مشروع القرار في الجمعية العامة.", "REJECT"),
    # AGREE 031/038: accepting a plan or a mediation
    ("ووافقت الحكومة على المقترح الذي قدمه الوسطاء لإنهاء الأزمة.", "AGREE"),
    ("وقبلت الحركة الوساطة القطرية بعد أسابيع من الجمود.", "AGREE"),
    # AID 072: an arms sale
    ("وأعلنت الوزارة إبرام صفقة بيع مقاتلات وذخائر للقوات الجوية في البلد الحليف.", "AID"),
    # SANCTION 164: halting talks
    ("وعلقت الحكومة المفاوضات مع النقابات إلى أجل غير مسمى.", "SANCTION"),
    # THREATEN 1312: brandishing sanctions
    ("ولوح الاتحاد الأوروبي بفرض قيود تجارية على الشركات المخالفة.", "THREATEN"),
])
def test_rarer_types_are_found(text, expected):
    assert expected in asserted_types(text), asserted_types(text)


@pytest.mark.parametrize("text, wrong", [
    # a verbal noun is not a verb with a pronoun: إغاثة is not أغاث+ه, التمسك not التمس+ك
    ("وقدرت الكميات التي خرجت من الموانئ منذ بداية العام بآلاف الأطنان من مواد غذائية وإغاثة.", "AID"),
    ("وأكد المتحدثون في الحفل أهمية التمسك بالأرض والهوية.", "REQUEST"),
    # a player objecting to the referee is sport, not a rejection
    ("واعترض لاعبو الفريق على قرار الحكم في الدقيقة الأخيرة من المباراة.", "REJECT"),
])
def test_lookalikes_are_not_taken(text, wrong):
    assert wrong not in asserted_types(text), asserted_types(text)
