"""Who did what to whom: the actors of events from Arabic clause structure.

Sentences written for Marsad in news style (issue 11, actors round); each test names
the class of clause it covers. Entities come from the test gazetteer of test_events,
so these tests exercise the coder alone.
"""

from __future__ import annotations

import pytest

import test_events
from marsad.annotate.events import code_events

# names these sentences need beyond test_events' gazetteer; added only while an article is
# built, so that test_events sees its own gazetteer unchanged
EXTRA_NAMES = {
    "دونالد ترامب": ("PERSON", "Donald Trump", "USA"),
    "عبد الله الثاني": ("PERSON", "King Abdullah II", "JOR"),
    "جوزاف عون": ("PERSON", "Joseph Aoun", "LBN"),
    "عون": ("PERSON", "Joseph Aoun", "LBN"),
    "هيثم الطبطبائي": ("PERSON", "Haytham Ali Tabatabai", "LBN"),
    "قوات الدعم السريع": ("ORG", "Rapid Support Forces", "SDN"),
    "بورتسودان": ("LOC", "Port Sudan", "SDN"),
    "ميليشيا الحوثي": ("ORG", "Houthis", "YEM"),
    "عادل عبد المهدي": ("PERSON", "Adil Abdul-Mahdi", "IRQ"),
    "محمد السادس": ("PERSON", "Mohammed VI", "MAR"),
    "البرهان": ("PERSON", "Abdel Fattah al-Burhan", "SDN"),
    "السودانيين": ("GPE", "Sudan", "SDN"),
    "الجيش اللبناني": ("ORG", "Lebanese Armed Forces", "LBN"),
    "مرجعيون": ("GPE", "Marjayoun", "LBN"),
    "رانيا": ("PERSON", "Queen Rania", "JOR"),
    "هيثم علي الطبطبائي": ("PERSON", "Haytham Ali Tabatabai", "LBN"),
    "خان يونس": ("LOC", "Khan Younis", "PSE"),
    "التيار الصدري": ("ORG", "Sadrist Movement", "IRQ"),
    "البرلمان العراقي": ("ORG", "Council of Representatives of Iraq", "IRQ"),
    "بغداد": ("GPE", "Baghdad", "IRQ"),
    "غريتا تونبرغ": ("PERSON", "Greta Thunberg", "SWE"),
}
EXTRA_NISBA = {"الأميركي": ("GPE", "United States", "USA"), "الأردني": ("GPE", "Jordan", "JOR"),
               "الجزائرية": ("GPE", "Algeria", "DZA"), "الجزائري": ("GPE", "Algeria", "DZA"),
               "التونسي": ("GPE", "Tunisia", "TUN"), "اللبناني": ("GPE", "Lebanon", "LBN"),
               "الإسرائيلي": ("GPE", "Israel", "ISR"), "التونسية": ("GPE", "Tunisia", "TUN"),
               "لبنانية": ("GPE", "Lebanon", "LBN")}


def build(text: str, title: str | None = None, dates=()):
    saved = dict(test_events.GAZETTEER), dict(test_events.NISBA)
    test_events.GAZETTEER.update(EXTRA_NAMES)
    test_events.NISBA.update(EXTRA_NISBA)
    try:
        return test_events.build(text, title=title, dates=dates)
    finally:
        for table, old in zip((test_events.GAZETTEER, test_events.NISBA), saved):
            table.clear()
            table.update(old)


def main_of(text: str, title: str | None = None, dates=()):
    art = code_events(build(text if title is None else title + "\n" + text, title=title, dates=dates))
    main = art.main_event
    assert main is not None, f"{text}: no main event"
    return main.type, (main.actor1.name_en if main.actor1 else None), (main.actor2.name_en if main.actor2 else None)


def parties_of(text: str, mode: str | None = None, etype: str | None = None, title: str | None = None):
    """The two parties' names (None where missing) of the first event of that mode or type."""
    art = code_events(build(text, title=title))
    ev = next(e for e in art.events if (mode is None or e.mode == mode) and (etype is None or e.type == etype))
    return tuple(a.name_en if a else None for a in (ev.actor1, ev.actor2))


@pytest.mark.parametrize("text, actors", [
    # SVO after إن/أن with the name's titles between the opener and the name
    ("أعلن البيت الأبيض إن الرئيس الأميركي دونالد ترامب التقى اليوم بالعاهل الأردني عبد الله الثاني في واشنطن.",
     ("Donald Trump", "King Abdullah II")),
    # VSO with a date and commas between the verb and its subject; the partner after a glued title
    ("التقى، اليوم الخميس، الرئيس الأميركي دونالد ترامب، بالعاهل الأردني الملك عبد الله الثاني في البيت الأبيض.",
     ("Donald Trump", "King Abdullah II")),
])
def test_subject_after_an_opener_and_titles(text, actors):
    assert main_of(text, dates=[("اليوم", "2025-02-02")] if "اليوم الخميس" not in text
                   else [("اليوم الخميس", "2025-02-02")])[1:] == actors


def test_partner_after_mit_comes_before_a_later_between_pair():
    # «بين مصر والولايات المتحدة» describes the alliance, not the parties of the call
    text = ("أجرى الرئيس عبد الفتاح السيسي مكالمة هاتفية مع الرئيس دونالد ترامب، أكدا خلالها "
            "عمق الشراكة بين مصر والولايات المتحدة.")
    assert main_of(text) == ("CONSULT", "Abdel Fattah el-Sisi", "Donald Trump")


