"""Tests for the Arabic temporal tagger (marsad.annotate.dates)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from marsad.annotate.dates import (clause_date, default_event_date, find_dates,
                                   resolve_with_story_date, tag_dates)
from marsad.model import Article, Sentence

SUITE = Path(__file__).parent / "data" / "dates_suite.txt"
HELDOUT = Path(__file__).parent / "data" / "dates_heldout.txt"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GRAIN = {10: "day", 7: "month", 4: "year"}


def load_suite(path: Path = SUITE) -> list[dict]:
    """Cases of the suite file: anchor, sentence and expected mentions."""
    cases = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        anchor, sentence, expected = (part.strip() for part in line.split("|"))
        mentions = []
        if expected != "-":
            for item in expected.split(";;"):
                text, value = (p.strip() for p in item.split("=>"))
                start, _, end = value.partition("..")
                value = None if start == "null" else start
                mentions.append({"text": text, "value": value, "end_value": end or None,
                                 "grain": GRAIN[len(start)] if value else None})
        cases.append({"line": lineno,
                      "anchor": None if anchor == "none" else dt.date.fromisoformat(anchor),
                      "sentence": sentence, "expected": mentions})
    return cases


CASES = load_suite()
HELDOUT_CASES = load_suite(HELDOUT)


def test_suite_is_big_enough():
    expressions = sum(max(1, len(c["expected"])) for c in CASES)
    assert expressions >= 300


@pytest.mark.parametrize("case", CASES + HELDOUT_CASES,
                         ids=[f"suite{c['line']}" for c in CASES] + [f"heldout{c['line']}" for c in HELDOUT_CASES])
def test_suite_case(case):
    found = find_dates(case["sentence"], case["anchor"])
    for m in found:
        assert case["sentence"][m.start:m.end] == m.text
    got = [(m.text, m.value, m.end_value) for m in found]
    want = [(e["text"], e["value"], e["end_value"]) for e in case["expected"]]
    assert got == want
    for m, e in zip(found, case["expected"]):
        if e["grain"]:
            assert m.grain == e["grain"]
        if e["value"] is None:
            assert m.relative, "an unresolved mention must be marked relative"


# ------------------------------------------------------------------ seeds


def _seed_gold() -> dict:
    path = SEEDS / "gold.json"
    if not path.exists():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return json.loads(path.read_text(encoding="utf-8"))["articles"]


def test_seed_gold_dates():
    """Every gold date of the seeds, on the raw seed text (the text stage is not used).
    An article without a publication date is anchored on its story's date; 001's
    gold (the fall of Assad) is only reachable with a date in early 2025 too."""
    gold = _seed_gold()
    story_date = dt.date(2025, 2, 12)
    checked = 0
    for art_id, g in gold.items():
        text = (SEEDS / f"{art_id}.txt").read_text(encoding="utf-8")
        anchor = dt.date.fromisoformat(g["published"]) if g["published"] else story_date
        found = find_dates(text, anchor)
        by_text: dict[str, list[str | None]] = {}
        for m in found:
            assert text[m.start:m.end] == m.text
            by_text.setdefault(m.text, []).append(m.value)
        for d in g["dates"]:
            assert d["iso"] in by_text.get(d["text"], []), (art_id, d, by_text)
            checked += 1
    assert checked > 0


# ------------------------------------------------------------------ stage and passes


def _article(text: str, published: str | None) -> Article:
    return Article(id="t1", text=text, published=published)


def test_tag_dates_with_publication_date():
    art = tag_dates(_article("قال الوزير أمس إن الاتفاق وُقّع في 5 مارس 2023.", "2025-02-12"))
    assert [(d.text, d.value, d.anchor) for d in art.dates] == [
        ("أمس", "2025-02-11", "published"), ("5 مارس 2023", "2023-03-05", "absolute")]


def test_tag_dates_accepts_iso_datetime_and_ignores_coarse_dates():
    art = tag_dates(_article("أعلنت الوزارة اليوم النتائج.", "2025-02-12T09:30:00+03:00"))
    assert art.dates[0].value == "2025-02-12"
    art = tag_dates(_article("أعلنت الوزارة اليوم النتائج.", "2025-02"))
    assert art.dates[0].value is None and art.dates[0].anchor == "story"


def test_second_pass_uses_story_date():
    art = tag_dates(_article("أجرى الرئيس اليوم الأربعاء اتصالا بنظيره. وزار الوفد دمشق "
                             "في يناير الماضي وفي 5 مارس 2023.", None))
    assert [d.value for d in art.dates] == [None, None, "2023-03-05"]
    resolve_with_story_date(art, "2025-02-12")
    assert [(d.value, d.anchor) for d in art.dates] == [
        ("2025-02-12", "story"), ("2025-01", "story"), ("2023-03-05", "absolute")]
    assert default_event_date(art) == "2025-02-12"


def test_second_pass_rejects_bad_story_date():
    art = tag_dates(_article("وصل الوفد أمس.", None))
    with pytest.raises(ValueError, match="t1"):
        resolve_with_story_date(art, "February")


def test_find_dates_rejects_bad_anchor():
    with pytest.raises(TypeError, match="anchor"):
        find_dates("وصل الوفد أمس.", "2025-02-12")  # type: ignore[arg-type]


def test_weekday_date_disagreement_is_noted():
    [m] = find_dates("أُعلن الاتفاق الثلاثاء 12 فبراير 2025.", dt.date(2025, 2, 12))
    assert m.value == "2025-02-12" and "Tuesday" in m.note


def test_offsets_survive_diacritics_and_tatweel():
    text = "يصل الوفد غـداً الخميس إلى العاصمة."
    [m] = find_dates(text, dt.date(2025, 2, 12))
    assert m.text == "غـداً الخميس" and text[m.start:m.end] == m.text and m.value == "2025-02-13"


# ------------------------------------------------------------------ clause dates


def _annotated(text: str, published: str = "2025-02-12") -> Article:
    art = _article(text, published)
    art.sentences = []
    start = 0
    for i, ch in enumerate(text):
        if ch == ".":
            art.sentences.append(Sentence(start, i + 1, text[start:i + 1]))
            start = i + 2
    return tag_dates(art)


def test_clause_date_prefers_own_clause():
    text = "أعلن الكرملين اليوم أن الوفد زار دمشق في 28 يناير الماضي."
    art = _annotated(text)
    visit = text.index("زار")
    announce = text.index("أعلن")
    assert clause_date(art, visit, visit + 3).value == "2025-01-28"
    assert clause_date(art, announce, announce + 4).value == "2025-02-12"


def test_clause_date_keeps_the_report_day_apart_from_the_reported_day():
    # «أعلن X [day1] أن Y حدث [day2]»: the reported event is dated day2, the report day1
    text = "أعلن الجيش الخميس أن قائد المجموعة قتل في اشتباك مع دورية قرب الحدود الأربعاء."
    art = _annotated(text, published="2025-02-14")   # a Friday
    killed = text.index("قتل")
    announce = text.index("أعلن")
    assert clause_date(art, killed, killed + 3).value == "2025-02-12"
    assert clause_date(art, announce, announce + 4).value == "2025-02-13"
    # one date only: it still dates the reported event (nothing better on its side)
    text = "أعلن الجيش الخميس أن قائد المجموعة قتل في اشتباك قرب الحدود."
    art = _annotated(text, published="2025-02-14")
    killed = text.index("قتل")
    assert clause_date(art, killed, killed + 3).value == "2025-02-13"


def test_clause_date_skips_date_of_a_subordinate_clause():
    text = "بعد سقوط النظام في 8 ديسمبر الماضي، بدأت موسكو مراجعة علاقاتها."
    art = _annotated(text)
    began = text.index("بدأت")
    assert clause_date(art, began, began + 4) is None
    fall = text.index("سقوط")
    assert clause_date(art, fall, fall + 4).value == "2024-12-08"


def test_clause_date_none_without_dates_and_date_across_commas():
    text = "تبادل الطرفان وجهات النظر. وجّه الرئيس، اليوم، الأربعاء 12 من شباط، دعوة للوزير."
    art = _annotated(text)
    assert clause_date(art, 0, 5) is None
    invite = text.index("وجّه")
    assert clause_date(art, invite, invite + 4).value == "2025-02-12"


def test_clause_date_rejects_span_outside_text():
    art = _annotated("وصل الوفد أمس.")
    with pytest.raises(ValueError, match="span"):
        clause_date(art, 5, 500)


def test_clause_date_reads_a_long_span_as_ending_at_the_trigger():
    text = "بعد سقوط النظام في 8 ديسمبر الماضي، بدأت موسكو مراجعة علاقاتها."
    art = _annotated(text)
    began_end = text.index("بدأت") + 4
    assert clause_date(art, 0, began_end) is None
    text = "وفي 28 من كانون الثاني الماضي، التقى وفد روسي بالرئيس في دمشق."
    art = _annotated(text)
    met_end = text.index("التقى") + 5
    assert clause_date(art, 0, met_end).value == "2025-01-28"
    assert clause_date(art, met_end - 5, met_end).value == "2025-01-28"


def test_default_event_date_is_publication_date():
    assert default_event_date(_article("نص", "2025-02-12T10:00:00Z")) == "2025-02-12"
    assert default_event_date(tag_dates(_article("وصل الوفد أمس.", None))) is None


def test_clause_date_prefers_a_day_phrase_over_a_framing_year():
    text = "أطلقت القوات، مساء الثلاثاء، عشرات الصواريخ في ثاني هجوم من نوعه هذا العام."
    art = _annotated(text)
    attack = text.index("هجوم")
    fired = text.index("أطلقت")
    assert clause_date(art, attack, attack + 4).value == "2025-02-11"
    assert clause_date(art, fired, fired + 5).value == "2025-02-11"


def test_clause_date_keeps_a_year_when_it_is_the_only_date():
    text = "سجلت البلاد هذا العام أكبر عدد من الزوار."
    art = _annotated(text)
    recorded = text.index("سجلت")
    assert clause_date(art, recorded, recorded + 4).value == "2025"


def test_clause_date_ignores_a_deadline():
    text = "هدد الرئيس، مساء الاثنين، بإلغاء الاتفاق إذا لم يفرج الخاطفون عن الرهائن بحلول ظهر السبت."
    art = _annotated(text)
    assert [d.note for d in art.dates if d.text == "ظهر السبت"] == ["deadline"]
    threat = text.index("هدد")
    assert clause_date(art, threat, threat + 3).value == "2025-02-10"
    text = "الرئيس يمهل الخاطفين حتى السبت."
    art = _annotated(text)
    assert [d.value for d in art.dates] == ["2025-02-15"]
    gives = text.index("يمهل")
    assert clause_date(art, gives, gives + 4) is None


def test_clause_date_attaches_a_fronted_date_before_a_later_year():
    text = "وفي 28 يناير، التقى الوزير نظيره الذي زار القاهرة عام 2019."
    art = _annotated(text)
    met = text.index("التقى")
    assert clause_date(art, met, met + 5).value == "2025-01-28"
    visited = text.index("زار")
    assert clause_date(art, visited, visited + 3).value == "2019"


def test_anaphoric_day_follows_the_previous_date_and_the_story_anchor():
    text = "قصفت الطائرات الميناء أمس، وفي اليوم نفسه أعلنت الجماعة وقف الهجمات."
    art = tag_dates(_article(text, None))
    assert [(d.text, d.value, d.anchor) for d in art.dates] == [
        ("أمس", None, "story"), ("اليوم نفسه", None, "story")]
    # the story's day is the shelling's: a report saying "أمس" was written the day after
    resolve_with_story_date(art, "2025-05-07")
    assert [d.value for d in art.dates] == ["2025-05-07", "2025-05-07"]
    dated = tag_dates(_article(text, "2025-05-07"))
    assert [(d.value, d.anchor) for d in dated.dates] == [("2025-05-06", "published"), ("2025-05-06", "text")]


# ------------------------------------------------------------------ the day the text was written


def test_story_pass_finds_the_writing_day_from_weekdays():
    # a Wednesday event (2025-02-12); the article says "yesterday Wednesday": written on Thursday
    art = tag_dates(_article("التقى الرئيس أمس الأربعاء وفدا برلمانيا، ويزور الوفد اليوم الخميس "
                             "المدينة القديمة.", None))
    resolve_with_story_date(art, "2025-02-12")
    assert [(d.text, d.value, d.anchor) for d in art.dates] == [
        ("أمس الأربعاء", "2025-02-12", "story"), ("اليوم الخميس", "2025-02-13", "story")]
    assert default_event_date(art) == "2025-02-13"


def test_story_pass_today_weekday_before_the_story_date():
    # a preview written on Monday of a Wednesday (2025-02-12) meeting
    art = tag_dates(_article("أعلنت الرئاسة اليوم الاثنين أن القمة تعقد بعد غد.", None))
    resolve_with_story_date(art, "2025-02-12")
    assert [d.value for d in art.dates] == ["2025-02-10", "2025-02-12"]


def test_story_pass_puts_the_relative_days_on_the_story_day():
    # no weekday to go by: the writing day is the one under which the text's relative days
    # name the story's day (its event's), here the day before the page was written
    art = tag_dates(_article("اقتحمت القوات البلدة أمس واعتقلت عددا من الشبان، وقال شهود إن "
                             "المواجهات استمرت حتى المساء.", None))
    resolve_with_story_date(art, "2025-03-04")
    assert [(d.text, d.value) for d in art.dates] == [("أمس", "2025-03-04")]
    # a preview: "غدا" names the story's day, written the day before it
    art = tag_dates(_article("يصل وزير الخارجية غدا إلى العاصمة في زيارة رسمية.", None))
    resolve_with_story_date(art, "2025-03-04")
    assert [(d.text, d.value) for d in art.dates] == [("غدا", "2025-03-04")]
    # a weekday that disagrees still wins over this: "أمس الأحد" of a Tuesday story
    art = tag_dates(_article("وقعت الاشتباكات أمس الأحد في ضواحي المدينة.", None))
    resolve_with_story_date(art, "2025-03-04")
    assert art.dates[0].value == "2025-03-02"


def test_story_pass_without_weekdays_keeps_the_story_date():
    art = tag_dates(_article("وصل الوفد اليوم إلى العاصمة بعد زيارة الشهر الماضي.", None))
    resolve_with_story_date(art, "2025-02-12")
    assert [d.value for d in art.dates] == ["2025-02-12", "2025-01"]


def test_writing_day_before_a_later_page_date():
    # "today Sunday" on a page dated Monday 2025-04-28: the relative dates count from Sunday
    art = tag_dates(_article("أعلن الجيش اليوم الأحد أنه اعترض طائرة مسيرة أمس.", "2025-04-28"))
    assert [(d.text, d.value, d.anchor) for d in art.dates] == [
        ("اليوم الأحد", "2025-04-27", "published"), ("أمس", "2025-04-26", "published")]
    assert default_event_date(art) == "2025-04-27"
    # a weekday that agrees with the page date changes nothing
    art = tag_dates(_article("أعلن الجيش اليوم الاثنين أنه اعترض طائرة مسيرة أمس.", "2025-04-28"))
    assert [d.value for d in art.dates] == ["2025-04-28", "2025-04-27"]
    # up to three days back ("اليوم الجمعة" on a Monday page), no further: then the page
    # date stays and the disagreement is noted
    art = tag_dates(_article("أعلن الجيش اليوم الجمعة أنه اعترض طائرة مسيرة.", "2025-04-28"))
    assert art.dates[0].value == "2025-04-25"
    art = tag_dates(_article("أعلن الجيش اليوم الخميس أنه اعترض طائرة مسيرة.", "2025-04-28"))
    assert art.dates[0].value == "2025-04-28" and art.dates[0].note.startswith("weekday Thursday")


def test_a_bare_month_after_wa_fi_and_a_spaced_numeric_date():
    anchor = dt.date(2025, 11, 2)
    found = find_dates("وفي أغسطس/آب، قصفت الطائرات مواقع عدة. وفي أكتوبر/تشرين الأول، أفرج عن موظفين.", anchor)
    assert [(d.text, d.value) for d in found] == [("أغسطس/آب", "2025-08"), ("أكتوبر/تشرين الأول", "2025-10")]
    found = find_dates("وصل الرئيس إلى العاصمة، 04/22/ 2024 (وكالات)", anchor)
    assert [(d.text, d.value) for d in found] == [("04/22/ 2024", "2024-04-22")]
    assert find_dates("وعد الوزير بإصلاحات", anchor) == []


def test_a_day_and_month_without_a_year_after_since_is_the_past_one():
    anchor = dt.date(2024, 4, 10)
    found = find_dates("وتواصل الحرب على القطاع منذ 7 أكتوبر دون توقف", anchor)
    assert [(m.text, m.value) for m in found] == [("7 أكتوبر", "2023-10-07")]


def test_a_day_and_month_months_ahead_outside_a_preview_is_the_past_one():
    anchor = dt.date(2024, 4, 10)
    # told in the past tense, read in April: last October, not next
    assert [m.value for m in find_dates("اندلعت المواجهات في 7 أكتوبر بين الطرفين", anchor)] == ["2023-10-07"]
    # a preview keeps the coming one
    assert [m.value for m in find_dates("سيعقد المؤتمر في 7 أكتوبر في الرباط", anchor)] == ["2024-10-07"]
    # a day in the next weeks is still the nearest one
    assert [m.value for m in find_dates("الاجتماع في 20 أبريل في الرباط", anchor)] == ["2024-04-20"]


def test_a_part_of_this_day_is_today():
    anchor = dt.date(2024, 4, 1)
    assert [(m.text, m.value) for m in find_dates("وقع انفجار ظهر هذا اليوم قرب المبنى", anchor)] == \
        [("ظهر هذا اليوم", "2024-04-01")]
    # «في مثل هذا اليوم» (on this day, in history) is still no date of its own
    assert [m.text for m in find_dates("في مثل هذا اليوم من عام 1948 وقعت النكبة", anchor)] == ["عام 1948"]


def test_yesterday_named_as_the_page_day_is_that_day():
    from marsad.annotate.dates import tag_dates
    # a page dated Monday that says «أمس الإثنين»: written on the Tuesday
    art = tag_dates(Article(id="p1", raw="", published="2026-02-09",
                            text="استقبل ولي العهد أمس الإثنين وزير الخارجية الفرنسي في الرياض."))
    assert [(d.text, d.value) for d in art.dates] == [("أمس الإثنين", "2026-02-09")]
    # «اليوم الأحد» on the same page is still the day before it
    art = tag_dates(Article(id="p2", raw="", published="2026-02-09",
                            text="استقبل ولي العهد اليوم الأحد وزير الخارجية الفرنسي في الرياض."))
    assert [(d.text, d.value) for d in art.dates] == [("اليوم الأحد", "2026-02-08")]


def test_a_page_known_to_its_month_by_its_address():
    # "/2025/02/slug": no day, so only what the month alone decides is resolved
    from marsad.annotate.dates import url_month
    assert url_month("https://example.com/2025/02/a-slug") == (2025, 2)
    assert url_month("https://example.com/2024/4/post_12.html") == (2024, 4)
    assert url_month("https://example.com/2025/02/12/a-slug") is None     # a day: the page's date
    assert url_month("https://example.com/news/2021/4567/") is None
    art = Article(id="m", text="وقع الطرفان اتفاقا في 3 فبراير، واجتمعا أمس لمتابعته بعد محادثات نوفمبر الماضي، "
                               "ويلتقيان مجددا في 25 من الشهر الجاري.", url="https://example.com/2025/02/a-slug")
    got = [(d.text, d.value, d.anchor) for d in tag_dates(art).dates]
    assert got == [("3 فبراير", "2025-02-03", "url"), ("أمس", None, "story"),
                   ("نوفمبر الماضي", "2024-11", "url"), ("25 من الشهر الجاري", "2025-02-25", "url")]
    # the story's day still wins for the page's relative days
    resolve_with_story_date(art, "2025-02-05")
    assert [d.value for d in art.dates][:2] == ["2025-02-03", "2025-02-05"]
