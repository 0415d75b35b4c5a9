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

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice

from marsad.annotate.event_text import (ArticleView, Mention, aid_carriers, anaphoric_owners, auxiliaries, clause_openers,
                                        crowd_words, doing_verbs, fronted_openers, meeting_purposes, receipt_verbs, not_object_prepositions, noun_determiners,
                                        other_side_words, side_markers,
                                        place_nouns, place_targets, pronoun_openers,
                                        place_topics,
                                        placeless_modes, prepositions, relative_pronouns, subject_openers,
                                        affiliation_words, member_words, title_nouns, title_words, weapon_words)
from marsad.annotate.event_direction import (converse_modes, head_words, honorifics, is_directed, meeting_verbs, members_in,
                                             pair_nouns, scene_targets, scene_verbs, state_organs, strike_nouns, trade_nouns,
                                             protest_motives,
                                             time_words)
from marsad.model import Entity
from marsad.text.normalize import normalize_key

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
    subject_how: str = "none"        # set by pick_actors: how _subject found the doer (fronted, main …)
    nominal: bool = False            # a verbal noun (زيارة), not a verb
    pair_from_between: bool = False  # بين X و Y are the parties, whoever announces it
    patient_object: bool = False     # اغتيال X، قُتل X: the name after the trigger is the target
    reacted: bool = False            # the object of a reaction (رحبت … بتوقيع X و Y): doers follow it
    possessed: bool = False          # a verbal noun with a pronoun suffix (لقائه، اتفاقهما)
    doer_in_trigger: bool = False    # محتجون يقتحمون: the trigger names its doers
    reaction: bool = False           # a welcome/condemnation of another act (تنديد … بدخول X)
    etype: str = ""                  # the entry's PLOVER type (before any retyping)
    scene: "Mention | None" = None   # set by pick_actors: the subject of شهدت, where the act happened


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
    # names in a relative clause after the trigger describe something else (… الزلزال الذي ضرب سوريا)
    relative = after_relative(view, frame.end, frame.sent_end)
    if excluded and not frame.patient_object:
        # أعلنت وزارة الخارجية الإسرائيلية، يوم الثلاثاء، ترحيل X: an announcer whose verb governs the
        # act itself (no أن) announces its own act: it is the doer, not only the source (not a
        # killing: a health ministry announcing deaths did not cause them)
        excluded = [(a, b) for a, b in excluded if not _announces_act(view, frame, a, b)]
    ms = [m for m in view.mentions(frame.sent_start, frame.sent_end)
          if not any(a <= m.start < b for a, b in excluded) and m.start < relative]
    places = view.mentions(frame.sent_start, frame.sent_end, types=("LOC",)) if ms else []
    for m in ms:
        others = [(x.start, x.end) for x in ms if x is not m]
        m.prep = view.preposition_before(m.start, floor=frame.sent_start, lookback=5,
                                         stops=[(frame.start, frame.head_end)] + others)
        if m.prep == "من" and _counted_people(view, m):
            m.prep = None              # خرج عشرات الآلاف من المغاربة: the people are the doers
        elif m.prep in ("من", "ل") and _member_of(view, m):
            # عناصر من ميليشيا الحوثي، عددا من موظفي الأمم المتحدة: the group itself; after ل it
            # takes the role of the site or members it owns (غارات على مواقع [لحزب الله])
            m.prep = _head_preposition(view, m, frame, others) if m.prep == "ل" else None
        elif m.prep == "في" and _against(view, m):
            m.prep = None              # مذكرة اعتقال في حق [X]: X is the one acted against
        elif m.prep == "ب" and _headed_by(view, m):
            m.prep = None              # وفدا إيرانيا برئاسة وزير الخارجية [X]: X heads the object
        elif m.prep == "في" and m.entity.type == "ORG" and _member_in(view, m):
            m.prep = None              # استهدف قياديا في [حركة حماس]: the group, not a place
        elif m.prep and places:
            head = _prep_object_before(view, m, places)
            if head is not None:
                # مبعوث اللجنة الخاص إلى الشرق الأوسط [توني بلير]: the place is the preposition's
                # object; a preposition before the title the name ends (مع المبعوث … إلى …) is its own
                m.prep = view.preposition_before(head, floor=frame.sent_start, lookback=5,
                                                 stops=[(frame.start, frame.head_end)] + others)
    around = _Around(
        all=ms,
        gap=[m for m in ms if frame.head_end <= m.start < frame.end],
        after=[m for m in ms if frame.end <= m.start < frame.clause_end],
        further=[m for m in ms if frame.clause_end <= m.start < frame.arg_end],
        before=[m for m in reversed(ms) if m.end <= frame.start and m.start >= frame.clause_start],
        before_sentence=[m for m in reversed(ms) if m.end <= frame.start])
    if frame.etype == "ASSAULT" and not frame.reaction:
        doer = _attack_owner(view, frame, ms)
        if doer is not None:
            # قتل ثلاثة في قصف [لقوات X] على مدينة Y: the force the attack noun is owned by,
            # with the target after على, did it
            target = next((m for m in ms if m.start >= doer.end and m.key != doer.key
                           and view.preposition_before(m.start, floor=doer.end, lookback=4) == "علي"),   # normalized على
                          None)
            return doer, target
    subject, how = _subject(view, frame, around)
    frame.subject_how = how
    if how == "main":
        # the fronted phrase ends where the main clause begins: a name past its subject is the main
        # clause's (وخلال لقائه X، بحث [Y] إنهاء الحرب بين روسيا وأوكرانيا), but a subject joined to it
        joined = _coordinated(view, subject, around.all)
        around = replace(around, after=[m for m in around.after if m.start < subject.start or m is joined],
                         further=[m for m in around.further if m is joined])
    if how == "main" and not frame.possessed:
        sender = _received_from(view, frame, around)
        if sender is not None:
            return sender, subject       # وفي اتصال هاتفي تلقاه من [X]، بحث [Y]: Y received it

    if frame.nominal:
        pair = _pair_named_before(view, frame, around)
        if pair is not None:
            return pair            # بحث X وY … في أول مكالمة هاتفية بين الزعيمين: the pair named before
    # بين X و Y: both actors when nothing else names the doer (اتصال هاتفي بين X وY),
    # else the first of them is the other party (توسطت قطر بين إسرائيل وحماس)
    near = around.gap + around.after
    partner = _coordinated(view, subject, around.all) if subject is not None else None
    for i, m in enumerate(near):
        if m.prep and m.prep != "بين" and m.prep in frame.preps and m is not subject:
            break        # مكالمة مع [ترامب] … بين مصر والولايات المتحدة: the partner came first
        if partner is not None and m is partner:
            break        # بحث [X] و[Y] … بين طهران والرياض: the coordinated subjects are the pair
        if m.prep == "بين":
            if m.partner is not None and (subject is None or how in ("before", "none", "adjective", "governor", "main")
                                          or frame.pair_from_between):
                return m, Mention(m.start, m.end, m.partner, None)     # بين الزعيمين: a dual names both
            rest = [x for x in near[i + 1:] if x.key != m.key]
            if subject is None or how in ("before", "none", "adjective", "governor", "main") or frame.pair_from_between:
                # اندلع سجال بين X وحليفه Y من جهة، وZ من جهة أخرى: the other side is Z
                side = _other_side(view, frame, [x for x in around.all if x.start > m.end and x.key != m.key])
                return m, (side or (rest[0] if rest else None))
            return subject, m

    if frame.doer_in_trigger:
        return _named_doers(view, frame, around)
    if frame.patient_object and (frame.nominal or frame.passive or frame.receiver_subject):
        return _attack_on_patient(view, frame, around)

    agent = None
    if frame.agent_after is not None:
        agent = next((m for m in around.after if m.start >= frame.agent_after), None)
    if frame.passive or agent is not None:
        return agent, (subject if subject is not agent else None)

    second = _second(view, frame, around, subject, partner)
    if second is None and subject is not None and how in ("governor", "fronted") and not frame.receiver_subject:
        # أعلن الرئيس [X] عن حل [البرلمان]: the doer named before the collocation, a bare name
        # inside it after its first word is its object
        second = next((m for m in around.gap if m.prep is None and m.key != subject.key), None)
    if frame.receiver_subject:
        subject, second = second, subject
    if second is None and frame.scene is not None:
        second = country_of_place(frame.scene)     # شهدت مقديشو هجوما: Somalia was struck
    if second is None and subject is not None:
        # أجراه معه [ولي العهد]، قطع العلاقات معها: a pronoun after one of the entry's prepositions
        # is the party named first in the sentence (the one the clause is about)
        second = _pronoun_partner(view, frame, subject, around)
    if second is not None and second.entity.type == "GPE" and second.entity.how != "nisba":
        # زيارته للولايات المتحدة للقاء الرئيس [ترامب]: the person met stands for the country visited
        host = _person_met(view, frame, second)
        if host is not None:
            second = host
    if second is None and frame.reaction:
        # نددت مصر بالهجوم الذي شنته [إسرائيل] على قطر: the doer of the act reacted to
        second = _relative_doer(view, frame, reach=4)
        if second is not None and subject is not None and second.key == subject.key:
            second = None
    if second is None and frame.reaction:
        # أدانت X التصريحات المنسوبة إلى [نتنياهو]، يرفض بنودا في اتفاق مع [صندوق النقد]: the
        # party named inside the rejected or condemned object is the other party
        second = next((m for m in around.after + around.further
                       if m.prep not in not_object_prepositions() and (subject is None or m.key != subject.key)), None)
        # أدانت X الاعتداء [الإسرائيلي] على سوريا: a nationality on the condemned act, before the
        # place it struck, names the act's doer
        adj = _adjective_on_object(view, frame, subject)
        if adj is not None and (second is None or adj.start < second.start):
            second = adj
    if second is None and not frame.reaction and frame.etype in SPEECH_TYPES and not frame.nominal:
        # أشاد X بالدور [المصري]، انتقد X السياسة [الأمريكية]: a nationality on the object spoken of
        second = _adjective_on_object(view, frame, subject)
    if second is None and subject is not None and "OBJ" in frame.preps:
        # أعلنت [الوزارة] ترحيل الناشطة البيئية المعروفة في أوروبا، [X]: the doer known, the
        # name in apposition to the person noun the act takes as object is the one acted on
        second = next((m for m in around.gap + around.after if m.prep and m.entity.type == "PERSON"
                       and m.key != subject.key and _apposition_past_modifier(view, frame, m)), None)
    if second is None and subject is not None and frame.etype == "AGREE":
        second = _trade_partner(view, frame, subject)  # وقعت X اتفاقا لاستيراد الغاز من [Y]
    if second is not None and subject is not None and second.key == subject.key:
        second = None
    # المحادثات الإيرانية الأمريكية: one nationality adjective followed by another names both parties
    if second is None and subject is not None and subject.entity.how == "nisba":
        second = _next_adjective(view, subject)
    elif subject is None and second is not None and second.entity.how == "nisba":
        subject, second = second, _next_adjective(view, second)
    elif subject is None and second is None:
        # اختتمت الجولة الثانية من المحادثات الإيرانية الأمريكية: a pair of adjectives later in the clause
        for adj in view.mentions(frame.end, frame.clause_end, nisba=True):
            other = _next_adjective(view, adj)
            if other is not None:
                return adj, other
    if second is None and frame.etype == "PROTEST":
        second = _motive_doer(view, frame)             # إضراب تنديدا بالمجزرة التي ارتكبها [X]
        if second is not None and subject is not None and second.key == subject.key:
            second = None
    return subject, second


