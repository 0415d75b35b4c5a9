"""Event coding: Arabic sentences to PLOVER events (type, mode, CAMEO code).

Stage ``code_events(article) -> Article`` fills ``article.events``. Per sentence:

1. find trigger words and collocations from ``data/lexicons/triggers.json``
   (longest, most specific match wins where matches overlap) and drop those
   whose negative contexts appear (sports, counts of past protesters …);
2. keep as events only the heads of clauses: a verbal noun after another trigger
   in its clause (دعا إلى ضبط النفس تجاه الاحتجاجات), one with a glued ل/ب
   (purpose: لزيارة), or a definite one outside the headline (الزيارة = the visit
   already told) is only a *mention*, which still counts as evidence;
3. fill actors (``event_args``), place, date (the temporal tagger's clause date),
   modality (planned / denied / hypothetical cues before the trigger), source
   (attribution: وفق، بحسب، نقلت عن، قال بيان) and whether it is background
   (a recap: كان قد، في وقت سابق, or a date before the article's own);
4. merge repeats of one event and pick the main event (``event_main``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.annotate.event_args import Frame, pick_actors, pick_location
from marsad.annotate.event_lexicon import VERBAL, Lexicon, TriggerEntry, literal_words, load_lexicon
from marsad.annotate.event_main import Candidate, choose_main, merge_repeats
from marsad.annotate.event_text import ArticleView, Mention, clause_openers
from marsad.model import Article, DateMention, Event, Evidence, Sentence, Span
from marsad.text.normalize import normalize_key
from marsad.text.tokens import clitic_variants

_HARD_STOP = re.compile(r"[؛;:.!?؟\n]")   # quotes and brackets may sit inside a clause
_CATEGORY_RANK = {"collocations": 0, "perfect": 1, "imperfect": 1, "passive": 1, "masdar": 2}


@dataclass
class Hit:
    """One trigger match in a sentence."""

    entry: TriggerEntry
    category: str
    words: int
    nstart: int
    nend: int
    pre: str
    mention_only: bool = False
    head_nend: int = 0
    refined: tuple[str, str] | None = None   # (mode, cameo) from a mode refiner


@dataclass
class SentenceInfo:
    index: int
    sentence: Sentence
    nstart: int
    nend: int
    role: str        # headline | lead | body
    position: int    # 0 for the headline/lead, then counting body sentences


def code_events(article: Article) -> Article:
    """Fill ``article.events`` with coded events, exactly one of them ``main``."""
    if not isinstance(article, Article):
        raise TypeError(f"code_events expects an Article, got {type(article).__name__}")
    article.events = []
    if not article.text or not article.sentences:
        return article
    lex = load_lexicon()
    view = ArticleView(article)
    candidates: list[Candidate] = []
    for info in _sentence_roles(article, view):
        hits = _find_hits(view, lex, info)
        candidates.extend(_code_sentence(article, view, lex, info, hits, candidates))
    _carry_subjects(candidates)
    events = merge_repeats(candidates)
    main = choose_main(events)
    if main is not None and main.date is None and main.modality == "asserted":
        main.date = _reference_date(article)    # told in the present with no date of its own
    article.events = [c.event for c in events if not c.mention_only]
    return article


# --- sentences --------------------------------------------------------------

def _sentence_roles(article: Article, view: ArticleView) -> list[SentenceInfo]:
    """Headline (title line), lead (first full sentence) and body positions."""
    title_key = normalize_key(article.title or "")
    out: list[SentenceInfo] = []
    lead_seen = False
    body = 0
    for i, s in enumerate(article.sentences):
        ns, ne = view.sentence_norm(s)
        n_words = view.words_between(ns, ne)
        key = normalize_key(s.text)
        is_title = bool(key) and bool(title_key) and (key == title_key or key in title_key or title_key in key)
        if i == 0 and (is_title or (n_words <= 18 and not s.text.rstrip().endswith("."))):
            role = "headline"
        elif is_title:
            role = "headline"
        elif not lead_seen and n_words >= 8:
            role, lead_seen = "lead", True
        else:
            role = "body" if lead_seen else "preamble"
        if role == "body":
            body += 1
        out.append(SentenceInfo(i, s, ns, ne, role, body))
    return out


# --- triggers ---------------------------------------------------------------

def _find_hits(view: ArticleView, lex: Lexicon, info: SentenceInfo) -> list[Hit]:
    lo, hi = info.nstart, info.nend
    found: list[Hit] = []
    for entry in lex.entries:
        for category, words, pat in entry.patterns:
            for m in pat.finditer(view.ntext, lo, hi):
                words = m.group().split()
                if set(clitic_variants(words[0])) & lex.never or " ".join(words[:2]) in lex.never:
                    continue
                space = next((i for i, ch in enumerate(m.group()) if ch.isspace()), None)
                found.append(Hit(entry, category, literal_words(m), m.start(), m.end(), m.group("pre") or "",
                                 head_nend=m.start() + space if space is not None else m.end()))
    # most words first, then collocation > verb > noun, then the earlier head, then the tighter match
    found.sort(key=lambda h: (-h.words, _CATEGORY_RANK[h.category], h.nstart, h.nend - h.nstart))
    kept: list[Hit] = []
    for h in found:
        if any(h.nstart < k.nend and k.nstart < h.nend for k in kept):
            continue
        if _is_negative(view, lex, h, lo, hi):
            continue
        kept.append(h)
    kept.sort(key=lambda h: h.nstart)
    for h in kept:
        _refine_mode(view, lex, h, hi)
    _mark_mentions(view, lex, kept, info)
    return kept


def _is_negative(view: ArticleView, lex: Lexicon, h: Hit, lo: int, hi: int) -> bool:
    e = h.entry
    if e.negative:
        wlo, whi = view.window(h.nstart, h.nend, 6, lo, hi)
        for pat in e.negative:
            for m in pat.finditer(view.ntext, wlo, whi):
                return True
    if e.negative_before:
        before = view.words_before(h.nstart, 3, floor=lo)
        for w in before:
            w2 = w[1:] if w[:1] in "وف" and len(w) > 3 else w
            if w in e.negative_before or w2 in e.negative_before:
                return True
    for name in e.negative_domains:
        for pat in lex.domains.get(name, []):
            if pat.search(view.ntext, lo, hi):
                return True
    return False


def _refine_mode(view: ArticleView, lex: Lexicon, h: Hit, hi: int) -> None:
    for r in lex.refiners:
        if r.type != h.entry.type:
            continue
        _, whi = view.window(h.nend, h.nend, r.after, h.nend, hi)
        if r.cue.search(view.ntext, h.nstart, whi):
            h.refined = (r.mode, r.cameo)
            return


def _strip_conj(pre: str) -> str:
    return pre[1:] if pre[:1] in ("و", "ف") else pre


def _mark_mentions(view: ArticleView, lex: Lexicon, hits: list[Hit], info: SentenceInfo) -> None:
    """Clause heads stay events; complements, purposes and anaphors become mentions."""
    for i, h in enumerate(hits):
        clause = view.clause_bounds(h.nstart, info.nstart, info.nend)
        earlier = [k for k in hits[:i] if k.nstart >= clause[0] and not k.entry.carrier]
        pre = _strip_conj(h.pre)
        if h.category == "masdar":
            if any(k.category in VERBAL for k in earlier):
                h.mention_only = True            # object of the verb before it
            elif pre[:1] in ("ب", "ل"):
                h.mention_only = True            # لزيارة: a purpose, not an act
            elif pre.endswith("ال") and info.role != "headline":
                h.mention_only = True            # الزيارة، خلال الاتصال: the event already told
        # a later trigger in the clause of another is its complement (دعا إلى رفع العقوبات،
        # رحب بقرار رفع العقوبات), unless و/ف or a clause opener (أن، حيث) starts a new act
        if earlier and not h.mention_only and not h.entry.carrier and h.pre[:1] not in ("و", "ف"):
            prev = [k for k in hits[:i] if k.nstart >= clause[0]][-1]
            between = view.words_before(h.nstart, view.words_between(prev.nend, h.nstart), floor=prev.nend)
            if not any(w in clause_openers() or w.lstrip("وف") in clause_openers() for w in between):
                h.mention_only = True


def _framed(view: ArticleView, lex: Lexicon, h: Hit, info: SentenceInfo) -> bool:
    """Is the verbal noun the occasion other acts happen in (خلال اتصال هاتفي)?"""
    words = view.words_before(h.nstart, 2, floor=info.nstart)
    if not words:
        return False
    span_start = view.words[max(0, view.word_index(h.nstart) - len(words))][0]
    return any(p.search(view.ntext, span_start, h.nstart) for p in lex.frame)


# --- events -----------------------------------------------------------------

def _code_sentence(article: Article, view: ArticleView, lex: Lexicon, info: SentenceInfo,
                   hits: list[Hit], earlier: list[Candidate]) -> list[Candidate]:
    sent = info.sentence
    carriers = [h for h in hits if h.entry.carrier and not h.mention_only]
    acts = [h for h in hits if not h.entry.carrier]
    if not any(not h.mention_only for h in acts):
        acts = acts + carriers          # a message with nothing else in it is itself the event
        carriers = []
    attribution = _attribution(view, lex, info)
    excluded = [attribution[1]] if attribution else []
    out: list[Candidate] = []
    carrier_info = None
    if carriers:
        c = carriers[0]
        frame = _frame(view, lex, info, c)
        a1, a2 = pick_actors(view, frame, excluded)
        carrier_info = (c, a1, a2)
    previous: tuple[Mention | None, Mention | None] | None = None
    for i, h in enumerate(acts):
        start, end = view.to_original(h.nstart, h.nend)
        later = [k.nstart for k in acts[i + 1:] if k.nstart >= h.nend]
        frame = _frame(view, lex, info, h, later[0] if later else None)
        a1, a2 = pick_actors(view, frame, excluded)
        # وبحث معه، حيث عقد لقاء مع …: a verb without its own subject shares the one before it
        if previous is not None and previous[0] is not None and frame.subject_how in ("before", "none") \
                and not frame.nominal:
            a1 = previous[0]
            if a2 is not None and a1 is not None and a2.key == a1.key:
                a2 = None
        if not h.mention_only:
            previous = (a1, a2)
        mode, cameo = h.refined or (h.entry.mode, h.entry.cameo)
        if carrier_info is not None:
            c, c1, c2 = carrier_info
            mode = c.entry.mode
            a1 = c1 or a1
            a2 = c2 or a2
            if a1 is not None and a2 is not None and a1.key == a2.key:
                a2 = None
        modality = _modality(view, lex, h, info)
        date_mention = _event_date(article, view, info, h)
        background = _is_background(view, lex, h, info, article, date_mention)
        ev = Event(
            type=h.entry.type, mode=mode, cameo=cameo,
            actor1=a1.entity.actor() if a1 else None, actor2=a2.entity.actor() if a2 else None,
            date=date_mention.value if date_mention else None,
            location=pick_location(view, frame), modality=modality,
            source=attribution[0] if attribution else None,
            trigger=Span(start, end, article.text[start:end]), article_ids=[article.id],
            evidence=[Evidence(article.id, start, end, sent.text)])
        out.append(Candidate(
            event=ev, sentence_index=info.index, role=info.role, position=info.position,
            entry_id=h.entry.id, occasion=h.entry.occasion, carrier=h.entry.carrier,
            mention_only=h.mention_only, background=background,
            framed=h.category == "masdar" and _framed(view, lex, h, info),
            has_own_date=date_mention is not None and date_mention.start >= sent.start,
            actor1_mention=a1, actor2_mention=a2))
    _refine_targets(out)
    return out


def _refine_targets(cands: list[Candidate]) -> None:
    """غارة على الدوحة تستهدف قادة حماس: when an attack's object is a place and a
    later targeting verb in the sentence names a group or person, that is the
    target and the place is where it happened."""
    for i, c in enumerate(cands):
        m2 = c.actor2_mention
        if c.mention_only or c.event.type != "ASSAULT" or m2 is None or m2.entity.type != "GPE":
            continue
        for o in cands[i + 1:]:
            t = o.actor2_mention
            if o.event.type == "ASSAULT" and t is not None and t.entity.type in ("ORG", "PERSON"):
                c.event.location = c.event.location or (m2.entity.name_en or m2.entity.text)
                c.event.actor2, c.actor2_mention = t.entity.actor(), t
                break


def _argument_end(view: ArticleView, info: SentenceInfo, h: Hit, next_start: int | None) -> int:
    """How far the second actor may stand after a trigger (original offset): to the
    next trigger, a clause opener (أن، الذي), or a hard stop, whichever comes first."""
    hi = min(next_start, info.nend) if next_start is not None else info.nend
    m = _HARD_STOP.search(view.ntext, h.nend, hi)
    if m:
        hi = m.start()
    for s, e in view.words[view.word_index(h.nend):]:
        if s >= hi:
            break
        if view.ntext[s:e] in clause_openers():
            hi = s
            break
    return view.to_original(hi, hi)[0] if hi < len(view.ntext) else len(view.text)


def _frame(view: ArticleView, lex: Lexicon, info: SentenceInfo, h: Hit, next_start: int | None = None) -> Frame:
    start, end = view.to_original(h.nstart, h.nend)
    head_end = view.to_original(h.nstart, h.head_nend)[1] if h.head_nend > h.nstart else end
    c_lo, _ = view.clause_bounds(h.nstart, info.nstart, info.nend)
    _, c_hi = view.clause_bounds(max(h.nend - 1, h.nstart), info.nstart, info.nend)
    if c_hi < info.nend and view.ntext[c_hi] in "،,":
        # one comma more: appositions (مع الرئيس السوري للمرحلة الانتقالية، أحمد الشرع)
        _, c_hi = view.clause_bounds(c_hi + 1, info.nstart, info.nend)
    agent_after = None
    for p in lex.passive_agent:
        m = p.search(view.ntext, h.nend, c_hi)
        if m and view.words_between(h.nend, m.start()) <= 5:
            agent_after = view.to_original(m.end(), m.end())[0]
            break
    sent = info.sentence
    arg_end = _argument_end(view, info, h, next_start)
    return Frame(start=start, end=end, head_end=head_end, arg_end=arg_end,
                 headline=info.role == "headline",
                 clause_start=view.to_original(c_lo, c_lo)[0],
                 clause_end=view.to_original(c_hi, c_hi)[0] if c_hi < len(view.ntext) else sent.end,
                 sent_start=sent.start, sent_end=sent.end, preps=h.entry.actor2_preps,
                 receiver_subject=h.entry.receiver_subject, passive=h.category == "passive",
                 agent_after=agent_after, nominal=h.category == "masdar")


def _modality(view: ArticleView, lex: Lexicon, h: Hit, info: SentenceInfo) -> str:
    """denied > hypothetical > planned > asserted, from cues before the trigger."""
    clause_lo, _ = view.clause_bounds(h.nstart, info.nstart, info.nend)
    for name in ("denied", "hypothetical", "planned"):
        for cue in lex.modality[name]:
            for m in cue.pattern.finditer(view.ntext, info.nstart, h.nstart):
                if view.words_between(m.end(), h.nstart) > cue.window:
                    continue
                word = normalize_key(m.group()).lstrip("وف")
                # قد + perfect means "already", not "may"
                if name == "hypothetical" and word == "قد" and h.category != "imperfect":
                    continue
                # a conditional or negation in an earlier clause does not reach this one
                if cue.window <= 2 and m.end() < clause_lo:
                    continue
                return name
            if cue.after:
                _, whi = view.window(h.nend, h.nend, cue.after, h.nend, info.nend)
                if cue.pattern.search(view.ntext, h.nend, whi):
                    return name
    if h.category == "imperfect" and "س" in _strip_conj(h.pre):
        return "planned"                    # سيزور: the future prefix
    return "asserted"


def _attribution(view: ArticleView, lex: Lexicon, info: SentenceInfo) -> tuple[str, tuple[int, int]] | None:
    """The source a sentence cites (وفق ما نقلت وكالة تاس), as its own words."""
    best = None
    for pat in lex.attribution:
        for m in pat.finditer(view.ntext, info.nstart, info.nend):
            if best is None or m.start() < best.start():
                best = m
    if best is None:
        return None
    # extend over the source's name: up to four words, to punctuation or a complementizer
    end = best.end()
    i = view.word_index(end)
    stops = {"ان", "انه", "انها", "بان", "الي", "علي", "في", "خلال", "ب"}
    for k in range(i, min(i + 4, len(view.words))):
        s, e = view.words[k]
        if e > info.nend or any(ch in view.ntext[end:s] for ch in "،,.:؛\n") or view.ntext[s:e] in stops:
            break
        end = e
    start, stop = view.to_original(best.start(), end)
    text = view.text[start:stop].strip()
    if text[:1] in ("و", "ف") and len(text) > 3 and normalize_key(text[:2]) not in ("وف",):
        text, start = text[1:], start + 1
    return text, (start, stop)


def _event_date(article: Article, view: ArticleView, info: SentenceInfo, h: Hit) -> DateMention | None:
    """The date governing the trigger's clause, from the temporal tagger."""
    start, end = view.to_original(h.nstart, h.nend)
    c_lo, c_hi = view.clause_bounds(h.nstart, info.nstart, info.nend)
    try:
        from marsad.annotate.dates import clause_date
    except ImportError:
        clause_date = None
    if clause_date is not None:
        return clause_date(article, start, end)
    # until the tagger offers clause_date: the nearest date in the same sentence
    sent = info.sentence
    inside = [d for d in article.dates if sent.start <= d.start and d.end <= sent.end and d.value]
    if not inside:
        return None
    return min(inside, key=lambda d: min(abs(d.start - end), abs(start - d.end)))


