"""Event arguments from light syntax: who acts, on whom, where.

Arabic news sentences are mostly verb-first (أجرى الرئيس X اتصالا مع Y), headlines
subject-first (بوتين يدعو الشيباني). The rules, in order:

* a name inside a collocation's gap is its subject (أجرى [بوتين] اتصالا);
* otherwise the first name right after the trigger with no preposition is the
  subject, else the nearest name before the trigger with no preposition;
* actor2 is the first name after the trigger introduced by one of the entry's
  prepositions (مع، ب، إلى، على، ضد …) or, for transitive entries ('OBJ'), the
  first bare name after the subject;
* بين X و Y gives both actors; a passive agent (من قبل، على يد) is actor1;
  for receiver-subject entries (تلقى اتصالا من X) the subject is actor2.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.annotate.event_text import (ArticleView, Mention, noun_determiners, place_topics,
                                        placeless_modes, prepositions, subject_openers)

LOCATION_TYPES = ("GPE", "LOC")


@dataclass
class Frame:
    """What the argument finder needs to know about one trigger."""

    start: int                 # trigger span in the article (original offsets)
    end: int
    head_end: int              # end of the trigger's first word (collocation gaps follow it)
    clause_start: int          # clause around the trigger start / after the trigger end
    clause_end: int
    sent_start: int
    sent_end: int
    preps: list[str]
    receiver_subject: bool = False
    passive: bool = False
    agent_after: int | None = None   # original offset after a passive-agent cue, if any
    arg_end: int = 0                 # how far actor2 may stand (0: the clause end)
    headline: bool = False
    subject_how: str = "none"        # set by pick_actors: fronted | gap | after | before | none
    nominal: bool = False            # a verbal noun (زيارة), not a verb


@dataclass
class _Around:
    """The actor mentions of a sentence, grouped by where they stand from the trigger."""

    all: list[Mention]
    gap: list[Mention]              # inside a collocation's gap
    after: list[Mention]            # after the trigger, in its clause
    further: list[Mention]          # after the clause, up to where actor2 may stand
    before: list[Mention]           # before the trigger in its clause, nearest first
    before_sentence: list[Mention]  # before the trigger in the sentence, nearest first


def pick_actors(view: ArticleView, frame: Frame, excluded: list[tuple[int, int]]
                ) -> tuple[Mention | None, Mention | None]:
    """(actor1, actor2) mentions for a trigger, or None where the text gives none."""
    ms = [m for m in view.mentions(frame.sent_start, frame.sent_end)
          if not any(a <= m.start < b for a, b in excluded)]
    for m in ms:
        others = [(x.start, x.end) for x in ms if x is not m]
        m.prep = view.preposition_before(m.start, floor=frame.sent_start, lookback=5,
                                         stops=[(frame.start, frame.head_end)] + others)
    around = _Around(
        all=ms,
        gap=[m for m in ms if frame.head_end <= m.start < frame.end],
        after=[m for m in ms if frame.end <= m.start < frame.clause_end],
        further=[m for m in ms if frame.clause_end <= m.start < frame.arg_end],
        before=[m for m in reversed(ms) if m.end <= frame.start and m.start >= frame.clause_start],
        before_sentence=[m for m in reversed(ms) if m.end <= frame.start])
    subject, how = _subject(view, frame, around)
    frame.subject_how = how

    # بين X و Y: both actors when nothing else names the doer (اتصال هاتفي بين X وY),
    # else the first of them is the other party (توسطت قطر بين إسرائيل وحماس)
    near = around.gap + around.after
    for i, m in enumerate(near):
        if m.prep == "بين":
            rest = [x for x in near[i + 1:] if x.key != m.key]
            if how in ("before", "none", "adjective", "governor"):
                return m, (rest[0] if rest else None)
            return subject, m

    agent = None
    if frame.agent_after is not None:
        agent = next((m for m in around.after if m.start >= frame.agent_after), None)
    if frame.passive or agent is not None:
        return agent, (subject if subject is not agent else None)

    second = _second(view, frame, around, subject)
    if frame.receiver_subject:
        return second, subject
    if second is not None and subject is not None and second.key == subject.key:
        second = None
    return subject, second


def _subject(view: ArticleView, frame: Frame, around: _Around) -> tuple[Mention | None, str]:
    """The doer and how it was found: fronted | gap | governor | after | before |
    agent | adjective | none."""
    before, ms = around.before, around.all
    fronted = next((m for m in before if m.prep is None), None)
    joined = None
    if fronted is not None:
        # بوتين والشرع في أول اتصال: the first of a coordinated pair is the subject
        first = next((m for m in before if m.end <= fronted.start), None)
        if first is not None and first.prep is None and _coordinated(view, first, ms) is fronted:
            fronted, joined = first, fronted
    if fronted is not None and _is_fronted_subject(view, fronted, joined or fronted, frame):
        return fronted, "fronted"
    if not frame.nominal:
        # أن [القوات الأمريكية] نفذت: a nationality right before the verb names the doer
        adj = view.mentions(frame.clause_start, frame.start, nisba=True)
        if adj and view.words_between(view.to_norm(adj[-1].end), view.to_norm(frame.start)) == 0:
            return adj[-1], "fronted"
    in_gap = next((m for m in around.gap if m.prep is None), None) \
        or next(iter(view.mentions(frame.head_end, frame.end, nisba=True)), None)
    if in_gap is not None:
        return in_gap, "gap"             # أجرى [بوتين] اتصالا، نفذت [القوات الأمريكية] هجوما
    if frame.nominal and _governed(view, frame):
        # أعلنت السعودية وقطر … عزمهما سداد متأخرات سوريا: the verbal noun is the object of
        # a verb; its doer is that verb's subject, the name after it the other party
        doer = next((m for m in around.before_sentence if m.prep is None
                     and view.text[m.end:m.end + 1] != ")"), None)   # not a dateline credit
        if doer is not None:
            first = next((m for m in around.before_sentence if m.end <= doer.start), None)
            if first is not None and first.prep is None and _coordinated(view, first, ms) is doer:
                doer = first
            return doer, "governor"
    if not frame.nominal and view.words_before(view.to_norm(frame.start), 1) in (["قد"], ["لقد"]):
        # وكان بوغدانوف، برفقة …، قد زار دمشق: the subject stands before قد
        doer = next((m for m in around.before_sentence if m.prep is None), None)
        if doer is not None:
            return doer, "fronted"
    if not frame.nominal and not around.after and \
            [w.lstrip("وف") for w in view.words_before(view.to_norm(frame.start), 1)] in (["حيث"], ["اذ"]):
        # كانت روسيا الداعم الأساسي للأسد، حيث قدمت له دعما: the main clause's subject
        doer = next((m for m in reversed(around.before_sentence) if m.prep is None), None)
        if doer is not None:
            return doer, "fronted"
    # a headline with words before its verb has its subject there (ولي العهد يستقبل …)
    headline_svo = frame.headline and not frame.nominal and \
        view.words_between(view.to_norm(frame.clause_start), view.to_norm(frame.start)) > 0
    if around.after and around.after[0].prep is None and not headline_svo:
        return around.after[0], "after"
    subject = None
    if not headline_svo:
        subject = next((m for m in before if m.prep is None), None) \
            or next((m for m in around.before_sentence if m.prep is None), None)
    if frame.nominal:
        # جولة خارجية [لأحمد الشرع]: a person after ل is the doer of a verbal noun
        agent = next((m for m in around.after if m.prep == "ل" and m.entity.type == "PERSON"), None)
        if agent is not None:
            return agent, "agent"
    # an adjective of nationality right after a verbal noun: الضربة الأمريكية، الوفد الروسي
    adj = next((m for m in view.mentions(frame.end, frame.clause_end, nisba=True)
                if view.words_between(view.to_norm(frame.end), view.to_norm(m.start)) == 0), None)
    if adj is not None:
        return adj, "adjective"
    return subject, ("before" if subject is not None else "none")


def _second(view: ArticleView, frame: Frame, around: _Around, subject: Mention | None) -> Mention | None:
    """The other party: after one of the entry's prepositions, else a bare object."""
    pool = [m for m in around.gap + around.after + around.further if m is not subject]
    second = next((m for m in pool if m.prep and m.prep in frame.preps), None)
    if second is None and "OBJ" in frame.preps:
        second = next((m for m in pool if m.prep is None), None)
    if second is None and frame.preps:
        # على منشآت نووية إيرانية: a nationality after the preposition names the target
        for m in view.mentions(frame.end, frame.arg_end or frame.clause_end, nisba=True):
            m.prep = view.preposition_before(m.start, floor=frame.sent_start, lookback=4)
            if m.prep and m.prep in frame.preps and (subject is None or m.key != subject.key):
                return m
    if second is None and subject is not None:
        second = _coordinated(view, subject, around.all)          # بوتين والشرع في أول اتصال
        if second is not None and second.end > frame.clause_end:
            second = None
    if second is None and subject is not None and subject.partner is not None:
        second = Mention(subject.start, subject.end, subject.partner, None)   # الرئيسان اتفقا
    return second