_OWNER_LAM = re.compile(r"\s*(?:ل|لل)$")
_TARGET_NEXT = re.compile(r"^[^.،,؛:\n]{0,40}?(?:^|\s)(?:على|علي|ضد)\s")


def _attack_owner(view: ArticleView, frame: Frame, ms: list[Mention]) -> Mention | None:
    """An armed group or person glued by ل to the attack noun that ends the trigger, with
    على or ضد and the target after it (في غارة للجيش على بلدة، هجوم لحركة X ضد قاعدة): Arabic
    news names an attack's doer as the noun's owner. Not a country (قصف لغزة is a target)."""
    for m in ms:
        if m.start < frame.end:
            continue
        if m.entity.type not in ("ORG", "PERSON") or m.entity.how == "nisba":
            return None
        if not _OWNER_LAM.fullmatch(view.text[frame.end:m.start]):
            return None
        if not _TARGET_NEXT.match(view.text[m.end:m.end + 60]):
            return None
        return m
    return None


def _motive_doer(view: ArticleView, frame: Frame) -> Mention | None:
    """A protest's motive (`protest_motives`: تنديدا، احتجاجا على) within six words after its
    trigger in the sentence: the doer named in a relative clause on the act protested against
    (تنديدا بالمجزرة التي ارتكبها [X]), a nationality right after it (تنديدا بالعدوان
    [الإسرائيلي]) or a body or epithet in its genitive (بمجزرة [الاحتلال]) is the other party."""
    motives, hi = protest_motives(), view.to_norm(frame.sent_end)
    i = view.word_index(view.to_norm(frame.end))
    for k in range(i, min(i + 6, len(view.words) - 2)):
        s, e = view.words[k]
        if s >= hi or any(ch in view.ntext[view.to_norm(frame.end):s] for ch in ".:؛"):
            return None
        if view.ntext[s:e].lstrip("و") not in motives:
            continue
        j = k + 2 if view.ntext[slice(*view.words[k + 1])] in ("علي", "ضد") else k + 1     # normalized: على → علي
        if j >= len(view.words) or view.words[j][0] >= hi:
            return None
        obj_end = view.to_original(view.words[j][1], view.words[j][1])[0]
        near = min(obj_end + 40, frame.sent_end)
        adj = min(view.mentions(obj_end, near) + view.mentions(obj_end, near, nisba=True),
                  key=lambda m: m.start, default=None)
        if adj is not None and view.text[obj_end:adj.start].strip() == "" \
                and (adj.entity.how in ("nisba", "epithet") or adj.entity.type == "ORG"):
            # بالعدوان [الإسرائيلي]، بمجزرة [الاحتلال]: not a person (اعتقال [X] is acted on)
            # nor a place's name (بمجزرة [نابلس] is where it happened)
            return adj
        return _relative_doer(view, replace(frame, end=obj_end), reach=3)
    return None


_TRADE_PREPS = frozenset({"من", "الي", "ل"})     # normalized: إلى → الي


def _trade_partner(view: ArticleView, frame: Frame, subject: Mention) -> Mention | None:
    """An agreement or deal whose object is buying or selling (اتفاقا لاستيراد الغاز من [Y]،
    صفقة لبيع طائرات إلى [Y]): the country the goods come from or go to is the other party."""
    lo, hi = view.to_norm(frame.end), view.to_norm(frame.clause_end)
    nouns = trade_nouns()
    for s, e in islice(view.words, view.word_index(lo), None):
        if s >= hi:
            return None
        w = view.ntext[s:e]
        if w in nouns or (w[:1] == "ل" and w[1:] in nouns):
            break
    else:
        return None
    end = view.to_original(e, e)[0]
    for m in view.mentions(end, frame.clause_end, types=LOCATION_TYPES):
        if m.entity.type == "GPE" and m.entity.country and m.entity.country != subject.entity.country \
                and view.preposition_before(m.start, floor=end, lookback=3) in _TRADE_PREPS:
            return m
    return None


def _subject(view: ArticleView, frame: Frame, around: _Around) -> tuple[Mention | None, str]:
    """The doer and how it was found: fronted | gap | governor | main | relative | after |
    before | agent | adjective | scene | unnamed | none."""
    before, ms = around.before, around.all
    if frame.reacted:
        # رحبت السعودية بتوقيع [ممثلي الجيش] و…: the reacted act's doers follow it
        first = next((m for m in around.gap + around.after if m.prep is None), None)
        return first, ("after" if first is not None else "none")
    if frame.possessed:
        # إثر لقائه رئيس الوزراء: the pronoun is the doer, named before; the name after is the object
        doer = next((m for m in around.before_sentence if m.prep is None), None)
        if doer is not None:
            first = next((m for m in around.before_sentence if m.end <= doer.start), None)
            if first is not None and first.prep is None and _coordinated(view, first, ms) is doer:
                doer = first                       # أعلنت السعودية وإيران اتفاقهما
            return doer, "governor"
    if (frame.nominal or frame.possessed) and not frame.reacted and not around.before_sentence \
            and frame.etype in ENCOUNTER_TYPES:
        # وخلال لقائه الوزير X، أكد الرئيس [Y]; وفي اتصال هاتفي مع X، بحث [Y]: the fronted phrase's
        # pronoun, or its doerless noun, is the main clause's subject. Encounters only: after an
        # attack, a protest or an arrest the main clause tells who reacted (وبعد الهجوم على قطر،
        # أدان [X] الاعتداء), and the pronoun of اعتقاله is the one arrested
        doer = _main_clause_subject(view, frame, around)
        if doer is not None:
            return doer, "main"
    if frame.nominal:
        doer = _relative_doer(view, frame)
        if doer is not None:
            return doer, "relative"        # نددت مصر بالهجوم الذي شنته [إسرائيل]: the act's own doer
        scene = _scene_subject(view, frame, around) if scene_targets(frame.etype) else None
        if scene is not None:
            frame.scene = scene
            return None, "scene"           # شهدت [مقديشو] هجوما: where it happened, not who did it
    fronted = next((m for m in before if m.prep is None), None)
    joined = None
    if fronted is not None:
        # بوتين والشرع في أول اتصال: the first of a coordinated pair is the subject
        first = next((m for m in before if m.end <= fronted.start), None)
        if first is not None and first.prep is None and _coordinated(view, first, ms) is fronted:
            fronted, joined = first, fronted
    if fronted is not None and _is_fronted_subject(view, fronted, joined or fronted, frame):
        return fronted, "fronted"
    if fronted is None and around.before_sentence and around.before_sentence[0].prep is None \
            and _after_an(view, frame) and _subject_of_verb_before(view, around.before_sentence[0], frame):
        return around.before_sentence[0], "governor"     # أعلن الرئيس [X]، عن حل البرلمان
    if fronted is not None and (not frame.nominal or _after_an(view, frame)) \
            and _subject_of_verb_before(view, fronted, frame):
        # أعلنت [وزارة الخزانة الأمريكية] فرض عقوبات على …: two finite verbs are not juxtaposed, so
        # the trigger right after the subject of a verb is its verbal noun, done by that subject
        return fronted, "governor"
    if fronted is None and around.before_sentence and not frame.nominal:
        # «"البرهان" يعلن التعبئة»، إن أردوغان، سيزور بغداد: a name opening the sentence or its
        # clause after إن/أن, right before the verb but for quotes or a comma
        near = around.before_sentence[0]
        if near.prep is None and not view.text[near.end:frame.start].strip(" \"'«»“”،,") \
                and _opens_clause(view, near, frame.sent_start):
            return near, "fronted"
    if not frame.nominal:
        # أن [القوات الأمريكية] نفذت: a nationality right before the verb names the doer
        adj = view.mentions(frame.clause_start, frame.start, nisba=True)
        if adj and view.words_between(view.to_norm(adj[-1].end), view.to_norm(frame.start)) == 0:
            return _pair_start(view, adj), "fronted"
    if frame.nominal:
        # غارات أمريكية بريطانية، هجوما صاروخيا إيرانيا: a nationality on the act names its doer
        adj = _adjective_on_act(view, frame)
        if adj is not None:
            return adj, "adjective"
    in_gap = next((m for m in around.gap if m.prep is None), None) \
        or next((m for m in around.all if frame.start <= m.start < frame.head_end and m.end <= frame.end
                 and m.prep is None), None) \
        or next(iter(view.mentions(frame.head_end, frame.end, nisba=True)), None)
    if in_gap is not None:
        return in_gap, "gap"             # أجرى [بوتين] اتصالا، نفذت [القوات الأمريكية] هجوما
    if frame.nominal and not frame.reacted:
        found, doer = _doing_verb_subject(view, frame)
        if found:                            # أن وحدات أمنية قامت بمداهمة منزل [X]: X is the object
            return doer, ("governor" if doer is not None else "unnamed")
    if frame.nominal and not frame.reacted:
        doer = _verb_subject_before_comma(view, frame, around)
        if doer is not None:
            return doer, "governor"         # أجرى [X]، ولي العهد، اتصالا هاتفيا بـY
    if frame.nominal and not frame.reacted and _governed(view, frame):
        # أعلنت السعودية وقطر … عزمهما سداد متأخرات سوريا: the verbal noun is the object of
        # a verb; its doer is that verb's subject, the name after it the other party
        doer = next((m for m in around.before_sentence if m.prep is None
                     and view.text[m.end:m.end + 1] != ")"), None)   # not a dateline credit
        if doer is not None:
            first = next((m for m in around.before_sentence if m.end <= doer.start), None)
            if first is not None and first.prep is None and _coordinated(view, first, ms) is doer:
                doer = first
            return doer, "governor"
        # شنت القوات الروسية قصفا: the governing verb's subject is a nationality on a noun
        adj = view.mentions(frame.clause_start, frame.start, nisba=True)
        if adj and view.words_between(view.to_norm(adj[-1].end), view.to_norm(frame.start)) <= 3:
            return _pair_start(view, adj), "governor"     # الأسطولان [الجزائري] والتونسي
    if not frame.nominal and _pronoun_subject(view, frame):
        # قال X، رئيس الوزراء، إنه قرر الاستقالة: the pronoun is the speaker named first
        doer = next((m for m in reversed(around.before_sentence) if m.prep is None), None)
        if doer is not None:
            return doer, "fronted"
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
    if not frame.nominal and _plural_verb(view, frame) and not frame.receiver_subject:
        # واعتقلوا عددا من موظفي الأمم المتحدة: a verb with a plural ending carries its own
        # (pronoun) subject, told before it; the name after it is its object
        return None, "none"
    if not frame.nominal and frame.etype == "ASSAULT" and _describes_strike(view, frame):
        # ضربة جوية دقيقة في الدوحة، استهدفت مقرات لقادة [حماس]: the strike is the verb's subject
        return None, "unnamed"
    if not frame.nominal and _unnamed_subject_after_opener(view, frame):
        # قال X إن قوات أمنية داهمت …: X is the speaker, not the doer; أن وحدات أمنية اقتحمت منزل
        # [الغنوشي]: the verb has its subject before it, the name after it is its object
        return None, "unnamed"
    # a headline with words before its verb has its subject there (ولي العهد يستقبل …)
    headline_svo = frame.headline and not frame.nominal and \
        view.words_between(view.to_norm(frame.clause_start), view.to_norm(frame.start)) > 0
    if not frame.nominal and not headline_svo:
        # قصفت القوات الروسية مدينة خاركيف: a nationality on the noun right after the verb is its
        # subject, unless a name follows it at once (الرئيس الروسي فلاديمير بوتين)
        adj = next(iter(view.mentions(frame.end, frame.clause_end, nisba=True)), None)
        if adj is not None and (view.words_between(view.to_norm(frame.end), view.to_norm(adj.start)) <= 1
                                or _definite_chain_before(view, frame.end, adj)):
            nxt = next((m for m in around.after if m.end > adj.start), None)
            first = around.after[0] if around.after else None
            if (first is None or first.start >= adj.end) and \
                    (nxt is None or view.words_between(view.to_norm(adj.end), view.to_norm(nxt.start)) >= 1):
                return adj, "after"
    if around.after and around.after[0].prep is None and not headline_svo \
            and not ((frame.reaction or frame.etype == "ACCUSE")
                     and _object_of_glued_noun(view, frame, around.after[0])):
        return around.after[0], "after"
    if not around.after and around.further and around.further[0].prep is None and not headline_svo \
            and not frame.nominal and _only_dates_and_titles(view, frame.end, around.further[0].start):
        # التقى، اليوم الخميس، الرئيس الأميركي دونالد ترامب، بـ…: the subject past a dated comma
        return around.further[0], "after"
    doer = _relative_doer(view, frame)
    if doer is not None:
        return doer, "relative"            # العفو الذي أصدره [الملك محمد السادس]
    subject = None
    if not headline_svo:
        subject = next((m for m in before if m.prep is None), None) \
            or _opening_name(view, frame, around) \
            or next((m for m in around.before_sentence if m.prep is None), None)
        if subject is not None:
            first = next((m for m in around.before_sentence if m.end <= subject.start), None)
            if first is not None and first.prep is None and _coordinated(view, first, ms) is subject:
                subject = first               # X وY …: the first of the pair, the other is the partner
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