def test_between_still_names_both_parties_of_a_mediation():
    assert main_of("توسطت قطر بين إسرائيل وحماس لإبرام هدنة جديدة.")[1:] == ("Qatar", "Israel")


def test_members_of_a_group_are_the_group():
    # «عناصر من X»: X acts (not a source); the plural verb's object is the staff's organization
    text = "قالت مصادر محلية إن عناصر من ميليشيا الحوثي اقتحموا مقرا للأمم المتحدة في صنعاء أمس."
    assert main_of(text)[1:] == ("Houthis", "United Nations")


def test_plural_verb_carries_its_subject_and_the_name_after_it_is_the_object():
    text = "قال مسؤولون إن الحوثيين داهموا مكاتب في صنعاء، واعتقلوا عددا من موظفي الأمم المتحدة."
    assert parties_of(text, mode="arrest") == ("Houthis", "United Nations")


def test_strike_on_a_site_of_the_doers_own_country_past_two_commas():
    text = "استهدفت قوات الدعم السريع، الأحد، مطار بورتسودان الدولي بعدد من المسيرات."
    t, a1, a2 = main_of(text)
    assert (t, a1) == ("ASSAULT", "Rapid Support Forces") and a2 == "Sudan"


@pytest.mark.parametrize("text, expected", [
    # a resignation, a royal pardon, an arrest of citizens: the doer's own country is the other party
    ("أعلن رئيس الوزراء العراقي عادل عبد المهدي استقالته من منصبه مساء الجمعة.",
     ("CONCEDE", "Adil Abdul-Mahdi", "Iraq")),
    ("أصدر العاهل المغربي الملك محمد السادس عفوا عن عدد من الصحفيين المعتقلين.",
     ("CONCEDE", "Mohammed VI", "Morocco")),
    ("أوقفت السلطات الجزائرية الأحد ثلاثة ناشطين معروفين في الحراك.", ("COERCE", "Algeria", "Algeria")),
])
def test_an_act_at_home_without_a_second_party_takes_the_doers_country(text, expected):
    assert main_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a protest and a dispersal of a crowd at home: the doer's own country is the other party
    ("تظاهر آلاف المغاربة في الرباط مساء السبت للمطالبة بإصلاح التعليم والصحة.",
     ("PROTEST", "Morocco", "Morocco")),
    ("فرقت الشرطة التونسية مساء أمس المتظاهرين بالغاز المسيل للدموع في العاصمة.", ("COERCE", "Tunisia", "Tunisia")),
])
def test_a_protest_or_a_dispersal_at_home_takes_the_doers_country(text, expected):
    assert main_of(text) == expected


def test_a_protest_in_solidarity_with_another_people_has_no_home_party():
    # the sentence names another country (Gaza): the march is addressed there, not at home
    t, a1, a2 = main_of("تظاهر آلاف المغاربة في الرباط مساء السبت تضامنا مع غزة.")
    assert (t, a1) == ("PROTEST", "Morocco") and a2 != "Morocco"


def test_protesters_who_follow_a_group_are_that_group():
    # «محتجون مناصرون للتيار X»: the movement the crowd follows is the doer, the building the target
    text = "اقتحم محتجون مناصرون للتيار الصدري، ظهر الأربعاء، مقر البرلمان العراقي في بغداد."
    assert main_of(text) == ("PROTEST", "Sadrist Movement", "Council of Representatives of Iraq")


def test_a_groups_building_does_not_make_its_stormers_the_group():
    # «مقرا للتيار X» names the group's premises: the crowd that storms them is not the group
    _, doer, target = main_of("اقتحم متظاهرون غاضبون مقرا للتيار الصدري في بغداد مساء الأحد.")
    assert doer != "Sadrist Movement" and target == "Sadrist Movement"


def test_a_courtesy_word_carries_the_preposition_of_the_name_after_it():
    # «بجلالة الملك X»: the glued ب of the courtesy word introduces X, the call's partner; a
    # country after «مع» later in the sentence is what was spoken of
    text = ("أجرى الرئيس دونالد ترامب اتصالا هاتفيا بجلالة الملك عبد الله الثاني، عاهل الأردن، "
            "عبر خلاله عن تضامن الولايات المتحدة الكامل مع الأردن.")
    assert main_of(text) == ("CONSULT", "Donald Trump", "King Abdullah II")


def test_a_leader_speaking_of_his_own_country_is_the_doer():
    # «X: بلده يرفض …»: the speaker of the headline stands for the country he speaks of
    assert main_of("البرهان: السودان يرفض أي وصاية من الخارج")[:2] == ("REJECT", "Abdel Fattah al-Burhan")


@pytest.mark.parametrize("text, expected", [
    # an unnamed state organ as the verb's subject: the country where it acts is the doer
    ("أوقفت الشرطة مساء الأحد ثلاثة ناشطين في الجزائر.", ("COERCE", "Algeria", "Algeria")),
    # a bare name after the organ is the one acted on, not the doer
    ("قضت المحكمة أمس بسجن هيثم الطبطبائي خمس سنوات.", ("COERCE", "Lebanon", "Haytham Ali Tabatabai")),
    # the organ as the subject of قام governing the act; an organ word starting with ف (فرقة)
    ("قامت فرقة أمنية باعتقال هيثم الطبطبائي مساء الاثنين.", ("COERCE", "Lebanon", "Haytham Ali Tabatabai")),
])
def test_an_unnamed_state_organ_is_its_country(text, expected):
    assert main_of(text) == expected


