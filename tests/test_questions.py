"""Name resolution across Korean, English and aliases, and who met whom in three different articles."""

import pytest

from services.answers.questions import (
    AmbiguousName,
    EntityNotFound,
    resolve_entity,
    who_met_whom,
    who_met_whom_page,
)


@pytest.mark.parametrize(
    "name", ["중기부", "중소벤처기업부", "Ministry of SMEs and Startups", "mss", "MSS"]
)
def test_ministry_resolves_from_every_name(store, name):
    assert resolve_entity(store, name)["iri"] == "https://smekg.org/id/org-mss"


@pytest.mark.parametrize("name", ["기정원", "중소기업기술정보진흥원", "TIPA", "tipa"])
def test_tipa_resolves_from_every_name(store, name):
    assert resolve_entity(store, name)["iri"] == "https://smekg.org/id/org-tipa"


def test_misspelt_name_in_one_article_resolves_to_the_same_person(store):
    correct = resolve_entity(store, "신성철", label="Person")
    assert resolve_entity(store, "신상철", label="Person")["iri"] == correct["iri"]


def test_decomposed_hangul_input_is_normalised_to_nfc(store):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "중기부")
    assert resolve_entity(store, decomposed)["iri"] == "https://smekg.org/id/org-mss"


def test_ambiguous_partial_name_lists_candidates(store):
    with pytest.raises(AmbiguousName) as caught:
        resolve_entity(store, "진흥")
    assert len(caught.value.candidates) >= 2


def test_unknown_name_is_not_found(store):
    with pytest.raises(EntityNotFound):
        resolve_entity(store, "존재하지않는사람", label="Person")


def _met_names(store, person: str, **dates) -> dict[str, dict]:
    iri = resolve_entity(store, person, label="Person")["iri"]
    return {entry["person"]["name_ko"]: entry for entry in who_met_whom(store, iri, **dates)}


def test_park_young_sun_met_the_2020_forum_launch_attendees_but_not_the_reporter(store):
    met = _met_names(store, "박영선")
    for name in ("이병헌", "김학도", "이정동", "신성철", "이재홍", "정윤모", "김현준", "강진아"):
        assert name in met, name
    assert "유근일" not in met and "이동근" not in met  # reporter and photographer
    event = met["이병헌"]["events"][0]
    assert event["date"] == "2020-07-02"
    assert "002_f72b6778ec84ef75" in met["이병헌"]["sources"]


def test_vice_minister_met_the_company_heads_at_the_2020_ai_roundtable(store):
    met = _met_names(store, "장석영")
    for name in ("반원익", "김형진", "강석균", "남인봉"):
        assert name in met, name
    assert met["반원익"]["events"][0]["date"] == "2020-10-29"


def test_ai_policy_council_2026_participants_met_each_other(store):
    met = _met_names(store, "장태우")
    for name in ("이상호", "박정윤", "황영호"):
        assert name in met, name
    assert met["이상호"]["events"][0]["date"] == "2026-07-01"


def test_date_filter_limits_meetings(store):
    assert _met_names(store, "박영선", since="2021-01-01") == {}
    assert _met_names(store, "박영선", until="2020-12-31")


# -- who met whom, ranked and paged ----------------------------------------------------------------
PARK = "https://smekg.org/id/person-park-young-sun"


def _rank_key(entry: dict) -> tuple:
    return (
        -entry["shared_events"],
        entry["last_met"] is None,
        _desc(entry["last_met"]),
        entry["person"]["iri"],
    )


def _desc(date: str | None) -> tuple:
    return tuple(-ord(c) for c in date or "")


def test_who_met_whom_page_counts_everyone_and_ranks_by_shared_events(store):
    everyone = who_met_whom_page(store, PARK, limit=1000)
    assert everyone["total"] == len(everyone["met"]) == len(who_met_whom(store, PARK, limit=1000))
    assert everyone["more"] is False and everyone["total"] >= 8
    met = everyone["met"]
    assert met == sorted(met, key=_rank_key)
    for entry in met:
        assert entry["shared_events"] >= len(entry["events"]) >= 1
        assert entry["last_met"] == max(e["date"] for e in entry["events"] if e["date"])


def test_who_met_whom_pages_cover_everyone_once_in_rank_order(store):
    everyone = [e["person"]["iri"] for e in who_met_whom_page(store, PARK, limit=1000)["met"]]
    seen, offset = [], 0
    while True:
        page = who_met_whom_page(store, PARK, limit=7, offset=offset)
        assert page["total"] == len(everyone) and len(page["met"]) <= 7
        seen += [e["person"]["iri"] for e in page["met"]]
        if not page["more"]:
            break
        offset += len(page["met"])
    assert seen == everyone


def test_who_met_whom_past_the_end_still_counts_and_events_are_capped(store):
    total = who_met_whom_page(store, PARK)["total"]
    past = who_met_whom_page(store, PARK, offset=total + 5)
    assert past["met"] == [] and past["total"] == total and past["more"] is False
    one = who_met_whom_page(store, PARK, limit=3, events=1)
    assert len(one["met"]) == 3 and one["more"] is True
    assert all(len(entry["events"]) == 1 for entry in one["met"])
    later = who_met_whom_page(store, PARK, since="2021-01-01")
    assert {k: later[k] for k in ("total", "offset", "limit", "more", "met", "organisations")} == {
        "total": 0,
        "offset": 0,
        "limit": 100,
        "more": False,
        "met": [],
        "organisations": [],
    }
    assert (later["events"], later["events_all"]) == (0, 1)
    assert "outside the dates from 2021-01-01" in later["explanation"]


def test_an_iri_resolves_by_index_and_still_respects_the_label(store):
    assert resolve_entity(store, PARK, label="Person")["name_ko"] == "박영선"
    with pytest.raises(EntityNotFound):
        resolve_entity(store, "https://smekg.org/id/org-mss", label="Person")