def _main_clause_subject(view: ArticleView, frame: Frame, around: _Around) -> Mention | None:
    """The subject of the main clause after a fronted adverbial phrase that opens the sentence
    with the trigger (وخلال [لقائه] وزير الخارجية X في القاهرة، أكد الرئيس [Y] …): one opener
    (خلال، في، عقب: ``fronted_openers``) before the verbal noun, then past one of the next
    commas a verb and its subject, only titles, honorifics and time words between them. A noun
    without a pronoun suffix must name no doer of its own in its phrase (خلال زيارة [ماكرون]
    إلى القاهرة، أكد السيسي: the visit is Macron's)."""
    n_trig = view.to_norm(frame.start)
    before = view.words_before(n_trig, 2, floor=view.to_norm(frame.sent_start))
    if len(before) != 1:
        return None
    opener = before[0]
    if opener not in fronted_openers() and not (opener[:1] in ("و", "ف") and opener[1:] in fronted_openers()):
        return None
    n_end = view.to_norm(frame.sent_end)
    pos = view.to_norm(frame.end)
    times, preps, determiners = time_words(), prepositions(), noun_determiners()
    for _ in range(3):
        brk = _PHRASE_BREAK.search(view.ntext, pos, n_end)
        if brk is None or brk.group() not in "،,":
            return None
        comma = brk.start()
        cut = view.to_original(comma, comma)[0]
        if not frame.possessed and any(m.prep is None and frame.start <= m.start < cut for m in around.all):
            return None                    # the phrase names its own doer
        i0 = view.word_index(comma + 1)
        m = next((x for x in around.all if x.start > cut), None)
        if m is not None and m.prep is None:
            im = view.word_index(view.to_norm(m.start))
            nxt = view.ntext.find("،", comma + 1, view.to_norm(m.start))
            if 1 <= im - i0 <= 6 and nxt < 0:
                verb = view.ntext[view.words[i0][0]:view.words[i0][1]]
                bare = verb[1:] if verb[:1] in ("و", "ف") and len(verb) > 3 else verb
                if not (bare in preps or bare in determiners or verb.startswith("ال") or _title_like(verb)
                        or bare in clause_openers() or bare in times):
                    between = [view.ntext[s:e] for s, e in view.words[i0 + 1:im]]
                    if all(_title_like(w) or w in title_nouns() or w in honorifics() or w in times for w in between):
                        return m
        pos = comma + 1
    return None


_PHRASE_BREAK = re.compile(r"[،,.:؛\n]")


def _received_from(view: ArticleView, frame: Frame, around: _Around) -> Mention | None:
    """The sender named after من past a relative verb of receiving on the trigger, before the
    comma that closes its phrase (اتصال هاتفي [تلقاه] من الرئيس X،), or None."""
    n_end = view.to_norm(frame.sent_end)
    pos = view.to_norm(frame.end)
    brk = _PHRASE_BREAK.search(view.ntext, pos, n_end)
    comma = brk.start() if brk is not None else n_end
    verbs = receipt_verbs()
    for s, e in view.words[view.word_index(pos):view.word_index(comma)][:3]:
        w = view.ntext[s:e]
        if w in verbs or (w[:1] in ("و", "ف") and w[1:] in verbs):
            after, cut = view.to_original(e, e)[0], view.to_original(comma, comma)[0]
            return next((m for m in around.all if after <= m.start < cut and m.prep == "من"), None)
    return None


@lru_cache(maxsize=1)
def _side_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a side marker that closes the first side: من جهة، the marker that opens the other
    side: من جهة أخرى), over normalized text (``side_markers``, ``other_side_words``)."""
    sides = "|".join(re.escape(w) for w in sorted(side_markers()))
    others = "|".join(re.escape(w) for w in sorted(other_side_words()))
    return (re.compile(f"(?<!\\S)(?:{sides})(?!\\w)(?! (?:{others})(?!\\w))"),
            re.compile(f"(?<!\\S)(?:{sides}) (?:{others})(?!\\w)"))


def _other_side(view: ArticleView, frame: Frame, rest: list[Mention]) -> Mention | None:
    """The party after «من جهة» that closes the first side of «بين X وY من جهة، وZ من جهة
    أخرى» (the first name past it, before «من جهة أخرى»), or None where the sentence
    does not pair sides so."""
    lo, hi = view.to_norm(frame.end), view.to_norm(frame.sent_end)
    side, other_side = _side_patterns()
    first = side.search(view.ntext, lo, hi)
    if first is None:
        return None
    other = other_side.search(view.ntext, first.end(), hi)
    if other is None:
        return None
    a, b = view.to_original(first.end(), other.start())
    return next((m for m in rest if a <= m.start < b), None)


def _after_an(view: ArticleView, frame: Frame) -> bool:
    """Does the trigger stand right after عن (أعلن X عن حل البرلمان)?"""
    n = view.to_norm(frame.start)
    return view.ntext[max(0, n - 3):n] == "عن " and (n < 4 or not view.ntext[n - 4].isalpha())


def _scene_subject(view: ArticleView, frame: Frame, around: _Around) -> Mention | None:
    """The subject of a scene verb opening the clause of a verbal noun, its object (شهدت
    العاصمة الصومالية [مقديشو]، مساء الجمعة، هجوما): a place, or a nationality on a place noun;
    None where the clause opens otherwise or its subject is a person or a body."""
    first = view.to_norm(frame.clause_start)
    words = view.words_before(view.to_norm(frame.start), 12, floor=first)
    if not words:
        return None
    opener = words[-1]
    if opener[:1] in ("و", "ف") and opener[1:] in scene_verbs():
        opener = opener[1:]
    if opener not in scene_verbs():
        return None
    if any(w in clause_openers() or w in relative_pronouns() for w in words[:-1]):
        return None
    subject = next((m for m in reversed(around.before) if m.prep is None), None) \
        or next(iter(view.mentions(frame.clause_start, frame.start, nisba=True)), None)
    if subject is None or subject.entity.type not in LOCATION_TYPES:
        return None
    return subject


def _definite_chain_before(view: ArticleView, start: int, adj: Mention) -> bool:
    """Does definite nationality ``adj`` close a two-word definite phrase right after ``start``
    (قوات الاحتلال [الإسرائيلي]، الطائرات الحربية [الإسرائيلية])? A definite adjective agrees
    with the definite phrase before it, so it names that phrase, the verb's subject."""
    words = view.ntext[view.to_norm(start):view.to_norm(adj.start)].split()
    first = view.ntext[view.to_norm(adj.start):view.to_norm(adj.end)]
    return len(words) == 2 and words[1].startswith("ال") and first.startswith("ال") \
        and not any(ch in "".join(words) for ch in "،,.:؛") and not view.mentions(start, adj.start)