def test_a_visit_to_a_country_is_a_visit_to_its_leader_named_with_the_visitor():
    # the visit names the country; the visitor's thanks name the host of that country
    text = ("أنهى الرئيس جوزاف عون زيارته الرسمية إلى السعودية وتوجه إلى القاهرة.\n"
            "وبعث الرئيس عون برقية شكر إلى ولي العهد السعودي الأمير محمد بن سلمان.")
    assert main_of(text) == ("CONSULT", "Joseph Aoun", "Mohammed bin Salman")


def test_an_act_at_home_keeps_a_named_second_party():
    # the arrested party is named: no default
    assert main_of("اعتقلت السلطات الجزائرية عناصر من حماس في العاصمة.")[2] == "Hamas"


@pytest.mark.parametrize("text, expected", [
    # the party named inside what is condemned or rejected is the other party
    ("أدانت مصر، الجمعة، التصريحات المنسوبة إلى رئيس الوزراء نتنياهو بشأن معبر رفح.",
     ("ACCUSE", "Egypt", "Benjamin Netanyahu")),
    ("الرئيس التونسي يرفض بنودا في اتفاق القرض مع الاتحاد الأوروبي.", ("REJECT", "Tunisia", "European Union")),
])
def test_a_party_inside_the_object_of_a_reaction(text, expected):
    assert main_of(text) == expected


def test_a_place_in_the_object_of_a_reaction_is_no_party():
    assert main_of("أدانت قطر بشدة الهجوم الذي وقع في دمشق أمس.")[2] is None


def test_the_speaker_of_a_headline_demand_threatens_the_one_addressed():
    # «X: على Y أن …»: X is the speaker and doer, Y the one told what it must do
    t, a1, a2 = main_of("ترامب: على حماس أن تفرج عن الرهائن بحلول السبت أو ستفتح أبواب الجحيم.")
    assert (t, a1, a2) == ("THREATEN", "Donald Trump", "Hamas")


def test_the_pronoun_after_a_complementizer_is_the_speaker():
    text = "قال عادل عبد المهدي، رئيس الوزراء العراقي، إنه قرر الاستقالة تجنبا للفوضى."
    assert main_of(text) == ("CONCEDE", "Adil Abdul-Mahdi", "Iraq")


def test_a_relative_clause_on_the_act_names_its_doer():
    # «العفو الذي أصدره X»: the relative verb's object pronoun is the act, its subject the doer
    text = "شمل العفو الملكي الذي أصدره الملك محمد السادس بمناسبة عيد العرش عشرات المعتقلين."
    assert main_of(text)[:2] == ("CONCEDE", "Mohammed VI")


def test_a_pronoun_after_the_partner_preposition_is_the_party_named_first():
    # «قطع العلاقات معها»: the pronoun is the country named earlier; the doer is the sentence's subject
    text = "أعلنت قطر تصنيف الإمارات دولة معادية، وقررت قطع العلاقات الدبلوماسية معها."
    assert main_of(text)[1:] == ("Qatar", "United Arab Emirates")


def test_the_caller_named_after_a_pronoun_partner():
    text = ("أكد الرئيس اللبناني جوزاف عون أن الرياض ستكون محطته الخارجية الأولى، خلال اتصال هاتفي أجراه "
            "معه ولي العهد السعودي الأمير محمد بن سلمان.")
    assert set(parties_of(text, mode="phone")) == {"Mohammed bin Salman", "Joseph Aoun"}


def test_a_quoted_name_opening_a_headline_is_its_subject():
    head = '"البرهان" يعلن التعبئة العامة ويدعو السودانيين إلى حمل السلاح'
    assert parties_of(head, etype="MOBILIZE", title=head)[0] == "Abdel Fattah al-Burhan"


def test_a_deployment_in_the_armys_own_country_has_no_second_party():
    t, a1, a2 = main_of("انتشر الجيش اللبناني صباح اليوم في بلدات قضاء مرجعيون جنوب لبنان.")
    assert (t, a1, a2) == ("MOBILIZE", "Lebanese Armed Forces", None)


def test_a_name_after_an_opener_and_a_comma_is_the_subject():
    text = "وقال وزير الخارجية هاكان فيدان إن أردوغان، سيزور بغداد الأسبوع المقبل."
    assert parties_of(text, mode="visit") == ("Recep Tayyip Erdoğan", "Baghdad")


def test_a_place_told_in_another_telling_of_the_attack_gives_its_country():
    # the first telling («في ثالث هجوم») names no place; the second names the airport
    text = ("في ثالث هجوم من نوعه خلال يومين، شنت قوات الدعم السريع هجوما جويا استهدف "
            "مطار بورتسودان الدولي بمسيرتين.")
    assert main_of(text)[1:] == ("Rapid Support Forces", "Sudan")


def test_coordinated_subjects_with_long_titles_are_the_pair():
    # «X وولي العهد السعودي الأمير Y»: a pair of subjects, not a partner after a later بين
    text = ("بحث الرئيس الإيراني عباس عراقجي وولي العهد السعودي الأمير محمد بن سلمان الأوضاع في غزة، "
            "في أول مكالمة منذ اتفاق توسطت فيه الصين بين طهران والرياض.")
    assert set(parties_of(text, mode="discuss")) == {"Abbas Araghchi", "Mohammed bin Salman"}


