"""One test per class of mention the development corpus showed the rules could not read, on articles written
for these tests (every name invented): the SOURCE/DATE header, visits and meetings named by a verb, several
events in one article, relative dates, transliterated and Latin names, foreign bodies, regional governments,
fused and acting titles, a company name before a person's name, captions as attendance, announced events,
lists that share a head noun, people referred to by surname and title, batch resolution across articles,
and the review report's list of sentences that gave no fact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.dates import clause_date, find_dates, partial_date
from ingest.model import Extraction
from ingest.orgs import regional_names
from ingest.people import embassy, tokenize
from ingest.service import expand_paths, ingest_paths
from ingest.titles import compound_title, parse_title, regional_title
from smekg.settings import REPO_ROOT
from tests.ingest_support import curated_index, fixture_reader

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
DATA = REPO_ROOT / "data"


@pytest.fixture(scope="module")
def index():
    return curated_index()


@pytest.fixture(scope="module")
def read(index):
    return fixture_reader(index)


def posts(ex, name):
    return {(ex.orgs[h.org].name, h.title, h.acting) for h in ex.people[name].holdings}


def roles(ex, name):
    return {(ex.events[r.event].name, r.role) for r in ex.people[name].roles}


def event_named(ex, part):
    (event,) = [e for e in ex.events.values() if part in e.name]
    return event


# ----- the saved article's header --------------------------------------------------------------------------


def test_source_and_date_header_gives_the_publication_date_and_the_url(read):
    ex = read("visit_and_meetings")
    assert ex.meta.date == dt.date(2024, 6, 11)
    assert "DATE: header" in ex.meta.date_reasoning
    assert "Source: https://news.example.org/articles/2024/0611/visit" in ex.meta.notes
    assert ex.meta.title.startswith("산업부 장관")  # the header lines are not the headline


# ----- meetings named by a verb, several events, relative dates, captions, bylines ---------------------------


def test_a_visit_is_an_event_with_its_date_place_and_everyone_reported_there(read):
    ex = read("visit_and_meetings")
    visit = ex.main_event
    assert visit.name == "누리에너지 오창공장 방문" and visit.start == dt.date(2024, 6, 10)
    assert ex.places[visit.venues[0][0]].name == "누리에너지 오창공장"
    there = {n for n, p in ex.people.items() if any(r.event == visit.key for r in p.roles)}
    # the subject, those 'with' them, those '이 자리에는 … 참석했다', and the caption
    assert there == {"남궁도윤", "배서연", "탁민호", "여준혁", "은가람", "하지율"}


def test_the_reporter_is_a_byline_never_an_attendee(read):
    ex = read("visit_and_meetings")
    assert [n for n, _ in ex.meta.authors] == ["임하늘"]
    assert not ex.people["임하늘"].roles


def test_a_meeting_said_with_a_verb_is_dated_and_has_its_participants(read):
    ex = read("visit_and_meetings")
    meeting = event_named(ex, "면담")  # '… 기업인들을 만나 … 논의했다', '이어': the same day
    assert meeting.start == dt.date(2024, 6, 10) and "Meeting" in meeting.kinds
    assert ("지역 기업인들 면담", "attendee") in roles(ex, "남궁도윤")


def test_an_earlier_visit_dated_relative_to_the_article_and_a_surname_title_reference(read):
    ex = read("visit_and_meetings")
    earlier = event_named(
        ex, "부산상공회의소"
    )  # '지난 7일에는 배 차관이 … 찾아 … 면담했다': one event
    assert earlier.start == dt.date(2024, 6, 7)
    assert ("부산상공회의소 방문", "attendee") in roles(ex, "배서연")  # '배 차관이' is 배서연
    assert not ex.statements or {s.speaker for s in ex.statements} == {"남궁도윤"}


def test_caption_attendance_is_marked_as_coming_from_the_caption(read):
    ex = read("foreign_partners_caption")
    (role,) = ex.people["마르쿠스 헤이키넨"].roles  # named only in the caption
    assert role.role == "attendee" and "basis: caption" in role.reason


# ----- foreign partners, transliterated and Latin names, several agreements -------------------------------------


def test_transliterated_names_in_a_caption_list_with_their_organisations(read):
    ex = read("foreign_partners_caption")
    assert posts(ex, "라우리 비르타넨") == {("가상연구소", "연구소장", False)}
    assert posts(ex, "엘리나 코스키넨") == {("주한핀란드대사관", "상임대표", False)}
    assert posts(ex, "페르 안데르손") == {("헬무트 시", "부시장", False)}
    assert posts(ex, "마르쿠스 헤이키넨") == {("노르란트주의회", "위원", False)}
    for name in ("라우리 비르타넨", "엘리나 코스키넨", "페르 안데르손"):
        assert "romanised" in ex.people[name].ambiguity
    assert not any(name in ex.people for name in ("라우리", "비르타넨", "헬무트"))


def test_a_latin_name_in_brackets_names_a_foreign_person(read):
    ex = read("foreign_partners_caption")
    person = ex.people["펠릭스 바우어"]
    assert person.latin_names == ["Felix Bauer"]
    assert person.roles  # '이날 협약식에는 … 자리를 함께했다'


def test_two_agreements_each_dated_by_its_own_sentence_and_the_caption_on_the_first(read):
    ex = read("foreign_partners_caption")
    dated = {tuple(sorted(ex.orgs[k].name for k, _ in a.parties)): a.start for a in ex.agreements}
    assert dated == {
        ("가상연구소", "미래기술평가원"): dt.date(2023, 10, 23),
        ("노르딕 브리지", "미래기술평가원"): dt.date(2023, 10, 24),  # '다음 날'
    }
    first = next(a for a in ex.agreements if a.start == dt.date(2023, 10, 23))
    ceremony = ex.events[first.event[0]]
    assert (
        "SigningCeremony" in ceremony.kinds and ex.places[ceremony.venues[0][0]].name == "한결호텔"
    )
    # the caption's guests attended the ceremony of the agreement whose party it names
    assert {r.event for r in ex.people["마르쿠스 헤이키넨"].roles} == {ceremony.key}
    partner = next(o for o in ex.orgs.values() if o.name == "가상연구소")
    assert "VTI" in partner.names and partner.foreign and partner.country == "FI"


# ----- regional governments, fused and acting titles, a company before a name -----------------------------------


def test_regional_governments_and_their_heads(read):
    ex = read("regional_mou_names")
    assert posts(ex, "윤태호") == {("경상북도", "도지사", False)}  # '경북도지사'
    assert posts(ex, "권하랑") == {("포항시", "시장", False)}  # '포항시장'
    province = next(o for o in ex.orgs.values() if o.name == "경상북도")
    assert province.kind == "GovernmentBody" and {"경북도", "경북도청"} <= set(province.names)
    (agreement,) = ex.agreements
    assert {ex.orgs[k].name for k, _ in agreement.parties} == {"경상북도", "한빛랩"}
    assert agreement.start == dt.date(2022, 9, 14)


def test_a_company_written_before_a_name_is_not_a_person(read):
    ex = read("regional_mou_names")
    assert "한빛랩" not in ex.people
    assert posts(ex, "표서진") == {("한빛랩", "대표", False)}


def test_short_names_and_heads_in_brackets(read):
    ex = read("regional_mou_names")
    assert posts(ex, "변지호") == {
        ("국립누리대학교", "총장", False)
    }  # '국립누리대학교(총장 변지호)'
    assert posts(ex, "남궁예린") == {("경북경제진흥원", "원장", False)}  # '(GBEA·원장 남궁예린)'
    agency = next(o for o in ex.orgs.values() if o.name == "경북경제진흥원")
    assert "GBEA" in agency.names
    foundation = next(o for o in ex.orgs.values() if o.name == "누리창업재단")
    assert "누리재단" in foundation.names  # '(이하 누리재단)'
    assert posts(ex, "설현우") == {("누리창업재단", "사무국장", False)}


# ----- an announced event, roles, a list sharing its head noun --------------------------------------------------


def test_an_announced_forum_is_planned_with_its_roles(read):
    ex = read("announced_forum_list")
    forum = ex.main_event
    assert forum.name == "제37회 혁신정책포럼" and forum.start == dt.date(2021, 4, 22)
    assert forum.status == "planned" and forum.edition == 37
    assert roles(ex, "채도경") == {(forum.name, "presenter")}
    assert roles(ex, "모세린") == {(forum.name, "chair")}
    assert roles(ex, "금하진") == {(forum.name, "panelist")}
    assert roles(ex, "석유빈") == {(forum.name, "panelist")}
    assert not ex.people["방윤슬"].roles  # the head named in the institute's introduction


def test_a_list_that_shares_its_head_noun_names_each_organisation(read):
    ex = read("announced_forum_list")
    assert {"다온은행", "가람은행", "누리은행"} <= {o.name for o in ex.orgs.values()}


# ----- helpers the classes rely on ----------------------------------------------------------------------------


def test_dates_by_clause_relative_days_ranges_and_partial_dates():
    ref = dt.date(2024, 6, 13)
    sentence = "11일 가온부 서밋에 참가했고, 다음 날 누리재단과 협약을 맺었다."
    assert clause_date(sentence, sentence.find("협약을"), ref).date == dt.date(2024, 6, 12)
    assert clause_date(sentence, sentence.find("서밋"), ref).date == dt.date(2024, 6, 11)
    (span,) = find_dates("15~16일 서울에서 개최된다", dt.date(2024, 4, 14))
    assert (span.date, span.end_date) == (dt.date(2024, 4, 15), dt.date(2024, 4, 16))
    assert find_dates("13일 여의도 가온홀에서", ref)[0].date == dt.date(2024, 6, 13)
    assert find_dates("22일 충북도청사에서", dt.date(2016, 11, 22))[0].date.day == 22
    assert partial_date("박람회는 오는 4월 개최될 예정이다", dt.date(2020, 1, 17)) == (
        "2020-04",
        "오는 4월",
    )
    assert partial_date("3월 상용화를 앞둔 시점", dt.date(2020, 1, 17)) is None


def test_titles_regions_and_embassies():
    assert (
        parse_title("대표이사직무대행").acting
        and parse_title("대표이사직무대행").title == "대표이사"
    )
    assert regional_title("대전시장은")[0] == "대전시"
    assert regional_title("충북도지사")[0] == "충북도"
    assert compound_title("국회의장을")[0] == "국회"
    assert regional_names("충북도청") == ("충청북도", ["충북도", "충북도청", "충청북도청"])
    assert embassy(["주페루"], "대한민국대사") == ("주페루 대한민국대사관", "대사", None)
    assert embassy(["주한", "덴마크"], "부대사") == ("주한 덴마크대사관", "부대사", "DK")
    joined = [t.text for t in tokenize("대구·경북지방기술청장, 장관·한도윤")]
    assert "대구·경북지방기술청장" in joined and "한도윤" in joined


# ----- a batch of articles: one node per entity ------------------------------------------------------------------


def _write(tmp_path: Path, name: str, date: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(
        f"SOURCE: https://news.example.org/{name}\nDATE: {date}\n\n{body}\n", encoding="utf-8"
    )
    return path


def test_a_batch_resolves_the_same_person_and_organisation_to_one_node(tmp_path):
    _write(
        tmp_path,
        "a1.txt",
        "2022-03-03",
        "가온혁신청, 지역 창업기관 간담회\n\n가온혁신청은 2일 대전에서 지역 창업기관 간담회를 개최했다. "
        "이날 간담회에는 도예준 가온혁신청장과 문가윤 누리창업진흥원 원장이 참석했다.",
    )
    _write(
        tmp_path,
        "a2.txt",
        "2022-05-10",
        "누리창업진흥원, 청년 창업 설명회\n\n누리창업진흥원은 9일 세종에서 청년 창업 설명회를 개최했다. "
        "이날 설명회에는 도예준 가온혁신청장, 문가윤 누리창업진흥원 원장 등이 참석했다.",
    )
    _write(
        tmp_path,
        "a3.txt",
        "2024-02-20",
        "다온공단, 기술 지원 협약\n\n다온공단(이사장 도예준)은 가람재단과 19일 기술보증 협약을 "
        "맺었다. 누리테크 문가윤 대표도 이날 자리했다.",
    )
    outcome = ingest_paths(expand_paths([tmp_path]), DATA)
    assert outcome.errors == {}
    people = {}
    for result in outcome.results:
        for person in result.extraction.people.values():
            people.setdefault(person.name, set()).add(person.iri)
    # the same official at the same agency in two articles, then chair of another public body: one person
    assert len(people["도예준"]) == 1
    moved = [m for r in outcome.results for m in r.extraction.merges if m.mention == "도예준"]
    assert any(m.applied and "change of post" in m.reason for m in moved)
    # the same name at an agency and then at a company: another person until a reviewer decides
    assert len(people["문가윤"]) == 2
    assert any(
        m.mention == "문가윤" and not m.applied
        for r in outcome.results
        for m in r.extraction.merges
    )
    orgs = {
        o.iri
        for r in outcome.results
        for o in r.extraction.orgs.values()
        if o.name == "누리창업진흥원"
    }
    assert len(orgs) == 1
    graph_people = [n for n in outcome.graph["nodes"] if "Person" in n["labels"]]
    assert len([n for n in graph_people if n["name_ko"] == "도예준"]) == 1


def test_the_review_report_lists_sentences_that_named_someone_but_gave_no_fact(tmp_path):
    _write(
        tmp_path,
        "b1.txt",
        "2023-07-07",
        "가온재단, 창업 포럼 개최\n\n가온재단은 6일 서울에서 창업 포럼을 개최했다. "
        "포럼에는 한도윤 가온재단 이사장이 참석했다.\n\n"
        "한편 누리진흥원은 지난해 가온재단의 사업을 넘겨받았다.",
    )
    outcome = ingest_paths([tmp_path / "b1.txt"], DATA)
    report = outcome.reports["b1"]
    section = report.split("## Sentences that name someone but gave no fact", 1)[1]
    section = section.split("## New entities", 1)[0]
    assert "누리진흥원은 지난해" in section  # named, but no rule read a fact from it
    assert "한도윤 가온재단 이사장이 참석했다" not in section  # it gave facts


@pytest.mark.parametrize(
    "line, expected",
    [
        ("정하윤 대표(가온전자)가 참석했다.", {("정하윤", "가온전자", "대표")}),
        (
            "정하윤 가온대학교 경영학과 교수가 발표했다.",
            {("정하윤", "가온대학교 경영학과", "교수")},
        ),
        (
            "박지호·한서윤 가온당 의원이 공동 주최했다.",
            {("박지호", "가온당", "의원"), ("한서윤", "가온당", "의원")},
        ),
        (
            "왼쪽부터 유하준 가온부 장관·정하윤 누리부 장관",
            {("유하준", "가온부", "장관"), ("정하윤", "누리부", "장관")},
        ),
        (
            "안산시 도윤재 시장과 도하진 안산시장",
            {("도하진", "안산시", "시장"), ("도윤재", "안산시", "시장")},
        ),
        (
            "마르코 로시 주한이탈리아대사관 참사관이 참석했다.",
            {("마르코 로시", "주한이탈리아대사관", "참사관")},
        ),
        # ordinary words before a title are no one
        ("이날 모임에는 업계 대표와 관련 부처 장관, 여러 의원들이 함께했다.", set()),
        ("한국 대표 기업인 가온전자와 누리전자 대표가 참석했다.", set()),
        ("이 대표는 회의 후 기자들과 만났다.", set()),
    ],
)
def test_names_with_their_posts_in_the_forms_news_writes_them(index, line, expected):
    from ingest.model import Meta
    from ingest.orgs import OrgFinder
    from ingest.people import PersonFinder

    ex = Extraction(Meta("t", "t.txt", date=dt.date(2024, 5, 2)))
    orgs = OrgFinder(index, ex)
    finder = PersonFinder(ex, orgs)
    found = finder.intros(line)
    found += finder.foreign(line, [(m.start, m.end) for m in found])
    found += finder.scan(line, [(m.start, m.end) for m in found])
    got = {
        (m.name, m.org.name if m.org else None, m.title.title if m.title else None) for m in found
    }
    assert got == expected


def test_a_fact_that_does_not_validate_is_left_out_not_the_article(monkeypatch):
    """Should a rule ever write a fact the shapes refuse, the article keeps everything else, and its
    review report says what was left out and why."""
    from rdflib import Literal, URIRef

    import ingest.rdfparts as parts
    from ontology.vocabulary import SMEKG

    write_orgs = parts._orgs

    def orgs_with_a_bad_country(w, ex):
        write_orgs(w, ex)
        org = next(o for o in ex.orgs.values() if o.name == "국립누리대학교")
        w.g.add((URIRef(org.iri), SMEKG.country, Literal("xx")))  # not an ISO code

    monkeypatch.setattr(parts, "_orgs", orgs_with_a_bad_country)
    outcome = ingest_paths([FIXTURES / "regional_mou_names.txt"], DATA)
    assert outcome.errors == {}
    (result,) = outcome.results
    assert any(
        "국립누리대학교" not in w and "did not pass validation" in w
        for w in result.extraction.warnings
    )
    names = {n["name_ko"] for n in outcome.graph["nodes"]}
    assert "국립누리대학교" not in names and {"경상북도", "한빛랩", "윤태호"} <= names
    assert "did not pass validation" in outcome.reports[result.stem]


def test_the_signing_the_lede_reports_is_the_main_event_not_an_earlier_visit(read):
    """The lede reports a signing; a visit three days before follows ('앞서 … 지난 17일'). The ceremony
    made from the agreement is the main event: the caption and the quoted remark belong to it."""
    ex = read("signing_then_earlier_visit")
    main = ex.main_event
    assert main is not None and "SigningCeremony" in main.kinds
    assert main.start == dt.date(2024, 5, 20)
    visit = next(e for e in ex.events.values() if e.start == dt.date(2024, 5, 17))
    for name in ("페터 울브리히", "설하람"):
        assert {r.event for r in ex.people[name].roles} == {main.key}
    assert any(r.event == visit.key for r in ex.people["모태윤"].roles)
    assert any(r.event == main.key for r in ex.people["모태윤"].roles)
    assert {r.event for r in ex.people["채윤석"].roles} == {visit.key}