def _adjective_on_object(view: ArticleView, frame: Frame, subject: Mention | None) -> Mention | None:
    """A definite nationality right after the first definite noun after the trigger (the
    object: الاعتداء [الإسرائيلي]، الهجوم [الإيراني]), not the subject's own, or None."""
    for adj in view.mentions(frame.end, frame.clause_end, nisba=True):
        if subject is not None and adj.key == subject.key:
            continue
        n = view.to_norm(adj.start)
        before = view.words_before(n, 2, floor=view.to_norm(frame.end))
        word = view.ntext[n:view.to_norm(adj.end)]
        noun = before[0] if before else ""
        if noun[:3] in ("بال", "لال"):
            noun = noun[1:]            # بالهجوم [الحوثي]: the glued ب of the reaction's object
        elif noun[:2] == "لل":
            noun = "ال" + noun[2:]     # رفضه للمخططات [الإسرائيلية]
        if not word.startswith("ال") or not noun.startswith("ال") or _title_like(noun):
            return None
        if len(before) > 1 and before[1] in prepositions():
            return None               # على المدنيين الفلسطينيين: the noun is a preposition's object
        return adj
    return None


def _describes_strike(view: ArticleView, frame: Frame) -> bool:
    """Is the verb, with no conjunction, a clause describing an indefinite strike noun before it
    in the sentence (غارة استهدفت، ضربة جوية في الدوحة، استهدفت …), no name of a doer between?"""
    n = view.to_norm(frame.start)
    if view.ntext[n:n + 1] in ("و", "ف"):
        return False                                   # وقصفت: a coordinated verb with its own subject
    words = view.words_before(n, 8, floor=view.to_norm(frame.sent_start))
    k = next((i for i, w in enumerate(words) if w in strike_nouns()), None)
    if k is None:
        return False
    i = view.word_index(n) - k - 1
    s0 = view.words[i][0]
    between = view.ntext[s0:n]
    if any(ch in between for ch in ".:؛") or between.count("،") + between.count(",") > 1:
        return False
    if any(w in clause_openers() or w in relative_pronouns() for w in words[:k]):
        return False
    start = view.to_original(s0, s0)[0]
    return not any(view.preposition_before(m.start, floor=start, lookback=4) is None
                   for m in view.mentions(start, frame.start))


def _plural_verb(view: ArticleView, frame: Frame) -> bool:
    """Does the trigger's verb end in a plural subject suffix (اقتحموا، داهموا، يقتحمون)?
    A verb before its subject stays singular in Arabic, so the suffix is the subject."""
    n0, n1 = view.to_norm(frame.start), view.to_norm(frame.head_end)
    head = view.ntext[n0:n1].split()
    if not head:
        return False
    w = head[0]
    w = w[1:] if w[:1] in ("و", "ف") and len(w) > 4 else w
    if len(w) < 5:
        return False                  # دعوا، نجوا: too short to tell a root from a suffix
    return w.endswith("وا") or (w[:1] in ("ي", "ت") and w.endswith("ون"))


_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")


def _person_met(view: ArticleView, frame: Frame, country: Mention) -> Mention | None:
    """A person of the visited country named right after a purpose (للقاء [الرئيس X]) later in
    the sentence, or None."""
    for m in view.mentions(country.end, frame.sent_end, types=("PERSON",)):
        if m.entity.country != country.entity.country:
            continue
        words = view.words_before(view.to_norm(m.start), 5, floor=view.to_norm(country.end))
        for w in words:
            if w.lstrip("و") in meeting_purposes() or w.lstrip("و") in meeting_verbs():
                return m              # للقاء [X]، حيث التقى نظيره [X]
            if not (_title_like(w) or w in ("مع", "خلالها", "خلاله")):    # التقى خلالها الرئيس X
                break
        return None
    return None


def _pronoun_partner(view: ArticleView, frame: Frame, subject: Mention, around: _Around) -> Mention | None:
    """The antecedent of a preposition with a pronoun after the trigger (معه، معها، به، إليه)
    when the preposition is one of the entry's: the first bare name of the sentence before
    the trigger that is not the subject, or None."""
    preps = {p for p in frame.preps if p != "OBJ"}
    if not preps:
        return None
    n0 = view.to_norm(frame.end)
    n1 = view.to_norm(frame.arg_end or frame.clause_end)
    words = [view.ntext[s:e].lstrip("و") for s, e in view.words[view.word_index(n0):view.word_index(n1)][:4]]
    # معه → مع، إليه → الي، عليها → علي، به → ب (normalized)
    if not any(w.endswith(suffix) and w[:-len(suffix)] in preps for w in words for suffix in _PRONOUN_SUFFIXES):
        return None
    return next((m for m in reversed(around.before_sentence) if m.prep is None and m.key != subject.key), None)


def _opening_name(view: ArticleView, frame: Frame, around: _Around) -> Mention | None:
    """The subject of a verb-first sentence (أعلنت [قطر] تصنيف X …، وقررت قطع العلاقات): a bare
    name after the sentence's first word and at most three title words, standing before
    the trigger's clause; a trigger of a later clause with no subject of its own shares it."""
    if not around.before_sentence:
        return None
    first = around.before_sentence[-1]
    if first.prep is not None or first.start >= frame.clause_start:
        return None
    gap = view.words_between(view.to_norm(frame.sent_start), view.to_norm(first.start))
    return first if 1 <= gap <= 4 else None


def _unnamed_subject_after_opener(view: ArticleView, frame: Frame) -> bool:
    """Does an unnamed noun phrase stand between a complementizer and the verb (إن قوات أمنية
    داهمت، أن وحدات أمنية اقتحمت)? Then the verb has a subject of its own, not named."""
    n = view.to_norm(frame.start)
    words = view.words_before(n, 4, floor=view.to_norm(frame.sent_start))
    for i, w in enumerate(words):
        if w in ("ان", "بان", "وان") or w in pronoun_openers():
            if i == 0 or w in pronoun_openers() or any(x in auxiliaries() for x in words[:i]):
                return False
            if any(x.lstrip("و") in anaphoric_owners() or x.endswith(("ته", "ها", "هم")) for x in words[:i]):
                return False                    # إن قوات الجماعة، بأن قواته: the party named before
            k = view.word_index(n) - i          # the first word after the opener
            start = view.to_original(view.words[k][0], view.words[k][0])[0]
            return not view.mentions(start, frame.start) and not view.mentions(start, frame.start, nisba=True)
    return False


def _pronoun_subject(view: ArticleView, frame: Frame) -> bool:
    """Does the verb follow a complementizer with a pronoun subject (إنه قرر، أنها لن تقبل)?"""
    words = view.words_before(view.to_norm(frame.start), 3, floor=view.to_norm(frame.sent_start))
    for w in words:
        if w in pronoun_openers():
            return True
        if w not in auxiliaries():
            return False
    return False


def _relative_doer(view: ArticleView, frame: Frame, reach: int = 3) -> Mention | None:
    """The doer named in a relative clause on the act (العفو الملكي الذي أصدره [الملك]، الهجوم
    الذي شنته [إسرائيل]): a relative pronoun within ``reach`` - 1 words after the trigger, a verb
    with an object pronoun (the act itself), then a bare name within four words."""
    n = view.to_norm(frame.end)
    i = view.word_index(n)
    rel_pronouns = relative_pronouns()
    stop = min(i + reach, len(view.words) - 1)
    if not any(view.ntext[s:e] in rel_pronouns for s, e in view.words[i:stop]):
        return None                 # (most acts have none: the loop below then finds none either)
    for k in range(i, stop):
        s, e = view.words[k]
        if any(ch in view.ntext[n:s] for ch in "،,.:؛"):
            return None
        if view.ntext[s:e] not in rel_pronouns:
            continue
        vs, ve = view.words[k + 1]
        verb = view.ntext[vs:ve]
        if not (len(verb) > 3 and verb.endswith(("ه", "ها"))):
            return None
        after = view.to_original(ve, ve)[0]
        for m in view.mentions(after, frame.sent_end):
            if view.words_between(ve, view.to_norm(m.start)) > 4:
                return None
            if view.preposition_before(m.start, floor=after, lookback=4) is None:
                return m
            return None
        return None
    return None


def _announces_act(view: ArticleView, frame: Frame, a: int, b: int) -> bool:
    """Does the attribution span [a, b) end right before the verbal noun, only dates and
    commas between (أعلنت الوزارة، يوم الثلاثاء، ترحيل …)?"""
    if not (a < b <= frame.start) or b < frame.clause_start - 80:
        return False
    between = view.text[b:frame.start]
    if any(w in clause_openers() for w in normalize_key(between).split()):
        return False
    return _only_dates_and_titles(view, b, frame.start) and view.words_between(view.to_norm(b), view.to_norm(frame.start)) <= 4


def _pair_start(view: ArticleView, adjs: list[Mention]) -> Mention:
    """The first of two nationality adjectives joined at the end of ``adjs`` (الجزائري والتونسي،
    تونسية جزائرية), else the last one: the pair is read from its first."""
    if len(adjs) >= 2 and adjs[-2].key != adjs[-1].key and not view.text[adjs[-2].end:adjs[-1].start].strip(" و"):
        return adjs[-2]
    return adjs[-1]