def test_a_visit_to_meet_someone_has_that_person_as_host_and_a_companion_is_no_doer():
    text = ("حضر العاهل الأردني الملك عبد الله الثاني حفلا في واشنطن، وبرفقته زوجته، الملكة رانيا، "
            "وذلك على هامش زيارته للولايات المتحدة، للقاء الرئيس الأمريكي دونالد ترامب.")
    assert parties_of(text, mode="visit") == ("King Abdullah II", "Donald Trump")


def test_two_joined_nationalities_before_a_joint_act_are_both_parties():
    text = "يستعد الأسطولان الجزائري والتونسي لبدء التمرين البحري المشترك مطلع الشهر المقبل."
    assert main_of(text) == ("COOPERATE", "Algeria", "Tunisia")


def test_a_strike_that_killed_someone_has_the_person_killed_as_target():
    text = ("أعلن الجيش الإسرائيلي الأحد مقتل القيادي في حزب الله هيثم علي الطبطبائي في غارة على "
            "الضاحية الجنوبية لبيروت.")
    t, a1, a2 = main_of(text)
    assert t == "ASSAULT" and a2 == "Haytham Ali Tabatabai" and a1 in ("Israel Defense Forces", None)


def test_a_name_with_a_participle_phrase_before_its_verb_is_the_subject():
    text = "قال مسؤولون إن الحوثيين المدعومين من إيران داهموا مكاتب الأمم المتحدة في صنعاء."
    assert main_of(text)[1:] == ("Houthis", "United Nations")


def test_an_unnamed_subject_after_the_complementizer_is_not_the_speaker():
    text = "وقالت الأمم المتحدة إن قوات أمنية داهمت صباح الأحد مكاتب الوكالات في صنعاء."
    assert main_of(text)[1] is None


def test_an_announcer_whose_verb_governs_the_act_is_its_doer():
    # «أعلن X، يوم الثلاثاء، قطع العلاقات مع Y»: not a source quoting someone, the doer itself
    t, a1, a2 = main_of("أعلن الكرملين، يوم الثلاثاء، قطع العلاقات الدبلوماسية مع أوكرانيا.",
                        dates=[("يوم الثلاثاء", "2025-03-04")])
    assert (t, a1, a2) == ("SANCTION", "Kremlin", "Ukraine")


def test_an_announcer_of_deaths_is_not_the_killer():
    t, a1, _ = main_of("أعلنت وزارة الصحة، اليوم، مقتل القيادي في حزب الله هيثم علي الطبطبائي.")
    assert t == "ASSAULT" and a1 is None


def test_the_name_after_the_charge_of_an_accusation_is_the_accused():
    # «اتهامات بانتهاكات X»: X is accused, not the accuser
    text = "تتصاعد اتهامات بانتهاكات الإمارات في إقليم دارفور، وسط صمت دولي."
    accuser, accused = parties_of(text, etype="ACCUSE")
    assert accused == "United Arab Emirates" and accuser != "United Arab Emirates"


def test_a_named_doer_inside_the_trigger_beats_a_nationality_after_it():
    # «الجيش اللبناني ينتشر في الجنوب اللبناني»: the army deploys; the south is where
    head = "الجيش اللبناني ينتشر في الجنوب اللبناني"
    assert parties_of(head, etype="MOBILIZE", title=head) == ("Lebanese Armed Forces", None)


def test_a_first_telling_by_a_definite_noun_takes_its_places_country():
    text = ("ارتفعت حصيلة ضحايا القصف الإسرائيلي على مستشفى في خان يونس، اليوم الاثنين، إلى 15 قتيلا، "
            "بينهم أربعة صحفيين.")
    t, a1, a2 = main_of(text)
    assert (t, a1, a2) == ("ASSAULT", "Israel", "Palestine")


def test_a_warrant_against_someone_and_a_partner_after_lil_title():
    GAZ = {"راشد الغنوشي": ("PERSON", "Rached Ghannouchi", "TUN"), "قيس سعيد": ("PERSON", "Kais Saied", "TUN")}
    EXTRA_NAMES.update(GAZ)
    try:
        text = ("أصدر القضاء التونسي مذكرة اعتقال في حق رئيس حركة النهضة راشد الغنوشي المعارض للرئيس قيس سعيد.")
        t, _, a2 = main_of(text)
    finally:
        for k in GAZ:
            EXTRA_NAMES.pop(k)
    assert (t, a2) == ("COERCE", "Rached Ghannouchi")


def test_a_headline_attack_takes_the_place_of_the_same_act_told_in_the_lead():
    text = ("إسرائيل تغتال مجددا صحافيين\n"
            "قتل عدد من الصحافيين، الاثنين، بقصف إسرائيلي استهدف مبنى الطوارئ في مستشفى ناصر وسط مدينة "
            "خان يونس جنوبي القطاع.")
    art = code_events(build(text, title="إسرائيل تغتال مجددا صحافيين"))
    main = art.main_event
    assert main.type == "ASSAULT" and main.actor1.name_en == "Israel"
    assert main.actor2 is not None and main.actor2.name_en == "Palestine"


# --- round 3: clause structures seen on new outlets (part c6 and the dev split) ---------------

ROUND3_NAMES = {
    "ستيف ويتكوف": ("PERSON", "Steve Witkoff", "USA"),
    "الشرق الأوسط": ("LOC", "Middle East", None),
    "السوريين": ("GPE", "Syria", "SYR"),
    "تميم بن حمد": ("PERSON", "Tamim bin Hamad Al Thani", "QAT"),
    "مسعود بزشكيان": ("PERSON", "Masoud Pezeshkian", "IRN"),
    "مجلس الأمن الدولي": ("ORG", "UN Security Council", None),
    "إسماعيل هنية": ("PERSON", "Ismail Haniyeh", "PSE"),
    "وزارة الخزانة الأمريكية": ("ORG", "US Department of the Treasury", "USA"),
}
EXTRA_NAMES.update(ROUND3_NAMES)
EXTRA_NISBA.update({"أمريكيين": ("GPE", "United States", "USA"), "المصري": ("GPE", "Egypt", "EGY")})