def _governed(view: ArticleView, frame: Frame) -> bool:
    """Is a verbal noun the complement of a word before it in its clause (not the head of
    a headline, a prepositional phrase or a phrase like أول زيارة)?"""
    n = view.to_norm(frame.start)
    prev = view.words_before(n, 1, floor=view.to_norm(frame.clause_start))
    if not prev:
        return False
    w = prev[0]
    w2 = w[1:] if w[:1] in ("و", "ف") and len(w) > 2 else w
    return not ({w, w2} & (prepositions() | noun_determiners()))


def _coordinated(view: ArticleView, m: Mention, ms: list[Mention]) -> Mention | None:
    """The name joined to ``m`` by و (X وY), if any."""
    nxt = next((x for x in ms if x.start >= m.end), None)
    if nxt is None or nxt.key == m.key:
        return None
    gap = view.text[m.end:nxt.start].strip()
    if not gap and nxt.entity.text.startswith("و"):
        gap = "و"                     # the linker kept the و inside the name
    # X وY, or X ونظيره السوري Y
    if gap == "و" or (gap.startswith("و") and len(gap.split()) <= 3 and not any(ch in gap for ch in "،,.")):
        return nxt
    return None


def _is_fronted_subject(view: ArticleView, m: Mention, last: Mention, frame: Frame) -> bool:
    """A name right before the verb that opens its clause (headline بوتين يدعو …,
    or after أن: أعلن الكرملين أن بوتين أجرى …) is the verb's subject."""
    n_end, n_trig = view.to_norm(last.end), view.to_norm(frame.start)
    if view.words_between(n_end, n_trig) > 2:
        return False
    if frame.nominal:
        return True                    # يعتزم [ماكرون] زيارة لبنان: the doer before the noun
    n_start = view.to_norm(m.start)
    prev = view.words_before(n_start, 1, floor=view.to_norm(frame.clause_start))
    if not prev:
        return True
    return prev[0] in subject_openers()


def pick_location(view: ArticleView, frame: Frame, mode: str | None = None) -> str | None:
    """A place introduced by في in the trigger's sentence (after it first, then before);
    none for contact at a distance, and none where the place is only a topic
    (الوضع في سوريا)."""
    if mode in placeless_modes():
        return None
    places = view.mentions(frame.sent_start, frame.sent_end, types=LOCATION_TYPES)
    after = [m for m in places if m.start >= frame.start]
    before = [m for m in reversed(places) if m.end <= frame.start and m.start >= frame.clause_start]
    for m in after + before:
        if view.preposition_before(m.start, floor=frame.sent_start, lookback=2) == "في":
            previous = view.words_before(view.to_norm(m.start), 2, floor=view.to_norm(frame.sent_start))
            if len(previous) == 2 and previous[1] in place_topics():
                continue
            e = m.entity
            return e.name_en or e.text
    return None
