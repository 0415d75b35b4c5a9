"""Persons named by a shortened form of a known full name, and names that continue a
nasab (بن، آل) before a title. Sentences written for these tests."""

from __future__ import annotations

from marsad.annotate.entities import _subsequence, link_entities
from marsad.annotate.knowledge import load_kb
from marsad.model import Article


def persons(text: str, published: str = "2025-03-02") -> list[tuple[str, str | None, str]]:
    art = link_entities(Article(id="t", text=text, published=published), kb=load_kb())
    return [(e.name_en, e.kb_id, e.how) for e in art.entities if e.type == "PERSON"]


def test_subsequence() -> None:
    assert _subsequence(["مشعل", "الصباح"], ("مشعل", "الاحمد", "الجابر", "الصباح"))
    assert not _subsequence(["الصباح", "مشعل"], ("مشعل", "الاحمد", "الجابر", "الصباح"))


def test_given_and_family_name_of_a_known_person() -> None:
    found = persons("وصل الشيخ مشعل الصباح، أمير الكويت، إلى عمّان في زيارة رسمية تستغرق يومين.")
    assert ("Mishal al-Ahmad al-Jaber al-Sabah", "mishal_al_ahmad", "variant") in found
    assert all(kb_id for _, kb_id, _ in found), found


def test_a_shortened_name_shared_by_two_persons_stays_unknown() -> None:
    # several al-Sabah ministers are called Ahmad: the short form names none of them for sure
    found = persons("قال أحمد الصباح، مدير الشركة الوطنية للنقل، إن الرحلات ستستأنف غدا.")
    assert not any(kb_id and kb_id.startswith("ahmad") for _, kb_id, _ in found), found


def test_no_name_starts_inside_a_nasab() -> None:
    found = persons("بحث الشيخ محمد بن زايد آل نهيان، رئيس الإمارات، مع ضيفه ملف الطاقة.")
    assert all(how != "discovered" for _, _, how in found), found
    assert ("Mohamed bin Zayed Al Nahyan", "mohamed_bin_zayed", "name") in found


def test_holder_named_with_a_garbled_middle() -> None:
    # the holder's given and family names around a wrong middle name: the holder, not a new person
    found = persons("تلقى ولي العهد السعودي اتصالا من أمير قطر تميم حمد بن خليفة آل ثاني أمس.")
    assert ("Tamim bin Hamad Al Thani", "tamim_bin_hamad", "variant") in found
    assert all(how != "discovered" for _, _, how in found), found


def test_a_known_full_name_ending_an_unknown_one() -> None:
    # «سلطان عمان»: the word after the title is no part of the name that follows it
    found = persons("وبحث سلطان عمان قابوس بن سعيد، خلال لقاء في صلالة، التعاون مع الهند.", published="2015-05-04")
    assert ("Qaboos bin Said", "qaboos_bin_said", "name") in found
    assert all(how != "discovered" for _, _, how in found), found


def test_a_known_name_after_a_governed_title_and_a_second_title() -> None:
    # «شقيق العاهل»: the name after the phrase is not the brother's here, «الملك» names the king
    found = persons("وأوضح الأمير، وهو الشقيق الأصغر للعاهل الأردني الملك عبد الله الثاني، أنه سيزور القاهرة.",
                    published="2021-04-04")
    assert ("Abdullah II", "abdullah_ii", "name") in found


def test_title_and_the_holders_given_name() -> None:
    found = persons("وشارك ولي العهد الأردني الأمير الحسين في افتتاح المعرض صباح الأحد.",
                    published="2025-05-06")
    assert ("Hussein bin Abdullah", "crown_prince_hussein_jordan", "short") in found
    # a given name that opens a longer name is not the holder's short form
    found = persons("قال ولي العهد الأردني الأمير الحسين بن طلال في رسالة قديمة.", published="2025-05-06")
    assert ("Hussein bin Abdullah", "crown_prince_hussein_jordan", "short") not in found


def test_a_town_name_that_is_also_a_family_name_after_a_given_name() -> None:
    # «سالم» is a town in India in the base, but after a given name it ends a person's name
    found = persons("قال الصحافي ممدوح سالم إن الوضع صعب في المدينة.")
    assert ("Mamdouh Salem", None, "discovered") in found
    art = link_entities(Article(id="t", text="زار الوفد مدينة سالم في الهند.", published="2025-03-02"),
                        kb=load_kb())
    assert [e.name_en for e in art.entities if e.type == "LOC"] == ["Salem"]


def test_an_adjective_of_the_description_before_the_name() -> None:
    found = persons("احتجزت الشرطة المصور المستقل وائل قاسم في الخليل.")
    assert [n for n, _, how in found if how == "discovered"] == ["Wael Qassem"], found
    found = persons("أوقفت السلطات المحامي إسلام سالم بعد جلسة المحكمة.")
    assert [n for n, _, how in found if how == "discovered"] == ["Islam Salem"], found


def test_a_name_ends_before_a_speech_verb_and_its_adverb() -> None:
    found = persons("وكتب الكاتب الصحفي سامر الحلبي علق قائلا إن الأمر مفاجئ.")
    assert [n for n, _, how in found if how == "discovered"] == ["Samer al-Halbi"], found


def test_brothers_named_with_a_known_family_name() -> None:
    found = persons("وقالت المصادر إن سامر وأمير ومحمد هنية أصيبوا في الغارة على المخيم.", published="2024-04-10")
    assert [n for n, _, how in found if how == "discovered"] == ["Samer Haniyeh", "Amir Haniyeh", "Mohammed Haniyeh"]
    # one given name before a known family name is anyone of that name, and the leader's own
    # given name is the leader
    found = persons("وقالت لونا شكري إن الرحلة أُلغيت.")
    assert not any(n.endswith("Shoukry") for n, _, _ in found), found
    found = persons("وقال إسماعيل هنية إن الحركة مستمرة.", published="2024-04-10")
    assert found == [("Ismail Haniyeh", "ismail_haniyeh", "name")]


def test_a_shortened_name_of_another_country_stays_unknown() -> None:
    # محمد الجلالي shortens the Syrian prime minister's name, but the text makes him Iraqi
    found = persons("قال محمد الجلالي، وزير الصحة العراقي، إن المستشفيات جاهزة.")
    assert not any(kb_id == "mohammad_ghazi_al_jalali" for _, kb_id, _ in found), found
    found = persons("قال محمد الجلالي، رئيس الوزراء السوري، إن الحكومة ستسلم السلطة.", published="2024-12-09")
    assert any(kb_id == "mohammad_ghazi_al_jalali" for _, kb_id, _ in found), found