def _object_of_glued_noun(view: ArticleView, frame: Frame, m: Mention) -> bool:
    """تنديد عربي بدخول [بن غفير]: a name after the reaction's ب/ل-noun is the target, not the doer."""
    words = view.ntext[view.to_norm(frame.end):view.to_norm(m.start)].split()
    return any(w[:1] in ("ب", "ل") and len(w) > 3 and w not in _GLUED_ADVERBS for w in words)


# adverbs with a glued ب that stand between a reaction and its doer (إدانة بشدة)
_GLUED_ADVERBS = frozenset({"بشده", "بقوه", "بحزم", "بدوره", "بدورها", "بالمقابل"})


def _second(view: ArticleView, frame: Frame, around: _Around, subject: Mention | None,
            partner: Mention | None) -> Mention | None:
    """The other party: after one of the entry's prepositions, else a bare object.
    ``partner``: the name joined to ``subject`` by و (``_coordinated``), or None."""
    pool = [m for m in around.gap + around.after + around.further if m is not subject]
    second = next((m for m in pool if m.prep and m.prep in frame.preps), None)
    if partner is not None and partner in pool and partner.end <= frame.clause_end \
            and (second is None or partner.start < second.start):
        if not (frame.etype and is_directed(frame.etype, None) and "OBJ" in frame.preps):
            return partner            # بحث [X] و[Y] الصراع … في مكالمة بين …: the pair talks
        # دعت فرنسا و[بريطانيا] [إيران] إلى …: joint doers of a directed act; its object follows
        obj = next((m for m in pool if m.prep is None and m.start > partner.end), None)
        if obj is not None and second is None:
            return obj
        if second is None:
            return partner
    if second is None and "OBJ" in frame.preps:
        bare = [m for m in pool if m.prep is None]
        second = bare[0] if bare else None
        if second is not None and subject is not None and _in_title_of(view, subject, second):
            # استقبل [X] وزير الخارجية وشؤون المصريين بالخارج، اليوم، نظيره [Y]: the country in the
            # subject's title is no party; the object is the name past the comma that closes it
            second = next((m for m in bare if m.start > second.end and m.entity.type == "PERSON"
                           and any(ch in view.text[second.end:m.start] for ch in "،,")), second)
    if second is None and frame.etype == "REQUEST" and frame.end > frame.head_end:
        # وجهت X نداء [لمجلس الأمن]، مناشدة [للأمم المتحدة]: the ل-complement right after the
        # request noun is the one asked (not a place or purpose later in the sentence)
        glued = next((m for m in pool if m.prep == "ل" and len(view.text[frame.end:m.start].strip()) <= 2), None)
        if glued is not None:
            return glued
    if second is None and "OBJ" in frame.preps and frame.end > frame.head_end:
        # طرد دبلوماسيين [أمريكيين]، طردت الجزائر 12 دبلوماسيا [فرنسيا]: a nationality on the object
        # noun the trigger ends with names the party acted on
        adj = next(iter(view.mentions(frame.end, frame.clause_end, nisba=True)), None)
        if adj is not None and view.words_between(view.to_norm(frame.end), view.to_norm(adj.start)) == 0 \
                and (subject is None or adj.key != subject.key):
            return adj
    if second is None and "OBJ" in frame.preps:
        second = _nationality_on_object(view, frame, subject)
    if second is None and frame.preps:
        # على منشآت نووية إيرانية: a nationality after the preposition names the target
        for m in view.mentions(frame.end, frame.arg_end or frame.clause_end, nisba=True):
            m.prep = view.preposition_before(m.start, floor=frame.sent_start, lookback=4)
            if m.prep and m.prep in frame.preps and (subject is None or m.key != subject.key):
                return m
    if second is None and subject is not None:
        second = partner                                          # بوتين والشرع في أول اتصال
        if second is not None and second.end > frame.clause_end:
            second = None
    if second is None and subject is not None and subject.partner is not None:
        second = Mention(subject.start, subject.end, subject.partner, None)   # الرئيسان اتفقا
    return second


def _nationality_on_object(view: ArticleView, frame: Frame, subject: Mention | None) -> Mention | None:
    """هدمت الجرافات 9 منازل [فلسطينية]، قصفت المدفعية بلدات [لبنانية]، استقبل الوزير وفدا
    [إيرانيا]: an indefinite nationality on the bare object right after a transitive verb (up to
    three words between, nouns and perhaps a count, no preposition, comma or clause opener) names
    the party acted on, unless it is the subject's own country or the noun is a weapon (صواريخ
    أمريكية: the maker, not the target)."""
    start = frame.end
    if subject is not None and subject.start >= frame.end:
        start = subject.end    # قصفت المدفعية الإسرائيلية بلدات لبنانية: past the subject after the verb
    end = after_relative(view, start, frame.clause_end or frame.sent_end)
    if end <= start:
        return None
    adj = next(iter(view.mentions(start, end, nisba=True)), None)
    if adj is None or (subject is not None and subject.entity.country == adj.entity.country):
        return None
    word = view.ntext[view.to_norm(adj.start):view.to_norm(adj.end)]
    if word.startswith("ال") or view.mentions(start, adj.start):
        return None            # a definite adjective agrees with a definite noun: not this object
    between = view.ntext[view.to_norm(start):view.to_norm(adj.start)]
    words = between.split()
    if not 1 <= len(words) <= 3 or any(ch in between for ch in "،,.:؛()«»\"") \
            or not all(w.isdigit() or w[:1].isalpha() for w in words):
        return None
    nouns = [w for w in words if not w.isdigit()]
    if not nouns or any(w in prepositions() or w in clause_openers() or w.startswith("ال") for w in nouns) \
            or view.preposition_before(adj.start, floor=frame.end, lookback=3) is not None:
        return None
    if any(w.lstrip("وفب") in weapon_words() for w in nouns):
        return None
    return adj


def _attack_on_patient(view: ArticleView, frame: Frame, around: _Around
                       ) -> tuple[Mention | None, Mention | None]:
    """اغتيال X، مقتل X، قُتل X بضربة …: X (the first bare name after the trigger, or the
    subject of a passive told before it) is the target; the doer is a passive agent
    (على يد، برصاص) or a nationality adjective on the weapon (مسيّرة إسرائيلية)."""
    after = around.gap + around.after + around.further
    patient = next((m for m in after if m.prep is None), None)
    if patient is None and not frame.nominal:
        patient = next((m for m in around.before if m.prep is None), None)
    agent = None
    if frame.agent_after is not None:
        agent = next((m for m in after if m.start >= frame.agent_after), None)
    if agent is None and frame.nominal:
        agent = _doing_verb_subject(view, frame)[1]     # أن [إسرائيل] قامت باغتيال X
    if agent is None:
        agent = weapon_nationality(view, frame.end, frame.sent_end)
    if agent is None:
        agent = next((m for m in after if m.prep and m.prep in frame.preps and m is not patient), None)
    if agent is not None and patient is not None and agent.key == patient.key:
        agent = None
    return agent, patient


def _named_doers(view: ArticleView, frame: Frame, around: _Around) -> tuple[Mention | None, Mention | None]:
    """محتجون [عراقيون] يقتحمون سفارة [السويد]، أنصار [الصدر] يقتحمون السفارة [السويدية]: the
    trigger names its doers; a nationality adjective on them or a name inside the
    pattern (or right before it) is actor1; the first bare name after it, else a
    nationality adjective on the building, is the target. A verbal noun (إحراق
    السفارة السويدية) names only the target."""
    doer = None
    if not frame.nominal:
        doer = next((m for m in view.mentions(frame.start, frame.clause_end, nisba=True)
                     if m.start < frame.end or view.words_between(view.to_norm(frame.end), view.to_norm(m.start)) == 0),
                    None)
        doer = doer or next((m for m in around.gap if m.prep is None), None)
        doer = doer or next((m for m in around.before if m.prep is None
                             and view.words_between(view.to_norm(m.end), view.to_norm(frame.start)) == 0), None)
        # اقتحم متظاهرون مناصرون [للتيار الصدري]، دخل آلاف من المتظاهرين التابعين [لـX]: the group
        # the crowd follows, named right after it, is the doer
        doer = doer or next((m for m in around.after if m.prep is None and _follower_of(view, m)
                             and view.words_between(view.to_norm(frame.end), view.to_norm(m.start)) <= 3), None)
    target = next((m for m in around.after + around.further
                   if m.prep is None and (doer is None or m.key != doer.key)), None)
    if target is None:
        target = next((m for m in view.mentions(frame.end, frame.clause_end, nisba=True)
                       if doer is None or (m.key != doer.key and m.start >= doer.end)), None)
    return doer, target


def _adjective_on_act(view: ArticleView, frame: Frame) -> Mention | None:
    """A nationality adjective right after a verbal noun, or after it and one weapon
    word (هجوما صاروخيا إيرانيا), or None."""
    for m in view.mentions(frame.end, frame.clause_end, nisba=True):
        gap = view.words_between(view.to_norm(frame.end), view.to_norm(m.start))
        if gap == 0:
            return m
        if gap == 1:
            prev = view.words_before(view.to_norm(m.start), 1)
            if prev and prev[0].lstrip("وفب").removeprefix("ال") in weapon_words():
                return m
        return None
    return None


def weapon_nationality(view: ArticleView, start: int, end: int) -> Mention | None:
    """The first nationality adjective right after a weapon or strike word in
    [start, end) (مسيّرة إسرائيلية، غارة أمريكية، ضربة إيرانية), or None."""
    for m in view.mentions(start, end, nisba=True):
        prev = view.words_before(view.to_norm(m.start), 1)
        if prev and prev[0].lstrip("وفب").removeprefix("ال") in weapon_words():
            return m
    return None


def names_a_pair(view: ArticleView, start: int, end: int) -> bool:
    """Do two coordinated names (X وY) follow in [start, end), the first within three words?
    (بتوقيع ممثلي [القوات المسلحة] و[قوات الدعم السريع])"""
    ms = view.mentions(start, end)
    if not ms or view.words_between(view.to_norm(start), view.to_norm(ms[0].start)) > 3:
        return False
    return _coordinated(view, ms[0], ms) is not None


def _next_adjective(view: ArticleView, adj: Mention | None) -> Mention | None:
    """A second nationality adjective right after the first (الإيرانية الأمريكية)."""
    if adj is None:
        return None
    nxt = next(iter(view.mentions(adj.end, adj.end + 40, nisba=True)), None)
    if nxt is not None and nxt.key != adj.key and not view.text[adj.end:nxt.start].strip(" و"):
        return nxt
    return None


