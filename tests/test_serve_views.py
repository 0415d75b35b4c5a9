"""The source-agreement table of a story page (serve/views.py)."""

from marsad.serve.views import agreement_table


def _event(type_, a1, a2, mode=None):
    return {"main": True, "type": type_, "mode": mode, "date": "2025-03-02",
            "actor1": {"name_en": a1} if a1 else None, "actor2": {"name_en": a2} if a2 else None}


def _cells(table, field):
    row = next(r for r in table["rows"] if r["field"] == field)
    return [c["status"] for c in row["cells"]]


def test_undirected_call_agrees_in_either_order():
    story = {"main_event": _event("CONSULT", "Emmanuel Macron", "Mohammed bin Salman", "phone")}
    articles = [{"id": "a", "events": [_event("CONSULT", "Emmanuel Macron", "Mohammed bin Salman", "phone")]},
                {"id": "b", "events": [_event("CONSULT", "Mohammed bin Salman", "Emmanuel Macron", "phone")]},
                {"id": "c", "events": [_event("CONSULT", "Mohammed bin Salman", "Joe Biden", "phone")]}]
    table = agreement_table(story, articles)
    assert _cells(table, "actor1") == ["agree", "agree", "differ"]
    assert _cells(table, "actor2") == ["agree", "agree", "differ"]


def test_directed_attack_in_the_other_order_differs():
    story = {"main_event": _event("ASSAULT", "Israel", "Hezbollah")}
    articles = [{"id": "a", "events": [_event("ASSAULT", "Hezbollah", "Israel")]},
                {"id": "b", "events": []}]
    table = agreement_table(story, articles)
    assert _cells(table, "actor1") == ["differ", "missing"]
    assert _cells(table, "actor2") == ["differ", "missing"]