@pytest.mark.parametrize("text, mode, expected", [
    # a preposition governs the place right after it: the name after the place is the title's
    # holder, the reception's object (not «إلى X»)
    ("استقبل الرئيس عبد الفتاح السيسي في مقر إقامته بالعلمين أمس المبعوث الأمريكي الخاص إلى الشرق "
     "الأوسط ستيف ويتكوف والوفد المرافق له.", "host", ("Abdel Fattah el-Sisi", "Steve Witkoff")),
    # … and a preposition before the whole title still introduces the partner
    ("التقى أسعد الشيباني مع المبعوث الأمريكي الخاص إلى الشرق الأوسط ستيف ويتكوف في دمشق.", None,
     ("Asaad al-Shaibani", "Steve Witkoff")),
])
def test_a_preposition_takes_the_place_after_it_not_the_name_after_the_place(text, mode, expected):
    assert parties_of(text, mode=mode, etype="CONSULT") == expected


def test_a_country_in_the_subjects_title_is_no_object():
    text = ("استقبل أسعد الشيباني وزير الخارجية والمغتربين وشؤون السوريين في الخارج، اليوم الأحد، "
            "نظيره التركي هاكان فيدان في دمشق.")
    assert parties_of(text, mode="host") == ("Asaad al-Shaibani", "Hakan Fidan")
    # with no name past the comma the country is the visitor's own (an unnamed prime minister)
    assert parties_of("استقبل الرئيس السيسي رئيس وزراء لبنان، في القاهرة.", mode="host") == \
        ("Abdel Fattah el-Sisi", "Lebanon")


@pytest.mark.parametrize("text", [
    "استقبل الرئيس السيسي، اليوم، الرئيس الفرنسي إيمانويل ماكرون في زيارة رسمية إلى مصر.",
    "في زيارة رسمية، استقبل الرئيس السيسي نظيره الفرنسي ماكرون في القاهرة.",
])
def test_a_visit_told_with_its_reception_takes_the_reception_parties(text):
    # one encounter told from both sides: the one received visits the one receiving
    assert parties_of(text, mode="visit") == ("Emmanuel Macron", "Abdel Fattah el-Sisi")


def test_a_visit_elsewhere_keeps_its_own_destination():
    text = "استقبل الرئيس السيسي نظيره الفرنسي ماكرون في القاهرة، على أن يزور ماكرون الأردن غدا."
    assert parties_of(text, mode="visit")[1] == "Jordan"


def test_subjects_joined_after_a_comma_and_titles_are_the_pair():
    text = ("بحث الشيخ تميم بن حمد، وولي العهد السعودي الأمير محمد بن سلمان، خلال اتصال هاتفي "
            "اليوم، تطورات الأوضاع في المنطقة.")
    assert parties_of(text, mode="phone") == ("Tamim bin Hamad Al Thani", "Mohammed bin Salman")
    # a comma and و before a verb open a new clause: its subject is no partner
    text = "أجرى السيسي اتصالا هاتفيا بماكرون، وأعلن ترامب لاحقا دعمه للاتفاق."
    assert main_of(text)[1:] == ("Abdel Fattah el-Sisi", "Emmanuel Macron")


def test_between_a_dual_noun_refers_back_to_the_pair_named_before():
    text = ("بحث الرئيس الإيراني مسعود بزشكيان وولي العهد السعودي الأمير محمد بن سلمان الأوضاع في غزة، "
            "في أول مكالمة هاتفية بين الزعيمين منذ اتفاق رعته الصين بين طهران والرياض.")
    assert set(parties_of(text, mode="phone")) == {"Masoud Pezeshkian", "Mohammed bin Salman"}


def test_a_verbal_noun_after_the_comma_that_closes_the_subjects_titles_is_the_verbs_object():
    # VSO: the verb, honorifics, the name with its lineage, its titles between commas, then the noun
    text = ("أجرى صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود، ولي العهد رئيس مجلس "
            "الوزراء، اتصالا هاتفيا بسمو الشيخ تميم بن حمد، أمير دولة قطر، بحث خلاله تطورات المنطقة.")
    assert parties_of(text, mode="phone") == ("Mohammed bin Salman", "Tamim bin Hamad Al Thani")


def test_the_one_appealed_to_after_li():
    text = "وجهت فلسطين، أمس الاثنين، نداء لمجلس الأمن الدولي للتحرك العاجل لوقف الحرب."
    assert main_of(text) == ("REQUEST", "Palestine", "UN Security Council")


@pytest.mark.parametrize("text, expected", [
    # an unnamed noun phrase is the subject of قام: the name after the act is its object
    ("أعلنت الحركة أن وحدات أمنية قامت مساء اليوم بمداهمة منزل رئيسها أحمد الشرع.", (None, "Ahmed al-Sharaa")),
    # a named one is the doer
    ("أكدت حماس أن إسرائيل قامت باغتيال إسماعيل هنية في طهران.", ("Israel", "Ismail Haniyeh")),
    # an unnamed subject before a verb after أن: the name after the verb is its object
    ("قالت الحركة إن قوات أمنية داهمت منزل رئيسها أحمد الشرع مساء الاثنين.", (None, "Ahmed al-Sharaa")),
])
def test_the_subject_of_a_clause_after_an_opener_stands_before_its_verb(text, expected):
    assert main_of(text)[1:] == expected


