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
    ("وحضر الاجتماع المستشار في الوزارة الدكتورة هالة سالم، وعدد من الموظفين.", ["Hala Salem"]),
    # a noun of office, the body it governs, then a name that ends at a comma or before إن
    ("وقال عضو المجلس البلدي خالد منصور، إن الأعمال ستبدأ الأسبوع المقبل.", ["Khaled Mansour"]),
    ("وقال وكيل الجامعة للشؤون الأكاديمية سامي حسن إن الامتحانات تأجلت.", ["Sami Hassan"]),
    ("وقال مستشار الهيئة الخيرية رجب زبيدة: إن القافلة وصلت.", ["Rajab Zubaida"]),
])
def test_names_after_honorifics_and_offices(text: str, names: list[str]) -> None:
    assert _discovered(text) == names


@pytest.mark.parametrize("text", [
    # a family name the table does not spell: the honorific alone is no evidence enough
    "والتقى الوفد المهندس كرم الزعبلاوي في مقر الشركة.",
    # an honorific before a noun
    "وقدم السيد الرئيس التهنئة للفائزين.",
    # no clear end after the name: the words run on into the sentence
    "وزار عضو المجلس البلدي خالد منصور المدرسة الجديدة.",
])
def test_no_name_without_evidence(text: str) -> None:
    assert _discovered(text) == []


def test_an_office_noun_opens_no_list_item() -> None:
    # «، ومدير إدارة …» is the next person's description, not a name of the list
    text = "وحضر اللقاء الدكتورة منال رضوان، ومدير إدارة المشرق العربي في الوزارة."
    assert _discovered(text) == ["Manal Radwan"]


@pytest.mark.parametrize("arabic, english", [
    ("رجب زبيدة", "Rajab Zubaida"),
    ("مجاهد سالم", "Mujahid Salem"),
    ("بابكر مسعود", "Babiker Masoud"),
    ("علاء فاروق", "Alaa Farouk"),
])
def test_given_names_of_the_table(arabic: str, english: str) -> None:
    assert romanize(arabic) == english
