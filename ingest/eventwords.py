"""Event vocabulary of Korean news: event nouns and their classes, the verbs that hold, visit, meet, attend
or speak (re-exported by `ingest.lexicon`)."""

from __future__ import annotations

import re

EVENT_NOUNS = [
    ("협약식", "SigningCeremony"),
    ("체결식", "SigningCeremony"),
    ("조인식", "SigningCeremony"),
    ("출범식", "Launch"),
    ("발대식", "Launch"),
    ("개소식", "Launch"),
    ("개관식", "Launch"),
    ("출시", "Launch"),
    ("토크콘서트", "Session"),
    ("기조강연", "Session"),
    ("컨퍼런스", "Conference"),
    ("콘퍼런스", "Conference"),
    ("학술대회", "Conference"),
    ("심포지엄", "Conference"),
    ("박람회", "Conference"),
    ("전시회", "Conference"),
    ("엑스포", "Conference"),
    ("총회", "Meeting"),
    ("포럼", "Forum"),
    ("토론회", "Forum"),
    ("세미나", "Forum"),
    ("워크숍", "Meeting"),
    ("간담회", "Meeting"),
    ("회의", "Meeting"),
    ("설명회", "Meeting"),
    ("라운드테이블", "Meeting"),
    ("협의회", "Meeting"),
    ("기념식", "Meeting"),
    ("시상식", "Meeting"),
    ("발표회", "Meeting"),
    ("교류회", "Meeting"),
    ("행사", "Meeting"),
    ("서밋", "Conference"),
    ("정상회의", "Meeting"),
    ("좌담회", "Meeting"),
    ("공청회", "Meeting"),
    ("워크샵", "Meeting"),
    ("데모데이", "Meeting"),
    ("경진대회", "Meeting"),
    ("개막식", "Launch"),
    ("출정식", "Launch"),
    ("회담", "Meeting"),
    ("토크쇼", "Session"),
    ("설명회", "Meeting"),
    ("대회", "Meeting"),
    ("박람회", "Conference"),
    ("인사회", "Meeting"),
    ("상담회", "Meeting"),
    ("페스티벌", "Conference"),
    ("축제", "Conference"),
    ("페어", "Conference"),
    ("콘펙스", "Conference"),
    ("세션", "Session"),
    ("기념행사", "Meeting"),
    ("심의회", "Meeting"),
    ("보고회", "Meeting"),
    ("착공식", "Launch"),
    ("준공식", "Launch"),
    ("기공식", "Launch"),
    ("선포식", "Launch"),
    ("현판식", "Launch"),
    ("수여식", "Meeting"),
    ("전달식", "Meeting"),
    ("해커톤", "Conference"),
    ("쇼케이스", "Conference"),
    ("시연회", "Meeting"),
    ("협약식", "SigningCeremony"),
    ("만찬", "Meeting"),
    ("오찬", "Meeting"),
    ("조찬", "Meeting"),
    ("공청회", "Forum"),
    ("로드쇼", "Conference"),
    ("밋업", "Meeting"),
    ("데모데이", "Meeting"),
    ("수료식", "Meeting"),
    ("품평회", "Meeting"),
    ("폐막식", "Meeting"),
    ("신년회", "Meeting"),
    ("송년회", "Meeting"),
    ("환영회", "Meeting"),
    ("미팅", "Meeting"),
]
# Head nouns of a part of the main event that the report names without an event verb
# ('글로벌 토크콘서트를 통해 …', '… 정책 교류 프로그램도 진행됐다').
SESSION_NOUNS = ("토크콘서트", "세션", "프로그램", "설명회", "세미나", "워크숍", "포럼")
EVENT_VERBS = re.compile(
    r"(개최|열고|열어|열린|열렸|열었|열릴|열린다|열\s(?:예정|계획)|진행(?:했|된|됐|한다|할|하고|하며|해)|갖고|가졌|가진|갖는다|가질|출범|발족|개소|마련했|"
    r"이어졌|이어진다|펼쳐졌|마련됐|연다(?=[고며\s.,])|[을를]\s(?:했(?:다|고|으며)|하고\s|하며\s|한다|할\s(?:예정|계획))|"
    r"참석|참가|방문|순방|찾아|찾았|만나|만났|면담|회담|회동|접견|예방|주재|주최|개관|개원|준공|착공|문을\s?열|수상했|(?:만찬|오찬|조찬)을\s?(?:하|함께|겸)|둘러보|둘러봤|시찰)"
)
# An event noun as the object of a light verb is an event being held, even when the noun stands alone
# ('간담회를 갖고', '간담회를 열어', '회의를 주재했다', '협의회를 개최하고', '간담회를 가졌다'; a meal: '만찬을 하며').
HOLD_VERBS = re.compile(
    r"^\s*(?:직접\s*|함께\s*|잇따라\s*|각각\s*)?(?:갖|가졌|가진|가지|가질|열어|열고|열었|열린다|열기로|열|연다|"
    r"개최|주재|주최|진행(?:했|하고|하며|한다|하였|할|해)|마련(?:했|하고|하였)|"
    r"했(?:다|고|으며)|하고\s|하며\s|한다|할\s(?:예정|계획))"  # '간담회를 했다': the plainest light verb
)
MEAL_VERBS = re.compile(r"^\s*(?:함께\s*)?(?:하며|하고|했|한다|함께|겸한|겸해)")
# Words before a bare event noun that make it a reference to an event told elsewhere ('이날 간담회를').
REFERENCE_WORDS = ("이날", "이번", "해당", "본", "그", "이", "당일", "같은", "당시")
# Meetings named by a verb: '…를 방문해', '…을 찾아', '…와 만나', '…과 면담했다' (see events.verb_candidates).
VISIT_VERBS = re.compile(
    r"^\s*(?:직접\s*|잇따라\s*|함께\s*)?(방문(?:했|해|하여|하고|한다|할|하며|,|한\s?(?:데|뒤|후|다음))|순방(?:했|해|하고|한다|할|하며)|"
    r"찾아(?!오)|찾았|둘러보(?:고|며|았)|둘러봤|시찰(?:했|하고|하며|해|한))"
)
MEET_VERBS = re.compile(
    r"^\s*(?:직접\s*|잇따라\s*|각각\s*|한자리에서\s*)?(만나(?![는며])|만났|면담(?:했|하고|을|해)|회담(?:했|하고|을|해)|"
    r"회동(?:했|하고|을|해)|접견(?:했|하고|해)|예방(?:했|하고|해))"
)
ATTEND_VERBS = re.compile(r"^\s*(?:직접\s*)?(참석|참가|참여)")
SPEECH_VERBS = re.compile(
    r"(밝혔다|말했다|강조했다|역설했다|덧붙였다|언급했다|전했다|설명했다|당부했다|주문했다|약속했다|밝히며|강조하며|"
    r"말하며|언급하며|설명하며|답했다|주장했다|지적했다|평가했다|소감을 밝혔다|포부를 밝혔다)"
)
