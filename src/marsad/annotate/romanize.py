"""Consistent, news-style romanization of Arabic personal names the base does not know.

Arabic script leaves short vowels out, so no rule recovers every name's usual
English spelling; what matters is that the same Arabic name always gives the
same English one, and that it reads like a news spelling. Given names and
particles come from a data table (``data/kb/given_names.json``: محمد → Mohammed,
أبو → Abu); other words are transliterated letter by letter with an ``a`` put
between consonants where Arabic would have a short vowel (قصرة → Qasra), and the
article ال becomes ``al-`` (الشيباني → al-Shaibani style: al-Shibani).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from marsad.text.normalize import normalize_key

_GIVEN_NAMES = Path(__file__).resolve().parents[1] / "data" / "kb" / "given_names.json"

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g",
}
_HAMZA = set("ءئؤ")
_SHADDA = "\u0651"
_DIACRITICS = re.compile("[\u064b-\u0650\u0652-\u065f\u0670\u0640]")


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    raw = json.loads(_GIVEN_NAMES.read_text(encoding="utf-8"))
    # Arabic given names first: a foreign form never overrides one (ميشيل stays as listed)
    data = {**(raw.get("foreign") or {}), **raw.get("names", {})}
    return {normalize_key(k): v for k, v in data.items()}


def _transliterate(word: str, letters: dict[str, str] = _CONSONANTS, long_u: str = "u",
                   persian: bool = False) -> str:
    """Letter-by-letter romanization of one Arabic word (no article).

    Patterns of the news style (docs/entities.md, "Romanizing unknown names"):
    و and ي before ا are consonants (السنوار → Sinwar style: Sanwar); two final
    consonants after a long vowel take an e (شاهد → Shahed, بودن → Buden);
    final وي after a consonant is awi (بدوي → Badawi); final ية is iya
    (هنية → Haniya); ئي is ai (رئيسي → Raisi). ``persian``: a consonant و is v, ئي is
    ei, and فاعل before a final nisba ي takes the e too (باقري → Bagheri, رضائي → Rezaei)."""
    out: list[str] = []
    run = 0                 # consonants since the last vowel
    long_vowel = False      # the last vowel was a long one (ا و ي)
    chars = list(word)
    n = len(chars)

    def consonant(latin: str, at_start: bool, i: int) -> None:
        nonlocal run
        if run >= (1 if at_start or len(out) == 1 else 2):
            out.append("a")
            run = 0
        elif run == 1 and long_vowel and not at_start and (
                i == n - 1 or (persian and i == n - 2 and chars[-1] in "يی")):
            out.append("e")     # فاعل: Shahed, Khaled; Persian باقري: Bagheri
            run = 0
        out.append(latin)
        run += 1

    def vowel(latin: str, long: bool = True) -> None:
        nonlocal run, long_vowel
        out.append(latin)
        run = 0
        long_vowel = long and bool(latin)

    skip = False
    for i, ch in enumerate(chars):
        if skip:
            skip = False
            continue
        first, last = i == 0, i == n - 1
        nxt = chars[i + 1] if i + 1 < n else " "     # a space: in no letter set
        prev_is_vowel = run == 0 and bool(out)
        if ch == _SHADDA:
            if out and run:
                out.append(out[-1][-1])
            continue
        if ch in "اآأٱ":
            vowel("a" if not (ch == "ا" and out and out[-1] == "a") else "")
        elif ch == "إ":
            vowel("i", long=False)
        elif ch in "ةى":
            vowel("a", long=False)
        elif ch == "ع":
            if first:
                vowel("a", long=False)
            elif run:
                vowel("a", long=False)
            else:
                out.append("'")
        elif ch == "و":
            if first or prev_is_vowel or nxt in "اآأ":
                consonant("v" if persian else "w", first, i)
            elif nxt in "يی" and i + 2 == n and run:
                vowel("avi" if persian else "awi")      # بدوي → Badawi; Persian موسوي → Mousavi
                skip = True
            else:
                vowel(long_u)
        elif ch in "يی":
            if nxt == "ة" and i + 2 == n and not first:
                vowel("iya", long=False)    # هنية → Haniya
                skip = True
            elif first or (prev_is_vowel and not last) or nxt in "اآأ":
                consonant("y", first, i)
            else:
                vowel("i")
        elif ch == "ئ" and nxt in "يی":
            vowel("ei" if persian else "ai")    # رئيسي → Raisi; Persian رضائي → Rezaei
            skip = True
        elif ch in _HAMZA:
            if out and out[-1] not in "'":
                out.append("'")
            run = 0
        elif ch in _CONSONANTS:
            if ch == "ه" and last and run:
                vowel("a", long=False)
            else:
                consonant(letters[ch], first, i)
        # anything else (digits, Latin) is left out
    text = "".join(out).strip("'")
    return text[:1].upper() + text[1:]


def _nisba_of_given(word: str, table: dict[str, str]) -> str | None:
    """A nisba made on a given name takes that name's spelling: الإبراهيمي →
    al-Ibrahimi, الهاشمي → al-Hashimi, الكاظمي → al-Kadhimi (only where the name
    ends in a consonant: العلوي stays al-Alawi)."""
    key = normalize_key(word)
    if len(key) < 4 or not key.endswith("ي"):
        return None
    base = table.get(key[:-1])
    if not base or " " in base or base[-1:].lower() in "aeiouy":
        return None
    return base + "i"


def _romanize_words(name_ar: str, table: dict[str, str],
                    word_piece: Callable[[list[str], int, dict[str, str], list[str]], int]) -> str:
    """A name word by word: a pair of words the table lists (عبد الله, محمد رضا) takes its
    spelling; any other word ``word_piece(words, i, table, out)`` spells into ``out``,
    returning how many words it read."""
    if not isinstance(name_ar, str) or not name_ar.strip():
        raise ValueError("romanize: the name is empty")
    words = _DIACRITICS.sub("", name_ar).split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = normalize_key(" ".join(words[i:i + 2])) if i + 1 < len(words) else None
        if pair and pair in table:
            out.append(table[pair])
            i += 2
        else:
            i += word_piece(words, i, table, out)
    text = " ".join(w for w in out if w)
    return text[:1].upper() + text[1:]


def _arabic_word(words: list[str], i: int, table: dict[str, str], out: list[str]) -> int:
    word = words[i]
    key = normalize_key(word)
    nxt = normalize_key(words[i + 1]) if i + 1 < len(words) else ""
    if nxt == "الله" and key not in ("عبد", "ابو", "بن"):
        out.append(_transliterate(word) + "allah")     # حرز الله → Harzallah, نصر الله → Nasrallah
        return 2
    if key == "عبد" and nxt.startswith("ال") and len(nxt) > 3:
        out.append("Abdul " + _transliterate(words[i + 1][2:]))   # عبد الخالق → Abdul Khaleq
        return 2
    if key in table:
        out.append(table[key])
    elif word.startswith("ال") and len(key) > 3:   # not أل: أليكسي is no article
        rest = word[2:]
        if rest.endswith("ى") and normalize_key(rest) not in table:
            rest = rest[:-1] + "ي"      # المسمارى: Egyptian print writes a final ي as ى
        out.append("al-" + (table.get(normalize_key(rest)) or _nisba_of_given(rest, table)
                            or _transliterate(rest)))
    elif key.startswith("عبد") and len(key) > 4 and key[3:].startswith("ال"):
        rest = word[3:]
        out.append("Abdul " + _transliterate(rest[2:]))
    else:
        out.append(_transliterate(word))
    return 1


def romanize(name_ar: str) -> str:
    """The English spelling Marsad gives an Arabic personal name (أبو قصرة → Abu Qasra,
    مرهف أبو قصرة → Murhaf Abu Qasra). The same input always gives the same output."""
    return _romanize_words(name_ar, _given_names(), _arabic_word)


# ---- the Levant's -eh ------------------------------------------------------------------

LEVANT = frozenset({"PSE", "JOR", "LBN", "SYR"})
# after a guttural, an emphatic consonant or ر the ending stays -a (حلايقة → Halayqa, أبو قصرة → Abu Qasra)
_NO_IMALA = frozenset("حخعغقصضطظهر")


def romanize_levant(name_ar: str) -> str:
    """The spelling of a name of Palestine, Jordan, Lebanon or Syria: as ``romanize``, but a
    family name ending in taa marbuta ends in -eh, as the region's names are written in
    English (شحادة → Shahadeh, الخرابشة → al-Kharabsheh, هنية → Haniyeh, أبو عرفة → Abu
    Arfeh), except after a guttural, an emphatic consonant or ر, where the region's speech
    keeps the a (حلايقة → Halayqa, أبو قصرة → Abu Qasra). Given names keep the table's spelling (حمزة stays Hamza)."""
    table = _given_names()
    words = _DIACRITICS.sub("", name_ar).split()
    out = romanize(name_ar).split()
    if len(out) != len(words):      # a pair of words read as one (عبد الله): leave the name as it is
        return " ".join(out)
    for i, (word, latin) in enumerate(zip(words, out)):
        key = normalize_key(word)
        bare = key[2:] if key.startswith("ال") else key
        if i and word.endswith("ة") and len(word) > 2 and word[-2] not in _NO_IMALA \
                and key not in table and bare not in table and latin.endswith("a"):
            out[i] = latin[:-1] + "eh"
    return " ".join(out)


