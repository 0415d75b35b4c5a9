"""The Persian spelling of Iranian names the base does not know (romanize_persian), and
its use for discovered persons whose role is Iranian. Names and sentences written here."""

from __future__ import annotations

import pytest

from marsad.annotate.entities import link_entities
from marsad.annotate.knowledge import load_kb
from marsad.annotate.romanize import romanize, romanize_persian
from marsad.model import Article


@pytest.mark.parametrize("arabic, english", [
    ("حسين كريمي", "Hossein Karimi"),            # حسين is Hossein for an Iranian
    ("محمد رضا طاهري", "Mohammad Reza Taheri"),  # compound given name; فاعل + ي takes e
    ("رضا نوري زاده", "Reza Nourizadeh"),        # و between consonants ou, زاده joined
    ("مهدي موسوي", "Mehdi Mousavi"),              # final وي after a consonant: avi
    ("علي قاسم بور", "Ali Qasempour"),            # a given name of the table, بور joined as -pour
    ("ناصر قنبري", "Nasser Ghanbari"),            # ق gh
    ("علي طائي", "Ali Taei"),                     # ئي is ei
])
def test_persian_spelling(arabic: str, english: str) -> None:
    assert romanize_persian(arabic) == english


def test_the_arabic_spelling_is_unchanged() -> None:
    assert romanize("حسين كريمي") == "Hussein Karimi"
    assert romanize("سالم بدوي") == "Salem Badawi"


def test_empty_name_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        romanize_persian("  ")


def test_discovered_iranian_takes_the_persian_spelling() -> None:
    text = "قال السفير الإيراني في بيروت حسين كريمي، إن بلاده لن ترد الآن."
    art = link_entities(Article(id="t", text=text, published="2024-04-02"), kb=load_kb())
    names = [e.name_en for e in art.entities if e.type == "PERSON" and e.how == "discovered"]
    assert names == ["Hossein Karimi"], names
