"""Round 6 (issue 11): persons the base does not know, named after an honorific or a
noun of office in construct with the body it governs, and given names of the table.
Sentences and names written here, in the style of regional news."""

from __future__ import annotations

import pytest

from marsad.annotate.entities import link_entities
from marsad.annotate.knowledge import load_kb
from marsad.annotate.romanize import romanize
from marsad.model import Article


def _discovered(text: str) -> list[str]:
    art = link_entities(Article(id="t", text=text, published="2024-05-06"), kb=load_kb())
    return [e.name_en for e in art.entities if e.type == "PERSON" and e.how == "discovered"]


@pytest.mark.parametrize("text, names", [
    # an honorific before a name made of given names of the table
    ("وشارك في الندوة الدكتورة سعاد منصور، أستاذة الاقتصاد في الجامعة.", ["Souad Mansour"]),
    # the title took the honorific as its qualifier and linked no name: the honorific opens it
    ("وجلس في الصف الأول المستشار في الوزارة الدكتورة هالة سالم، إلى جانب المتطوعين.", ["Hala Salem"]),
    # a noun of office, the body it governs, then a name that ends at a comma or before إن
    ("وقال عضو المجلس البلدي خالد منصور، إن الأعمال ستبدأ الأسبوع المقبل.", ["Khaled Mansour"]),
    ("وقال وكيل الجامعة للشؤون الأكاديمية سامي حسن إن الامتحانات تأجلت.", ["Sami Hassan"]),
    ("وأوضح مستشار النقابة المهنية بابكر مسعود: إن الإضراب انتهى.", ["Babiker Masoud"]),
])
def test_names_after_honorifics_and_offices(text: str, names: list[str]) -> None:
    assert _discovered(text) == names


@pytest.mark.parametrize("text", [
    # a family name the table does not spell: the honorific alone is no evidence enough
    "والتقى الوفد المهندس خالد الزعبلاوي في مقر الشركة.",
    # an honorific before a noun
    "وقدم السيد الرئيس التهنئة للفائزين.",
    # no clear end after the name: the words run on into the sentence
    "وزار عضو المجلس البلدي خالد منصور المدرسة الجديدة.",
    # a given name that is also an everyday noun, here the verb's object: no name
    "وقرأ مدير المسجد الكبير دعاء الختام، ثم انصرف.",
    "وحيا عضو المجلس الثوري هبة القدس، مؤكدا أنها مستمرة.",
    "وامتدح مدير السياحة الإقليمي جمال الطبيعة، وقال إن المنطقة جذابة.",
    # the one a place is named after, not the holder of the office
    "وقال مدير مستشفى الشهيد محمد الدرة، إن الحالات حرجة.",
    "وقال مدير مركز الدكتور حيدر عبد الشافي، إن الندوة تأجلت.",
])
def test_no_name_without_evidence(text: str) -> None:
    assert _discovered(text) == []


def test_an_everyday_noun_given_name_opens_a_table_spelt_name() -> None:
    # نور opens a name after an office when every word of it is in the table
    text = "وقال مدير المركز الثقافي نور الدين حسن، إن المعرض يفتح غدا."
    assert _discovered(text) == ["Nour al-Din Hassan"]


def test_an_office_noun_opens_no_list_item() -> None:
    # «، ومدير إدارة …» is the next person's description, not a name of the list
    text = "وحضر اللقاء الدكتورة سعاد منصور، ومدير إدارة المياه في البلدية."
    assert _discovered(text) == ["Souad Mansour"]


@pytest.mark.parametrize("arabic, english", [
    ("رجب زبيدة", "Rajab Zubaida"),
    ("هبة طاهر", "Heba Taher"),
    ("مجاهد سالم", "Mujahid Salem"),
    ("بابكر مسعود", "Babiker Masoud"),
    ("علاء فاروق", "Alaa Farouk"),
])
def test_given_names_of_the_table(arabic: str, english: str) -> None:
    assert romanize(arabic) == english