# ---- the Persian spelling of Iranian names ---------------------------------------------

_FA_CONSONANTS = {**_CONSONANTS, "ق": "gh", "ذ": "z", "ض": "z", "ظ": "z"}
_FA_ENDINGS = {"زاده": "zadeh", "پور": "pour", "بور": "pour"}


@lru_cache(maxsize=1)
def _persian_names() -> dict[str, str]:
    raw = json.loads(_GIVEN_NAMES.read_text(encoding="utf-8")).get("persian") or {}
    return {normalize_key(k): v for k, v in (raw.get("names") or {}).items()}


def _transliterate_fa(word: str) -> str:
    for ending, latin in _FA_ENDINGS.items():
        if word.endswith(ending) and len(word) > len(ending) + 1:   # نصير زاده, نصيرزاده → Nasirzadeh
            return _transliterate(word[:-len(ending)], _FA_CONSONANTS, "ou", persian=True) + latin
    return _transliterate(word, _FA_CONSONANTS, "ou", persian=True)


def _persian_word(words: list[str], i: int, table: dict[str, str], out: list[str]) -> int:
    word, key = words[i], normalize_key(words[i])
    if key in table:
        out.append(table[key])
    elif key in _FA_ENDINGS and out:
        out[-1] += _FA_ENDINGS[key]     # نصير زاده: one name
    elif word.startswith("ال") and len(key) > 3:
        out.append(romanize(word))      # an Arabic family name keeps the Arabic spelling
    else:
        out.append(_transliterate_fa(word))
    return 1