def _reference_date(article: Article) -> str | None:
    try:
        from marsad.annotate.dates import default_event_date
    except ImportError:
        return article.published
    return default_event_date(article)


RECAP_DAYS = 7   # an event this many days before the article's date is a recap, not news


def _earlier(a: str, b: str) -> bool:
    """Is date ``a`` clearly before ``b``: more than a week for days, an earlier
    month or year for coarser dates (yesterday's event is still the news)."""
    import datetime as dt

    if len(a) == 10 and len(b) >= 10:
        try:
            return (dt.date.fromisoformat(b[:10]) - dt.date.fromisoformat(a)).days > RECAP_DAYS
        except ValueError:
            return False
    k = min(len(a), len(b))
    return a[:k] < b[:k]


def _is_background(view: ArticleView, lex: Lexicon, h: Hit, info: SentenceInfo,
                   article: Article, date: DateMention | None) -> bool:
    """A recap of earlier events: a recap cue in the sentence, or an earlier date."""
    clause_lo, _ = view.clause_bounds(h.nstart, info.nstart, info.nend)
    for pat in lex.background:
        for m in pat.finditer(view.ntext, info.nstart, h.nstart):
            if m.end() >= clause_lo:      # (وكان X، برفقة Y، قد زار: the cue ends in the clause)
                return True
    ref = _reference_date(article)
    return bool(date and date.value and ref and _earlier(date.value, ref))


def _carry_subjects(cands: list[Candidate]) -> None:
    """A dropped subject (وخلال اتصال أجراه مع …) is the last named actor1 before it."""
    last: Mention | None = None
    last_sentence = -1
    for c in cands:
        if c.actor1_mention is None and last is not None and c.role != "headline" \
                and c.sentence_index - last_sentence <= 1:
            if c.actor2_mention is None or c.actor2_mention.key != last.key:
                c.actor1_mention = last
                c.event.actor1 = last.entity.actor()
                c.actor1_carried = True
        if c.actor1_mention is not None and not c.actor1_carried and not c.mention_only:
            last, last_sentence = c.actor1_mention, c.sentence_index
