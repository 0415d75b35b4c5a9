"""The knowledge files themselves: well-formed, unique, consistent (docs/knowledge.md)."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

KB = Path(resources.files("marsad.data")) / "kb"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID = re.compile(r"^Q\d+$")
ARABIC_ONLY = re.compile(r"^[\u0600-\u06FF\s\-'’.()]+$")


def _jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                pytest.fail(f"{path.name}:{n}: not JSON ({exc})")
    return rows


@pytest.fixture(scope="module")
def countries() -> dict[str, dict]:
    return {c["iso3"]: c for c in _jsonl(KB / "countries.jsonl")}


@pytest.fixture(scope="module")
def persons() -> list[dict]:
    return [p for f in sorted((KB / "persons").glob("*.jsonl")) for p in _jsonl(f)]


@pytest.fixture(scope="module")
def organizations() -> list[dict]:
    return _jsonl(KB / "organizations.jsonl")


def _title_keys() -> set[str]:
    titles = json.loads((KB / "titles.json").read_text(encoding="utf-8"))["titles"]
    return set(titles)


def test_enough_knowledge(persons, organizations, countries):
    assert len(persons) >= 600
    assert len(organizations) >= 200
    assert len(countries) >= 193


def test_ids_are_unique(persons, organizations):
    for rows in (persons, organizations):
        dupes = [k for k, n in Counter(r["id"] for r in rows).items() if n > 1]
        assert dupes == []


def test_person_fields_are_well_formed(persons, countries):
    titles = _title_keys()
    problems = []
    for p in persons:
        where = p["id"]
        if not p.get("name_en") or not p.get("names_ar"):
            problems.append(f"{where}: needs name_en and names_ar")
        if p.get("wikidata") is not None and not QID.match(p["wikidata"]):
            problems.append(f"{where}: bad wikidata id {p['wikidata']!r}")
        if p.get("country") is not None and p["country"] not in countries:
            problems.append(f"{where}: unknown country {p['country']!r}")
        for form in p.get("names_ar", []) + p.get("short_ar", []) + p.get("variants_ar", []):
            if not ARABIC_ONLY.match(form):
                problems.append(f"{where}: non-Arabic characters in {form!r}")
        for role in p.get("roles", []):
            if role["title"] not in titles:
                problems.append(f"{where}: title {role['title']!r} is not in titles.json")
            for key in ("start", "end"):
                if role.get(key) is not None and not DATE.match(role[key]):
                    problems.append(f"{where}: bad {key} date {role[key]!r}")
            if role.get("country") is not None and role["country"] not in countries:
                problems.append(f"{where}: role country {role['country']!r} unknown")
            if role.get("start") and role.get("end") and role["start"][:len(role["end"])] > role["end"]:
                problems.append(f"{where}: role {role['label']!r} ends before it starts")
    assert problems == []


def test_short_forms_point_at_one_person(persons):
    owners: dict[str, set[str]] = {}
    for p in persons:
        for form in p.get("short_ar", []):
            owners.setdefault(form, set()).add(p["id"])
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert shared == {}


def test_role_dates_are_real_dates(persons):
    for p in persons:
        for role in p.get("roles", []):
            for key in ("start", "end"):
                value = role.get(key)
                if value and len(value) == 10:
                    date.fromisoformat(value)


def test_countries_have_arabic_names_and_valid_codes(countries):
    for iso3, c in countries.items():
        assert re.fullmatch(r"[A-Z]{3}", iso3)
        assert c["names_ar"], iso3
        assert c.get("wikidata") is None or QID.match(c["wikidata"]), iso3
    assert "روسيا" in countries["RUS"]["names_ar"]
    assert "الروسية" in countries["RUS"]["nisba_ar"]
    assert "موسكو" in countries["RUS"]["metonyms_ar"]


def test_organizations_are_well_formed(organizations, countries):
    kinds = {"presidency", "government", "ministry", "parliament", "military", "security", "agency",
             "party", "armed_group", "international", "news_agency", "media", "company", "ngo",
             "court", "other"}
    for o in organizations:
        assert o.get("name_en") and o.get("names_ar"), o["id"]
        assert o["kind"] in kinds, o["id"]
        assert o.get("country") is None or o["country"] in countries, o["id"]
        assert o.get("metonym_for") is None or o["metonym_for"] in countries, o["id"]


def test_no_place_is_named_by_an_everyday_word():
    everyday = {"سلطات", "السلطات", "وان", "سلمية", "سلام", "أمل", "بيان", "إطار", "نصر"}
    places = _jsonl(KB / "places.jsonl")
    assert [p["id"] for p in places if everyday & set(p["names_ar"])] == []