def romanize_persian(name_ar: str) -> str:
    """The spelling English news gives an Iranian name written in Arabic script: given
    names from given_names.json 'persian' (حسين أكبري → Hossein Akbari, محمد رضا → Mohammad
    Reza), other words letter by letter with ق gh, ذ ض ظ z and a medial و ou, زاده and
    پور joined as -zadeh and -pour (عزيز نصير زاده → Aziz Nasirzadeh)."""
    return _romanize_words(name_ar, _persian_names(), _persian_word)


# ---- the Maghreb's French-based spelling ----------------------------------------------

MAGHREB = frozenset({"DZA", "MAR", "TUN", "MRT"})

_FR_CONSONANTS = {
    **_CONSONANTS, "ج": "j", "ذ": "d", "ش": "ch", "ض": "d", "ظ": "d", "ق": "k",
}
_FR_VOWEL_LETTERS = set("اآأإويىةعئ")
# a letter always written as a vowel: its Latin, whether it is a long vowel, and whether
# it melts into an a just written (عا, اع: one a)
_FR_VOWELS = {
    "ا": ("a", True, True), "آ": ("a", True, True), "أ": ("a", True, True),
    "ع": ("a", False, True),
    "إ": ("i", False, False), "ة": ("a", False, False), "ى": ("a", False, False),
    "و": ("ou", True, False),
}
_GUTTURALS = set("حهخعغ")


@lru_cache(maxsize=1)
def _maghreb_names() -> dict[str, dict[str, str]]:
    raw = json.loads(_GIVEN_NAMES.read_text(encoding="utf-8")).get("maghreb") or {}
    common = {normalize_key(k): v for k, v in (raw.get("names") or {}).items()}
    out = {"": common}
    for iso, table in (raw.get("countries") or {}).items():
        out[iso] = {**common, **{normalize_key(k): v for k, v in table.items()}}
    return out


