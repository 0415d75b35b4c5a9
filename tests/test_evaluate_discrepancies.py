"""Discrepancy scoring: the annotators name a field in their own words («toll»,
«toll_killed», «death toll», «injured»); each is read as the field Marsad reports."""

from marsad.evaluate import discrepancy_scores
from marsad.model import Discrepancy, Story


def _gold(field):
    return {"events": [{"event_id": "e1"}],
            "articles": {"a1": {"main_event": "e1"}, "a2": {"main_event": "e1"}},
            "discrepancies": [{"event_id": "e1", "field": field,
                               "values": [{"value": "5 killed", "articles": ["a1"]},
                                          {"value": "7 killed", "articles": ["a2"]}]}]}


def _story(field):
    rec = Discrepancy(field, [{"value": 5, "article_ids": ["a1"]}, {"value": 7, "article_ids": ["a2"]}], "")
    return Story(id="s1", article_ids=["a1", "a2"], discrepancies=[rec])


def test_toll_fields_in_the_annotators_words_match_the_casualty_fields():
    for field in ("toll", "toll_killed", "death toll", "casualties"):
        assert discrepancy_scores(_gold(field), [_story("casualties_killed")])["found"] == 1, field
    for field in ("injured", "toll_wounded"):
        assert discrepancy_scores(_gold(field), [_story("casualties_injured")])["found"] == 1, field
    # the killed are not the wounded
    assert discrepancy_scores(_gold("toll_killed"), [_story("casualties_injured")])["found"] == 0
    assert discrepancy_scores(_gold("injured"), [_story("casualties_killed")])["found"] == 0


def test_other_fields_keep_their_own_words():
    assert discrepancy_scores(_gold("time"), [_story("time of day")])["found"] == 1
    assert discrepancy_scores(_gold("date"), [_story("casualties_killed")])["found"] == 0


def test_a_finding_sets_the_odd_report_apart_from_one_the_gold_gives_another_value():
    gold = _gold("toll_killed")
    gold["articles"]["a3"] = {"main_event": "e1"}

    def story(values):
        rec = Discrepancy("casualties_killed", [{"value": v, "article_ids": ids} for v, ids in values], "")
        return Story(id="s1", article_ids=["a1", "a2", "a3"], discrepancies=[rec])

    # the odd report a2 set against a3, which the gold does not list, and lumped with a1: no finding
    assert discrepancy_scores(gold, [story([(5, ["a1", "a2"]), (9, ["a3"])])])["found"] == 0
    # a2 set against a1, as the gold has them
    assert discrepancy_scores(gold, [story([(5, ["a1", "a3"]), (7, ["a2"])])])["found"] == 1