def test_the_doer_of_a_condemned_act_named_in_a_relative_clause_is_the_other_party():
    assert main_of("نددت مصر بالهجوم الذي شنته إسرائيل على قطر.") == ("ACCUSE", "Egypt", "Israel")


def test_an_act_right_after_the_subject_of_a_verb_is_its_verbal_noun():
    # two finite verbs are not juxtaposed: فرض after «أعلنت X» is the announced act, done by X
    # (the announcer is not only the source); the source's span ends with its name
    text = "أعلنت وزارة الخزانة الأمريكية فرض عقوبات جديدة على روسيا."
    assert main_of(text) == ("SANCTION", "US Department of the Treasury", "Russia")


def test_a_nationality_on_the_object_noun_names_the_party_acted_on():
    assert main_of("قررت روسيا طرد دبلوماسيين أمريكيين.")[1:] == ("Russia", "United States")


@pytest.mark.parametrize("text", [
    # a member noun before في: the group after it, not a place (unless the member is named after
    # it: «مقتل القيادي في حزب الله X» has X as the target, test above)
    "اغتالت إسرائيل قياديا في حزب الله بغارة على جنوب لبنان.",
    # a site noun owned through ل takes the preposition before it: the owner is the target
    "شنت الطائرات الإسرائيلية غارات على مواقع لحزب الله في جنوب لبنان.",
])
def test_the_group_that_owns_the_target_is_the_target(text):
    assert main_of(text)[1:] == ("Israel", "Hezbollah")


def test_joint_doers_of_a_directed_act_are_not_its_object():
    # دعت X وY Z إلى …: the coordinated subjects ask; the bare name after them is asked
    assert main_of("دعت فرنسا وألمانيا إيران إلى وقف تخصيب اليورانيوم.")[1:] == ("France", "Iran")
    # a meeting's coordinated subjects are still its two parties
    assert main_of("بحث الرئيس السيسي والرئيس ماكرون الأوضاع في غزة.")[1:] == \
        ("Abdel Fattah el-Sisi", "Emmanuel Macron")


def test_a_warning_addressed_with_ila():
    assert main_of("وجه الرئيس دونالد ترامب تحذيرا شديد اللهجة إلى إيران.")[1:] == ("Donald Trump", "Iran")


def test_a_definite_nationality_closing_the_phrase_after_the_verb_names_its_subject():
    # قوات الاحتلال [الإسرائيلي]: the adjective agrees with the definite phrase, the verb's subject
    t, a1, _ = main_of("اعتقلت قوات الاحتلال الإسرائيلي خمسة شبان في غزة.")
    assert (t, a1) == ("COERCE", "Israel")
    # an indefinite one agrees with the indefinite object: not the subject
    assert main_of("اعتقلت الشرطة عناصر إسرائيلية في القدس.")[1] != "Israel"


def test_the_person_met_on_a_visit_is_its_host():
    assert parties_of("زار الرئيس ماكرون بيروت حيث التقى نظيره اللبناني جوزاف عون.", mode="visit") == \
        ("Emmanuel Macron", "Joseph Aoun")


def test_the_head_of_a_delegation_stands_for_it():
    # برئاسة [X]: X heads the delegation received, not a partner introduced by ب
    text = "استقبلت الرياض وفدا رفيع المستوى برئاسة وزير الخارجية الإيراني عباس عراقجي."
    assert parties_of(text, mode="host") == ("Riyadh", "Abbas Araghchi")


def test_a_nationality_on_the_condemned_act_names_its_doer():
    # the adjective on the act, not the country struck after على
    text = "أدانت الخارجية السعودية في بيان الاعتداء الإسرائيلي على سوريا."
    assert main_of(text)[2] == "Israel"
    # a nationality on a preposition's object is the victims', not the doer's
    assert main_of("أدانت قطر الاعتداء على المدنيين الفلسطينيين في غزة.")[2] != "Israel"


def test_the_person_met_during_a_visit_is_its_host():
    text = "قام الرئيس ماكرون بزيارة رسمية إلى الجزائر التقى خلالها الرئيس عبد المجيد تبون."
    assert parties_of(text, mode="visit") == ("Emmanuel Macron", "Abdelmadjid Tebboune")


def test_a_verb_describing_a_strike_noun_has_the_strike_as_subject():
    # ضربة … ، استهدفت X: no conjunction, so the verb describes the strike; X is the target
    text = "نفذت إسرائيل ضربة جوية دقيقة في الدوحة، استهدفت مقرا لحركة حماس."
    assert main_of(text)[1:] == ("Israel", "Hamas")
    # a coordinated verb has its own subject after it
    assert parties_of("شنت إسرائيل غارة على غزة، وقصفت حماس مستوطنة سديروت.", mode="shelling")[0] == "Hamas"


@pytest.mark.parametrize("text, expected", [
    ("أشاد وزير الخارجية فيصل بن فرحان بالدور المصري في الوساطة.", ("Faisal bin Farhan", "Egypt")),
    ("أكد الرئيس بشار الأسد رفضه القاطع للمخططات الإسرائيلية في المنطقة.", ("Bashar al-Assad", "Israel")),
])
def test_a_nationality_on_what_a_statement_speaks_of_names_its_other_party(text, expected):
    assert main_of(text)[1:] == expected


