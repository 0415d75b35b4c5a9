"""The Levant's -eh for family names in taa marbuta (romanize_levant), its use for
discovered persons of Palestine, Jordan, Lebanon and Syria, the Abdul of a separate
عبد before the article, persons of the base added in round 5, ministers' portfolios of
two words and names with a particle before a complementizer. Names and sentences written
here."""

from __future__ import annotations

import pytest

from marsad.annotate.entities import link_entities
from marsad.annotate.knowledge import load_kb
from marsad.annotate.romanize import romanize, romanize_levant
from marsad.model import Article


@pytest.mark.parametrize("arabic, english", [
    ("سامي شحادة", "Sami Shahadeh"),              # د before ة: -eh
    ("خالد الطراونة", "Khaled al-Tarawneh"),      # with the article too
    ("ماجد أبو عرفة", "Majed Abu Arfeh"),          # after a particle
    ("نبيل دقة", "Nabil Daqa"),                   # after ق the a stays
    ("رامي أبو قصرة", "Rami Abu Qasra"),           # after ر the a stays
    ("زياد حمزة", "Ziad Hamza"),                  # a given name keeps the table's spelling
    ("فاطمة علي", "Fatima Ali"),                  # the first word is never changed
])
def test_levant_spelling(arabic: str, english: str) -> None:
    assert romanize_levant(arabic) == english


def test_the_general_spelling_keeps_a() -> None:
    assert romanize("سامي شحادة") == "Sami Shahada"


def test_abdul_before_the_article() -> None:
    assert romanize("حسن عبد الخالق") == "Hassan Abdul Khaleq"
    assert romanize("عبد الله") == "Abdullah"          # the table still wins
    assert romanize("علي عبد") == "Ali Abd"


def _persons(text: str, published: str = "2024-05-06") -> list:
    """The PERSON entities linked in ``text`` published that day."""
    art = link_entities(Article(id="t", text=text, published=published), kb=load_kb())
    return [e for e in art.entities if e.type == "PERSON"]


def _discovered(text: str, published: str = "2024-05-06") -> list[str]:
    return [e.name_en for e in _persons(text, published) if e.how == "discovered"]


def test_discovered_jordanian_takes_eh() -> None:
    text = "قال وزير الزراعة الأردني سامي شحادة، إن الموسم سيكون جيدا."
    assert _discovered(text) == ["Sami Shahadeh"]


def test_discovered_egyptian_keeps_a() -> None:
    text = "قال وزير الزراعة المصري سامي شحادة، إن الموسم سيكون جيدا."
    assert _discovered(text) == ["Sami Shahada"]


@pytest.mark.parametrize("text, published, kb_id", [
    ("وقال وزير الخزانة الأمريكي ستيفن منوشين إن العقوبات ستستمر.", "2019-03-01", "steven_mnuchin"),
    ("ودافع الرئيس الفرنسي الأسبق نيكولا ساركوزي عن نفسه أمام المحكمة.", "2021-03-01", "nicolas_sarkozy"),
    ("وأعلن وزير الطاقة الإماراتي سهيل المزروعي عن خطة جديدة.", "2023-06-01", "suhail_al_mazrouei"),
    ("وقال رئيس الجامعة الملكية لكرة القدم فوزي لقجع إن الملعب جاهز.", "2024-01-10", "fouzi_lekjaa"),
    ("وافتتحت وزيرة التضامن الاجتماعي مايا مرسي مركزا جديدا للرعاية.", "2025-01-15", "maya_morsy"),
    ("وزار وزير الأشغال العامة والنقل اللبناني فايز رسامني المرفأ صباحا.", "2025-06-01", "fayez_rasamny"),
])
def test_round5_persons_are_linked(text: str, published: str, kb_id: str) -> None:
    assert kb_id in {e.kb_id for e in _persons(text, published)}


@pytest.mark.parametrize("text, name_ar, name_en", [
    # a portfolio of two words (noun and adjective) is a title; the name after it is found
    ("وقال وزير التنمية الاجتماعية الأردني سامر خليل إن الدعم مستمر.", "سامر خليل", "Samer Khalil"),
    ("وقالت وزيرة التضامن الاجتماعي المصرية منى حسين إن الدعم مستمر.", "منى حسين", "Mona Hussein"),
    # a particle's word stays in the name before a complementizer
    ("وقال وزير الصحة الأردني سامر أبو زيد إن المستشفيات جاهزة.", "سامر أبو زيد", "Samer Abu Zaid"),
    # بني + a family name is one name
    ("وقال وزير الزراعة الأردني سامر بني هاني إن الموسم جيد.", "سامر بني هاني", "Samer Bani Hani"),
    ("وقال وزير الزراعة الأردني سامر بني مصطفى إن الموسم جيد.", "سامر بني مصطفى", "Samer Bani Mustafa"),
])
def test_minister_names_after_portfolios_and_particles(text: str, name_ar: str, name_en: str) -> None:
    assert [(e.text, e.name_en) for e in _persons(text)] == [(name_ar, name_en)]


def test_lebanons_interior_portfolio_is_the_interior_ministry() -> None:
    # Lebanon names its interior ministry with the municipalities: still the interior minister
    text = "وصرح وزير الداخلية والبلديات اللبناني بأن البلديات ستنتخب في الربيع."
    assert [e.kb_id for e in _persons(text, "2025-06-01")] == ["ahmad_al_hajjar"]


@pytest.mark.parametrize("text, published, kb_id", [
    ("وقالت المتحدثة باسم البيت الأبيض سارة ساندرز إن الرحلة تأجلت. وأوضحت ساندرز أن السبب هو الطقس.",
     "2018-05-01", "sarah_huckabee_sanders"),
    ("وانتقد السيناتور بيرني ساندرز الموازنة الجديدة. وطالب ساندرز بزيادة الضرائب على الأثرياء.",
     "2024-05-01", "bernie_sanders"),
])
def test_a_shared_family_name_follows_the_full_name(text: str, published: str, kb_id: str) -> None:
    # ساندرز alone names two persons of the base: it is the one the article named in full
    assert {e.kb_id for e in _persons(text, published)} == {kb_id}
