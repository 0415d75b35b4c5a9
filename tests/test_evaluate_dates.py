"""How ``marsad evaluate`` matches a gold date expression to the pipeline's output."""

from __future__ import annotations

from marsad.evaluate import date_found
from marsad.model import Article, DateMention


def article(text: str, mentions: list[tuple[str, str | None, str | None]], *, published: str | None = None,
            boilerplate: list[str] | None = None) -> Article:
    art = Article(id="t", raw=text, text=text, published=published, boilerplate=boilerplate or [])
    for phrase, value, end_value in mentions:
        start = text.index(phrase)
        art.dates.append(DateMention(start=start, end=start + len(phrase), text=phrase, value=value,
                                     end_value=end_value))
    return art


def test_a_mention_that_holds_the_gold_text_or_is_held_by_it():
    art = article("وصل الوفد مساء يوم الخميس إلى العاصمة", [("مساء يوم الخميس", "2024-05-02", None)])
    assert date_found({"text": "يوم الخميس", "iso": "2024-05-02"}, art)
    assert not date_found({"text": "يوم الخميس", "iso": "2024-05-03"}, art)
    art = article("وصل الوفد الخميس إلى العاصمة", [("الخميس", "2024-05-02", None)])
    assert date_found({"text": "يوم الخميس", "iso": "2024-05-02"}, art)


def test_the_end_of_a_range():
    art = article("جرت المحادثات من 6 إلى 10 آذار 2023 في العاصمة",
                  [("من 6 إلى 10 آذار 2023", "2023-03-06", "2023-03-10")])
    assert date_found({"text": "10 آذار 2023", "iso": "2023-03-10"}, art)
    assert date_found({"text": "من 6 إلى 10 آذار 2023", "iso": "2023-03-06"}, art)
    assert not date_found({"text": "من 6 إلى 10 آذار 2023", "iso": "2023-03-10"}, art)


def test_a_removed_date_line_that_became_the_publication_date():
    text = "أعلنت الوزارة اليوم الأحد خطة جديدة"
    art = article(text, [], published="2025-08-31", boilerplate=["date 2025-08-31 صنعاء -"])
    assert date_found({"text": "2025-08-31", "iso": "2025-08-31"}, art)
    assert not date_found({"text": "2025-08-30", "iso": "2025-08-30"}, art)
    art = article(text, [], published="2025-09-01", boilerplate=["date 2025-08-31 صنعاء -"])
    assert not date_found({"text": "2025-08-31", "iso": "2025-08-31"}, art)


def test_a_publication_date_from_the_url_does_not_stand_for_a_removed_date_line():
    art = article("أعلنت الوزارة اليوم الأحد خطة جديدة", [], published="2025-08-31",
                  boilerplate=["date 2025-08-31 صنعاء -"])
    art.provenance["published"] = "url"
    assert not date_found({"text": "2025-08-31", "iso": "2025-08-31"}, art)
    art.provenance["published"] = "dateline"
    assert date_found({"text": "2025-08-31", "iso": "2025-08-31"}, art)