@pytest.mark.parametrize("title, text, expected", [
    # the lead names the struck country; a later telling of the same strike by the same doer
    # names the group of that country it hit
    (None, "شنت إسرائيل غارة جوية على لبنان فجر اليوم. وقصف الجيش الإسرائيلي مواقع تابعة لحزب الله قرب الحدود.",
     ("ASSAULT", "Israel Defense Forces", "Hezbollah")),
    # a telling of another act of that type against another party changes nothing
    (None, "شنت إسرائيل غارة جوية على لبنان فجر اليوم. وقالت مصادر إن حزب الله قصف مستوطنة المطلة.",
     ("ASSAULT", "Israel", "Lebanon")),
])
def test_a_country_party_takes_the_body_of_that_country_another_telling_names(title, text, expected):
    assert main_of(text, title=title, dates=[("اليوم", "2025-03-02")]) == expected


@pytest.mark.parametrize("text, expected", [
    # the name after the comma is in apposition to the person noun the act takes as object;
    # the preposition before the comma belongs to that noun's modifier
    ("أعلنت إسرائيل، مساء الأحد، ترحيل الناشطة البيئية المعروفة في أوروبا، غريتا تونبرغ.",
     ("Israel", "Greta Thunberg")),
    # a noun that is no person opens the object: the name after the comma is not its apposition
    ("أعلنت إسرائيل، مساء الأحد، ترحيل طاقم القارب الراسي في الميناء، غريتا تونبرغ.", ("Israel", None)),
])
def test_a_name_in_apposition_to_the_person_acted_on_past_its_modifier(text, expected):
    assert main_of(text)[1:] == expected


@pytest.mark.parametrize("text, expected", [
    # news writing names the party a statement is aimed at after «في إشارة إلى»
    ("قال الرئيس دونالد ترامب إن بلاده لن تقبل الإملاءات، في إشارة إلى حركة حماس.",
     ("REJECT", "Donald Trump", "Hamas")),
    # the name may follow a short phrase inside the allusion
    ("رفض الرئيس دونالد ترامب أي تدخل في شؤون بلاده، في إشارة إلى المطالب التي تقدمها قطر.",
     ("REJECT", "Donald Trump", "Qatar")),
    # no allusion cue: no other party is invented
    ("قال الرئيس دونالد ترامب إن بلاده لن تقبل الإملاءات من أي طرف.", ("REJECT", "Donald Trump", None)),
])
def test_an_allusion_names_the_party_a_statement_is_aimed_at(text, expected):
    assert main_of(text) == expected


@pytest.mark.parametrize("title, text, expected", [
    # an arrest told with nobody named takes the country of the place its sentence names
    ("اعتقال ستة متهمين بسرقة المحال التجارية في بغداد",
     "وقالت مصادر محلية إن المتهمين اعترفوا بما نسب إليهم.", ("COERCE", "Iraq", "Iraq")),
    # no place in its sentence: the country whose places the article names most
    ("خروج مظاهرات غاضبة أمام مبنى المحافظة",
     "ورفع المحتجون في بغداد لافتات تطالب بتحسين الخدمات، فيما انتشرت قوات الأمن في شوارع بغداد.",
     ("PROTEST", "Iraq", "Iraq")),
    # a protest in solidarity with another people is not addressed at home
    ("خروج مظاهرات في بغداد تضامنا مع سكان غزة", "ورفع المشاركون الأعلام.", ("PROTEST", None, None)),
    # ... even when the sentence names no other country: the solidarity word alone decides
    ("خروج مظاهرات في بغداد تضامنا مع ضحايا الزلزال", "ورفع المشاركون الأعلام.", ("PROTEST", None, None)),
    # two countries named as often: whose act it is stays unknown
    ("اعتقال ستة متهمين بسرقة المحال التجارية",
     "ونقل المتهمون من بغداد إلى دمشق بعد التحقيق معهم.", ("COERCE", None, None)),
])
def test_an_act_at_home_with_nobody_named_takes_the_country_where_it_happened(title, text, expected):
    assert main_of(text, title=title) == expected


@pytest.mark.parametrize("text, expected", [
    # an indefinite nationality on the bare object after a transitive verb names the party acted on
    ("احتجزت روسيا ناقلة نفط إيرانية في البحر الأسود.", ("Russia", "Iran")),
    ("قصفت المدفعية الإسرائيلية بلدات لبنانية حدودية.", ("Israel", "Lebanon")),
    # a nationality on a weapon names its maker, not the target
    ("قصفت القوات الروسية بصواريخ إيرانية الصنع أحياء سكنية.", ("Russia", None)),
])
def test_a_nationality_on_the_object_names_the_party_acted_on(text, expected):
    assert main_of(text)[1:] == expected


def _main_of_text(tmp_path, text: str):
    """The main event of ``text`` through the whole pipeline (the knowledge base's names)."""
    from marsad.workflow import annotate
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    main = next(iter(annotate([str(path)]))).main_event
    return main.type, *(a.name_en if a else None for a in (main.actor1, main.actor2))