def _doing_verb_subject(view: ArticleView, frame: Frame) -> tuple[bool, Mention | None]:
    """The subject of قام ب when the verbal noun is its object after إن/أن: (True, the name)
    for a name standing between the opener and the verb (أن [إسرائيل] قامت باغتيال X), (True,
    None) for an unnamed noun phrase there (أن وحدات أمنية قامت مساء اليوم بمداهمة …: the
    name after the noun is then its object, not its doer), (False, None) otherwise."""
    n = view.to_norm(frame.start)
    words = view.words_before(n, 5, floor=view.to_norm(frame.sent_start))
    k = next((i for i, w in enumerate(words) if w.lstrip("و") in doing_verbs()), None)
    if k is None:
        return False, None
    i = view.word_index(n) - k - 1                  # the doing verb's word index
    dv = view.to_original(view.words[i][0], view.words[i][0])[0]
    if view.mentions(dv, frame.start) or view.mentions(dv, frame.start, nisba=True):
        return False, None                          # قامت [القوات الإسرائيلية] بمداهمة: the usual rules
    before = view.words_before(view.words[i][0], 4, floor=view.to_norm(frame.sent_start))
    for j, w in enumerate(before):
        if w in ("ان", "بان", "وان"):
            if j == 0:
                return False, None                  # أنها قامت، أن قامت: no phrase between
            s0 = view.words[i - j][0]
            start = view.to_original(s0, s0)[0]
            named = [m for m in view.mentions(start, dv)
                     if view.preposition_before(m.start, floor=start, lookback=3) is None]
            if named:
                return True, named[0]
            return (True, None) if not view.mentions(start, dv, nisba=True) else (False, None)
    return False, None


def _verb_subject_before_comma(view: ArticleView, frame: Frame, around: _Around) -> Mention | None:
    """The subject of a verb-first sentence whose verbal noun object comes right after the
    comma that closes the subject's title (أجرى الأمير [X]، ولي العهد رئيس مجلس الوزراء،
    اتصالا هاتفيا بـY): the sentence's first word, the subject with its titles, titles
    only up to the noun. None where the noun has words of its own clause before it."""
    if frame.clause_start <= frame.sent_start or view.text[frame.clause_start:frame.start].strip(" ،,"):
        return None
    if not around.before_sentence:
        return None
    first = around.before_sentence[-1]             # the earliest name of the sentence
    if first.prep is not None:
        return None
    n0 = view.to_norm(frame.sent_start)
    i0, i1 = view.word_index(n0), view.word_index(view.to_norm(first.start))
    if not 1 <= i1 - i0 <= 5:
        return None
    lead = [view.ntext[s:e] for s, e in view.words[i0 + 1:i1]]     # between the verb and the name
    tail = [view.ntext[s:e] for s, e in view.words[view.word_index(view.to_norm(first.end)):
                                                   view.word_index(view.to_norm(frame.start))]]
    if any(ch in view.ntext[view.words[i0][1]:view.to_norm(first.start)] for ch in "،,.:؛"):
        return None
    verb = view.ntext[view.words[i0][0]:view.words[i0][1]]
    bare = verb.lstrip("وف")
    if bare in prepositions() or bare in noun_determiners() or _title_like(verb):
        return None
    tail = _without_lineage(tail)       # محمد بن سلمان [بن عبدالعزيز آل سعود]: the name's lineage
    if not all(_title_like(w) or w in title_nouns() or w in honorifics() for w in lead + tail):
        return None
    return first


def _without_lineage(words: list[str]) -> list[str]:
    """The words after a name less its lineage at their start (بن عبدالعزيز آل سعود): بن/ابن/آل
    and the name after each."""
    i = 0
    while i + 1 < len(words) and words[i] in ("بن", "ابن", "ال"):
        i += 2
    return words[i:]


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
    # X وY, or X ونظيره السوري Y, or X وولي العهد السعودي الأمير Y (titles only)
    if gap == "و" or (gap.startswith("و") and not any(ch in gap for ch in "،,.")
                      and (len(gap.split()) <= 3
                           or (len(gap.split()) <= 6 and _all_titles(gap[1:])))):
        return nxt
    # X، وY، or X، وولي العهد السعودي الأمير Y: a comma closes X's title before the و of a
    # second subject; only titles may stand between (a verb would open a new clause)
    if gap[:1] in ("،", ",") and gap[1:].lstrip().startswith("و"):
        rest = gap[1:].lstrip()
        if rest == "و" or (not any(ch in rest for ch in "،,.") and len(rest.split()) <= 6 and _all_titles(rest[1:])):
            return nxt
    return None


def _subject_of_verb_before(view: ArticleView, m: Mention, frame: Frame) -> bool:
    """Is ``m`` the subject of a verb opening the sentence (one word, then titles only, before
    it) and the trigger's word right after it, nothing between (أعلنت [X] فرض عقوبات) but the
    عن of أعلن/كشف عن (أعلن رئيس جمهورية تركيا [X] عن حل البرلمان)? The country of the title
    (جمهورية تركيا) is one of its words."""
    if m.prep is not None:
        return False
    gap = view.text[m.end:frame.start].strip(" ،,")
    if (gap or view.text[m.end:frame.start].strip()) and normalize_key(gap) != "عن":
        return False                       # (a comma may close the subject's name before عن)
    if view.ntext[view.to_norm(frame.start):][:1] in ("ي", "و"):
        return False                       # an imperfect (يفرض) or a joined verb (وفرض) has its own subject
    n0, nm = view.to_norm(frame.sent_start), view.to_norm(m.start)
    i0, im = view.word_index(n0), view.word_index(nm)
    if not 1 <= im - i0 <= _TITLE_REACH or any(ch in view.ntext[n0:nm] for ch in "،,.:؛"):
        return False
    verb = view.ntext[view.words[i0][0]:view.words[i0][1]].lstrip("وف")
    if verb in prepositions() or verb in noun_determiners() or _title_like(verb) or verb in clause_openers():
        return False
    for s, e in view.words[i0 + 1:im]:
        w = view.ntext[s:e]
        if not (_title_like(w) or w in honorifics() or w in title_nouns() or "ال" + w in title_nouns()
                or w in _country_names()):
            return False
    return True


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """The knowledge base's Arabic names of countries, normalized (الكويت، قطر): the country of
    a title (رئيس جمهورية تركيا) is one of its words."""
    from marsad.annotate.knowledge import load_kb      # the knowledge base loads once, on first need
    return frozenset(normalize_key(n) for c in load_kb().countries.values() for n in c.get("names_ar") or ())


def _pair_named_before(view: ArticleView, frame: Frame, around: _Around) -> tuple[Mention, Mention] | None:
    """The two parties of a verbal noun followed by «بين» and a dual noun that refers back
    (مكالمة هاتفية بين الزعيمين، لقاء بين الجانبين): the first pair of names joined by و
    before it in the sentence, or None."""
    n = view.to_norm(frame.end)
    i = view.word_index(n)
    words = [view.ntext[s:e] for s, e in view.words[i:i + 2]]
    if len(words) < 2 or words[0] != "بين" or words[1].lstrip("و") not in pair_nouns():
        return None
    if any(ch in view.ntext[n:view.words[i][0]] for ch in "،,.:؛"):
        return None
    ms = [m for m in around.before_sentence if m.prep is None]
    for m in reversed(ms):                        # the earliest first
        partner = _coordinated(view, m, around.all)
        if partner is not None and partner.end <= frame.start:
            return m, partner
    return None


def _all_titles(words: str) -> bool:
    """Are all these words titles, title nouns or nationality adjectives (ولي العهد السعودي الأمير)?"""
    return all(_title_like(normalize_key(w)) or normalize_key(w) in title_nouns() for w in words.split())


def _is_fronted_subject(view: ArticleView, m: Mention, last: Mention, frame: Frame) -> bool:
    """A name right before the verb that opens its clause (headline بوتين يدعو …,
    or after أن: أعلن الكرملين أن بوتين أجرى …) is the verb's subject."""
    n_end, n_trig = view.to_norm(last.end), view.to_norm(frame.start)
    gap = view.words_between(n_end, n_trig)
    if gap > 2:
        # إن الحوثيين المدعومين من إيران داهموا: a definite participle phrase on the name
        first = view.ntext[view.words[view.word_index(n_end)][0]:view.words[view.word_index(n_end)][1]]
        if gap > 4 or not first.startswith("الم") or frame.nominal:
            return False
    if frame.nominal:
        return True                    # يعتزم [ماكرون] زيارة لبنان: the doer before the noun
    n_start = view.to_norm(m.start)
    prev = view.words_before(n_start, _TITLE_REACH, floor=view.to_norm(frame.clause_start))
    if not prev:
        return True
    # إن الرئيس الأميركي [دونالد ترمب] التقى: title words and nationality adjectives before
    # the name belong to it; the opener stands before them
    members = member_words()[0]
    for w in prev:
        if w in subject_openers():
            return True
        if not (_title_like(w) or w == "من" or w in members or w in title_nouns()):    # إن عناصر من [ميليشيا X] اقتحموا
            return False
    return len(prev) < _TITLE_REACH  # only titles between the clause start and the name


# how many words of titles (رئيس مجلس الوزراء العراقي) may stand between a clause opener and its subject
_TITLE_REACH = 6


def _only_dates_and_titles(view: ArticleView, start: int, end: int) -> bool:
    """Are the words in original [start, end) only date expressions, titles and nationality
    adjectives (، اليوم الخميس، الرئيس الأميركي)?"""
    dates = [(d.start, d.end) for d in view.article.dates]
    n0, n1 = view.to_norm(start), view.to_norm(end)
    for s, e in view.words[view.word_index(n0):view.word_index(n1)]:
        o = view.to_original(s, e)[0]
        if not any(a <= o < b for a, b in dates) and not _title_like(view.ntext[s:e]):
            return False
    return True


