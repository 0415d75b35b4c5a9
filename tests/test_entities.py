"""Entity linking: names, variants, clitics, roles by date, coreference, discovery,
conflicts with the base, and the seed articles against their gold persons."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marsad.annotate.entities import article_date, countries_mentioned, link_entities
from marsad.annotate.knowledge import load_kb
from marsad.annotate.romanize import romanize
from marsad.model import Article, DateMention

from test_knowledge import PERSONS, make_kb_dir

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture()
def kb(tmp_path: Path):
    return load_kb(make_kb_dir(tmp_path))


def link(kb, text: str, published: str | None = "2025-02-12") -> Article:
    art = link_entities(Article(id="t", text=text, published=published), kb=kb)
    for e in art.entities:
        assert art.text[e.start:e.end] == e.text, e
    return art


def persons(art: Article) -> list[tuple[str, str]]:
    return [(e.name_en, e.how) for e in art.entities if e.type == "PERSON"]


def test_full_name_short_name_and_metadata(kb) -> None:
    art = link(kb, "أعلن الكرملين أن فلاديمير بوتين تحدث. وقال بوتين إن المحادثة بناءة.")
    ps = [e for e in art.entities if e.type == "PERSON"]
    assert [(e.text, e.how) for e in ps] == [("فلاديمير بوتين", "name"), ("بوتين", "short")]
    assert ps[0].wikidata == "Q7747" and ps[0].country == "RUS" and ps[0].role == "President of Russia"
    assert ps[0].name_ar == "فلاديمير بوتين" and ps[0].kb_id == "vladimir_putin"
    kremlin = art.entities[0]
    assert (kremlin.type, kremlin.country, kremlin.how, kremlin.name_en) == ("GPE", "RUS", "metonym", "Russia")


def test_role_resolved_by_the_article_date(kb) -> None:
    text = "وقال الرئيس السوري إن بلاده منفتحة."
    assert persons(link(kb, text, "2024-06-01")) == [("Bashar al-Assad", "role")]
    assert persons(link(kb, text, "2025-02-12")) == [("Ahmed al-Sharaa", "role")]
    # with no publication date, the latest absolute date in the text decides
    art = Article(id="t", text=text, dates=[DateMention(0, 1, "x", value="2023-03-01")])
    assert article_date(art).isoformat() == "2023-03-01"
    assert persons(link_entities(art, kb=kb)) == [("Bashar al-Assad", "role")]


def test_nisba_inside_a_role_is_not_a_country_mention(kb) -> None:
    art = link(kb, "أكد الرئيس الروسي دعم روسيا.")
    assert [(e.type, e.text) for e in art.entities] == [("PERSON", "الرئيس الروسي"), ("GPE", "روسيا")]


def test_variant_spellings(kb) -> None:
    art = link(kb, "والتقى نائب وزير الخارجية الروسي ميخائيل بوجدانوف مع الوفد. وقال بوجدانوف إن بلاده تدعم الحوار، "
                   "بحضور ألكسندر لافرنتييف.")
    got = persons(art)
    assert got[0] == ("Mikhail Bogdanov", "variant") and got[1] == ("Mikhail Bogdanov", "variant")
    assert ("Alexander Lavrentiev", "variant") in got
    assert art.findings == []


def test_clitics(kb) -> None:
    art = link(kb, "اتصال بين الشرع وبوتين، وبيان للكرملين، ورسالة بالرئيس الروسي.")
    texts = [(e.text, e.name_en) for e in art.entities]
    assert ("بوتين", "Vladimir Putin") in texts          # وبوتين
    assert ("الشرع", "Ahmed al-Sharaa") not in texts      # an Arab short name alone is not confirmed
    assert any(e.name_en == "Russia" and e.text.endswith("كرملين") for e in art.entities)  # للكرملين
    assert any(e.how == "role" and e.name_en == "Vladimir Putin" for e in art.entities)   # بالرئيس


def test_arab_short_names_need_confirmation(kb) -> None:
    # الشرع is also a common noun (religious law): alone it is no person
    assert persons(link(kb, "وفق ما ينص عليه الشرع والقانون.")) == []
    art = link(kb, "التقى أحمد الشرع الوفد. وأكد الشرع موقفه.")
    assert persons(art) == [("Ahmed al-Sharaa", "name"), ("Ahmed al-Sharaa", "short")]


def test_common_words_never_become_persons(kb) -> None:
    text = ("رياض - أحمد صلاح - في تطور جديد أكد الطرفان في مساعيها الماضية على أهمية المحادثة "
            "التي كانت بناءة ومثمرة، وسط تحديات كبيرة نتيجة الأوضاع الراهنة.")
    assert persons(link(kb, text)) == []


def test_counterpart_dual_and_side(kb) -> None:
    art = link(kb, "أرسل الرئيس الروسي فلاديمير بوتين رسالة إلى نظيره السوري. وناقش الزعيمان التعاون، "
                   "وأكد الجانب الروسي دعمه.")
    got = [(e.text, e.name_en, e.how) for e in art.entities]
    assert ("نظيره السوري", "Ahmed al-Sharaa", "coref") in got
    dual = {e.name_en for e in art.entities if e.text == "الزعيمان"}
    assert dual == {"Vladimir Putin", "Ahmed al-Sharaa"}
    assert ("الجانب الروسي", "Russia", "coref") in got


def test_capital_as_government(kb) -> None:
    art = link(kb, "وأعربت موسكو عن استعدادها للتعاون مع دمشق.")
    assert [(e.name_en, e.how) for e in art.entities] == [("Russia", "metonym"), ("Syria", "metonym")]
    assert countries_mentioned(art) == ["RUS", "SYR"]


def test_unknown_person_after_a_title_is_discovered(kb) -> None:
    art = link(kb, "أعرب وزير الدفاع في الإدارة السورية الجديدة مرهف أبو قصرة، عن انفتاح بلاده. "
                   "وقال أبو قصرة في لقاء صحفي إن الموقف تحسن.")
    ps = [e for e in art.entities if e.type == "PERSON"]
    assert [(e.text, e.how) for e in ps] == [("مرهف أبو قصرة", "discovered"), ("أبو قصرة", "coref")]
    first = ps[0]
    assert first.kb_id is None and first.name_en == "Murhaf Abu Qasra"
    assert first.country == "SYR" and first.role == "Defense Minister of Syria"
    assert ps[1].actor().key == first.actor().key          # one actor across the article


def test_wrong_given_name_of_a_role_holder_is_a_finding(kb) -> None:
    art = link(kb, "كما زار نائب وزير الخارجية الروسي، سيرغي بوغدانوف، دمشق.")
    ps = [e for e in art.entities if e.type == "PERSON"]
    assert [(e.text, e.name_en) for e in ps] == [("سيرغي بوغدانوف", "Mikhail Bogdanov")]
    [finding] = art.findings
    assert finding.kind == "kb_conflict" and finding.found == "سيرغي بوغدانوف"
    assert "Mikhail Bogdanov" in finding.expected and "Deputy Foreign Minister of Russia" in finding.field


def test_another_person_of_a_known_family_is_not_linked(kb) -> None:
    # a different given name without a role is another person, not Lavrov
    assert persons(link(kb, "وحضر ميخائيل لافروف الحفل.")) == []


def test_news_agencies_are_orgs_not_persons(kb) -> None:
    art = link(kb, "ونقلت وكالة تاس عن مصادر أن الأمم المتحدة ستجتمع.")
    assert [(e.type, e.name_en) for e in art.entities] == [("ORG", "TASS"), ("ORG", "United Nations")]


def test_bad_input_is_named(kb) -> None:
    with pytest.raises(TypeError, match="Article"):
        link_entities("نص", kb=kb)
    assert link(kb, "").entities == []


def test_romanize_is_consistent_and_news_style() -> None:
    assert romanize("مرهف أبو قصرة") == "Murhaf Abu Qasra"
    assert romanize("أبو قصرة") == "Abu Qasra"
    assert romanize("محمد البشير") == "Mohammed al-Bashir"
    assert romanize("أحمد") == "Ahmed"
    assert romanize("عبدالرحمن الشامي") == romanize("عبدالرحمن الشامي")
    with pytest.raises(ValueError, match="empty"):
        romanize(" ")


# ---- end to end: the seed articles with the real knowledge base ----------------------------

def _seed_articles():
    if not (SEEDS / "gold.json").exists():
        pytest.skip(f"seed articles not found at {SEEDS}")
    if not load_kb().persons:
        pytest.skip("the persons files are not there yet")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    story_date = {a: ev["date"] for ev in gold["events"] for a in ev["articles"] if ev["date"]}
    for aid, g in gold["articles"].items():
        raw = (SEEDS / f"{aid}.txt").read_text(encoding="utf-8")
        # minimal cleaning: keep the lines with Arabic text (the text stage does the rest)
        text = "\n".join(line.strip() for line in raw.splitlines() if re.search("[\u0621-\u064a]", line))
        yield Article(id=aid, text=text, published=g["published"] or story_date.get(aid)), g


def test_seed_persons_precision_and_recall() -> None:
    tp = fp = fn = 0
    for art, g in _seed_articles():
        link_entities(art)
        got = {e.name_en for e in art.entities if e.type == "PERSON"}
        want = set(g["persons"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_seed_bogdanov_conflict_and_variants() -> None:
    arts = {a.id[:3]: link_entities(a) for a, _ in _seed_articles()}
    [finding] = [f for f in arts["001"].findings if f.kind == "kb_conflict"]
    assert "بوغدانوف" in finding.found and "Mikhail Bogdanov" in finding.expected
    assert any(e.name_en == "Mikhail Bogdanov" and "بوجدانوف" in e.text for e in arts["002"].entities)
    # "the new Syrian leader", on the story's date
    assert any(e.name_en == "Ahmed al-Sharaa" and e.how == "role" for e in arts["000"].entities)


def test_title_of_someone_else_is_not_the_holder(kb) -> None:
    # the adviser of the Russian president is not the president, and no conflict
    art = link(kb, "وقال مستشار الرئيس الروسي يوري أوشاكوف إن القمة ستعقد قريباً.")
    assert persons(art) == [] and art.findings == []


def test_another_member_of_the_family_is_not_the_holder(kb) -> None:
    art = link(kb, "ولم يزر البلدين رئيس منذ لقاء جمع الرئيس الراحل حافظ الأسد بنظرائه.", "2025-05-14")
    assert "Bashar al-Assad" not in {n for n, _ in persons(art)} and art.findings == []


def test_wrong_given_name_without_a_country_in_the_title(kb) -> None:
    art = link(kb, "وقال الأمين العام جوزيه غوتيريش إن المنظمة قلقة.", "2025-03-01")
    assert persons(art) == [("António Guterres", "role")]
    assert art.findings[0].found == "جوزيه غوتيريش"


def test_minister_of_a_named_portfolio_is_discovered(kb) -> None:
    art = link(kb, "وقال وزير الصحة المغربي أمين التهراوي إن التحقيق مستمر، فيما زار التهراوي المستشفى.")
    ps = [e for e in art.entities if e.type == "PERSON"]
    assert [(e.text, e.how) for e in ps] == [("أمين التهراوي", "discovered"), ("التهراوي", "coref")]
    # a Moroccan minister the base does not know takes the Maghreb's French-based spelling
    assert ps[0].country == "MAR" and ps[0].name_en == "Amine Tahraoui"


def test_words_after_a_role_that_are_no_name(kb) -> None:
    art = link(kb, "وأشاد ترامب بالرئيس السوري عقب اللقاء، قائلاً إنه قوي.")
    assert persons(art) == [("Ahmed al-Sharaa", "role")]


def test_duals_pick_office_holders(kb) -> None:
    art = link(kb, "قال فلاديمير بوتين إن أحمد الشرع زار موسكو بعد فرار بشار الأسد إليها. وناقش الرئيسان التعاون.",
               "2025-10-15")
    assert {e.name_en for e in art.entities if e.text == "الرئيسان"} == {"Vladimir Putin", "Ahmed al-Sharaa"}


def test_demo_corpus_person_f1() -> None:
    """This stage alone on the demo corpus (lines with Arabic kept, no other cleaning)."""
    from marsad.demo import corpus_path, gold_path
    from marsad.evaluate import _name
    from marsad.ingest import read_inputs

    if not Path(gold_path()).exists() or not load_kb().persons:
        pytest.skip("demo corpus or persons files absent")
    gold = json.loads(Path(gold_path()).read_text(encoding="utf-8"))["articles"]
    tp = fp = fn = 0
    for art in read_inputs([str(corpus_path())]):
        if not isinstance(art, Article) or art.id not in gold:
            continue
        text = "\n".join(line.strip() for line in (art.raw or "").splitlines() if re.search("[\u0621-\u064a]", line))
        linked = link_entities(Article(id=art.id, text=text, published=gold[art.id]["published"]))
        got = {_name(e.name_en) for e in linked.entities if e.type == "PERSON" and e.name_en}
        want = {_name(p) for p in gold[art.id]["persons"]}
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.92, (precision, recall)


# ---- context, offices, postings and groups (issue 5 follow-up) -----------------------------

def _p(pid: str, en: str, ar: list[str], country: str, roles: list[dict], short: list[str] = ()) -> dict:
    return {"id": pid, "name_en": en, "names_ar": ar, "short_ar": list(short), "variants_ar": [], "wikidata": None,
            "country": country, "gender": "m", "roles": roles}


def _r(title: str, country: str | None, start: str | None, end: str | None = None, org: str | None = None,
       label: str | None = None, to: str | None = None) -> dict:
    role = {"title": title, "country": country, "org": org, "start": start, "end": end, "label": label}
    if to:
        role["to"] = to
    return role


CONTEXT_PERSONS = PERSONS + [
    _p("mohammed_bin_salman", "Mohammed bin Salman", ["محمد بن سلمان"], "SAU", [_r("crown_prince", "SAU", "2017-06-21")]),
    _p("sabah_khalid_al_sabah", "Sabah Khalid Al-Sabah", ["صباح خالد الحمد الصباح"], "KWT",
       [_r("crown_prince", "KWT", "2024-06-01")]),
    _p("khalid_bin_salman", "Khalid bin Salman", ["خالد بن سلمان"], "SAU", [_r("defense_minister", "SAU", "2022-09-27")]),
    _p("abdel_mageed_saqr", "Abdel Mageed Saqr", ["عبد المجيد صقر"], "EGY", [_r("defense_minister", "EGY", "2024-07-03")]),
    _p("ahmed_kouchouk", "Ahmed Kouchouk", ["أحمد كجوك"], "EGY", [_r("finance_minister", "EGY", "2024-07-03")]),
    _p("olaf_scholz", "Olaf Scholz", ["أولاف شولتس"], "DEU", [_r("chancellor", "DEU", "2021-12-08", "2025-05-06")]),
    _p("friedrich_merz", "Friedrich Merz", ["فريدريش ميرتس"], "DEU", [_r("chancellor", "DEU", "2025-05-06")]),
    _p("danny_danon", "Danny Danon", ["داني دانون"], "ISR", [_r("ambassador", "ISR", "2024-08", org="united_nations")]),
    _p("amir_saeid_iravani", "Amir Saeid Iravani", ["أمير سعيد إيرواني"], "IRN",
       [_r("ambassador", "IRN", None, org="united_nations")]),
    _p("mike_huckabee", "Mike Huckabee", ["مايك هاكابي"], "USA", [_r("ambassador", "USA", "2025-04", to="ISR")]),
]


@pytest.fixture()
def ckb(tmp_path: Path):
    return load_kb(make_kb_dir(tmp_path, CONTEXT_PERSONS))


def test_bare_crown_prince_takes_the_country_of_the_context(ckb) -> None:
    # the one country named before it in the sentence
    assert persons(link(ckb, "أعلنت السعودية أن ولي العهد استقبل الوفد.")) == [("Mohammed bin Salman", "role")]
    # else the article's dominant country
    art = link(ckb, "وصل ولي العهد إلى جدة. وقالت السعودية إن الرياض ترحب بالقرار. وأكدت المملكة العربية السعودية دعمها.")
    assert persons(art) == [("Mohammed bin Salman", "role")]
    # two countries, none dominant: nobody
    assert persons(link(ckb, "ناقشت السعودية والكويت الملف، وقال ولي العهد إن الحوار مستمر.")) == []
    assert persons(link(ckb, "وصل ولي العهد إلى المطار.")) == []


def test_minister_without_a_country_only_when_the_context_is_clear(ckb) -> None:
    art = link(ckb, "أكدت مصر أن وزير المالية سيزور الصين.")
    assert persons(art) == [("Ahmed Kouchouk", "role")]
    # a country someone goes to is not the minister's
    assert persons(link(ckb, "زار الرياض وفد ضم وزير الدفاع ورئيس الاستخبارات.")) == []
    assert persons(link(ckb, "وصل إلى الرياض وفد ضم وزير الدفاع.")) == []
    # a body the base cannot place: no guess
    art = link(ckb, "رفعت السعودية العقوبات، وقالت مسؤولة السياسة الخارجية في الاتحاد إن القرار صائب.")
    assert persons(art) == []
    # a discovered name after a two-word title takes the context's country, and no conflict is claimed
    art = link(ckb, "أكدت مصر أن وزير المالية سامي يوسف سيزور الصين.")
    [p] = [e for e in art.entities if e.type == "PERSON"]
    assert (p.how, p.country) == ("discovered", "EGY") and art.findings == []


def test_chancellor_of_germany(ckb) -> None:
    text = "قال المستشار الألماني إن برلين تدعم الحل."
    assert persons(link(ckb, text, "2024-06-01")) == [("Olaf Scholz", "role")]
    assert persons(link(ckb, text, "2025-06-01")) == [("Friedrich Merz", "role")]
    art = link(ckb, "وأكدت ألمانيا دعمها، وقالت برلين إن ألمانيا مستعدة. وقال المستشار إن الحل قريب.", "2025-06-01")
    assert ("Friedrich Merz", "role") in persons(art)
    # رئيس الحكومة الألمانية is the chancellor too
    assert persons(link(ckb, "وقال رئيس الحكومة الألمانية إن برلين تدعم الحل.", "2025-06-01")) == [
        ("Friedrich Merz", "role")]
    # المستشار elsewhere is an honorific or an adviser: no chancellor, no discovered office holder
    art = link(ckb, "وقالت مصر إن القاهرة ترحب، وأكدت مصر ذلك. وقال المستشار حسين عبد الله إن الحكم نهائي.")
    assert persons(art) == []
    assert persons(link(ckb, "وقال المستشار الإعلامي للوزير إن ألمانيا ترحب.", "2025-06-01")) == []


def test_governors_and_mayors_are_discovered_with_their_place(ckb) -> None:
    art = link(ckb, "قال محافظ اللاذقية سامر يوسف إن المدينة آمنة، وأكد عمدة موسكو ذلك.")
    [gov] = [e for e in art.entities if e.type == "PERSON"]
    assert (gov.text, gov.how, gov.role, gov.country) == ("سامر يوسف", "discovered", "Governor of Latakia", "SYR")
    assert [(e.type, e.name_en) for e in art.entities if e.type == "LOC"] == [("LOC", "Latakia"), ("LOC", "Moscow")]
    # محافظ with no place is the adjective 'conservative'
    art = link(ckb, "وقال الحزب المحافظ إن التيار المحافظ سامي يوسف قوي.")
    assert persons(art) == []


def test_an_ambassador_needs_a_stated_posting(ckb) -> None:
    assert persons(link(ckb, "وقال السفير الإسرائيلي إن تل أبيب ترفض القرار.", "2025-06-01")) == []
    art = link(ckb, "وقال السفير الإسرائيلي لدى الأمم المتحدة إن القرار سيئ.", "2025-06-01")
    assert persons(art) == [("Danny Danon", "role")]
    assert persons(link(ckb, "وقال مندوب إيران لدى الأمم المتحدة إن طهران ترفض.", "2025-06-01")) == [
        ("Amir Saeid Iravani", "role")]
    # المندوب alone names the UN representative; an ambassador elsewhere is someone else
    assert persons(link(ckb, "وقال المندوب الإيراني إن بلاده ترفض.", "2025-06-01")) == [("Amir Saeid Iravani", "role")]
    assert persons(link(ckb, "وقال السفير الإيراني في موسكو إن بلاده ترفض.", "2025-06-01")) == []
    assert persons(link(ckb, "وقال السفير الأمريكي لدى إسرائيل إن واشنطن تدعم.", "2025-06-01")) == [
        ("Mike Huckabee", "role")]
    assert persons(link(ckb, "وقال السفير الأمريكي إن واشنطن تدعم.", "2025-06-01")) == []


def orgs(art: Article) -> list[tuple[str, str | None, str | None]]:
    return [(e.text, e.how, e.country) for e in art.entities if e.type == "ORG"]


def test_unknown_groups_become_discovered_orgs(ckb) -> None:
    art = link(ckb, "خرج شباب حركة «جيل زد 212» إلى الشوارع. وقالت حركة جيل زد 212 إنها ستواصل.")
    found = [e for e in art.entities if e.type == "ORG"]
    assert [e.how for e in found] == ["discovered", "discovered"]
    assert found[0].text.endswith("212") and found[0].name_en == "Jil Zad 212 Movement"
    assert found[0].kb_id is None and found[1].text == "حركة جيل زد 212"
    art = link(ckb, "وأعلن حزب العمال البريطاني فوزه، وقالت حركة النهضة إن الانتخابات مزورة، وأعلنت حركة M23 سيطرتها.")
    assert orgs(art) == [("حزب العمال", "discovered", "GBR"), ("حركة النهضة", "discovered", None),
                         ("حركة M23", "discovered", None)]
    art = link(ckb, 'وقالت "تنسيقية لجان المقاومة" إن الاحتجاجات مستمرة، وهاجم فصيل "أحرار الشام" الموقع.')
    assert [e.name_ar for e in art.entities if e.type == "ORG"] == ["تنسيقية لجان المقاومة", "فصيل أحرار الشام"]


def test_everyday_phrases_with_group_words_are_no_groups(ckb) -> None:
    text = ("وتسببت حركة المرور في ازدحام، وعلى جبهة القتال تقدمت القوات، وهاجمت ميليشيا مسلحة القرية، "
            "وتجمع المتظاهرون أمام البرلمان، وارتفعت تكاليف الاستيراد وحركة التحويلات المالية، وأسس حزب سياسي جديد.")
    assert orgs(link(ckb, text)) == []


def test_common_words_alone_never_become_persons() -> None:
    """Words that are also given or family names, alone, with the real base."""
    if not load_kb().persons:
        pytest.skip("the persons files are not there yet")
    traps = ["أمل", "سلام", "نصر", "عادل", "كريم", "منصور", "جمال", "بشار", "عباس", "صالح", "مبارك", "الأسد",
             "حافظ", "صدام", "عرفات", "الشرع", "فهد", "زايد", "سلمان", "رئيسي", "مرسي"]
    for word in traps:
        for text in (f"وقال {word} إن الوضع صعب.", f"يعيش الناس على {word} كبير، و{word} هو الأهم.",
                     f"وقال الوزير إن {word} الشعب واضح."):
            art = link_entities(Article(id="t", text=text, published="2025-06-01"))
            assert [e.text for e in art.entities if e.type == "PERSON"] == [], (word, text)
    # with context they link: a full name first
    art = link_entities(Article(id="t", text="قال باراك أوباما إن الحل قريب. وأضاف أوباما أن.", published="2015-06-01"))
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Barack Obama"}


def test_historical_persons_and_places_named_after_them() -> None:
    if not load_kb().persons:
        pytest.skip("the persons files are not there yet")
    art = link_entities(Article(id="t", text="لقاء جمع الرئيس الراحل حافظ الأسد والرئيس الأمريكي بيل كلينتون.",
                                published="2025-05-14"))
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Hafez al-Assad", "Bill Clinton"}
    assert art.findings == []
    art = link_entities(Article(id="t", text="توفيت نساء في مستشفى الحسن الثاني بأكادير، ووصل إلى مطار رفيق الحريري.",
                                published="2025-09-20"))
    assert [e for e in art.entities if e.type == "PERSON"] == []
    # وإن is not the Turkish city of Van
    art = link_entities(Article(id="t", text="وقال إنه سيعود، وإن الحل قريب.", published="2025-09-20"))
    assert art.entities == []


def test_romanize_news_style_patterns() -> None:
    assert romanize("يوسف الشاهد") == "Youssef al-Shahed"        # فاعل: a vowel before the last consonant
    assert romanize("نور الدين بدوي") == "Nour al-Din Badawi"     # final وي
    assert romanize("إسماعيل هنية") == "Ismail Haniya"            # final ية
    assert romanize("إبراهيم رئيسي") == "Ibrahim Raisi"           # ئي
    assert romanize("يحيى السنوار") == "Yahya al-Sanwar"          # و before ا is a consonant
    assert romanize("أمين التهراوي") == "Amin al-Tahrawi"         # one style: Amin, not Amine
    assert romanize("صادق خان") == "Sadiq Khan"                   # given names from the table


# ---- held-out error classes, round 2 (docs/heldout.md N1–N6, X3), with the real base

@pytest.fixture(scope="module")
def real_kb():
    kb = load_kb()
    if not kb.persons:
        pytest.skip("the persons files are not there yet")
    return kb


def people(art: Article) -> list[tuple[str, str | None, str]]:
    return [(e.text, e.name_en, e.how) for e in art.entities if e.type == "PERSON"]


def test_kunya_in_parentheses_belongs_to_the_name_before_it(real_kb) -> None:
    art = link(real_kb, "أعلنت الحركة مقتل القياديين رامي حداد (أبو خالد) ووسيم نصار (أبو عمار) في الغارة.")
    assert people(art) == [("رامي حداد (أبو خالد)", "Rami Hadad", "discovered"),
                           ("وسيم نصار (أبو عمار)", "Wassim Nasar", "discovered")]
    # after a known name: one mention of that person, the kunya inside it
    art = link(real_kb, "والتقى إسماعيل هنية (أبو العبد) وفدا مصريا في الدوحة.", "2023-05-01")
    assert people(art) == [("إسماعيل هنية (أبو العبد)", "Ismail Haniyeh", "name")]
    # a kunya on its own, or after a body rather than a name, still names its holder
    art = link(real_kb, "وفي عام 1990 زار أبو عمار القاهرة.", "2023-05-01")
    assert people(art) == [("أبو عمار", "Yasser Arafat", "name")]


def test_title_after_a_name_describes_that_person(real_kb) -> None:
    # Palestine dominates the article, yet the bare title after the Saudi name is his
    text = ("رحبت فلسطين بالموقف، وقالت الخارجية الفلسطينية إن الشعب الفلسطيني ممتن. "
            "وأكد الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد رئيس مجلس الوزراء هذا الموقف. "
            "وقال محمد بن سلمان رئيس مجلس الوزراء إن المملكة لن تقيم علاقات.")
    art = link(real_kb, text, "2025-02-05")
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Mohammed bin Salman"}
    assert [f for f in art.findings if f.kind == "kb_conflict"] == []
    # a title with و (another person) or with its own country is still read as before
    art = link(real_kb, "والتقى محمد بن سلمان ورئيس الوزراء الفلسطيني محمد مصطفى.", "2025-02-05")
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Mohammed bin Salman", "Mohammad Mustafa"}


def test_adviser_of_an_office_does_not_hold_it(real_kb) -> None:
    art = link(real_kb, "وسلم المستشار الدبلوماسي لرئيس دولة الإمارات أنور قرقاش رسالة إلى طهران.", "2025-04-13")
    assert people(art) == [("أنور قرقاش", "Anwar Gargash", "name")]
    assert [e.role for e in art.entities if e.type == "PERSON"] != ["President of the United Arab Emirates"]
    assert [f for f in art.findings if f.kind == "kb_conflict"] == []
    art = link(real_kb, "وقال مستشار الرئيس الأمريكي مايكل والتز إن واشنطن تدرس الرد.", "2025-02-01")
    assert "Donald Trump" not in {e.name_en for e in art.entities}


def test_unknown_name_stops_at_words_that_are_no_name_parts(real_kb) -> None:
    art = link(real_kb, "ووصف وزير الخارجية الفنلندي يوهاني ليندروس الاعتداء بأنه مرفوض.", "2025-04-13")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["يوهاني ليندروس"]
    art = link(real_kb, "وقال الدبلوماسي السويدي يوهان فلودستروم للصحفيين إن السفارة آمنة.", "2025-04-13")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["يوهان فلودستروم"]
    for masdar in ("الانسحاب", "التصعيد", "الاستهداف", "التفاوض", "الإعلان"):
        art = link(real_kb, f"وانتقد وزير الدفاع الفنلندي يوهاني ليندروس {masdar} بأنه خطير.", "2025-04-13")
        assert [e.text for e in art.entities if e.type == "PERSON"] == ["يوهاني ليندروس"], masdar


def test_bare_names_of_international_bodies_link(real_kb) -> None:
    art = link(real_kb, "ودعا مجلس الأمن إلى وقف النار، وصوتت الجمعية العامة على القرار، "
                        "وحذرت وكالة الطاقة الذرية من التصعيد، ورحب الاتحاد الأوروبي والجامعة العربية.")
    assert [e.kb_id for e in art.entities if e.type == "ORG"] == [
        "un_security_council", "un_general_assembly", "iaea", "european_union", "arab_league"]
    # a national security council is not the UN Security Council
    art = link(real_kb, "واجتمع مجلس الأمن القومي الإسرائيلي، وقرر مجلس الأمن القومي في البلاد الرد.")
    assert "un_security_council" not in {e.kb_id for e in art.entities}
    assert "israel_nsc" in {e.kb_id for e in art.entities}


def test_nickname_is_no_part_of_the_english_name(real_kb) -> None:
    art = link(real_kb, "وذكر محمد حمدان دقلو أن قواته تقدمت، وقال حميدتي إن الحرب مستمرة.", "2024-05-01")
    assert [(e.name_en, e.how) for e in art.entities if e.type == "PERSON"] == [
        ("Mohamed Hamdan Dagalo", "name"), ("Mohamed Hamdan Dagalo", "short")]
    assert real_kb.persons["mohamed_hamdan_dagalo"]["aka"] == ["Hemedti"]


def test_prominent_persons_without_titles_link_by_name(real_kb) -> None:
    text = ("أثار إعدام نمر النمر غضبا، وقال مارك ريغيف إن بلاده لم تعلق، وقتل محمد رضا زاهدي في دمشق، "
            "وأحرق سلوان موميكا المصحف، واعتقل أكرم إمام أوغلو في إسطنبول.")
    art = link(real_kb, text, "2025-04-01")
    assert [e.name_en for e in art.entities if e.type == "PERSON"] == [
        "Nimr al-Nimr", "Mark Regev", "Mohammad Reza Zahedi", "Salwan Momika", "Ekrem İmamoğlu"]


def test_descriptions_that_are_no_titles_introduce_unknown_names(real_kb) -> None:
    art = link(real_kb, "وقالت الناشطة الحقوقية السويدية إلسا ماركلوند إن الحكم ظالم. "
                        "وهو لاجئ عراقي يدعى كامل سعدون يقيم في مالمو. "
                        "وخطب الشيخ عبد الرحمن المهدي في المصلين، واعتقل رجل الأعمال فادي شرابي أمس.", "2025-04-01")
    found = [(e.text, e.country, e.how) for e in art.entities if e.type == "PERSON"]
    assert found == [("إلسا ماركلوند", "SWE", "discovered"), ("كامل سعدون", "IRQ", "discovered"),
                     ("عبد الرحمن المهدي", None, "discovered"), ("فادي شرابي", None, "discovered")]
    # the nisba of the description is part of it, not a country mention of its own
    assert [e for e in art.entities if e.type == "GPE" and e.how == "nisba"] == []
    # a description without a name introduces nobody
    art = link(real_kb, "وقال الصحفي إن الوضع صعب، وأكد رجل الأعمال المعروف أن السوق هادئ، "
                        "ونقل المراسل الحربي الخبر.", "2025-04-01")
    assert people(art) == []
    # a known name after a description is linked by name, not discovered
    art = link(real_kb, "وقال الصحفي وائل الدحدوح إن القصف مستمر.", "2024-01-10")
    assert people(art) == [("وائل الدحدوح", "Wael Dahdouh", "name")]


# ---- round 3: held-out 2 error classes (docs/heldout2.md items 2 and 4) ----------------

def real_link(text: str, published: str = "2024-01-30") -> Article:
    art = link_entities(Article(id="t", text=text, published=published))
    for e in art.entities:
        assert art.text[e.start:e.end] == e.text, e
    return art


def discovered(art: Article) -> list[str]:
    return [e.text for e in art.entities if e.type == "PERSON" and e.how == "discovered"]


def test_dropped_alif_is_the_same_person_and_no_conflict() -> None:
    """إسحق for إسحاق is an ordinary spelling, never a conflicting name."""
    art = real_link("استقبل الرئيس الإسرائيلي إسحق هرتسوغ وفدا برلمانيا.", "2022-01-30")
    assert [(e.name_en, e.how) for e in art.entities if e.type == "PERSON"] == [("Isaac Herzog", "variant")]
    assert not [f for f in art.findings if f.kind == "kb_conflict"]
    art = real_link("وقال إسحق هرتسوغ إن الزيارة مهمة.", "2022-01-30")
    assert [e.name_en for e in art.entities if e.type == "PERSON"] == ["Isaac Herzog"]


def test_abd_joined_or_split_is_one_spelling() -> None:
    from marsad.annotate.knowledge import spelling_key
    assert spelling_key("عبدالرحمن الخطيب") == spelling_key("عبد الرحمن الخطيب")
    kb = load_kb()
    split = next(p for p in kb.persons.values() for n in p.get("names_ar") or [] if n.startswith("عبد ال"))
    name = next(n for n in split["names_ar"] if n.startswith("عبد ال")).replace("عبد ال", "عبدال", 1)
    assert [e.kb_id for e in real_link(f"وصل {name} إلى المدينة.").entities if e.type == "PERSON"] == [split["id"]]


def test_plural_and_dual_descriptions_give_each_name() -> None:
    art = real_link("أفرجت السلطات عن رجلي الأعمال كريم فاضلي وسامر نوري والناشطة البيئية هالة منصوري بعد سنوات.")
    assert discovered(art) == ["كريم فاضلي", "سامر نوري", "هالة منصوري"]
    art = real_link("وأطلق سراح ثلاث رهائن، وهن لينا كوهين وسارة بلوم وتامار شاحر، مساء الأحد.")
    assert discovered(art) == ["لينا كوهين", "سارة بلوم", "تامار شاحر"]


def test_lists_need_names_not_pronouns_or_verbs() -> None:
    assert discovered(real_link("وهم في طريقهم إلى المدينة الآن.")) == []
    assert discovered(real_link("قال الرهائن إنهم بخير.")) == []
    assert discovered(real_link("وهو يعمل في المدينة منذ سنوات.")) == []


def test_prince_with_a_nasab_unknown_to_the_base() -> None:
    art = real_link("وكان في استقباله أمير منطقة الرياض الأمير نواف بن بندر وعدد من المسؤولين.", "2022-12-07")
    assert "نواف بن بندر" in discovered(art)
    assert romanize("نواف بن بندر") == "Nawaf bin Bandar"
    # a title word after بن is a father's name, and the name stops after the nasab
    assert discovered(real_link("وحضر الأمير نواف بن سلطان الحفل.")) == ["نواف بن سلطان"]


def test_foreign_given_names_take_their_usual_spelling() -> None:
    assert romanize("ستيفان لوكا").startswith("Stéphane ")
    assert romanize("جان بيير").startswith("Jean Pierre")
    assert romanize("محمد علي") == "Mohammed Ali"    # the Arabic table is untouched


def test_quoted_designation_is_no_group() -> None:
    """A label given to a group («جماعة إرهابية عالمية ...») describes it; a name does not."""
    orgs = lambda t: [e.text for e in real_link(t).entities if e.type == "ORG" and e.how == "discovered"]  # noqa: E731
    assert orgs('قررت الإدارة تصنيف الجماعة "جماعة إرهابية عالمية محددة بشكل خاص" اعتبارا من الشهر المقبل.') == []
    assert orgs('وصف الحزب الاحتجاجات بأنها "حركة احتجاجية سلمية" تماما.') == []
    assert orgs('أعلنت جماعة "أنصار الشريعة" مسؤوليتها.') != []


# ---- parties named without a name (docs/entities.md, round 4) ---------------------

def ents(art: Article, type_: str | None = None) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.text, e.how, e.kb_id, e.country) for e in art.entities if type_ is None or e.type == type_]


def test_plural_demonyms_are_their_people(kb) -> None:
    art = link(kb, "خرج آلاف التوانسة إلى الشوارع، وقال المغاربة إنهم غاضبون. واستقبل الأتراك والسوريين ضيوفهم.")
    gpe = ents(art, "GPE")
    assert ("التوانسة", "demonym", "TUN", "TUN") in gpe      # a broken plural made from تونسي
    assert ("المغاربة", "demonym", "MAR", "MAR") in gpe
    assert any(t.endswith("السوريين") and h == "demonym" and c == "SYR" for t, h, _, c in gpe)


def test_plural_nisba_after_its_noun_stays_an_adjective(kb) -> None:
    art = link(kb, "أصيب الجنود الإيرانيون في الهجوم. وقالت مصادر إن عشرات الإيرانيين غادروا.")
    gpe = ents(art, "GPE")
    assert ("الإيرانيون", "nisba", "IRN", "IRN") in gpe
    assert ("الإيرانيين", "demonym", "IRN", "IRN") in gpe


def test_broken_plural_only_for_four_consonant_stems() -> None:
    from marsad.annotate.knowledge import broken_plural
    assert broken_plural("مغربي") == "مغاربة"
    assert broken_plural("أردني") == "ارادنة"
    assert broken_plural("عماني") is None       # a long vowel in the stem
    assert broken_plural("مصري") is None        # three consonants: أمصار is another word
    assert broken_plural("المغربي") is None


def test_occupation_epithet_needs_an_israeli_or_palestinian_context(kb) -> None:
    art = link(kb, "اقتحمت قوات الاحتلال بلدة في قطاع غزة، وقالت سلطات الاحتلال إنها اعتقلت شبانا.")
    gpe = ents(art, "GPE")
    assert ("قوات الاحتلال", "epithet", "ISR", "ISR") in gpe
    assert ("سلطات الاحتلال", "epithet", "ISR", "ISR") in gpe
    # a history of another occupation: the nisba names the occupier
    art = link(kb, "تحيي الجزائر ذكرى الاحتلال الفرنسي كل عام.")
    assert not [e for e in art.entities if e.how == "epithet"]
    assert "FRA" in countries_mentioned(art)
    # no Israel or Palestine in the article: the word is left alone
    art = link(kb, "تحدث المؤرخ عن الاحتلال في محاضرته.")
    assert not [e for e in art.entities if e.how == "epithet"]


def test_regime_only_with_one_dominant_country(kb) -> None:
    text = ("قصفت قوات النظام ريف إدلب. وتقول سوريا إن الجيش يرد. وفي سوريا يعيش الملايين. "
            "وتأمل سوريا في الهدوء.")
    art = link(kb, text)
    assert ("قوات النظام", "epithet", "SYR", "SYR") in ents(art, "GPE")
    art = link(kb, "قصفت قوات النظام ريف إدلب، وقالت روسيا وتركيا إنهما تتابعان.")
    assert not [e for e in art.entities if e.how == "epithet"]
    art = link(kb, "ناقش المؤتمر النظام الدولي. سوريا سوريا سوريا.")
    assert not [e for e in art.entities if e.how == "epithet"]


def test_coalition_only_in_yemen_context(kb) -> None:
    art = link(kb, "شن طيران التحالف غارات على الحديدة في اليمن.")
    orgs = ents(art, "ORG")
    assert ("طيران التحالف", "epithet", "saudi_led_coalition", "SAU") in orgs
    art = link(kb, "أعلن التحالف أن الاجتماع المقبل سيعقد في باريس.")
    assert not [e for e in art.entities if e.how == "epithet"]


def test_town_with_a_nisba_takes_that_country(kb) -> None:
    art = link(kb, "وقع انفجار في طرابلس اللبنانية، وزار الوزير اللاذقية.")
    loc = [e for e in art.entities if e.type == "LOC"]
    assert (loc[0].text, loc[0].kb_id, loc[0].country) == ("طرابلس اللبنانية", "tripoli_lb", "LBN")
    assert "LBN" in countries_mentioned(art)
    art = link(kb, "تظاهر السكان في مدينة الزبداني السورية أمس.")
    loc = [e for e in art.entities if e.type == "LOC"]
    assert [(e.text, e.how, e.country) for e in loc] == [("الزبداني السورية", "discovered", "SYR")]


def test_capital_as_destination_keeps_its_country(kb) -> None:
    art = link(kb, "توجه الوفد إلى دمشق قادما من موسكو.")
    assert [(e.text, e.type, e.country) for e in art.entities] == [("دمشق", "GPE", "SYR"), ("موسكو", "GPE", "RUS")]


def test_vessels_named_after_their_head_word(kb) -> None:
    art = link(kb, 'احتجز مسلحون سفينة الشحن "نجمة الشمال" قبالة السواحل، ثم وصلت حاملة الطائرات '
                   'الأمريكية روزفلت إلى المنطقة، ورصدت الناقلة Ocean Pearl قرب الميناء.')
    v = [(e.text, e.name_ar, e.country) for e in art.entities if e.how == "vessel"]
    assert v == [("نجمة الشمال", "نجمة الشمال", None), ("روزفلت", "روزفلت", "USA"),
                 ("Ocean Pearl", "Ocean Pearl", None)]
    assert all(e.type == "LOC" for e in art.entities if e.how == "vessel")
    latin = next(e for e in art.entities if e.text == "Ocean Pearl")
    assert latin.name_en == "Ocean Pearl"


def test_vessel_latin_name_in_parentheses_and_plain_ships(kb) -> None:
    art = link(kb, 'أفرج عن السفينة «النسر الأزرق» (Blue Eagle) أمس. واستهدفت سفينة تجارية أخرى.')
    v = [e for e in art.entities if e.how == "vessel"]
    assert [(e.text, e.name_en) for e in v] == [("النسر الأزرق", "Blue Eagle")]
    assert all(e.type != "LOC" or e.how == "vessel" for e in art.entities)   # سفينة is not a place


def test_indefinite_plural_nisba_after_an_indefinite_noun_is_an_adjective(kb) -> None:
    art = link(kb, "وصل وفد يضم لمسؤولين روس إلى المدينة، والسفن المملوكة لإسرائيليين مستهدفة.")
    assert ("روس", "nisba", "RUS", "RUS") in ents(art, "GPE")
    assert any(t.endswith("إسرائيليين") and h == "demonym" for t, h, _, _ in ents(art, "GPE"))


def test_title_with_a_parenthetical_qualifier_still_introduces_the_name(kb) -> None:
    art = link(kb, "وقال وزير الصحة (العامة) سليم حداد إن المستشفيات ممتلئة.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سليم حداد"]
    art = link(kb, "وقال وزير الخارجية (بالوكالة) كريم منصور إن الحكومة ستقرر.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["كريم منصور"]
    # a long parenthesis is an aside, not a qualifier of the title
    art = link(kb, "وقال وزير الخارجية (الذي وصل مساء أمس إلى العاصمة) كريم منصور إنه متفائل.")
    assert "كريم منصور" not in [e.text for e in art.entities if e.type == "PERSON"]


def test_discovered_name_stops_before_an_injury_phrase(kb) -> None:
    for text in ("وأصيب السفير الإيراني كريم منصور بجروح طفيفة في الانفجار.",
                 "وأصيب السفير الإيراني كريم منصور بإصابة بالغة في الانفجار."):
        assert [e.text for e in link(kb, text).entities if e.type == "PERSON"] == ["كريم منصور"]


def test_common_noun_phrases_after_a_title_or_description_are_not_persons(kb) -> None:
    for text in ("وعقد وزير الدفاع جلسة مباحثات رسمية مع نظيره.",
                 "وعقد وزير الدفاع ندوة حوارية مفتوحة مع نظيره.",
                 "وقال الوزير إن الاغتيالات السياسية تطرح سؤالاً كبيراً.",
                 "وقال الوزير إن المواجهات العسكرية تثير قلقاً بالغاً."):
        assert [e for e in link(kb, text).entities if e.type == "PERSON" and e.how == "discovered"] == [], text
    # a real name after a description is still found
    art = link(kb, "وقالت الناشطة السياسية سلمى خليل إن الوضع صعب.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سلمى خليل"]


def test_family_name_spelled_like_a_town_after_a_given_name(kb, tmp_path: Path) -> None:
    # الأبيض is also a town (El Obeid); after a given name and a title it is a family name
    art = link(load_kb(), "وقال وزير الصحة سليم الأبيض إن معظم الإصابات طفيفة.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سليم الأبيض"]


def test_verbs_nouns_and_duals_after_a_title_are_not_names() -> None:
    kb = load_kb()
    for text in ("وكان ولي العهد الكويتي يتحدثان هاتفيا لأول مرة منذ شهور.",
                 "وقال رئيس الوزراء الليبي يضع استقالته بتصرف البرلمان.",
                 "وعقد الملك المغربي اجتماعين منفصلين مع قادة الأحزاب.",
                 "وبحث الرئيس الفرنسي قضية إنشاء مناطق عازلة على الحدود.",
                 "وقال المتحدث باسم رئاسة الجمهورية إن اللقاء كان مثمرا.",
                 "وهذا المشروع، وهو موضوع حاسم وسط مخاوف كثيرة، تأجل مجددا.",
                 "وقال المسؤول طالبا عدم كشف هويته إن الهجوم فشل.",
                 'وكان الرئيس الكيني أشاد "بمبادرة الجامعة" أمس.'):
        found = [e.text for e in link(kb, text).entities if e.type == "PERSON" and e.how == "discovered"]
        assert found == [], (text, found)
    # names that look alike are still found: a known female given name in ة, a list after a plural pronoun
    art = link(kb, "واعتقلت الشرطة الناشطة الحقوقية نجاة أنور أمس.")
    assert "Najat Anwar" in [e.name_en for e in art.entities if e.type == "PERSON"]
    art = link(kb, "وأفرج عن ثلاث رهائن، وهن رومي غونين وإميلي داماري ودورون شتاينبريخر.")
    assert len([e for e in art.entities if e.type == "PERSON" and e.how == "discovered"]) == 3


def test_undated_article_role_is_the_named_holder() -> None:
    kb = load_kb()
    text = ("استقبل الرئيس ميشال عون وفدا اقتصاديا في بعبدا. "
            "وقال الرئيس اللبناني إن بلاده تحتاج إلى دعم عاجل.")
    art = link(kb, text, published=None)
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Michel Aoun"}
    # with a publication date the date decides
    art = link(kb, text, published="2025-06-01")
    assert "Joseph Aoun" in {e.name_en for e in art.entities if e.type == "PERSON"}


def test_second_title_after_a_role_with_a_country_describes_the_same_person() -> None:
    kb = load_kb()
    art = link(kb, "وبعث الأمير محمد بن سلمان ولي العهد السعودي رئيس مجلس الوزراء برقية تهنئة "
                   "إلى الرئيس اللبناني جوزيف عون.", published="2025-03-01")
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Mohammed bin Salman", "Joseph Aoun"}


def test_acting_after_a_title_is_a_modifier() -> None:
    art = link(load_kb(), "وقال رئيس مجلس النواب العراقي بالنيابة كريم الساعدي إن الجلسة تأجلت.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["كريم الساعدي"]


def test_maghreb_names_take_the_french_based_spelling() -> None:
    from marsad.annotate.romanize import romanize_maghreb
    assert romanize_maghreb("عمر الراضي", "MAR") == "Omar Radi"
    assert romanize_maghreb("توفيق بوعشرين", "MAR") == "Taoufik Bouachrine"
    assert romanize_maghreb("جمال بن إسماعيل", "DZA") == "Djamel Bensmail"
    assert romanize_maghreb("مصطفى بوشاشي", "DZA") == "Mustapha Bouchachi"
    assert romanize_maghreb("كمال الفقي", "TUN") == "Kamel Feki"
    assert romanize_maghreb("رفيق عبد السلام", "TUN") == "Rafik Abdessalem"
    assert romanize_maghreb("عبد الصمد آيت عيشة", "MAR") == "Abdessamad Ait Aicha"
    assert romanize_maghreb("سعيد صالحي", "DZA") == "Said Salhi"


def test_discovered_maghreb_person_spelling_follows_the_article_country() -> None:
    kb = load_kb()
    # the description gives no country: the country the article names most decides
    art = link(kb, "وأفرجت السلطات الجزائرية عن الناشط زهير بوعلام بعد أشهر من اعتقاله في الجزائر.")
    assert "Zoheir Boualam" in [e.name_en for e in art.entities if e.type == "PERSON"]
    art = link(kb, "وأفرجت السلطات المصرية عن الناشط زهير بوعلام بعد أشهر من اعتقاله في القاهرة.")
    assert "Zuhair Bu'lam" in [e.name_en for e in art.entities if e.type == "PERSON"]
    # a known person's country counts too (no country named)
    art = link(kb, "وشمل عفو الملك محمد السادس الصحفي عمر الشرقاوي.")
    assert "Omar Cherkaoui" in [e.name_en for e in art.entities if e.type == "PERSON"]


def test_full_name_after_a_conjunction_with_a_short_given_name() -> None:
    # وعمر + a family name: a short stem after و is a given name when the full name follows
    art = link(load_kb(), "وغادر السجن أمس كل من توفيق بوعشرين وعمر الراضي.", published="2024-07-30")
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Taoufik Bouachrine", "Omar Radi"}
    # a single short word keeps its clitic (كريم is not ك + ريم)
    art = link(load_kb(), "وقال إنه كريم مع ضيوفه.", published="2024-07-30")
    assert [e for e in art.entities if e.type == "PERSON"] == []


def test_a_known_name_after_bin_is_a_fathers_name() -> None:
    art = link(load_kb(), "واستقبل الأمير خالد بن سلمان بن عبدالعزيز آل سعود الوفد.", published="2025-03-01")
    assert "Ibn Saud" not in {e.name_en for e in art.entities if e.type == "PERSON"}
    art = link(load_kb(), "وأسس الملك عبدالعزيز آل سعود المملكة عام 1932.", published="2025-03-01")
    assert "Ibn Saud" in {e.name_en for e in art.entities if e.type == "PERSON"}


def test_unknown_name_before_a_comma_and_a_title_is_that_persons() -> None:
    kb = load_kb()
    art = link(kb, "وقال كريم الزاوي، وزير الخارجية الجزائري، إن الاجتماع كان مثمرا.", published="2024-07-30")
    ps = [e for e in art.entities if e.type == "PERSON"]
    # the title describes the name before it: not the minister the base has on that date
    assert [(e.text, e.how) for e in ps] == [("كريم الزاوي", "discovered")]
    assert ps[0].role == "Foreign Minister of Algeria" and ps[0].country == "DZA"
    # a known name before the comma is linked as before
    art = link(kb, "وقال أحمد عطاف، وزير الخارجية الجزائري، إن الاجتماع كان مثمرا.", published="2024-07-30")
    assert {e.name_en for e in art.entities if e.type == "PERSON"} == {"Ahmed Attaf"}


def test_maghreb_family_names_from_given_names_and_clusters() -> None:
    from marsad.annotate.romanize import romanize_maghreb
    assert romanize_maghreb("هشام منصوري", "MAR") == "Hicham Mansouri"
    assert romanize_maghreb("عماد استيتو", "MAR") == "Imad Stitou"


def test_lists_go_on_past_a_known_person_and_a_nisba_family_name() -> None:
    kb = load_kb()
    art = link(kb, "وقتل في القصف أربعة صحافيين، هم: سامر عوض ومريم أبو دقة ونبيل المصري وهاني طه.",
               published="2025-08-26")
    ps = [e.text for e in art.entities if e.type == "PERSON"]
    assert ps == ["سامر عوض", "مريم أبو دقة", "نبيل المصري", "هاني طه"]
    # the nisba taken as a family name is no longer a country mention
    assert [e for e in art.entities if e.type == "GPE"] == []


def test_holders_family_name_after_a_garbled_given_name() -> None:
    art = link(load_kb(), "وأجرى الرئيس المصري عبد الفهيم السيسي اتصالا هاتفيا بنظيره.", published="2025-02-01")
    ps = [(e.name_en, e.how) for e in art.entities if e.type == "PERSON"]
    assert ps == [("Abdel Fattah el-Sisi", "role")]
    assert any(f.kind == "kb_conflict" for f in art.findings)


def test_plural_descriptions_introduce_lists_and_prepositions_end_names() -> None:
    kb = load_kb()
    art = link(kb, "وأفرج عن المدونين سامر الخطيب ونبيل حداد أمس.", published="2024-07-30")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سامر الخطيب", "نبيل حداد"]
    art = link(kb, "وهتف الكثير من المحامين داخل المحكمة ضد الحكم.", published="2024-07-30")
    assert [e for e in art.entities if e.type == "PERSON"] == []


def test_undated_article_other_given_name_of_a_former_holder_is_a_conflict() -> None:
    # no publication date: a former foreign minister's family name under another given name
    # is that minister, reported as a kb_conflict (a name discrepancy), not a new person
    art = link(load_kb(), "وأعلن وزير الخارجية الجزائري رمضان لعمامرة قطع العلاقات.", published=None)
    ps = [(e.name_en, e.how) for e in art.entities if e.type == "PERSON"]
    assert ps == [("Ramtane Lamamra", "role")]
    assert any(f.kind == "kb_conflict" for f in art.findings)


def test_given_names_ending_like_duals_are_still_names() -> None:
    # a dual noun before its adjective is no name, a given name in -ان/-ين before a family name is
    art = link(load_kb(), "وقال الناشط رضوان عدنان إن الوضع صعب.", published="2024-07-30")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["رضوان عدنان"]


# ---- real news, round 2 (issue 13): movements, the UN's adjective, seats of power,
# specific councils, nisba family names, spelling variants, office acts

def test_movements_and_coalitions_are_in_the_base(real_kb) -> None:
    art = link(real_kb, "نظمت حركة جيل زد 212 وقفة في الرباط، وقال تحالف أسطول الحرية إن سفينته أبحرت.", "2025-10-02")
    assert [(e.text, e.kb_id) for e in art.entities if e.type == "ORG"] == [
        ("حركة جيل زد 212", "genz_212"), ("تحالف أسطول الحرية", "freedom_flotilla_coalition")]
    # «جيل زد» alone is the movement only where the article is about Morocco
    art = link(real_kb, "تظاهر شباب جيل زد في الدار البيضاء ومراكش المغربية.", "2025-10-02")
    assert ents(art, "ORG") == [("شباب جيل زد", "epithet", "genz_212", "MAR")]
    art = link(real_kb, "يقضي جيل زد ساعات طويلة أمام الشاشات بحسب دراسة ألمانية.", "2025-10-02")
    assert ents(art, "ORG") == []


def test_the_un_by_its_adjective_and_by_the_international_organization(real_kb) -> None:
    art = link(real_kb, "قالت الأمم المتحدة إن مسلحين دخلوا مقرا للمنظمة الدولية، واحتجزوا موظفين أمميين، "
                        "وطالبت المسؤولة الأممية بالإفراج عنهم.", "2025-02-01")
    assert [(e.text, e.how, e.kb_id) for e in art.entities if e.type == "ORG"] == [
        ("الأمم المتحدة", "name", "united_nations"), ("منظمة الدولية", "coref", "united_nations"),
        ("أمميين", "nisba", "united_nations"), ("الأممية", "nisba", "united_nations")]
    # the international organization is the body named last; with a complement it is a name
    art = link(real_kb, "وقالت منظمة العفو الدولية إن المنظمة الدولية وثقت الانتهاكات. ورحبت المنظمة الدولية للهجرة بالقرار.")
    assert [e.kb_id for e in art.entities if e.type == "ORG"] == ["amnesty_international", "amnesty_international", "iom"]
    assert ents(link(real_kb, "وقالت المنظمة الدولية إنها قلقة."), "ORG") == []


def test_seats_of_power_stand_for_their_country(real_kb) -> None:
    art = link(real_kb, "ردّ قصر المرادية على بيان قصر قرطاج، فيما التزم قصر الاتحادية الصمت.", "2025-02-01")
    assert [(e.text, e.how, e.country) for e in art.entities] == [
        ("قصر المرادية", "metonym", "DZA"), ("قصر قرطاج", "metonym", "TUN"), ("قصر الاتحادية", "metonym", "EGY")]


def test_a_longer_specific_council_wins_over_the_security_council(real_kb) -> None:
    art = link(real_kb, "قرر مجلس الأمن والدفاع قطع العلاقات، ثم اجتمع مجلس الأمن الدولي.", "2025-05-06")
    assert [(e.text, e.kb_id) for e in art.entities if e.type == "ORG"] == [
        ("مجلس الأمن والدفاع", "sudan_security_defence_council"), ("مجلس الأمن الدولي", "un_security_council")]
    art = link(real_kb, "وقال مجلس الأمن والسلم إنه يتابع.", "2025-05-06")
    assert [e.kb_id for e in art.entities if e.type == "ORG"] == ["un_security_council"]  # no guard: still the UN


def test_a_nisba_that_is_a_known_family_name(real_kb) -> None:
    text = ("السوداني: العراق يطلب جدولا للانسحاب\n"
            "قال رئيس الوزراء العراقي محمد شياع السوداني إن بلاده لا تحتاج القوات الأجنبية. "
            "وأضاف السوداني أن الشعب السوداني يستحق السلام.")
    art = link(real_kb, text, "2024-01-10")
    assert [(e.text, e.type, e.how) for e in art.entities if e.text == "السوداني"] == [
        ("السوداني", "PERSON", "short"), ("السوداني", "PERSON", "short"), ("السوداني", "GPE", "nisba")]
    # without the person in the article it stays the adjective
    art = link(real_kb, "وقال المسؤول السوداني إن الحرب مستمرة. وزار السوداني القاهرة.", "2024-01-10")
    assert [e.type for e in art.entities if e.text == "السوداني"] == ["GPE", "GPE"]


def test_full_names_in_another_ordinary_spelling(real_kb) -> None:
    art = link(real_kb, "قتل القيادي هيثم علي الطبطبائي في غارة، وكان إسمعيل هنية قد رثاه. ونعى الحزب الطبطبائي.",
               "2025-11-24")
    assert people(art) == [("هيثم علي الطبطبائي", "Haytham Ali Tabatabai", "variant"),
                           ("إسمعيل هنية", "Ismail Haniyeh", "variant"),
                           ("الطبطبائي", "Haytham Ali Tabatabai", "coref")]
    art = link(real_kb, "وقدم عادل عبد المهدى استقالته.", "2019-11-29")    # final ى for ي
    assert people(art) == [("عادل عبد المهدى", "Adil Abdul-Mahdi", "name")]
    # a father's name after بن is no mention
    art = link(real_kb, "التقى الأمير فيصل بن عبدالعزيز آل سعود.", "2025-01-01")
    assert "Ibn Saud" not in [e.name_en for e in art.entities]


def test_houthi_militia_names(real_kb) -> None:
    art = link(real_kb, "اقتحمت ميليشيا الحوثي المقر، وقالت ميليشيات الحوثي إنها ستواصل.", "2025-02-01")
    assert [(e.kb_id, e.how) for e in art.entities if e.type == "ORG"] == [("houthis", "name"), ("houthis", "name")]


def test_a_royal_pardon_is_the_reigning_king(real_kb) -> None:
    art = link(real_kb, "غادر الصحافي المغربي السجن بعد عفو ملكي بمناسبة عيد العرش.", "2024-07-30")
    assert people(art) == [("عفو ملكي", "Mohammed VI", "role")]
    # no country clear from the context: nobody; and no name is read after it
    art = link(real_kb, "وقال إن عفو ملكي سابق شمل المعتقلين.", "2024-07-30")
    assert people(art) == []


def test_a_presidential_pardon_takes_the_country_of_the_context(real_kb) -> None:
    art = link(real_kb, "أفرجت السلطات التونسية عن المعارض بعد عفو رئاسي.", "2024-07-30")
    assert people(art) == [("عفو رئاسي", "Kais Saied", "role")]
    assert people(link(real_kb, "وشمل العفو الرئاسي مئات السجناء.", "2024-07-30")) == []


def test_a_holders_name_with_one_letter_off_is_that_holder(real_kb) -> None:
    # undated: the base's current Iraqi prime minister is someone else; no conflict for a typo
    art = link(real_kb, "أعلن رئيس الوزراء العراقي، عادل عبدي المهدي، عزمه تقديم استقالته.", None)
    assert people(art) == [("عادل عبدي المهدي", "Adil Abdul-Mahdi", "variant")]
    assert not [f for f in art.findings if f.kind == "kb_conflict"]
    # two letters off is somebody else
    art = link(real_kb, "أعلن رئيس الوزراء العراقي، عادل عبدو المهدوي، عزمه تقديم استقالته.", None)
    assert [p[2] for p in people(art)] == ["discovered"]


def test_ennahda_by_its_party_name_in_tunisian_articles(real_kb) -> None:
    art = link(real_kb, "وقال الرئيس التونسي إن حزب النهضة يتحمل المسؤولية.", "2023-04-20")
    assert [(e.name_en, e.how) for e in art.entities if e.type == "ORG"] == [("Ennahda", "epithet")]
    assert ents(link(real_kb, "وتحدث الوزير المصري عن سد النهضة.", "2023-04-20"), "ORG") == []


def test_the_uns_adjective_inside_a_role_phrase_names_the_body(real_kb) -> None:
    art = link(real_kb, "وحذر الأمين العام الأممي من التصعيد. وقال المبعوث الأممي إلى اليمن إن الحل سياسي.", "2025-03-01")
    assert people(art) == [("الأمين العام الأممي", "António Guterres", "role"),
                           ("المبعوث الأممي إلى اليمن", "Hans Grundberg", "role")]


def test_a_nisba_alone_before_a_given_name_opens_a_name(real_kb) -> None:
    art = link(real_kb, "واحتجز المسلحون موظفة في المنظمة، الأردنية لونا شكري، مع زملائها.", "2025-03-01")
    assert [(e.text, e.how, e.country) for e in art.entities if e.type == "PERSON"] == [
        ("لونا شكري", "discovered", "JOR")]
    # after a noun the nisba is its adjective: no name opens
    art = link(real_kb, "وقالت الوزارة الأردنية لونا إنها قلقة.", "2025-03-01")
    assert [e for e in art.entities if e.type == "PERSON"] == []


def test_an_unknown_word_and_a_definite_one_after_a_description_are_no_name(real_kb) -> None:
    art = link(real_kb, "ودعا أن يبعد عن البلدين الشقيقين شجون الصعاب.", "2025-03-01")
    assert [e for e in art.entities if e.type == "PERSON"] == []
    art = link(real_kb, "وقال الناشط كريم الزاوي إن الاحتجاج مستمر.", "2025-03-01")
    assert [e.how for e in art.entities if e.type == "PERSON"] == ["discovered"]


def test_one_army_one_entry(real_kb) -> None:
    art = link(real_kb, "قال الجيش السوداني إن جيش السودان تقدم، وقال الجيش اللبناني إن القوات المسلحة اللبنانية انتشرت.")
    assert [e.kb_id for e in art.entities if e.type == "ORG"] == [
        "sudanese_armed_forces", "sudanese_armed_forces", "lebanese_army", "lebanese_army"]


# -- issue 11, round 3: unknown names on the c7 first-seen check

def _found(art: Article) -> list[tuple[str, str]]:
    return [(e.text, e.name_en) for e in art.entities if e.type == "PERSON" and e.how == "discovered"]


def test_long_names_with_a_particle_or_a_compound_are_read_whole(real_kb) -> None:
    art = link(real_kb, "وأعلنت الوزارة وفاة الشاب سامر خليل يوسف أبو ريدة (19 عاما) متأثرا بجروحه.")
    assert _found(art) == [("سامر خليل يوسف أبو ريدة", "Samer Khalil Youssef Abu Rida")]
    art = link(real_kb, "وشيع الأهالي الشاب عمار محمود سعيد جار الله (25 عاما) في قريته.")
    assert _found(art) == [("عمار محمود سعيد جار الله", "Ammar Mahmoud Saeed Jarallah")]
    # a compound given name is one word when the name has no clear end
    art = link(real_kb, "واستقبل والي وهران نور الدين عياشي بمقر الولاية الوفد.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["نور الدين عياشي"]


def test_words_that_end_a_name_reported_speech_and_age(real_kb) -> None:
    art = link(real_kb, "وقال المحامي كريم الجزيري لوكالة الأنباء إن موكله بريء.")
    assert _found(art) == [("كريم الجزيري", "Karim al-Jaziri")]
    art = link(real_kb, "واعتقلت الشرطة الناشط سليم حداد البالغ من العمر 30 عاما.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سليم حداد"]
    art = link(real_kb, "وأكدت الناشطة سعاد الرميلي وفق بيان رسمي أن الإصلاح مستمر.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سعاد الرميلي"]


def test_after_a_bare_comma_only_a_given_name_opens_another_name(real_kb) -> None:
    art = link(real_kb, "وبإشراف الناشط سامي كريم موسى، نفذت حملات تطوعية في الحي.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سامي كريم موسى"]
    art = link(real_kb, "وحضر الجلسة المحامي سامي كريم، وعادل نصار.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سامي كريم", "عادل نصار"]


def test_a_description_with_a_place_then_a_comma_and_a_name(real_kb) -> None:
    art = link(real_kb, "وأطلق مسلحون النار على القاضي في محكمة البصرة، حسين كريم الساعدي، قرب منزله.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["حسين كريم الساعدي"]
    # no given name after the comma: no name
    art = link(real_kb, "وقال الناشط في المجتمع المدني، بعد الحادث، إن الوضع صعب.")
    assert [e for e in art.entities if e.type == "PERSON"] == []


def test_ali_with_ya_opens_a_name_where_the_text_writes_ala_with_alif_maqsura(real_kb) -> None:
    art = link(real_kb, "وحكمت المحكمة على الصحافي علي الوردي بالسجن سنة.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["علي الوردي"]
    # a text that writes the preposition على as علي everywhere: علي is the preposition
    art = link(real_kb, "وحكمت المحكمة علي الصحافي علي سبيل المثال.")
    assert [e for e in art.entities if e.type == "PERSON"] == []


def test_romanize_egyptian_final_ya_nisba_of_a_given_name_and_allah_compounds() -> None:
    assert romanize("عادل المنشاوى") == romanize("عادل المنشاوي")
    assert romanize("مرتضى الإبراهيمي") == "Murtada al-Ibrahimi"
    assert romanize("حيدر الهاشمي") == "Haidar al-Hashimi"
    assert romanize("محمد العلوي") == "Mohammed al-Alawi"      # the name ends in a vowel: letter by letter
    assert romanize("سعيد حرز الله") == "Saeed Harzallah"
    assert romanize("عبد الله سالم") == "Abdullah Salem"


def test_per_word_memos_start_again_past_their_cap(monkeypatch) -> None:
    from marsad.annotate import entities
    monkeypatch.setattr(entities, "_MEMO_CAP", 2)
    memo: dict = {}
    for n in range(3):
        assert entities._remember(memo, n, n * 10) == n * 10
    assert memo == {0: 0, 1: 10, 2: 20}
    entities._remember(memo, 3, 30)     # past the cap: the memo starts again
    assert memo == {3: 30}


def test_a_description_word_opens_no_name_in_a_list(real_kb) -> None:
    art = link(real_kb, "واعتقلت الشرطة الصحافي سامي نصار، ومراسل قناة محلية.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سامي نصار"]


def test_a_town_that_is_also_a_given_name_ends_a_three_word_name(real_kb) -> None:
    # عمران is a town in Yemen and a given name: as the third word of a name it is the family name
    art = link(real_kb, "وأعلن العقيد سامر نادر عمران أن الطريق أعيد فتحه.")
    assert [e.text for e in art.entities if e.type == "PERSON"] == ["سامر نادر عمران"]
    assert not [e for e in art.entities if e.type == "LOC"]
    # after a preposition it is still the town
    art = link(real_kb, "ووصل العقيد سامر نادر إلى عمران أمس.")
    assert [e.text for e in art.entities if e.type == "LOC"] == ["عمران"]


def test_a_known_full_name_with_one_more_given_name_is_someone_else(real_kb) -> None:
    art = link(real_kb, "ونعت الحركة في بيانها محمد مصطفى أيوب، وقالت إنه قتل في غارة.", "2025-11-01")
    assert people(art) == [("محمد مصطفى أيوب", "Mohammad Mustafa Ayoub", "discovered")]
    # the known name alone is still the known person
    art = link(real_kb, "وقال محمد مصطفى إن الحكومة ستجتمع غدا.", "2025-11-01")
    assert people(art) == [("محمد مصطفى", "Mohammad Mustafa", "name")]
    # a title's first word in apposition is no name part
    art = link(real_kb, "والتقى علي شمخاني أمين المجلس الأعلى للأمن القومي وفدا زائرا.", "2020-01-10")
    assert [e.name_en for e in art.entities if e.type == "PERSON"] == ["Ali Shamkhani"]


def test_a_plural_past_verb_opens_no_name_after_a_description(real_kb) -> None:
    # المعتقلين is a description; قادوا (they led) is a verb, not a given name
    art = link(real_kb, "وأشارت التحقيقات إلى أن المعتقلين قادوا جماعة مسلحة سرية تهدف إلى الإخلال بالأمن.")
    assert [e for e in art.entities if e.type == "PERSON"] == []