@pytest.mark.parametrize("text, expected", [
    # an armed group's attack at home with no target named struck its own country's people
    ("مجزرة جديدة ترتكبها قوات الدعم السريع\nهاجمت قوات الدعم السريع قرية صغيرة فجر الأحد "
     "وقتلت عشرات المدنيين وأحرقت المنازل.", ("ASSAULT", "Rapid Support Forces", "Sudan")),
    # the article's places are mostly another country's: the target is not guessed
    ("مجزرة جديدة ترتكبها قوات الدعم السريع\nهاجمت قوات الدعم السريع قرية صغيرة قرب الحدود مع "
     "تشاد فجر الأحد وقتلت عشرات المدنيين.", ("ASSAULT", "Rapid Support Forces", None)),
    # the group's own places named most, but a telling of the attack names another country
    ("مجزرة جديدة ترتكبها قوات الدعم السريع في الخرطوم\nهاجمت قوات الدعم السريع قرية صغيرة قرب "
     "الحدود مع تشاد فجر الأحد وقتلت عشرات المدنيين.\nوتشهد الخرطوم وأم درمان والخرطوم بحري معارك "
     "منذ أشهر.", ("ASSAULT", "Rapid Support Forces", None)),
])
def test_an_armed_groups_attack_at_home_strikes_its_own_country(tmp_path, text, expected):
    assert _main_of_text(tmp_path, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a head of state's visit to a country meets that country's head of state on that day
    ("الرئيس الفرنسي إيمانويل ماكرون يزور المغرب\nوصل الرئيس الفرنسي إيمانويل ماكرون يوم 28 أكتوبر 2024 "
     "إلى المغرب في زيارة دولة تستمر ثلاثة أيام.", ("CONSULT", "Emmanuel Macron", "Mohammed VI")),
    # the text names whom of that country the visitor met: that person, not the office holder
    ("الرئيس الفرنسي إيمانويل ماكرون يزور المغرب\nوصل الرئيس الفرنسي إيمانويل ماكرون يوم 28 أكتوبر 2024 "
     "إلى المغرب في زيارة دولة، وكان في استقباله رئيس الحكومة عزيز أخنوش.",
     ("CONSULT", "Emmanuel Macron", "Aziz Akhannouch")),
    # a person of that country named elsewhere in the article: the country is kept, no one guessed
    ("الرئيس الفرنسي إيمانويل ماكرون يزور المغرب\nوصل الرئيس الفرنسي إيمانويل ماكرون يوم 28 أكتوبر 2024 "
     "إلى المغرب في زيارة دولة تستمر ثلاثة أيام.\nوقال رئيس الحكومة عزيز أخنوش إن البلدين يفتحان "
     "صفحة جديدة.", ("CONSULT", "Emmanuel Macron", "Morocco")),
])
def test_a_head_of_states_visit_to_a_country_meets_its_head_of_state(tmp_path, text, expected):
    assert _main_of_text(tmp_path, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the subject of شهد is where the attack happened: the place's country was struck
    ("شهدت العاصمة دمشق مساء الجمعة هجوما مسلحا على فندق.", ("ASSAULT", None, "Syria")),
    # a crowd's protest keeps its scene as its doers
    ("شهدت بغداد مساء الجمعة مظاهرات حاشدة.", ("PROTEST", "Baghdad", "Iraq")),
])
def test_the_subject_of_a_scene_verb_is_where_the_act_happened(text, expected):
    assert main_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a mission named with a nationality: the state whose mission was struck, not the city's
    ("قصفت إسرائيل مقر القنصلية الإيرانية في بيروت.", ("ASSAULT", "Israel", "Iran")),
    ("قصفت إسرائيل بناية مجاورة للسفارة الإيرانية في بيروت.", ("ASSAULT", "Israel", "Iran")),
])
def test_an_attack_on_a_mission_strikes_the_state_it_represents(text, expected):
    assert main_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the force glued by ل to the attack noun, with على and the target after it, did it
    ("قتل ثمانية مدنيين في غارة للجيش الإسرائيلي على قرية في جنوب لبنان.",
     ("ASSAULT", "Israel Defense Forces", "Lebanon")),
    ("سقط عشرات القتلى والجرحى في قصف لقوات الدعم السريع على سوق شعبي في مدينة الفاشر السودانية.",
     ("ASSAULT", "Rapid Support Forces", "Sudan")),
])
def test_the_owner_of_an_attack_noun_did_it(tmp_path, text, expected):
    assert _main_of_text(tmp_path, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a deal to import or sell goods: the country they come from or go to is the other party
    ("وقع الأردن اتفاقية جديدة لاستيراد الكهرباء من مصر.", ("AGREE", "Jordan", "Egypt")),
    ("قالت الحكومة إن العراق وقع اتفاقا أوليا لتصدير النفط إلى الأردن.", ("AGREE", "Iraq", "Jordan")),
    # a country named after من with no buying or selling is no party
    ("وقع الأردن اتفاقية لتطوير الموانئ بدعم من اليابان.", ("AGREE", "Jordan", None)),
])
def test_a_deal_to_buy_or_sell_names_the_other_country(tmp_path, text, expected):
    assert _main_of_text(tmp_path, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the act protested against names its doer: that side is the protest's other party
    ("تظاهر المئات في عمان تنديدا بالعدوان الإسرائيلي على غزة.", ("PROTEST", None, "Israel")),
    ("إضراب شامل في الضفة الغربية تنديدا بمجزرة الاحتلال.", ("PROTEST", None, "Israel")),
    # a person acted on, or the place where it happened, is no party
    ("تظاهر المئات في عمان احتجاجا على اعتقال محمد العلي.", ("PROTEST", None, None)),
])
def test_a_protests_motive_names_its_other_party(tmp_path, text, expected):
    assert _main_of_text(tmp_path, text) == expected