def _opens_clause(view: ArticleView, m: Mention, floor: int) -> bool:
    """Does ``m`` (with its titles) open the sentence or a clause after إن/أن?"""
    if not view.text[floor:m.start].strip(" \"'«»“”"):
        return True
    for w in view.words_before(view.to_norm(m.start), 4, floor=view.to_norm(floor)):
        if w in subject_openers():
            return True
        if not (_title_like(w) or w in title_nouns()):
            return False
    return False


def _apposition_past_modifier(view: ArticleView, frame: Frame, m: Mention) -> bool:
    """Is a person's name, after a comma, the apposition of the person noun the act takes
    as its object (ترحيل [الناشطة] البيئية المعروفة في أوروبا، X; إيداع
    [الصحافي] بجريدة X، محمد)? The preposition before the comma is inside the noun's
    modifier and does not govern the name. A place noun after a preposition has its own
    apposition (في العاصمة، واشنطن) and a title after the preposition is its object (مع
    نظيره الأمريكي، X): the noun must open the object, right after the act's word."""
    if not (frame.end <= m.start <= frame.clause_end or frame.head_end <= m.start < frame.end):
        return False
    start = frame.head_end if frame.head_end <= m.start < frame.end else frame.end
    between = view.text[start:m.start]
    stripped = between.rstrip()
    if not stripped.endswith(("،", ",")) or any(ch in stripped[:-1] for ch in "،,.:؛\n"):
        return False
    words = normalize_key(stripped[:-1]).split()
    if not 2 <= len(words) <= 9:
        return False
    head = words[0]
    return head.startswith("ال") and (_title_like(head) or head in _person_descriptors())


@lru_cache(maxsize=1)
def _person_descriptors() -> frozenset[str]:
    """Words that describe a person without an office (titles.json name_cues.descriptors:
    الناشط، الصحفي، المعارض), one word long, normalized."""
    from marsad.annotate.knowledge import load_kb
    return frozenset(normalize_key(d) for d in load_kb().titles.name_cues.descriptors if " " not in d)


def _title_like(word: str) -> bool:
    """Is a word a title or a nationality adjective that belongs to the name after it
    (الرئيس، العاهل، الأميركي، الأمير)?"""
    if word.removeprefix("ال").startswith(title_words()):     # (a tuple: one call in C)
        return True
    return word.startswith("ال") and (word.endswith("ي") or word.endswith("يه")) and len(word) > 5


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


def _counted_people(view: ArticleView, m: Mention) -> bool:
    """Is ``m`` a people (a demonym: المغاربة) after a count and من (عشرات الآلاف من المغاربة)?"""
    if m.entity.how != "demonym":
        return False
    before = view.words_before(view.to_norm(m.start), 2)
    return len(before) == 2 and before[0] == "من" and before[1].lstrip("و") in crowd_words()


# acts done by speaking: the speaker of the statement that tells them is their doer
SPEECH_TYPES = frozenset({"THREATEN", "ACCUSE", "REJECT", "SUPPORT", "REQUEST"})

# encounters: whoever holds one is a party to it (the pronoun of استقباله، لقائه is its host)
ENCOUNTER_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def speaker_roles(view: ArticleView, frame: Frame, etype: str, retyped: bool,
                  a1: Mention | None, a2: Mention | None) -> tuple[Mention | None, Mention | None]:
    """The speaker of a statement is the doer of a threat, accusation, rejection, support or
    request told in it without a named subject of its own («ترامب: سنفتح أبواب الجحيم»، قال X
    إنه سيرد بقوة). Where the clause was retyped as the speaker's demand of someone
    (ترامب: على حماس أن تفرج عن الرهائن), its own subject is the one addressed."""
    if etype not in SPEECH_TYPES:
        return a1, a2
    speaker = _speaker(view, frame)
    if speaker is None:
        return a1, a2
    if retyped and a2 is None:
        # على [حماس] أن تفرج: the one told what it must do
        a2 = next((m for m in reversed(view.mentions(frame.sent_start, frame.start)) if m.key != speaker.key
                   and view.preposition_before(m.start, floor=frame.sent_start, lookback=1) == "علي"), None)
    if a1 is not None and a1.key == speaker.key:
        return a1, a2
    if a1 is not None and a1.entity.type == "GPE" and speaker.entity.type == "PERSON" \
            and speaker.entity.country and speaker.entity.country == a1.entity.country:
        # السوداني: العراق يريد خروج القوات، شدد سعيد على أن تونس لن تقبل: a leader speaking of
        # his own country's will is the doer of what he says it does
        return speaker, (a2 if a2 is None or a2.key != speaker.key else None)
    if retyped and a1 is not None:
        return speaker, (a2 if a2 is not None and a2.key != speaker.key else a1)
    if frame.subject_how in ("none", "before") or a1 is None:
        return speaker, (a2 if a2 is None or a2.key != speaker.key else None)
    return a1, a2


def _speaker(view: ArticleView, frame: Frame) -> Mention | None:
    """Who says the sentence that holds the trigger: a name opening it before a colon
    (ترامب: …، الخارجية المصرية لـ«وكالة»: …), or the speaker of a quote around the trigger."""
    first = next(iter(view.mentions(frame.sent_start, frame.start)), None)
    if first is not None and view.words_between(view.to_norm(frame.sent_start), view.to_norm(first.start)) == 0:
        tail = view.text[first.end:frame.start]
        colon = tail.find(":")
        if colon >= 0 and len(tail[:colon].split()) <= 3 and not any(ch in tail[:colon] for ch in "،,.\n"):
            return first
    for q in getattr(view.article, "quotes", None) or ():
        if q.speaker is None or not (q.start <= frame.start < q.end):
            continue
        key = q.speaker.key
        named = [m for m in view.mentions(frame.sent_start, frame.start) if m.key == key]
        if named:
            return named[-1]
        return None
    return None


def _in_title_of(view: ArticleView, person: Mention, m: Mention) -> bool:
    """Does country ``m`` stand in the title that follows ``person`` (X وزير خارجية مصر، X
    وزير الخارجية وشؤون المصريين بالخارج): a title word right after the name, then no
    punctuation up to ``m``?"""
    if person.entity.type != "PERSON" or m.entity.type != "GPE" or m.start < person.end:
        return False
    if any(ch in view.text[person.end:m.start] for ch in "،,.:؛()\n"):
        return False
    n = view.to_norm(person.end)
    i = view.word_index(n)
    if i >= len(view.words) or view.words[i][0] >= view.to_norm(m.start):
        return False
    first = view.ntext[view.words[i][0]:view.words[i][1]]
    return _title_like(first) or first in title_nouns()


def _prep_object_before(view: ArticleView, m: Mention, places: list[Mention]) -> int | None:
    """Where the preposition found before ``m`` stands (original offset) when it takes a
    place named right after it, ``m`` following that place (الخاص إلى [الشرق الأوسط] توني
    بلير), else None. A preposition governs the first noun phrase after it: the name after
    its object is in apposition to the title before the preposition, not introduced by it."""
    for p in places:
        if p.end > m.start or view.text[p.end:m.start].strip():
            continue
        n = view.to_norm(p.start)
        before = view.words_before(n, 1)
        if not before or before[0].lstrip("و") != m.prep:
            return None
        s, _ = view.words[view.word_index(n) - 1]
        return view.to_original(s, s)[0]
    return None


def _against(view: ArticleView, m: Mention) -> bool:
    """Is the في before ``m`` the compound «في حق» (against: مذكرة اعتقال في حق X)?"""
    words = view.words_before(view.to_norm(m.start), 6)
    return any(w == "في" and i > 0 and words[i - 1] == "حق" for i, w in enumerate(words))


def _headed_by(view: ArticleView, m: Mention) -> bool:
    """Is ``m`` named as the head of the group before it (برئاسة [X]، بقيادة وزير الخارجية [X]):
    a head word, then titles only, right before the name?"""
    for w in view.words_before(view.to_norm(m.start), 5):
        if w.lstrip("و") in head_words():
            return True
        if not (_title_like(w) or w in title_nouns()):
            return False
    return False


def _member_in(view: ArticleView, m: Mention) -> bool:
    """Is «في» before ``m`` preceded by a member noun (قياديا في، عضو في، مسؤول في)?"""
    words = view.words_before(view.to_norm(m.start), 3)
    k = next((i for i, w in enumerate(words) if w == "في"), None)
    if k is None or k + 1 >= len(words) or words[k + 1].lstrip("و") not in members_in():
        return False
    # القيادي في حزب الله [هيثم الطبطبائي]: the member is named after the group; he is the party
    nxt = next(iter(view.mentions(m.end, min(len(view.text), m.end + 80), types=("PERSON",))), None)
    return nxt is None or bool(view.text[m.end:nxt.start].strip())


def _head_preposition(view: ArticleView, m: Mention, frame: Frame, others: list[tuple[int, int]]) -> str | None:
    """The preposition before the site or members noun that owns ``m`` through ل (على [مواقع]
    لحزب الله، [مقرا] للأمم المتحدة: none), the word right before ``m`` or the one before it."""
    _, affiliation = member_words()
    i = view.word_index(view.to_norm(m.start))
    for k in (i - 1, i - 2):
        if k < 0:
            break
        s, e = view.words[k]
        w = view.ntext[s:e]
        if (w.lstrip("و") if len(w) > 3 else w) in affiliation:
            return view.preposition_before(view.to_original(s, s)[0], floor=frame.sent_start, lookback=3,
                                           stops=[(frame.start, frame.head_end)] + others)
    return None


def _follower_of(view: ArticleView, m: Mention) -> bool:
    """Is ``m`` named through ل after a follower or supporter word (مناصرون للتيار، التابعين لرجل
    الدين X)? Those people are the group's own."""
    affiliation = affiliation_words()   # a building (مقرا للتيار) is no follower
    words = [w.lstrip("و") if len(w) > 3 else w for w in view.words_before(view.to_norm(m.start), 5)]
    if view.preposition_before(m.start, floor=max(0, m.start - 40), lookback=1) == "ل":
        return any(w in affiliation for w in words[:2])
    # التابعين لرجل الدين الشيعي البارز [مقتدى الصدر]: the title carries the ل
    k = next((i for i, w in enumerate(words) if w in affiliation), None)
    if k is None or k < 1 or not words[k - 1].startswith("ل") or len(words[k - 1]) < 3:
        return False
    n = view.to_norm(m.start)
    s, _ = view.words[view.word_index(n) - 1 - k]
    return not any(c in view.ntext[s:n] for c in "،,.:")