def _transliterate_fr(word: str, country: str, cluster: bool = False) -> str:
    """Letter-by-letter romanization of one word in the Maghreb's French-based
    spelling: ش ch, ق k, و ou, ج dj in Algeria, an e for an unwritten short vowel,
    ss between vowels, a final ن after a long vowel written -ne (بوعشرين →
    Bouachrine, الفقي → Feki, صالحي → Salhi)."""
    out: list[str] = []
    run = 0                 # consonants since the last vowel
    long_vowel = False
    chars = [c for c in word if c != _SHADDA]
    n = len(chars)
    for i, ch in enumerate(chars):
        first, last = i == 0, i == n - 1
        nxt = chars[i + 1] if i + 1 < n else " "
        after_vowel = bool(out) and run == 0
        if ch in _FR_VOWELS:
            latin, long_vowel, joins_a = _FR_VOWELS[ch]
            if not (joins_a and out and out[-1].endswith("a")):
                out.append(latin)
            run = 0
        elif ch in "يیئ":
            if first or (after_vowel and nxt in _FR_VOWEL_LETTERS):
                out.append("y")
                run += 1
            else:
                out.append("i")
                run, long_vowel = 0, True
        elif ch in "ءؤ":
            continue
        elif ch in _FR_CONSONANTS:
            latin = _FR_CONSONANTS[ch]
            if ch == "ج" and country == "DZA":
                latin = "dj"
            if ch == "ه" and last and run:
                out.append("a")
                run, long_vowel = 0, False
                continue
            if ch == "س" and after_vowel and nxt in _FR_VOWEL_LETTERS and not last:
                latin = "ss"
            # the unwritten vowel is e, a next to a guttural (التهراوي → Tahraoui, الفقي → Feki)
            short = "a" if ch in _GUTTURALS or (i and chars[i - 1] in _GUTTURALS) else "e"
            if run >= (1 if len(out) == 1 and not cluster else 2):
                out.append(short)
                run = 0
            elif run == 1 and long_vowel and last:
                out.append("e")     # حيرش → Hirech, شاهد → Chahed
                run = 0
            out.append(latin)
            run += 1
            if ch == "ن" and last and after_vowel and long_vowel:
                out.append("e")     # بوعشرين → Bouachrine, سفيان → Sofiane
    text = "".join(out)
    return text[:1].upper() + text[1:]


def romanize_maghreb(name_ar: str, country: str) -> str:
    """The spelling of a Maghreb name (Algeria, Morocco, Tunisia, Mauritania) as
    the press of the region and international news write it: French-based, the
    article dropped from family names, بن joined to the next word in Algeria and
    Morocco (جمال بن إسماعيل → Djamel Bensmail, عمر الراضي → Omar Radi). Given
    names come from given_names.json 'maghreb' (per country, then common), then
    from the Arabic table."""
    if not isinstance(name_ar, str) or not name_ar.strip():
        raise ValueError("romanize: the name is empty")
    tables = _maghreb_names()
    table = tables.get(country) or tables[""]
    general = _given_names()
    words = _DIACRITICS.sub("", name_ar).split()
    out: list[str] = []
    join_next = False
    i = 0
    while i < len(words):
        pair = normalize_key(" ".join(words[i:i + 2])) if i + 1 < len(words) else None
        if pair and pair in table:
            piece, i = table[pair], i + 2
        else:
            word, key = words[i], normalize_key(words[i])
            i += 1
            if key in ("بن", "ابن") and i < len(words) and country in ("DZA", "MAR"):
                out.append("Ben")
                join_next = True
                continue
            bare = word[2:] if word.startswith("ال") and len(key) > 3 else word
            bkey = normalize_key(bare)
            if key in table:
                piece = table[key]
            elif bkey in table:
                piece = table[bkey]
            elif key in general and key not in ("بن", "ابن"):
                piece = general[key]
            elif bkey in general:
                piece = general[bkey]
            elif bkey.endswith("ي") and len(bkey) > 3 and bkey[-3] in "وي" and \
                    (given := table.get(bkey[:-1]) or general.get(bkey[:-1]) or "a")[-1] not in "aeiou":
                # a nisba of a given name with a long last vowel: منصوري → Mansouri (صالحي stays Salhi)
                piece = given + "i"
            elif bare[:1] == "ا" and bare[1:2] == "س" and bare[2:3] in _FR_CONSONANTS:
                piece = _transliterate_fr(bare[1:], country, cluster=True)  # استيتو → Stitou
            else:
                piece = _transliterate_fr(bare, country)
        if join_next and out:
            out[-1] += piece[:1].lower() + piece[1:]
            join_next = False
        else:
            out.append(piece)
    text = " ".join(w for w in out if w)
    return text[:1].upper() + text[1:]
