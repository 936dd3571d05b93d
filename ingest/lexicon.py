"""General Korean vocabulary the extractors rely on: titles, organisation suffixes, surnames, event nouns.

No person or organisation names live here: names come from the graph's gazetteer and the text.
"""
from __future__ import annotations

import re

# Common Korean surnames (one syllable) and the double surnames.
SURNAMES = set(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 "
    "성 차 주 우 구 민 진 나 지 엄 변 채 원 천 방 공 현 함 염 여 추 도 석 소 설 선 마 길 연 위 표 명 기 "
    "반 라 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 태 빈 계 피 감 음 견 당 화 창 판 "
    "승 간 상 호 두 범 시 묵 팽 좌 수 애 단 운 형 하 동 곡 즙 궁 요 대 후 영 자".split()
)
DOUBLE_SURNAMES = {"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "을지"}

# Titles (직함), longest first when matched as a suffix. Normalised forms drop inner spaces.
TITLES = sorted(set("""
장관 차관 1차관 2차관 3차관 제1차관 제2차관 제3차관 청장 차장 처장 원장 부원장 이사장 부이사장 이사 상무이사 전무이사
사외이사 상임이사 비상임이사 대표 대표이사 공동대표 각자대표 부대표 회장 부회장 상근부회장 수석부회장 명예회장 사장 부사장
전무 상무 총장 부총장 학장 교수 부교수 조교수 겸임교수 석좌교수 명예교수 연구위원 선임연구위원 수석연구위원 책임연구원
선임연구원 수석연구원 박사 본부장 실장 국장 과장 팀장 부장 단장 부단장 센터장 소장 부소장 위원장 부위원장 위원 의원
국회의원 의장 부의장 공동의장 특보 특별보좌관 보좌관 비서관 비서실장 수석 대변인 정책관 심의관 기획관 조정관 협력관
사무관 주무관 서기관 주임 대리 매니저 이사관 도지사 지사 군수 구청장 시장 대사 총재 부총재 행장 사무총장 사무국장
사무처장 상임위원 창업자 대표변호사 변호사 회계사 연구관 연구사 지원관 담당관 기자 위원 CEO CTO CFO COO
""".split()), key=len, reverse=True)
# Title endings that make a title of any word (경제과학특보, 기술혁신정책관).
TITLE_ENDINGS = ("부시장", "부지사", "부총리", "부군수", "부구청장", "정책관", "기획관", "심의관", "협력관", "조정관", "비서관", "보좌관", "특보", "대변인", "담당관", "지원관",
                 "연구위원")
# Titles that need an organisation next to them to be read as a title (otherwise common words).
WEAK_TITLES = {"이사", "시장", "수석", "위원", "대리", "박사", "사장", "전무", "상무", "대사", "지사", "주임", "부장", "차장",
               "의장", "소장", "기자"}
ACTING = ("직무대행", "권한대행", "직무대리", "대행")
TITLE_MODIFIERS = ("상근", "선임", "수석", "책임", "공동", "명예", "전임", "신임", "초대", "前", "전 ", "현 ")

# A fused title "<unit>장" whose unit is the organisation's own last word: 중소기업연구원장 = 원장 of 중소기업연구원.
UNIT_HEADS = [("추진단", "단장"), ("사업단", "단장"), ("본부", "본부장"), ("센터", "센터장"), ("연구소", "소장"),
              ("위원회", "위원장"), ("연합회", "회장"), ("협회", "회장"), ("협의회", "회장"), ("중앙회", "회장"),
              ("진흥회", "회장"), ("학회", "회장"), ("재단", "이사장"), ("공단", "이사장"), ("진흥원", "원장"),
              ("연구원", "원장"), ("평가원", "원장"), ("원", "원장"), ("단", "단장"), ("실", "실장"), ("국", "국장"),
              ("과", "과장"), ("팀", "팀장"), ("청", "청장"), ("처", "처장"), ("회", "회장"), ("소", "소장")]
FUSABLE_HEADS = {"원장", "회장", "단장", "실장", "국장", "과장", "팀장", "본부장", "센터장", "소장", "청장", "처장", "위원장"}

# Organisation suffixes (the head word of an organisation name) → ontology class.
ORG_SUFFIXES = [
    ("위원회", "Committee"), ("협의회", "Council"), ("협의체", "Council"), ("연합회", "Association"),
    ("중앙회", "Association"), ("진흥회", "Association"), ("협회", "Association"), ("학회", "Association"),
    ("연대", "Alliance"), ("재단", "Foundation"), ("공단", "PublicAgency"), ("공사", "PublicAgency"), ("진흥원", "PublicAgency"),
    ("평가원", "ResearchInstitute"), ("연구원", "ResearchInstitute"), ("연구소", "ResearchInstitute"),
    ("연구센터", "ResearchInstitute"), ("과학기술원", "University"), ("대학교", "University"), ("대학원", "University"),
    ("대학", "University"), ("기금", "PublicAgency"), ("사업단", "PublicAgency"), ("추진단", "GovernmentUnit"),
    ("비서실", "PresidentialOffice"), ("거래소", "Company"), ("그룹", "Company"), ("(주)", "Company"), ("㈜", "Company"),
    ("주식회사", "Company"), ("은행", "Company"), ("증권", "Company"), ("보험", "Company"), ("홀딩스", "Company"),
    ("센터", "PublicAgency"), ("청", "GovernmentBody"), ("처", "GovernmentBody"), ("부", "Ministry"),
    ("당", "PoliticalParty"), ("국회", "Legislature"),
]
UNIT_SUFFIXES = ("본부", "실", "국", "과", "팀", "단", "센터", "부문", "사업부")
# Common words that merely end like an organisation.
NOT_ORGS = {
    "정부", "일부", "내부", "외부", "전부", "세부", "간부", "본부", "대부분", "여부", "요청", "신청", "초청", "경청",
    "대처", "출처", "연락처", "거래처", "수요처", "공급처", "판매처", "납품처", "용처", "당", "해당", "정당", "상당",
    "연구원", "대학", "센터", "기금", "공사", "그룹", "은행", "재단", "협회", "학회", "이번", "관계부처", "부처",
    "지원센터", "연구", "학부", "학부모", "가부", "공부", "담당", "배당", "할당", "수당", "식당", "본당", "사당",
    "워킹그룹", "실무그룹", "연구그룹", "데이터센터", "콜센터", "물류센터", "시중은행", "지방은행", "유가증권",
    "건설공사", "발전기금", "방문단", "사절단", "연대", "분과위원회", "위원회", "협의체", "협의회", "참관단", "자문단", "평가단", "관계기관", "산하기관", "유관기관", "공공기관", "대기업",
}

# Ambiguity note on a person whose name is a transliteration (마르틴 슈미트).
FOREIGN_NAME_NOTE = ("Transliterated foreign personal name, recorded as written in Hangul; "
                     "the original (romanised) spelling is unknown.")

EVENT_NOUNS = [
    ("협약식", "SigningCeremony"), ("체결식", "SigningCeremony"), ("조인식", "SigningCeremony"),
    ("출범식", "Launch"), ("발대식", "Launch"), ("개소식", "Launch"), ("개관식", "Launch"), ("출시", "Launch"),
    ("토크콘서트", "Session"), ("기조강연", "Session"),
    ("컨퍼런스", "Conference"), ("콘퍼런스", "Conference"), ("학술대회", "Conference"), ("심포지엄", "Conference"),
    ("박람회", "Conference"), ("전시회", "Conference"), ("엑스포", "Conference"), ("총회", "Meeting"),
    ("포럼", "Forum"), ("토론회", "Forum"), ("세미나", "Forum"), ("워크숍", "Meeting"), ("간담회", "Meeting"),
    ("회의", "Meeting"), ("설명회", "Meeting"), ("라운드테이블", "Meeting"), ("협의회", "Meeting"),
    ("기념식", "Meeting"), ("시상식", "Meeting"), ("발표회", "Meeting"), ("교류회", "Meeting"), ("행사", "Meeting"),
    ("서밋", "Conference"), ("정상회의", "Meeting"), ("좌담회", "Meeting"), ("공청회", "Meeting"), ("워크샵", "Meeting"),
    ("데모데이", "Meeting"), ("경진대회", "Meeting"), ("개막식", "Launch"), ("출정식", "Launch"), ("회담", "Meeting"),
    ("토크쇼", "Session"), ("설명회", "Meeting"), ("대회", "Meeting"), ("박람회", "Conference"),
]
# Head nouns of a part of the main event that the report names without an event verb
# ('글로벌 토크콘서트를 통해 …', '… 정책 교류 프로그램도 진행됐다').
SESSION_NOUNS = ("토크콘서트", "세션", "프로그램", "설명회", "세미나", "워크숍", "포럼")
EVENT_VERBS = re.compile(r"(개최|열고|열어|열린|열렸|열었|진행했|진행된|진행됐|갖고|가졌|가진|출범|발족|개소|마련했)")
SPEECH_VERBS = re.compile(
    r"(밝혔다|말했다|강조했다|역설했다|덧붙였다|언급했다|전했다|설명했다|당부했다|주문했다|약속했다|밝히며|강조하며|"
    r"말하며|언급하며|설명하며|답했다|주장했다|지적했다|평가했다|소감을 밝혔다|포부를 밝혔다)"
)

# Places: administrative-area endings and the larger Korean cities/provinces (general geography).
PLACE_ENDINGS = ("특별시", "광역시", "특별자치시", "특별자치도", "시", "도", "군", "구", "동", "읍", "면", "리")
CITIES = {"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "제주", "수원", "청주", "창원", "전주", "천안",
          "포항", "성남", "고양", "용인", "판교", "송도", "오송", "경기", "강원", "충북", "충남", "전북", "전남", "경북",
          "경남", "제주도", "서귀포", "여의도", "광화문", "세종시"}
VENUE_WORDS = ("호텔", "센터", "컨벤션", "회관", "회의실", "홀", "타워", "빌딩", "청사", "캠퍼스", "대강당", "강당",
               "스퀘어", "아트센터", "전시장", "코엑스", "킨텍스", "벡스코", "플라자")

PARTICLES = sorted(
    "은 는 이 가 을 를 의 과 와 도 께서 에게 에서 으로 로 이며 이자 에 과의 와의 에게서 께 으로서 로서 이다 이었던 이던 "
    "까지 부터 만 이나 이라며 라며 이라고 라고 측은 측이 들 들은 들이 과는 와는 로부터 에서는 에는".split(),
    key=len, reverse=True,
)


def strip_particle(word: str) -> tuple[str, str]:
    """'장관은' → ('장관', '은'); leaves words without a trailing particle alone."""
    for particle in PARTICLES:
        if len(word) > len(particle) and word.endswith(particle):
            return word[: -len(particle)], particle
    return word, ""
