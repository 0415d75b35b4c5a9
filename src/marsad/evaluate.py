"""``marsad evaluate``: score the pipeline against a gold file in the seeds' format.

Scores: story B-cubed precision/recall/F1; main-event type, actors and date
accuracy; person precision/recall/F1; date accuracy; boilerplate removal and
content kept (text inputs only).
"""

from __future__ import annotations

import json
import re
from collections import Counter
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.annotate.event_direction import converse_modes, is_directed
from marsad.model import Article, Story
from marsad.pipeline import default_pipeline
from marsad.text.normalize import normalize_key
from marsad.text.tokens import clitic_variants
from marsad.workflow import annotate


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read the gold file ({exc})") from exc
    if not isinstance(gold, dict) or "articles" not in gold or "events" not in gold:
        raise ValueError("not a gold file: it needs 'events' and 'articles'")
    return gold


def bcubed(gold_clusters: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the items present in both mappings
    (item -> cluster label)."""
    items = [i for i in gold_clusters if i in predicted]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 0}
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for i in items:
        by_gold.setdefault(gold_clusters[i], set()).add(i)
        by_pred.setdefault(predicted[i], set()).add(i)
    p = r = 0.0
    for i in items:
        g, s = by_gold[gold_clusters[i]], by_pred[predicted[i]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(items), r / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "n": len(items)}


def _name(value: str | None) -> str:
    """Names compare without case, hyphens or Latin diacritics (Erdoğan = Erdogan)."""
    plain = unicodedata.normalize("NFKD", value or "")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("-", " ").split())


def _forms(name_en: str | None, kb_id: str | None) -> frozenset[str]:
    """The forms a predicted name answers to: itself and, for a person of the knowledge
    base, its canonical English name and its recorded English aliases (``aka``: an older
    spelling such as "Sergei Lavrov" for "Sergey Lavrov", a titled form). A gold name that
    is one of them names the same person."""
    return _kb_forms(kb_id) | {_name(name_en)} if kb_id else frozenset({_name(name_en)})


@lru_cache(maxsize=4096)
def _kb_forms(kb_id: str) -> frozenset[str]:
    from marsad.annotate.knowledge import load_kb

    person = load_kb().persons.get(kb_id)
    if not person:
        return frozenset()
    return frozenset(_name(n) for n in (person.get("name_en"), *(person.get("aka") or [])) if n)


_ABD = re.compile(r"\babd[ -]?(?:al|el|ul|ol)[ -]?")
_SKELETON_SWAPS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("dj", "j"), ("ch", "sh"), ("q", "k"), ("gh", "g"),
                   ("kh", "k"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("w", "v"))


def spelling_skeleton(name: str | None) -> str:
    """A name with what Arabic script does not write taken out, for comparing two English
    spellings of one Arabic name (Keddam / Kedam, Mismari / Masmari, Shehadeh / Shahada,
    Abdelsalam / Abdul Salam): no article (al-, el-), no vowels, no doubled letters, no
    final h after a vowel, and letters that news spells two ways folded (q/k, ou/u, dj/j)."""
    plain = _name(name)
    plain = _ABD.sub("abdul", plain)
    words = [w for w in plain.replace("'", "").split() if w not in ("al", "el")]
    out = []
    for w in words:
        w = re.sub(r"(?<=[aeiou])h$", "", w)
        for a, b in _SKELETON_SWAPS:
            w = w.replace(a, b)
        w = re.sub(r"[aeiouy]", "", w)
        out.append(re.sub(r"(.)\1+", r"\1", w))
    return "".join(out)


@lru_cache(maxsize=1)
def _reference_words() -> frozenset[str]:
    """First words of the base's title phrases and of its references to a person named
    before (نظيره، الزعيمين، الجانب), with and without the article."""
    from marsad.annotate.knowledge import load_kb

    t = load_kb().titles
    words = {p.split()[0] for p in t.phrases} | set(t.counterpart) | set(t.duals) | set(t.sides)
    return frozenset(words | {w[2:] for w in words if w.startswith("ال")})


def names_the_person(entity) -> bool:
    """Whether a person mention writes a name: not a title alone (ملك الأردن, المستشار
    الألماني) or a reference back (نظيره السوري, الزعيمين) that the linker resolved to a
    holder. A title resolved with a misspelt name after it (سيرغي بوغدانوف for the deputy
    minister) writes a name. The real corpus and the seeds list the persons an article
    names, so only named persons are scored."""
    if entity.how not in ("role", "coref"):
        return True
    words = normalize_key(entity.text or "").split()
    if not words:
        return False
    forms = set(clitic_variants(words[0])) | {words[0]}
    forms |= {f[2:] for f in forms if f.startswith("ال")}
    return not forms & _reference_words()


def match_persons(gold: set[str], predicted: dict[str, frozenset[str]], *, strict: bool = False
                  ) -> tuple[set[str], set[str], set[str]]:
    """(found, missing, extra): the gold names (compared with ``_name``) a predicted person
    answers to, those none does, and the predicted names that answer to none. ``predicted``
    maps each predicted name to its ``_forms``; ``strict`` compares the names alone."""
    if strict:
        names = set(predicted)
        return gold & names, gold - names, names - gold
    found = {g for g in gold if any(g in forms for forms in predicted.values())}
    extra = {p for p, forms in predicted.items() if not forms & gold}
    return found, gold - found, extra


def actors_match(gold_event: dict, event, *, ordered: bool = False) -> bool:
    """The main event's two actors against the gold's. A gold actor given only by its
    country (no name) is matched by any actor of that country. Either order by default;
    with ``ordered``, the order must be the gold's when the gold event is directed
    (``is_directed``), a hosting being read as the visit seen from the host."""
    slots = [(gold_event.get(f"actor{n}"), gold_event.get(f"actor{n}_country")) for n in (1, 2)]

    def same(g, a) -> bool:
        name, country = g
        if not (name or country):
            return a is None
        if a is None:
            return False
        return _name(name) in _forms(a.name_en, a.kb_id) if name else a.country == country

    gold_type, gold_mode = gold_event.get("plover_type"), gold_event.get("mode")
    if ordered and is_directed(gold_type, gold_mode):
        pred = [event.actor1, event.actor2]
        if getattr(event, "mode", None) in converse_modes(gold_type, gold_mode):
            pred.reverse()
        return all(same(g, a) for g, a in zip(slots, pred))
    gold = [g for g in slots if g[0] or g[1]]
    pred = [a for a in (event.actor1, event.actor2) if a]
    if len(gold) != len(pred):
        return False
    return any(all(same(g, a) for g, a in zip(gold, order)) for order in (pred, pred[::-1]))


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "fp": fp, "fn": fn}


def _dateline_stripped_kept(key: str, text_key: str) -> bool:
    # A content line that began with a dateline is kept without it: compare its tail.
    return len(key) > 60 and key[-40:] in text_key


# Gold line lists (1-based) of lines that must leave an article's text.
REMOVED_LINE_KEYS = ("boilerplate_lines", "metadata_lines", "byline_lines", "embedded_lines")


def gold_removed_lines(gold_article: dict) -> set[int]:
    return {n for key in REMOVED_LINE_KEYS for n in gold_article.get(key, [])}


def token_f1(got: str, expected: str) -> float:
    """F1 of the word tokens of two texts (as bags), for main-text extraction."""
    a, b = Counter(re.findall(r"\w+", got)), Counter(re.findall(r"\w+", expected))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def boilerplate_scores(gold_articles: dict[str, dict], articles: dict[str, Article]) -> dict[str, Any]:
    removed = should_remove = kept = should_keep = 0
    for aid, g in gold_articles.items():
        art = articles.get(aid)
        if art is None or not art.raw or g.get("format") in ("html", "jsonl"):
            continue
        lines = art.raw.splitlines()
        drop = gold_removed_lines(g)
        # Lines are matched in order, each kept line of the text once: a repeated
        # headline counts as removed when only the first copy is still in the text.
        remaining = Counter(normalize_key(t) for t in art.text.splitlines())
        text_key = normalize_key(art.text)
        first_content = next((n for n, line in enumerate(lines, 1) if line.strip()), None)
        for n, line in enumerate(lines, 1):
            key = normalize_key(line)
            if not key:
                continue
            if remaining[key] > 0:
                remaining[key] -= 1
                present = True
            elif n == first_content and art.title and normalize_key(art.title) == key:
                present = True  # the headline became the title field
            else:
                present = n not in drop and _dateline_stripped_kept(key, text_key)
            if n in drop:
                should_remove += 1
                removed += not present
            else:
                should_keep += 1
                kept += present
    return {"removed": round(removed / should_remove, 4) if should_remove else None,
            "content_kept": round(kept / should_keep, 4) if should_keep else None,
            "boilerplate_lines": should_remove, "content_lines": should_keep}


# Gold discrepancy fields and the words of Marsad's discrepancy fields that report them:
# a wrong name is "name of <role>" (a known person misnamed) or "holder of <office>"
# (someone named as holding an office the base gives to another).
# The annotators of the parts name a field in their own words («toll», «death toll»,
# «toll_killed», «injured»): each family is read as the field Marsad reports.
DISCREPANCY_FIELDS = {"person_name": ("name of", "holder of"), "casualties": ("casualties",),
                      "date": ("date",), "arrests": ("arrested",),
                      "toll": ("casualties",), "death toll": ("casualties_killed",),
                      "toll killed": ("casualties_killed",), "toll wounded": ("casualties_injured",),
                      "toll injured": ("casualties_injured",), "injured": ("casualties_injured",),
                      "wounded": ("casualties_injured",), "killed": ("casualties_killed",)}


def _discrepancy_words(field: str) -> tuple[str, ...]:
    key = field.strip().lower().replace("_", " ")
    return DISCREPANCY_FIELDS.get(field, DISCREPANCY_FIELDS.get(key, (field,)))


def _sets_apart(planted: dict, values: list[dict]) -> bool:
    """Marsad's values put an odd article of the planted discrepancy against an article
    the gold gives another value: naming the odd article is not enough (a disagreement
    with a report the gold does not list, the odd one on the first value's side, is
    no finding)."""
    gold_of: dict[str, set[int]] = {}
    for i, v in enumerate(planted["values"]):
        for a in v["articles"]:
            gold_of.setdefault(a, set()).add(i)
    ours: dict[str, set[int]] = {}
    for j, v in enumerate(values):
        for a in v["article_ids"]:
            ours.setdefault(a, set()).add(j)
    odd = {a for v in planted["values"][1:] for a in v["articles"]}
    return any(ours[o].isdisjoint(ours[x]) and x in gold_of and gold_of[x] != gold_of[o]
               for o in odd & ours.keys() for x in ours if x != o)


def discrepancy_scores(gold: dict[str, Any], stories: list[Story]) -> dict[str, Any]:
    """Planted discrepancies found (the story holding the odd article reports a
    discrepancy of that kind that sets it apart from an article the gold gives another
    value), and discrepancies invented in stories whose gold event has none."""
    planted = gold.get("discrepancies", [])
    found = []
    for d in planted:
        words = _discrepancy_words(d["field"])
        odd = {a for v in d["values"][1:] for a in v["articles"]}
        hit = any(any(w in rec.field for w in words) and _sets_apart(d, rec.values)
                  for st in stories if odd & set(st.article_ids) for rec in st.discrepancies)
        found.append({"event_id": d["event_id"], "field": d["field"], "found": hit})
    clean_events = {e["event_id"] for e in gold["events"]} - {d["event_id"] for d in planted} \
        - {g["main_event"] for g in gold["articles"].values() if g.get("discrepancies")}
    clean_articles = {aid for aid, g in gold["articles"].items() if g["main_event"] in clean_events}
    invented = [{"story": st.id, "field": rec.field, "values": rec.values}
                for st in stories if set(st.article_ids) <= clean_articles for rec in st.discrepancies]
    return {"planted": len(planted), "found": sum(f["found"] for f in found), "detail": found,
            "invented": len(invented), "invented_detail": invented}


def date_found(gold_date: dict, art: Article) -> bool:
    """A gold date expression is found when a mention overlapping its text (one
    holds the other: gold «يوم الخميس», mention «مساء يوم الخميس») has its value,
    or, for a gold expression inside a range mention («10 آذار» in «من 6 إلى 10
    آذار 2023»), the range's end value. A gold expression that was in a metadata
    line the clean stage removed (a date line, an embedded post's date) is found
    when it became the article's publication date (read from the page, not given
    with the input nor taken from the URL)."""
    key = normalize_key(gold_date["text"])
    iso = gold_date["iso"]
    for d in art.dates:
        mkey = normalize_key(d.text)
        if key in mkey or mkey in key:
            if d.value == iso or (d.end_value == iso and key in mkey and key != mkey):
                return True
    # read from the page's lines, not given with the input or taken from the URL
    read_from_page = art.provenance.get("published") not in ("given", "url")
    if art.published and art.published[:10] == iso and read_from_page and key not in normalize_key(art.text or ""):
        return any(key in normalize_key(line) for line in art.boilerplate)
    return False


def score(gold: dict[str, Any], articles: dict[str, Article], stories: list[Story] | None = None
          ) -> dict[str, Any]:
    gold_articles: dict[str, dict] = gold["articles"]
    events = {e["event_id"]: e for e in gold["events"]}
    gold_story = {aid: g["main_event"] for aid, g in gold_articles.items()}
    predicted_story = {aid: a.story_id for aid, a in articles.items() if a.story_id}
    missing = sorted(set(gold_articles) - set(articles))

    type_ok = actors_ok = ordered_ok = date_ok = date_n = n = 0
    tp = fp = fn = 0
    strict = [0, 0, 0]
    loose = [0, 0, 0]
    dates_ok = dates_n = 0
    per_article: dict[str, dict] = {}
    for aid, g in gold_articles.items():
        art = articles.get(aid)
        if art is None:
            continue
        gev = events[g["main_event"]]
        main = art.main_event
        n += 1
        t_ok = bool(main) and main.type == gev["plover_type"]
        a_ok = bool(main) and actors_match(gev, main)
        o_ok = bool(main) and actors_match(gev, main, ordered=True)
        type_ok += t_ok
        actors_ok += a_ok
        ordered_ok += o_ok
        if gev.get("date"):
            date_n += 1
            date_ok += bool(main) and main.date == gev["date"]
        gold_persons = {_name(p) for p in g.get("persons", [])}
        pred_persons: dict[str, frozenset[str]] = {}
        named: set[str] = set()
        for e in art.entities:
            if e.type == "PERSON" and e.name_en:
                key = _name(e.name_en)
                pred_persons[key] = pred_persons.get(key, frozenset()) | _forms(e.name_en, e.kb_id)
                if names_the_person(e):
                    named.add(key)
        named_persons = {k: v for k, v in pred_persons.items() if k in named}
        found, missing_p, extra_p = match_persons(gold_persons, named_persons)
        tp, fp, fn = tp + len(found), fp + len(extra_p), fn + len(missing_p)
        # the earlier figure: every person entity, its name exactly
        for i, part in enumerate(match_persons(gold_persons, pred_persons, strict=True)):
            strict[i] += len(part)
        # spelling aside: named persons compared by ``spelling_skeleton`` (how many misses
        # are a person found under another English spelling)
        loose_gold = {spelling_skeleton(n) for n in gold_persons}
        loose_pred = {k: frozenset(spelling_skeleton(f) for f in v) for k, v in named_persons.items()}
        for i, part in enumerate(match_persons(loose_gold, loose_pred)):
            loose[i] += len(part)
        for gd in g.get("dates", []):
            dates_n += 1
            dates_ok += date_found(gd, art)
        per_article[aid] = {
            "main_event": main.to_record() if main else None, "type_ok": t_ok, "actors_ok": a_ok,
            "actors_ordered_ok": o_ok,
            "persons_missing": sorted(missing_p),
            "persons_extra": sorted(extra_p),
        }
    return {
        "articles": n, "missing_articles": missing,
        "stories": bcubed(gold_story, predicted_story),
        "main_event": {"type": round(type_ok / n, 4) if n else None,
                       "actors": round(actors_ok / n, 4) if n else None,
                       "actors_ordered": round(ordered_ok / n, 4) if n else None,
                       "date": round(date_ok / date_n, 4) if date_n else None},
        "persons": _prf(tp, fp, fn),
        # every person entity, persons met only as a title included, its name exactly the gold's
        "persons_strict": _prf(strict[0], strict[2], strict[1]),
        "persons_any_spelling": _prf(loose[0], loose[2], loose[1]),
        "dates": {"accuracy": round(dates_ok / dates_n, 4) if dates_n else None, "n": dates_n},
        "boilerplate": boilerplate_scores(gold_articles, articles),
        "discrepancies": discrepancy_scores(gold, stories or []),
        "per_article": per_article,
    }


def evaluate(gold_path: Path, inputs: Iterable[str], *, report: Callable[[str], None] | None = None,
             progress: bool = False) -> dict[str, Any]:
    """Run the pipeline on ``inputs`` (no database) and score it against the gold file."""
    gold = load_gold(gold_path)
    pipeline = default_pipeline()
    articles = {a.id: a for a in annotate(inputs, pipeline=pipeline, report=report, progress=progress)}
    stories = pipeline.connect(list(articles.values()))
    return score(gold, articles, stories)


def format_scores(scores: dict[str, Any]) -> str:
    st, me, pe = scores["stories"], scores["main_event"], scores["persons"]
    bp = scores["boilerplate"]
    lines = [
        f"articles scored        {scores['articles']}"
        + (f"  (missing: {', '.join(scores['missing_articles'])})" if scores["missing_articles"] else ""),
        f"stories (B-cubed)      P {st['precision']:.3f}  R {st['recall']:.3f}  F1 {st['f1']:.3f}",
        f"main event             type {_pct(me['type'])}  actors {_pct(me['actors'])} "
        f"(ordered {_pct(me.get('actors_ordered'))})  date {_pct(me['date'])}",
        f"persons                P {pe['precision']:.3f}  R {pe['recall']:.3f}  F1 {pe['f1']:.3f}"
        + (f"  (strict F1 {scores['persons_strict']['f1']:.3f}, any spelling F1 "
           f"{scores['persons_any_spelling']['f1']:.3f})" if "persons_any_spelling" in scores else ""),
        f"dates                  accuracy {_pct(scores['dates']['accuracy'])} of {scores['dates']['n']}",
        f"boilerplate            removed {_pct(bp['removed'])} of {bp['boilerplate_lines']} lines, "
        f"content kept {_pct(bp['content_kept'])} of {bp['content_lines']} lines",
        f"discrepancies          found {scores['discrepancies']['found']} of {scores['discrepancies']['planted']} "
        f"planted, {scores['discrepancies']['invented']} invented",
    ]
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"
