"""Round 6 (issue 11): actors from Arabic clause structure that carries across outlets.

Sentences written for Marsad in news style; entities come from the test gazetteer of
test_event_actors (the coder alone is exercised).
"""

from __future__ import annotations

import test_event_actors
from test_event_actors import main_of, parties_of


# --- a fronted adverbial phrase: its verbal noun is the main clause subject's ----------------

def test_pronoun_of_a_fronted_meeting_is_the_main_clause_subject():
    # وخلال لقائه X، أكد Y: «his meeting» is Y's, named after the comma, not X's
    text = ("وخلال لقائه الرئيس السوري أحمد الشرع في أنقرة اليوم، أكد الرئيس التركي رجب طيب أردوغان "
            "دعم بلاده لوحدة سوريا.")
    assert parties_of(text, etype="CONSULT") == ("Recep Tayyip Erdoğan", "Ahmed al-Sharaa")


def test_pronoun_written_with_ha_after_a_noun_without_ta_marbuta():
    # استقباله (ه, not ة, after استقبال): the host is the one named after the comma
    text = ("وخلال استقباله العاهل الأردني عبد الله الثاني في البيت الأبيض، شدد الرئيس الأميركي "
            "دونالد ترامب على متانة العلاقات بين البلدين.")
    assert parties_of(text, etype="CONSULT") == ("Donald Trump", "King Abdullah II")


def test_fronted_call_with_a_partner_after_mit():
    text = ("وفي اتصال هاتفي مع الرئيس الروسي فلاديمير بوتين، بحث الرئيس التركي رجب طيب أردوغان "
            "تطورات الأوضاع في سوريا.")
    assert parties_of(text, mode="phone") == ("Recep Tayyip Erdoğan", "Vladimir Putin")


def test_fronted_call_received_names_the_caller_first():
    # تلقاه من X: X made the call, the main clause's subject received it
    text = ("وفي اتصال هاتفي تلقاه من الرئيس الروسي فلاديمير بوتين، بحث الرئيس التركي رجب طيب أردوغان "
            "تطورات الأوضاع في سوريا.")
    assert parties_of(text, mode="phone") == ("Vladimir Putin", "Recep Tayyip Erdoğan")


def test_fronted_receiving_noun_with_its_pronoun():
    text = ("وأثناء تلقيه اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين، استعرض الرئيس التركي رجب طيب "
            "أردوغان نتائج مباحثات وفدي البلدين.")
    assert parties_of(text, mode="phone") == ("Vladimir Putin", "Recep Tayyip Erdoğan")


def test_fronted_visit_that_names_its_own_visitor_keeps_him():
    # زيارة [بوتين] إلى أنقرة: the genitive is the visitor; the main clause's subject is not
    text = ("وخلال زيارة الرئيس الروسي فلاديمير بوتين إلى أنقرة، أكد الرئيس التركي رجب طيب أردوغان "
            "أهمية التعاون.")
    assert parties_of(text, mode="visit")[0] == "Vladimir Putin"


def test_a_between_pair_in_the_main_clause_is_not_the_fronted_meetings():
    # the fronted phrase ends at the comma: بين روسيا وأوكرانيا is what the main clause discusses
    text = ("وخلال لقائه الرئيس الروسي فلاديمير بوتين، بحث الرئيس التركي رجب طيب أردوغان سبل إنهاء الحرب "
            "بين روسيا وأوكرانيا.")
    assert parties_of(text, mode="meeting") == ("Recep Tayyip Erdoğan", "Vladimir Putin")


def test_the_main_clause_after_a_fronted_attack_tells_who_reacted():
    # وعقب الهجوم على قطر، قال X: X speaks of the attack, he did not carry it out (encounters only)
    text = "وعقب الهجوم على قطر، قال الرئيس التركي رجب طيب أردوغان إن بلاده تقف مع الدوحة."
    assert parties_of(text, etype="ASSAULT") == (None, "Qatar")


# --- a subject after أن/إن with an office in the genitive before the name ---------------------

def test_subject_after_an_opener_with_the_country_of_the_title_in_the_genitive():
    # رئيس البلاد: the genitive of a title belongs to it, so the name is still the verb's subject
    text = ("وأفادت الرئاسة في بيان أن رئيس البلاد رجب طيب أردوغان استقبل وزير الخارجية الإيراني عباس عراقجي "
            "في أنقرة.")
    assert main_of(text)[1:] == ("Recep Tayyip Erdoğan", "Abbas Araghchi")


def test_subject_after_an_opener_with_a_ministry_title(monkeypatch):
    monkeypatch.setitem(test_event_actors.EXTRA_NAMES, "عمر بولات", ("PERSON", "Ömer Bolat", "TUR"))
    # وزير التجارة: the portfolio is part of the title between أن and the name
    text = "وذكر بيان أن وزير التجارة التركي عمر بولات استقبل الرئيس الروسي فلاديمير بوتين في أنقرة."
    assert main_of(text)[1:] == ("Ömer Bolat", "Vladimir Putin")


def test_subject_after_an_opener_with_a_long_title():
    # رئيس مجلس الوزراء السوري: four words of title between أن and the name
    text = "وأفاد بيان بأن رئيس مجلس الوزراء السوري أحمد الشرع استقبل الرئيس التركي رجب طيب أردوغان في دمشق."
    assert main_of(text)[1:] == ("Ahmed al-Sharaa", "Recep Tayyip Erdoğan")


# --- pairs after بين and sides; an announcer governing its act through عن ----------------------

def test_between_pair_after_a_scene_verb():
    # شهدت [مرجعيون] اشتباكات بين A وB: the named scene is no party, the pair after بين is
    text = "شهدت بلدة مرجعيون اشتباكات عنيفة بين الجيش الإسرائيلي وحزب الله فجر اليوم."
    assert parties_of(text, etype="ASSAULT") == ("Israel Defense Forces", "Hezbollah")


def test_sides_of_a_between_pair():
    # بين X وY من جهة، وZ من جهة أخرى: Y stands with X; the other side is Z
    text = ("اندلع سجال حاد بين الرئيس التركي رجب طيب أردوغان وحليفه الرئيس السوري أحمد الشرع من جهة، "
            "والرئيس الروسي فلاديمير بوتين من جهة أخرى.")
    assert parties_of(text, etype="ACCUSE") == ("Recep Tayyip Erdoğan", "Vladimir Putin")


def test_sides_of_a_between_pair_closed_by_a_second_side():
    # من ناحية، … من ناحية ثانية: the side markers and the word of the other side are listed words
    text = ("اندلع سجال حاد بين وزير الخارجية التركي هاكان فيدان ونظيره الروسي سيرغي لافروف من ناحية، "
            "ووزير الخارجية الإيراني عباس عراقجي من ناحية ثانية.")
    assert parties_of(text, etype="ACCUSE") == ("Hakan Fidan", "Abbas Araghchi")


def test_announcer_governs_the_act_through_an():
    # أعلن X، عن فرض …: the announcing verb's subject does the act it announces
    text = "أعلن رئيس جمهورية تركيا رجب طيب أردوغان، عن فرض عقوبات على إيران."
    assert main_of(text)[1:] == ("Recep Tayyip Erdoğan", "Iran")


def test_name_inside_a_collocation_is_its_object_when_the_doer_stands_before():
    # أعلن X عن حل [البرلمان العراقي]: the name inside the trigger after its first word is acted on
    text = "أعلن الرئيس التركي رجب طيب أردوغان عن حل البرلمان العراقي."
    t, a1, a2 = main_of(text)
    assert (a1, a2) == ("Recep Tayyip Erdoğan", "Council of Representatives of Iraq")
