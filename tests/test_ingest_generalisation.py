"""Classes of sentence that real articles write and the rules first read wrong, each on articles written for
these tests in the styles of ministry press releases, wire news and agency news (every name invented):
meetings named by a bare noun and a light verb ('간담회를 갖고', '회의를 주재했다'), sentences that point back
to an event ('이날 간담회에는', '이 자리에는') — never attached to another event of another kind or day —, the
lede's event as the main event, people who only sent a message or stayed away, and quoted speakers at the
event their paragraph reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ingest.dates import find_dates
from smekg.settings import REPO_ROOT
from tests.ingest_support import curated_index, fixture_reader, text_reader

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
DATA = REPO_ROOT / "data"


@pytest.fixture(scope="module")
def index():
    return curated_index()


@pytest.fixture(scope="module")
def read(index):
    return fixture_reader(index)


@pytest.fixture
def text(index, tmp_path):
    return text_reader(index, tmp_path, "2024-05-08")


def posts(ex, name):
    return {(ex.orgs[h.org].name, h.title, h.acting) for h in ex.people[name].holdings}


def attends(ex, name):
    """(event name, event start, role) of every event the person takes part in."""
    return {
        (ex.events[r.event].name, ex.events[r.event].start, r.role) for r in ex.people[name].roles
    }


def days(ex, name):
    return {ex.events[r.event].start for r in ex.people[name].roles}


def event_named(ex, part):
    (event,) = [e for e in ex.events.values() if part in e.name]
    return event


# ----- meetings named by a bare noun and a light verb --------------------------------------------------------


def test_a_meeting_held_with_a_light_verb_is_the_ledes_event_with_its_date_place_and_people(read):
    ex = read("light_verb_meeting")
    main = ex.main_event
    assert main.name == "소상공인 단체장 간담회" and main.start == dt.date(2024, 5, 7)
    assert "Meeting" in main.kinds
    assert ex.places[main.venues[0][0]].name == "나래소상공인회관 서울센터"
    for head in ("도경수", "노은비", "탁재윤"):  # '이날 간담회에는 …': the meeting of the lede
        assert days(ex, head) == {dt.date(2024, 5, 7)}
    fair = event_named(ex, "프랜차이즈 박람회")
    assert fair.start == dt.date(2024, 5, 8) and fair.status == "planned"  # '다음 날인 8일'
    assert days(ex, "권태민") == {dt.date(2024, 5, 7), dt.date(2024, 5, 8)}
    assert not ex.people["한가람"].roles  # the wire reporter


@pytest.mark.parametrize(
    ("sentence", "kind", "name"),
    [
        (
            "가온부 차민혁 차관은 7일 세종청사에서 지역 기업 대표들과 간담회를 열어 애로를 들었다.",
            "Meeting",
            "지역 기업 대표 간담회",
        ),
        (
            "가온부 차민혁 차관은 7일 세종청사에서 수출 점검회의를 주재했다.",
            "Meeting",
            "수출 점검회의",
        ),
        (
            "가온부 차민혁 차관은 7일 세종청사에서 수출 확대를 위한 협의회를 개최하고 대책을 논의했다.",
            "Meeting",
            "수출 확대 협의회",
        ),
        (
            "가온부 차민혁 차관은 7일 세종청사에서 청년 창업가들과 간담회를 가졌다.",
            "Meeting",
            "청년 창업가 간담회",
        ),
        (
            "가온부 차민혁 차관은 7일 저녁 서울 중구에서 벤처업계 단체장들과 만찬을 하며 현안을 논의했다.",
            "Meeting",
            "벤처업계 단체장 만찬",
        ),
    ],
)
def test_every_light_verb_form_makes_a_dated_meeting(text, sentence, kind, name):
    ex = text(sentence + "\n\n이날 행사에는 나래협회 모은결 회장이 참석했다.")
    main = ex.main_event
    assert main is not None and main.name == name and kind in main.kinds
    assert main.start == dt.date(2024, 5, 7) and main.confidence > 0.5
    assert days(ex, "모은결") == {dt.date(2024, 5, 7)}


def test_a_bare_noun_told_with_a_named_event_is_part_of_it(text):
    ex = text(
        "가온부는 7일 서울 중구 나래호텔에서 '제1회 가온 혁신포럼' 출범식을 갖고 '디지털 전환'을 주제로 "
        "토론회를 개최했다."
    )
    assert [e.name for e in ex.events.values()] == ["제1회 가온 혁신포럼 출범식"]


def test_a_chaired_meeting_and_a_second_meeting_each_with_their_own_people(read):
    ex = read("chaired_meeting_release")
    check = ex.main_event
    assert check.name == "중소기업 수출 점검회의" and check.start == dt.date(2024, 9, 3)
    council = event_named(ex, "지역 중소기업 협의회")
    assert council.start == dt.date(2024, 9, 3)  # '이어 … 오후에'
    assert ("중소기업 수출 점검회의", check.start, "chair") in attends(ex, "설도윤")
    assert ("지역 중소기업 협의회", council.start, "host") in attends(ex, "설도윤")
    for head in ("표하준", "엄소율", "변지호"):
        assert {n for n, _, _ in attends(ex, head)} == {"중소기업 수출 점검회의"}
    for head in ("석민재", "국은채"):  # '협의회에는 …': the second meeting, not the first
        assert {n for n, _, _ in attends(ex, head)} == {"지역 중소기업 협의회"}
    assert posts(ex, "엄소율") == {("나래공단", "이사장", True)}  # '이사장 직무대행'
    names = {o.name for o in ex.orgs.values()}
    assert {"가온진흥원", "나래공단", "다온재단"} <= names  # 'A·B·C 3개 기관'
    for staff in ("명시우", "하유나"):  # the contact table
        assert not ex.people[staff].roles


# ----- people who sent a message or stayed away ---------------------------------------------------------------


def test_a_video_message_or_an_absence_is_no_attendance(read):
    ex = read("chaired_meeting_release")
    assert not ex.people["추은호"].roles  # '영상 축사를 보냈으며'
    assert not ex.people["여하람"].roles  # '일정상 불참했다'
    assert any("추은호" in w and "not recorded" in w for w in ex.warnings)
    ex = read("anniversary_former_posts")
    main = ex.main_event
    assert main.name == "개원 15주년 기념식" and main.start == dt.date(2024, 10, 21)
    assert not ex.people["금태오"].roles  # '영상 축사를 통해 "…"라고 당부했다'
    assert any(s.speaker == "금태오" for s in ex.statements)  # what they said is kept
    assert not ex.people["소예찬"].roles  # '일정상 불참했다'
    assert days(ex, "선우진") == {main.start}
    assert posts(ex, "단하은") == {("나래신용보증재단", "이사장", True)}
    for guest in ("황보민", "단하은", "맹지율"):
        assert days(ex, guest) == {main.start}


# ----- sentences that point back to an event ------------------------------------------------------------------


def test_a_reference_to_an_event_the_rules_did_not_read_makes_that_event(read):
    ex = read("reference_creates_event")
    # the lede's event, told as '머리를 맞댔다' and named only by '이날 간담회에는'
    meeting = ex.main_event
    assert meeting.name == "간담회" and meeting.start == dt.date(2024, 5, 7)
    assert "이날" in meeting.date_reasoning and meeting.confidence < 0.8
    assert ex.places[meeting.venues[0][0]].name == "나래소상공인회관"
    fair = event_named(ex, "프랜차이즈 박람회")
    for head in ("도경수", "노은비", "탁재윤"):
        assert days(ex, head) == {dt.date(2024, 5, 7)}  # never the fair of the next day
    assert {r.event for r in ex.people["권태민"].roles} == {fair.key}


def test_a_reference_to_no_event_read_gives_no_attendance(read):
    ex = read("no_event_reference")
    (opening,) = ex.events.values()
    assert opening.start == dt.date(2024, 3, 12) and opening.status == "planned"
    assert not ex.people["채도율"].roles and not ex.people["공서하"].roles  # '이 자리에는 …'
    # the minister's quote belongs to the evening the lede tells, not to the opening a week later
    assert attends(ex, "봉지후") == {(opening.name, opening.start, "attendee")}


def test_heads_listed_after_a_meeting_held_by_a_light_verb_attend_it_not_an_earlier_visit(read):
    ex = read("press_release_heads_list")
    main = ex.main_event
    assert main.name == "중소기업 단체장 간담회" and main.start == dt.date(2025, 2, 13)
    visit = event_named(ex, "반월산업단지")
    assert visit.start == dt.date(2025, 2, 11) and not visit.main  # '앞서 … 지난 11일'
    for head in ("연수호", "마다인", "빈채원", "옥세찬", "탁유찬"):
        assert days(ex, head) == {main.start}
    assert days(ex, "기한솔") == {main.start, visit.start}
    assert ("중소기업 단체장 간담회", main.start, "speaker") in attends(ex, "연수호")
    assert not ex.people["노시온"].roles and not ex.people["명채린"].roles


# ----- foreign people and bodies ------------------------------------------------------------------------------


def test_foreign_names_of_korean_shape_and_with_particles_are_read_whole(read):
    ex = read("foreign_university_mou")
    assert posts(ex, "로버트 킨케이드") == {
        ("노스필드대학교", "연구부총장", False)
    }  # compound title
    assert "마리아 엘레나 로페스" in ex.people  # three words
    assert not {"로버트", "마리아", "킨케이드"} & set(ex.people)
    ex = read("overseas_trip_local_time")
    assert posts(ex, "하인리히 폰 발트") == {("클라우젠 기술이전재단", "이사장", False)}  # '폰'
    assert posts(ex, "요하나 크뤼거") == {("주한독일상공회의소", "부대표", False)}


def test_a_head_title_alone_takes_the_body_its_sentence_just_visited(read):
    ex = read("overseas_trip_local_time")
    # '뮌헨의 바이에른 혁신청을 방문해 토마스 베르크만 청장과 면담했다': the city is where, the body is whose
    assert posts(ex, "토마스 베르크만") == {("바이에른 혁신청", "청장", False)}
    visit = event_named(ex, "바이에른 혁신청")
    assert visit.start == dt.date(2024, 9, 16)  # '다음 날인 16일(현지시간)'
    assert days(ex, "토마스 베르크만") == {visit.start}
    assert days(ex, "위도현") == {dt.date(2024, 9, 15), visit.start}


def test_a_unit_named_by_a_common_word_after_its_body_is_one_organisation(read):
    ex = read("foreign_university_mou")
    names = {o.name for o in ex.orgs.values()}
    assert "노스필드대 연구재단" in names and "연구재단" not in names
    (mou,) = [a for a in ex.agreements if "양해각서" in a.name]
    assert mou.start == dt.date(2024, 11, 12)  # '이어 …': the day of the signing told before
    assert mou.name == "공동 창업 프로그램 운영 양해각서"  # the purpose after '…재단은'


def test_a_reference_by_a_noun_no_event_carries_falls_to_the_main_event(read):
    ex = read("reference_by_another_noun")
    main = ex.main_event
    assert main.name == "2025 소상공인 상생 페스타" and main.start == dt.date(2025, 6, 10)
    # '개막식에는 …': a part of the festival, not told as an event of its own
    for guest in ("탁유건", "변하율"):
        assert days(ex, guest) == {main.start}


# ----- event names and follow-on stops --------------------------------------------------------------------


def test_a_quoted_meeting_ending_in_a_particle_like_syllable_is_an_event(text):
    # '…점검회의'를 주재했다: '의' closes the noun 회의, it is no possessive particle
    ex = text(
        "가온부는 차민혁 차관이 7일 정부세종청사에서 '중소기업 수출 현장 점검회의'를 주재했다고 8일 "
        "밝혔다.\n\n회의에는 나래협회 모은결 회장이 참석했다."
    )
    main = ex.main_event
    assert main.name == "중소기업 수출 현장 점검회의" and main.start == dt.date(2024, 5, 7)
    assert ex.places[main.venues[0][0]].name == "정부세종청사"
    assert days(ex, "모은결") == {main.start}


def test_an_undated_visit_told_in_sequence_is_a_stop_of_the_main_events_day(text):
    ex = text(
        "가온부 차민혁 차관은 7일 정부세종청사에서 수출 점검회의를 주재했다.\n\n"
        "차 차관은 회의를 마친 뒤 세종시에 있는 수출기업 누리소재를 찾아 임채원 대표와 면담했다."
    )
    visit = event_named(ex, "누리소재")
    assert visit.start == dt.date(2024, 5, 7) and not visit.main and visit.parent is None
    assert "임채원" in ex.people and "찾아 임채원" not in ex.people  # '찾아' is a verb, not a name
    assert days(ex, "임채원") == {visit.start}


def test_a_meeting_told_after_the_ledes_signing_with_this_day_is_its_own_event(read):
    ex = read("signing_then_afternoon_meeting")
    signing = ex.main_event
    assert "SigningCeremony" in signing.kinds and signing.start == dt.date(2025, 9, 3)
    meeting = event_named(ex, "수출기업 지원 간담회")  # '한편 … 이날 오후 … 간담회를 열고'
    assert meeting.start == signing.start and not meeting.main
    assert days(ex, "기도윤") == {signing.start}
    for guest in ("편수아", "곽이든"):  # '간담회에는 …': the meeting, not the signing
        assert {r.event for r in ex.people[guest].roles} == {meeting.key}


# ----- titles fused with their organisation, regions before a title ---------------------------------------


def test_a_bank_head_fused_with_the_bank_is_a_post(read):
    ex = read("signing_then_afternoon_meeting")
    assert posts(ex, "기도윤") == {("나래은행", "행장", False)}  # '나래은행장'


def test_a_province_before_a_title_is_the_regional_government(text):
    ex = text(
        "가온부 차민혁 차관은 7일 청주에서 열린 지역 기업 간담회에 참석했다.\n\n"
        "간담회에는 설재민 충북도 경제부지사, 충남도 모하린 정무부지사 등이 참석했다."
    )
    assert posts(ex, "설재민") == {("충청북도", "경제부지사", False)}
    assert posts(ex, "모하린") == {("충청남도", "정무부지사", False)}


def test_foreign_speakers_and_a_list_of_foreign_names_without_posts(read):
    ex = read("overseas_investor_forum")
    forum = event_named(ex, "글로벌 혁신 포럼")
    # '포럼에는 … 연사로 나섰다': the sentence opens at the forum, '연사' makes them presenters
    for speaker in ("한나 슈미트", "피에르 르블랑", "다나카 히로시"):
        assert attends(ex, speaker) == {(forum.name, forum.start, "presenter")}
    # a name of three words straight before the title is rather two words and an organisation
    assert posts(ex, "피에르 르블랑") == {("인시아드", "교수", False)}
    # '존 윌리엄스, 에밀리 존슨, 데이비드 리 등 … 관계자 20여 명이 참석했다'
    meeting = event_named(ex, "현지 투자자 간담회")  # '간담회가 이어졌다'
    assert meeting.start == forum.start
    for guest in ("존 윌리엄스", "에밀리 존슨", "데이비드 리"):
        assert days(ex, guest) == {meeting.start}
        assert {r.event for r in ex.people[guest].roles} == {meeting.key}
    # companies listed alike are no people; the partners' list is no part of the meeting's name
    assert not {"로레알 코리아", "존슨 앤드 존슨"} & set(ex.people)
    assert event_named(ex, "상담회").name == "현지 기업 상담회"


# ----- dates of several days, events announced with '연다' -----------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("지난 5일부터 8일까지 베트남을 방문했다", dt.date(2024, 5, 5), dt.date(2024, 5, 8)),
        ("지난 7일부터 이틀간 열린 박람회", dt.date(2024, 5, 7), dt.date(2024, 5, 8)),
        ("오는 20일부터 3일간 열리는 포럼", dt.date(2024, 5, 20), dt.date(2024, 5, 22)),
        ("지난 7, 8일 열린 상담회", dt.date(2024, 5, 7), dt.date(2024, 5, 8)),
        ("지난달 29일부터 이달 2일까지 열린 전시회", dt.date(2024, 4, 29), dt.date(2024, 5, 2)),
    ],
)
def test_a_stay_of_several_days_is_one_date_with_its_end(phrase, start, end):
    (date,) = find_dates(phrase, dt.date(2024, 5, 8))
    assert (date.date, date.end_date) == (start, end)


def test_an_event_announced_with_yeonda_is_a_planned_event(text):
    ex = text(
        "가온부는 오는 20일 서울 코엑스에서 중소기업 기술박람회를 연다고 8일 밝혔다.\n\n"
        "박람회에는 나래협회 도서윤 회장이 참석한다."
    )
    main = ex.main_event
    assert main.name == "중소기업 기술박람회" and main.start == dt.date(2024, 5, 20)
    assert main.status == "planned" and days(ex, "도서윤") == {main.start}


# ----- organisations without a suffix -----------------------------------------------------------------------


def test_organisations_listed_before_a_noun_that_says_what_they_are(read):
    ex = read("listed_bodies_short_forms")
    names = {n for o in ex.orgs.values() for n in o.names}
    # 'A, B, C 등 수출 지원기관', 'D, E 등 기업': each item, an acronym or a name with no suffix
    assert {"KOTRA", "다온무역보험", "솔빛이노베이션", "해담에너지"} <= names
    assert not {"AI", "빅데이터"} & names  # fields, not bodies


def test_universities_written_in_their_short_form(read):
    ex = read("listed_bodies_short_forms")
    unis = {o.name: o for o in ex.orgs.values() if o.kind == "University"}
    assert {"가온대학교", "누리대학교"} <= set(unis)
    assert "가온대" in unis["가온대학교"].names  # the short form is an alias
    (unit,) = [o for o in ex.orgs.values() if "누리대 산학협력단" in o.names]  # the unit as written
    assert unit.parent == unis["누리대학교"].key


# ----- posts written before the name ------------------------------------------------------------------------


def test_a_post_written_before_the_name_as_an_apposition(read):
    ex = read("apposed_posts_meeting")
    assert posts(ex, "하도윤") == {("나래협회", "회장", False)}  # '회장 하도윤씨와'
    assert posts(ex, "모세린") == {("다온전자", "대표", False)}  # '대표 모세린 씨'
    assert posts(ex, "남궁민") == {("한빛리서치", "최고경영자", False)}  # '최고경영자(CEO) 남궁민,'
    assert posts(ex, "선우진") == {
        ("가온랩", "공동대표", False)
    }  # a company the analyser does not know
    main = ex.main_event
    for guest in ("하도윤", "모세린", "남궁민", "선우진"):
        assert days(ex, guest) == {main.start}


def test_a_university_short_form_is_no_part_of_a_name(read):
    ex = read("apposed_posts_meeting")
    assert posts(ex, "이준") == {("가온대학교", "교수", False)}  # not '이준 가온대'
    assert posts(ex, "마이클 스미스") == {("퍼듀대학교", "부총장", False)}  # '퍼듀대 마이클 스미스'
    assert "마이클" not in ex.people


def test_who_chairs_and_who_presents_by_the_words_of_the_sentence(read):
    ex = read("apposed_posts_meeting")
    main = ex.main_event
    assert attends(ex, "하서윤") == {(main.name, main.start, "chair")}  # '…의 사회로 진행됐다'
    assert attends(ex, "황보하늘") == {(main.name, main.start, "presenter")}  # '발표는 … 맡았다'


# ----- venues, event nouns, the subject of the report ------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "venue"),
    [
        # the venue written after the event's name, in the same clause
        (
            "가온부는 7일 '중소기업 혁신 포럼'을 서울 중구 나래호텔에서 개최했다.",
            "중소기업 혁신 포럼",
            "나래호텔",
        ),
        (
            "'중소기업 혁신 포럼'이 7일 서울 중구 나래호텔에서 열렸다.",
            "중소기업 혁신 포럼",
            "나래호텔",
        ),
        # a room whose name holds an event noun ('대회의실'), a council meeting held ('심의회를 열었다')
        (
            "가온부는 7일 세종 가온컨벤션센터 대회의실에서 제3차 정책심의회를 열었다.",
            "제3차 정책심의회",
            "가온컨벤션센터 대회의실",
        ),
        # a company's site with a generic word ('본사') is a venue
        (
            "가온부 차민혁 장관은 7일 판교에 위치한 나래테크 본사를 방문했다.",
            "나래테크 본사 방문",
            "나래테크 본사",
        ),
    ],
)
def test_the_venue_of_an_event(text, sentence, name, venue):
    ex = text(
        sentence
        + "\n\n이번 행사는 중소기업의 성장과 혁신을 위해 마련됐으며 관계자들의 관심이 높았다."
    )
    main = ex.main_event
    assert main.name == name and main.start == dt.date(2024, 5, 7)
    assert main.venues and ex.places[main.venues[0][0]].name == venue


def test_the_subject_of_a_past_sentence_of_the_report_took_part(text):
    ex = text(
        "가온부는 7일 서울 나래호텔에서 중소기업 수출 간담회를 열었다.\n\n"
        "나래협회 도서윤 회장은 기업들의 물류비 부담을 전하고 지원을 요청했다.\n\n"
        "다온협회 모은결 회장은 지난해 협회장에 취임했다."
    )
    assert days(ex, "도서윤") == {dt.date(2024, 5, 7)}
    assert not ex.people["모은결"].roles  # a sentence of another time


# ----- an overseas itinerary: companies named like people, foreign names after a company ------------------


def test_a_company_named_like_a_person_and_a_foreign_name_after_a_company(read):
    ex = read("overseas_itinerary")
    # '하도윤 나래랩 대표': '…랩' ends a company's name, never a Korean given name
    assert posts(ex, "하도윤") == {("나래랩", "대표", False)} and "나래랩" not in ex.people
    # '다온캐피털 존 밀러 대표와': the company (…캐피털) before a foreign name of a one-syllable first name
    assert posts(ex, "존 밀러") == {("다온캐피털", "대표", False)}
    assert "벤처캐피털" not in {o.name for o in ex.orgs.values()}  # the common noun


def test_each_stop_of_an_itinerary_is_its_own_event_with_its_people(read):
    ex = read("overseas_itinerary")
    talk = event_named(ex, "존 밀러")
    meeting = event_named(ex, "창업자 간담회")
    assert talk.start == dt.date(2025, 10, 6) and meeting.start == dt.date(2025, 10, 7)
    assert {r.event for r in ex.people["존 밀러"].roles} == {talk.key}
    for founder in ("하도윤", "모세린"):
        assert {r.event for r in ex.people[founder].roles} == {meeting.key}


def test_a_dean_fused_with_the_college(text):
    ex = text(
        "가온부 차민혁 장관은 7일 가온대를 찾아 안나 베버 공과대학장과 공동 연구 방안을 논의했다."
    )
    assert posts(ex, "안나 베버") == {("가온대학교 공과대학", "학장", False)}


# ----- a trip told day by day ----------------------------------------------------------------------------------


def test_a_trip_told_day_by_day_carries_its_subject(text):
    ex = text(
        "가온부 차민혁 장관은 6일 리야드에서 열린 한-사우디 투자포럼에 참석했다. 7일에는 두바이에서 열린 "
        "중소기업 서밋에 참석했으며, 8일에는 현지 진출 기업인들과 오찬을 함께했다.",
        date="2024-05-09",
    )
    summit = event_named(ex, "중소기업 서밋")
    lunch = event_named(ex, "기업인 오찬")  # a day of its own: no part of the summit
    assert summit.start == dt.date(2024, 5, 7) and lunch.start == dt.date(2024, 5, 8)
    # the sentence names nobody: the subject of the sentence before attends
    assert days(ex, "차민혁") == {dt.date(2024, 5, 6), summit.start, lunch.start}


def test_a_tour_announced_with_sunbang_is_a_planned_visit(text):
    ex = text(
        "가온부는 차민혁 장관이 10~14일 독일과 프랑스를 순방한다고 8일 밝혔다.\n\n"
        "이번 순방은 유럽 시장에 진출하려는 중소기업을 돕기 위해 마련됐다."
    )
    main = ex.main_event
    assert main.start == dt.date(2024, 5, 10) and main.end == dt.date(2024, 5, 14)
    assert main.status == "planned" and days(ex, "차민혁") == {main.start}


# ----- openings, awards, courtesy calls --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("가온재단은 7일 부산에 '가온 창업허브'를 개소했다.", "가온 창업허브 개소"),
        ("가온부는 7일 서울 강남에 '글로벌 창업센터'의 문을 열었다.", "글로벌 창업센터 개소"),
        ("나래테크는 7일 충북 오창에 제2공장을 준공했다.", "제2공장 준공"),
        ("다온 스타트업 연합이 7일 공식 출범했다.", "스타트업 연합 출범"),
        (
            "나래테크는 7일 '2024 가온 혁신대상' 시상식에서 대상을 수상했다.",
            "2024 가온 혁신대상 시상식",
        ),
    ],
)
def test_an_opening_or_an_award_ceremony_is_a_dated_event(text, sentence, name):
    ex = text(
        sentence
        + "\n\n이번 행사는 중소기업의 성장과 혁신을 위해 마련됐으며 관계자들의 관심이 높았다."
    )
    (event,) = [e for e in ex.events.values() if e.name == name]
    assert event.start == dt.date(2024, 5, 7)


def test_a_courtesy_call_and_staff_in_attendance_take_part(text):
    ex = text(
        "존 밀러 다온캐피털 대표가 7일 방한해 가온부 차민혁 장관을 예방했다.\n\n"
        "이 자리에는 가온부 탁민서 국장이 배석했다."
    )
    main = ex.main_event
    for person in ("존 밀러", "차민혁", "탁민서"):
        assert days(ex, person) == {main.start}


@pytest.mark.parametrize(
    ("sentence", "name", "places"),
    [
        (
            "가온부 차민혁 장관은 5일 베트남과 인도네시아를 방문했다.",
            "베트남·인도네시아 방문",
            ["베트남", "인도네시아"],
        ),
        (
            "가온공단은 5일 핀란드, 노르웨이, 스웨덴을 방문해 현지 기관들을 만났다.",
            "핀란드·노르웨이·스웨덴 방문",
            ["핀란드", "노르웨이", "스웨덴"],
        ),
    ],
)
def test_the_countries_of_a_trip_are_its_places(text, sentence, name, places):
    ex = text(
        sentence + "\n\n이번 방문은 중소기업의 해외 진출을 돕기 위해 마련됐으며 관심이 높았다."
    )
    main = ex.main_event
    assert main.name == name and main.start == dt.date(2024, 5, 5)
    assert [ex.places[key].name for key, _ in main.venues] == places


def test_an_organisation_before_a_relative_clause_of_a_post(text):
    ex = text("가온부는 7일 서울에서 간담회를 열었다.\n\n다온전자 창업자인 오민재 대표도 함께했다.")
    assert posts(ex, "오민재") == {("다온전자", "대표", False)}