def _member_of(view: ArticleView, m: Mention) -> bool:
    """Is ``m`` the group of members named just before it (عناصر من ميليشيا [الحوثي]، عددا من
    موظفي [الأمم المتحدة]، عناصر تابعة [للحزب])? Then it is the party itself, not a source."""
    members, affiliation = member_words()
    words = [w.lstrip("و") if len(w) > 3 else w for w in view.words_before(view.to_norm(m.start), 4)]

    def member(w: str) -> bool:
        return w in members or w.removeprefix("ال") in members

    if m.prep == "ل":
        # تابعة [للحزب]، مقرا [للأمم المتحدة]، مسلحين تابعين لجماعة [X]
        return any(w in affiliation for w in words[:2])
    k = next((i for i, w in enumerate(words) if w == "من"), None)
    if k is None:
        return False
    return any(member(w) for w in words[:k]) or (k + 1 < len(words) and member(words[k + 1]))


def after_relative(view: ArticleView, start: int, end: int) -> int:
    """Original offset of the first relative pronoun (الذي، التي …) in [start, end), or ``end``:
    names after it describe something else (الزلزال الذي ضرب سوريا وتركيا) and are no arguments."""
    n_lo, n_hi = view.to_norm(start), view.to_norm(end)
    ntext, relatives = view.ntext, relative_pronouns()
    for s, e in islice(view.words, view.word_index(n_lo), None):     # (no copy of the rest of the list)
        if s >= n_hi:
            break
        if ntext[s:e].lstrip("و") in relatives:
            return view.to_original(s, s)[0]
    return end


def place_after(view: ArticleView, frame: Frame, preps: tuple[str, ...], start: int | None = None) -> Mention | None:
    """The first place (GPE or LOC) after ``start`` (default: the trigger's start) in the
    sentence introduced by one of ``preps`` up to three words back (في مطار بيروت، إلى مطار
    دمشق، على مدينة خاركيف), before any relative clause; None where there is none."""
    end = after_relative(view, frame.end, frame.sent_end)
    for m in view.mentions(frame.start if start is None else start, end, types=LOCATION_TYPES):
        if view.preposition_before(m.start, floor=frame.sent_start, lookback=3) in preps:
            return m
    return None


def country_of_place(m: Mention) -> Mention | None:
    """The country a place belongs to, as a mention over the place's words: a country (or a
    capital standing for it) is itself; a city or region gives the knowledge base's country
    of its code (مطار حلب → Syria)."""
    entity = m.entity
    if entity.type == "GPE" and (entity.how == "metonym" or (entity.kb_id and entity.kb_id == entity.country)):
        return m
    if not entity.country:
        return None
    from marsad.annotate.knowledge import load_kb      # the knowledge base loads once, on first need
    c = load_kb().country(entity.country)
    if c is None:
        return None
    country = Entity(entity.start, entity.end, entity.text, type="GPE", name_en=c.get("name_en"),
                     name_ar=c.get("official_ar") or next(iter(c.get("names_ar") or []), None),
                     wikidata=c.get("wikidata"), country=entity.country, kb_id=entity.country, how="place")
    return Mention(m.start, m.end, country, m.prep)


def after_place_noun(view: ArticleView, m: Mention) -> bool:
    """Does a site noun stand right before the place (مطار [حلب]، مدينة [خاركيف])?"""
    before = view.words_before(view.to_norm(m.start), 1)
    return bool(before) and before[0].lstrip("وفبل") in place_nouns() | {w.removeprefix("ال") for w in place_nouns()}


def aid_donor(view: ArticleView, frame: Frame) -> Mention | None:
    """A nationality adjective on an aid vehicle in the sentence, up to two words after it
    (طائرة إغاثية سعودية، قافلة مساعدات أردنية), before any relative clause; or None."""
    end = after_relative(view, frame.end, frame.sent_end)
    for m in view.mentions(frame.sent_start, end, nisba=True):
        words = view.words_before(view.to_norm(m.start), 3, floor=view.to_norm(frame.sent_start))
        if any(w.lstrip("وفب").removeprefix("ال") in aid_carriers() for w in words):
            return m
    return None


def place_party(view: ArticleView, frame: Frame, etype: str, mode: str | None) -> Mention | None:
    """The country of the place an event names, as its second party when the text names
    none (``place_targets`` in modality.json): the first place after the trigger in its
    clause, before any relative clause, introduced by one of the prepositions (or, for an
    attack or an arrest, standing as the bare object: استهدفت … مطار بورتسودان); None for
    other types or where no place is named."""
    targets = place_targets()
    if etype not in targets["types"]:
        return None
    modes = targets["types"][etype]
    if modes is not None and mode not in modes:
        return None
    # the object may stand past a comma or two (استهدفت قوات الدعم السريع، الأحد، مطار بورتسودان)
    end = after_relative(view, frame.end, max(frame.clause_end, frame.arg_end) or frame.sent_end)
    bare = etype in targets["bare"]
    for m in view.mentions(frame.end, end, types=LOCATION_TYPES):
        if m.entity.how == "nisba" or m.entity.type not in LOCATION_TYPES:
            continue
        prep = view.preposition_before(m.start, floor=frame.start, lookback=3)
        if prep in targets["preps"] or (bare and prep is None
                                        and view.words_between(view.to_norm(frame.end), view.to_norm(m.start)) <= 8):
            return country_of_place(m)
    return None


def organ_doer(view: ArticleView, frame: Frame, a1: Mention | None, a2: Mention | None
               ) -> tuple[Mention | None, Mention | None]:
    """(actor1, actor2) where an unnamed state organ stands as the verb's subject (فرقت الشرطة
    المتظاهرين في القاهرة، قضت المحكمة بسجن X، أوقفت مصالح الأمن X): the doer is the country of
    the place named in the sentence, else that of the person or body of one country acted
    on, and a bare name read as the subject after the organ is its object. The pair is
    returned unchanged where the subject is no such noun or no country is told."""
    if frame.passive or frame.receiver_subject or (a1 is not None and a2 is not None):
        return a1, a2
    organs, times = state_organs(), time_words()

    def organ(w: str) -> bool:
        forms = (w, w[1:]) if w[:1] in "وف" and len(w) > 3 else (w,)     # فرقة, وفرقة
        return any(f.removeprefix("ال") in organs or f in organs for f in forms)

    # قامت فرقة أمنية بإيقاف [X]: the organ is the subject of the doing verb governing the act
    before = view.words_before(view.to_norm(frame.start), 4, floor=view.to_norm(frame.clause_start))
    k = next((j for j, w in enumerate(before) if organ(w)), None)
    if k is not None and k + 1 < len(before) and before[k + 1].lstrip("و") in doing_verbs():
        return _organ_country(view, frame, a1, a2, view.to_norm(frame.start))
    if frame.nominal:
        return a1, a2
    at = None                                              # where the organ noun ends (normalized)
    first = view.words[view.word_index(view.to_norm(frame.start))]
    if organ(view.ntext[first[0]:first[1]]):
        at = first[1]                                      # a pattern that names its doer (الشرطة تفرق)
    i = view.word_index(view.to_norm(frame.head_end))
    for k in range(i, min(i + 4, len(view.words)) if at is None else i):   # VSO: أوقفت، مساء الأحد، الشرطة
        s, e = view.words[k]
        if s >= view.to_norm(frame.clause_end):
            break
        w = view.ntext[s:e]
        if organ(w):
            at = e
            break
        if w not in times and w.lstrip("،,") not in times:
            break
    if at is None and before and organ(before[0]):        # headline SVO: الشرطة تفرق …
        at = view.to_norm(frame.start)
    if at is None:
        return a1, a2
    return _organ_country(view, frame, a1, a2, at)


def _organ_country(view: ArticleView, frame: Frame, a1: Mention | None, a2: Mention | None, at: int
                   ) -> tuple[Mention | None, Mention | None]:
    """``organ_doer``'s doer once the organ noun is found, ending at normalized offset ``at``."""
    if a1 is not None:
        if a2 is not None or a1.prep is not None or a1.entity.how == "nisba" or view.to_norm(a1.start) < at:
            return a1, a2                                  # الشرطة التونسية، قوات الاحتلال: named
        a1, a2 = None, a1                                  # قضت المحكمة بسجن [X]: X is acted on
    for m in view.mentions(frame.sent_start, frame.sent_end, types=LOCATION_TYPES):
        if m.entity.how != "nisba" and m.entity.country:
            return country_of_place(m), a2
    if a2 is not None and a2.entity.type in ("PERSON", "ORG") and a2.entity.country:
        return country_of_place(a2), a2
    # the country of the first place the article names (local news about local police)
    for m in view.mentions(0, len(view.text), types=LOCATION_TYPES):
        if m.entity.how != "nisba" and m.entity.country:
            return country_of_place(m), a2
    return a1, a2


def share_converse_parties(cands: list) -> None:
    """One sentence that tells a reception and the visit it receives (استقبل [X] [Y] في زيارة
    رسمية إلى مصر; في زيارة رسمية، استقبل X نظيره Y) tells one encounter from both sides
    (``converse`` in event_direction.json): the visit's visitor is the one received and its
    host the one receiving, when the visit names no one else (its parties are the same two,
    or the host's country)."""
    for c in cands:
        ev = c.event
        if c.mention_only:
            continue
        for o in cands:
            if o is c or o.mention_only or o.event.type != ev.type or ev.mode not in converse_modes(o.event.type, o.event.mode):
                continue
            host, guest = o.actor1_mention, o.actor2_mention
            if host is None or guest is None or host.key == guest.key:
                continue
            allowed = {host.key, guest.key}
            countries = {host.entity.country, guest.entity.country} - {None}
            own = [m for m in (c.actor1_mention, c.actor2_mention) if m is not None]
            if not own or not all(m.key in allowed or (m.entity.type == "GPE" and m.entity.country in countries)
                                  for m in own):
                continue
            if (c.actor1_mention, c.actor2_mention) != (guest, host):
                c.actor1_mention, c.actor2_mention = guest, host
                ev.actor1, ev.actor2 = guest.entity.actor(), host.entity.actor()
            break

