"""Events (forums, 간담회, 협의체 meetings, 협약식, launches): name, kind, dates resolved against the article date,
venue, organiser, series and edition. The first event the body reports is the article's main event."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.body import Body, Line
from ingest.dates import FUTURE, DateMention, clause_date, clauses, find_dates, partial_date
from ingest.eventwords import (
    ATTEND_VERBS,
    EVENT_NOUNS,
    EVENT_VERBS,
    HOLD_VERBS,
    MEAL_VERBS,
    MEET_VERBS,
    REFERENCE_WORDS,
    VISIT_VERBS,
)
from ingest.gazetteer import GraphIndex
from ingest.hangul import squash
from ingest.lexicon import strip_particle
from ingest.model import Event, Extraction
from ingest.orgs import COUNTRIES, OrgFinder, suffix_kind
from ingest.sentences import is_bare_noun, is_region, split_sentences
from ingest.venues import parse_venue, place_kind

QUOTED = re.compile(r"[‘'「“\"『]([^’'」”\"』\n]{2,80}?)\*?[’'」”\"』]")
RELATIVE = ("열린", "진행된", "개최된", "열렸던", "마련된")
STOPWORDS = {
    "이번",
    "이날",
    "특히",
    "또한",
    "한편",
    "지난",
    "오는",
    "올해",
    "앞서",
    "이어",
    "최근",
    "첫",
    "본",
    "해당",
}
SIGNING = ("협약식", "체결식", "조인식")
THEME = re.compile(r"^\s*\*?[’'」”\"』]?\s*(?:을|를|이라는|라는|란)\s*주제")


@dataclass
class Candidate:
    name: str
    noun: str
    kinds: set[str]
    start: int  # offset of the name in the sentence
    weak: bool  # only the bare noun (간담회는): refers to an event named elsewhere
    site: str | None = None  # the place or organisation visited ('…를 방문해 … 간담회를 갖고')
    verb: str = ""  # 방문 / 만남: a meeting named by a verb
    units: list[str] | None = None  # '가온대학교의 A, B 등을 찾아': the parts of the site visited
    # a bare noun held by a light verb ('간담회를 갖고'): a new event, named from its context
    bare: bool = False
    places: list[str] | None = (
        None  # '핀란드, 노르웨이, 스웨덴을 방문해': each country or city visited
    )


def kinds_of(text: str) -> set[str]:
    kinds = {kind for noun, kind in EVENT_NOUNS if noun in text}
    if "포럼" in text or "토론회" in text:
        kinds.discard("Meeting")
    return kinds or {"Event"}


def head_noun(word: str) -> str | None:
    """The event noun a word ends with, before or after its particle ('점검회의': '의' is no particle)."""
    bare = word.strip("*’'」”\"")
    for form in (bare, strip_particle(bare)[0]):
        stem = re.sub(r"\([^)]*\)$", "", form.rstrip("*"))
        for noun, _ in EVENT_NOUNS:
            if stem.endswith(noun):
                return noun
    return None


HELD = re.compile(
    r"^\s*\*?[’'」”\"』]?\s*(?:을|를|이|가|은|는|도)\s+(?:[^.,‘'“\"]{0,40}?)"
    r"(?:개최|열었|열린다|열렸|열리|열어|열고|연다(?=[고며\s.,])|진행했|진행된다|진행됐|진행되|막을\s?올)"
)


# The subject's verb later in its clause: '…간담회가 9일 서울 가온센터에서 열렸다'.
HELD_LATER = re.compile(
    r"[^,.“”\"]{0,40}?\s(?:열렸|열린다|열리고|열려|개최됐|개최된다|개최되|진행됐|진행된다|진행되|막을\s?올)"
)


def _held(after: str) -> bool:
    """The quoted name is the subject or object of an event verb in the same clause."""
    return bool(HELD.match(after))


def candidates(sentence: str) -> list[Candidate]:
    """Event names in a sentence that reports an event being held."""
    out: list[Candidate] = []
    for m in QUOTED.finditer(sentence):
        inner = m.group(1).strip(" *")
        after = sentence[m.end() : m.end() + 12]
        if THEME.match(after) or re.match(r"\s*(?:이라며|라며|고\s|라고|며\s|면서)", after):
            continue
        after = sentence[m.end() : m.end() + 30]
        following = re.match(r"\s*\*?\s*((?:[가-힣A-Za-z0-9]+\s?){0,3})", after)
        tail = following.group(1).split() if following else []
        cut = next((n for n in range(1, len(tail) + 1) if head_noun(tail[n - 1])), 0)
        tail = tail[:cut]
        head = head_noun(tail[-1]) if tail else None
        inner_head = head_noun(inner.split()[-1]) if inner.split() else None
        if head and all(is_bare_noun(w) for w in tail[:-1]):
            name = " ".join([inner, *tail[:-1], strip_particle(tail[-1])[0]])
            out.append(Candidate(name, head, kinds_of(name), m.start(), False))
        elif inner_head:
            out.append(Candidate(inner, inner_head, kinds_of(inner), m.start(), False))
        elif re.match(r"\s*\*?\s*(?:을|를)\s*(?:출범|발족|창립)", after):
            out.append(Candidate(f"{inner} 출범", "출범", {"Launch"}, m.start(), False))
        elif opened := OPENED.match(after):
            # "'가온 창업허브'를 개소했다", "'…센터'의 문을 열었다": the opening of a place or body
            verb = opened.group(1) if opened.group(1) != "문을" else "개소"
            out.append(Candidate(f"{inner} {verb}", verb, {"Launch"}, m.start(), False))
        elif _held(sentence[m.end() :]) and not re.search(r"(협약|양해각서|MOU|계약)$", inner):
            # '‘2030 가온인 신년교류회’를 개최했다', '‘…코리아’가 15~16일 … 개최된다': a named event
            out.append(Candidate(inner, "행사", kinds_of(inner), m.start(), False))
    words = [(w.group(0), w.start()) for w in re.finditer(r"\S+", sentence)]
    for k, (word, pos) in enumerate(words):
        noun = head_noun(word)
        if not noun or any(c.start <= pos < c.start + len(c.name) + 4 for c in out):
            continue
        if k + 1 < len(words) and head_noun(words[k + 1][0]) and not strip_particle(word)[1]:
            continue  # '조찬 간담회를': the first noun is a modifier of the event named by the second
        stem, particle = strip_particle(word.strip("*’'」”\""))
        stem = stem.replace("*", "")
        relative = k > 0 and words[k - 1][0] in RELATIVE
        held = _held_bare(sentence, words, k, stem, noun, particle)
        verb_near = (
            any(EVENT_VERBS.match(w) for w, _ in words[k + 1 : k + 4])
            or EVENT_VERBS.search(word)
            or held
            or (particle in ("이", "가") and HELD_LATER.match(sentence[pos + len(word) :]))
        )
        attends = (
            particle == "에" and any(ATTEND_VERBS.match(w) for w, _ in words[k + 1 : k + 3])
        ) or (
            particle == "에서" and any(DONE_AT.match(w) for w, _ in words[k + 1 : k + 4])
        )  # '…시상식에서 대상을 수상했다', '…포럼에서 기조연설을 했다'
        if (
            not relative
            and not attends
            and (particle not in ("을", "를", "이", "가", "은", "는", "도", "") or not verb_near)
        ):
            continue
        parts = [stem]
        back = k - 1
        while not relative and back >= 0 and len(parts) < 6:
            prev = words[back][0].replace("*", "").strip(",")
            if (
                prev in STOPWORDS
                or prev in RELATIVE
                or not is_bare_noun(prev)
                or re.search(r"\d+일|[,.]$", words[back][0])
                or re.search(r"[’'」”\"]$", prev)
            ):
                break
            parts.insert(0, prev)
            back -= 1
        if relative:  # 열린 중소기업 혁신 네트워크 포럼에서: the name follows the verb
            parts = [stem]
        start = words[back + 1][1] if not relative else pos
        if held and parts == [noun]:  # '소상공인 단체장들과 간담회를 갖고': an event of its own
            name, start = _context_name(words, k, noun)
            out.append(Candidate(name, noun, kinds_of(name), start, False, bare=True))
            continue
        out.append(
            Candidate(
                " ".join(parts),
                noun,
                kinds_of(" ".join(parts)),
                start,
                len(parts) == 1 and stem == noun,
            )
        )
    for k, (word, _pos) in enumerate(
        words
    ):  # 진행된 간담회는 / 열린 중소기업 혁신 네트워크 포럼에서
        if word in RELATIVE:
            parts = []
            for nxt, _ in words[k + 1 : k + 7]:
                parts.append(strip_particle(nxt)[0] if head_noun(nxt) else nxt)
                if nxt_head := head_noun(nxt):
                    name = " ".join(parts)
                    if not any(c.start == words[k + 1][1] for c in out):
                        out.append(
                            Candidate(
                                name,
                                nxt_head,
                                kinds_of(name),
                                words[k + 1][1],
                                len(parts) == 1,
                            )
                        )
                    break
    out += [c for c in opening_candidates(words) if not any(c.start == o.start for o in out)]
    verbs = verb_candidates(sentence, words)
    if re.search(r"(이번|이날|당시)\s?(방문|면담|만남|회동|행사|자리)", sentence):
        verbs = []  # '이번 방문은 … 방문해 …': the sentence is about a visit already reported
    named = [c for c in out if not c.weak and not c.bare]
    for cand in out:  # '…포럼 출범식을 갖고 … 토론회를 개최했다': a part of the named event
        if (
            cand.bare
            and any(  # '11일에는 …서밋에 참석했으며, 12일에는 … 오찬을': a day of its own
                not re.search(
                    r"\d{1,2}일", sentence[min(n.start, cand.start) : max(n.start, cand.start)]
                )
                for n in named
            )
        ):
            cand.bare, cand.weak = False, True
    weak = [c for c in out if c.weak or c.bare]
    if verbs and not named and weak and verbs[0].verb == "방문":
        # '…를 방문해 … 간담회를 갖고': one meeting, at the place visited
        visit = verbs[0]
        bare = weak[0]
        out.remove(bare)
        out.append(
            Candidate(
                f"{visit.site} {bare.noun}", bare.noun, bare.kinds, visit.start, False, visit.site
            )
        )
        verbs = []
    named = [c for c in out if not c.weak]
    # '…를 찾아 … 대표들과 면담했다': one meeting, however many verbs tell it — unless a day of its own
    # comes between them ('10일 …를 방문한 데 이어 11일에는 …와 회담했다')
    kept = [
        c
        for n, c in enumerate(verbs)
        if n == 0 or re.search(r"\d{1,2}일", sentence[verbs[n - 1].start : c.start])
    ]
    for cand in kept:
        if named:
            if cand.verb == "방문" and named[0].site is None:
                named[
                    0
                ].site = cand.site  # '…를 방문해 … 간담회를 갖고': one meeting at the place visited
            continue
        out.append(cand)
    return sorted(out, key=lambda c: c.start)


# Opening a place or a body: "'…'를 개소했다", '제2공장을 준공했다', "'…'의 문을 열었다", '…연합이 공식 출범했다'.
OPENED = re.compile(
    r"\s*\*?\s*(?:을|를|의)\s*(?:공식\s*)?(개소|개관|개원|준공|착공|기공|문을)\s?(?:했|하고|하며|한다|해|열었|열고)"
)
OPENING_VERB = re.compile(r"(개소|개관|개원|준공|착공|출범|발족|창립)(?:했|하고|하며|한다|했으며)")


def opening_candidates(words: list[tuple[str, int]]) -> list[Candidate]:
    """'제2공장을 준공했다', '다온 스타트업 연합이 공식 출범했다': the bare nouns before an opening verb (its object
    or subject) name the event, with the verb's noun ('제2공장 준공')."""
    out = []
    for k, (word, _pos) in enumerate(words):
        verb = OPENING_VERB.match(word)
        j = k - 1 if verb else -1
        while j >= 0 and re.fullmatch(r"공식|정식|\d{1,2}일|지난|오는", words[j][0]):
            j -= 1  # '…연합이 7일 공식 출범했다
        if j < 0 or not verb:
            continue
        stem, particle = strip_particle(words[j][0].strip("’'」”\""))
        if particle not in ("을", "를", "이", "가") or not stem or not is_bare_noun(stem):
            continue
        parts, start = [stem], words[j][1]
        for back in range(j - 1, max(-1, j - 4), -1):
            prev = words[back][0]
            if prev in STOPWORDS or re.search(r"\d+일|[,.]$", prev) or not is_bare_noun(prev):
                break
            parts.insert(0, prev)
            start = words[back][1]
        if len("".join(parts)) >= 3:
            name = " ".join([*parts, verb.group(1)])
            out.append(Candidate(name, verb.group(1), {"Launch"}, start, False))
    return out


# What someone does at an event named with '에서' ('…시상식에서 대상을 수상했다').
DONE_AT = re.compile(r"(수상|연설|기조연설|강연|축사|특강|발표했|발표를)")
MEALS = ("만찬", "오찬", "조찬")
# Words that tell a stop of the same day before or after another ('마친 뒤', '이에 앞서', '오후에는').
AFTER_MAIN = re.compile(
    r"(마친\s?(?:뒤|후)|마치고|끝난\s?(?:뒤|후)|직후|이후|(?:^|\s)(?:이에\s)?앞서|(?:^|\s)이어서?\s|"
    r"(?:오전|오후|저녁|점심)(?:에는|에|엔)\s)"
)


# A time other than the reported day ('지난해', '그동안 … 열어 왔다', '매년'), and a sentence told in the past.
OTHER_TIME = re.compile(
    r"(?:19|20)\d{2}|지난해|작년|올해|매년|해마다|그동안|그간|최근|당시|과거|지금까지|이전|지난달|지난주|"
    r"왔다|왔으며|있다|\d{1,2}\s?월"
)
REPORTED_DAY = "No date of its own; told in the past tense in the report of the lede's day."


def told_that_day(sentence: str) -> bool:
    """'하 장관은 협약식 후 … 간담회를 가졌다', '한편 B 차관은 세종에서 … 회의를 주재했다': a sentence of the
    report in the past tense with no date, year or other time of its own tells something of the day the
    article reports (an event of its own, so its people are not merged into the main event)."""
    text = sentence.strip().rstrip(".")
    past = len(text) >= 2 and text[-1] == "다" and _final_ss(text[-2])  # '가졌다', '주재했다'
    apart = AFTER_MAIN.search(text) or ELSEWHERE.search(text)
    return past and bool(apart) and not OTHER_TIME.search(text) and not FUTURE.search(text)


# Words that set an event apart from the one told before: after it, elsewhere, meanwhile.
ELSEWHERE = re.compile(
    r"(?:^|\s)(?:한편|별도로|이와\s?별도로)|\S\s(?:후|뒤)\s|이동해|이동하여|자리를\s?옮겨"
)


def _final_ss(syllable: str) -> bool:
    """The syllable ends in ㅆ, the past-tense marker ('했', '졌', '었')."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 == 20


def _held_bare(
    sentence: str, words: list[tuple[str, int]], k: int, stem: str, noun: str, particle: str
) -> bool:
    """A bare event noun as the object of a light verb ('간담회를 갖고', '회의를 주재했다', '만찬을 하며'), not
    written as a reference to an event told elsewhere ('이날 간담회를 …')."""
    if stem != noun or particle not in ("을", "를"):
        return False
    if k > 0 and words[k - 1][0].strip("‘'“\"") in REFERENCE_WORDS:
        return False
    rest = sentence[words[k][1] + len(words[k][0]) :]
    return bool(HOLD_VERBS.match(rest) or (noun in MEALS and MEAL_VERBS.match(rest)))


# Ceremonies that open, close or crown a larger event ('이날 시상식에서', '개막식에는').
CEREMONY_PARTS = ("시상식", "개막식", "폐막식", "개회식", "수여식")
# Times of day, no part of an event's name ('13일 오전 현지 기업 대표들과 간담회').
TIME_WORDS = ("오전", "오후", "저녁", "점심", "아침", "새벽", "밤")


def _context_name(words: list[tuple[str, int]], k: int, noun: str) -> tuple[str, int]:
    """The name of a bare event noun from the words before it: its partners ('소상공인 단체장들과 간담회' →
    '소상공인 단체장 간담회') or its purpose ('수출 확대를 위한 간담회' → '수출 확대 간담회'); else the noun."""
    j = k - 1
    if j >= 0 and words[j][0] == "함께":
        j -= 1
    if j >= 1 and words[j][0] in ("위한", "위해", "대한", "관한", "관련"):
        j -= 1
        last = re.sub(r"(을|를|에|과|와)$", "", words[j][0])
    elif j >= 0 and re.search(r"[가-힣](과|와)$", words[j][0]):
        last = re.sub(r"(들)?(과|와)$", "", words[j][0])
    else:
        return noun, words[k][1]
    if not last or not is_bare_noun(last):
        return noun, words[k][1]
    parts, start = [last], words[j][1]
    for back in range(j - 1, max(-1, j - 4), -1):
        word = words[back][0]
        if (
            word in (*STOPWORDS, "등", *TIME_WORDS)
            or re.search(r"\d|[,.]$", word)
            or not is_bare_noun(word)
        ):
            break  # '…, 존슨 등 현지 기업과': the partners' list is no part of the name
        parts.insert(0, word)
        start = words[back][1]
    return " ".join([*parts, noun]), start


def compatible(event: Event, noun: str) -> bool:
    """An event that a reference by a bare noun ('이날 간담회에는') can mean when no event of the article
    carries that noun: a visit or meeting named by a verb, for a noun of a meeting (the 간담회 held during
    a visit). Never an event of another kind (an exhibition, a signing)."""
    cls = dict(EVENT_NOUNS).get(noun, "Event")
    return (
        cls == "Meeting"
        and event.kinds <= {"Event", "Meeting"}
        and event.name.endswith((" 방문", " 면담"))
    )


def located(word: str) -> bool:
    """A city, region or country written before what is visited there ('뮌헨의', '충북 청주시의'): a place
    name, or a short proper noun the analyser knows that has no organisation's ending."""
    from ingest.sentences import _analysis

    if place_kind(word) or is_region(word) or word in COUNTRIES:
        return True
    tokens, _ = _analysis(word)
    return len(tokens) == 1 and tokens[0][1] == "NNP" and len(word) <= 5 and not suffix_kind(word)


def _object(words: list[tuple[str, int]], k: int) -> tuple[str, int, list[str]] | None:
    """The noun phrase ending with words[k] (its particle removed): '청주시에 위치한 누리에너지 오창공장을'
    → '누리에너지 오창공장'; '가온대학교의 창업 센터, 디자인 랩 등을' → '가온대학교' with the parts listed
    after it ('창업 센터', '디자인 랩')."""
    units: list[str] = []
    stem = strip_particle(words[k][0].strip("’'」”\""))[0]
    parts = [stem]
    start = words[k][1]
    for back in range(k - 1, max(-1, k - 11), -1):
        word = words[back][0].strip("’'‘「“\"")
        if word.endswith("의") and is_bare_noun(word[:-1]):
            listed = " ".join(parts)
            if "," in listed:
                units = [re.sub(r"\s*등$", "", u).strip() for u in listed.split(",") if u.strip()]
            elif located(word[:-1]):
                break  # '뮌헨의 바이에른 혁신청을': the place is where the visited body is
            parts, start = (
                [word[:-1]],
                words[back][1],
            )  # '가온대학교의 …': the place that is visited
            break
        plain = word.rstrip(",")
        if not plain or not is_bare_noun(plain) or plain in STOPWORDS or re.search(r"\d+일", plain):
            break
        parts.insert(0, word)
        start = words[back][1]
    text = re.sub(r"\s*등$", "", " ".join(parts)).strip(" ,")
    if not text or len(text) < 2 or not re.search(r"[가-힣A-Za-z]{2}", text):
        return None
    return text, start, units


def _place(word: str) -> bool:
    return word in COUNTRIES or bool(place_kind(word)) or is_region(word)


def _places_before(words: list[tuple[str, int]], k: int, last: str) -> list[str]:
    """'베트남과 인도네시아를', '핀란드, 노르웨이, 스웨덴을': the countries or cities of a trip listed before the
    last one visited (empty unless each is a place)."""
    if not _place(last):
        return []
    places = [last]
    for back in range(k - 1, max(-1, k - 8), -1):
        word = words[back][0]
        item = re.sub(r"(과|와|,)$", "", word)
        if item == word or not _place(item):
            break
        places.insert(0, item)
    return places if len(places) > 1 else []


def verb_candidates(sentence: str, words: list[tuple[str, int]]) -> list[Candidate]:
    """Meetings named by a verb: '…를 방문해' (a visit), '…을 찾아', '…와 만나 … 논의했다', '…과 면담했다'."""
    out: list[Candidate] = []
    for k, (word, pos) in enumerate(words):
        _stem, particle = strip_particle(word.strip("’'」”\""))
        rest = sentence[pos + len(word) :]
        if particle in ("을", "를") and VISIT_VERBS.match(rest):
            found = _object(words, k)
            if found:
                name, start, units = found
                items = [i.strip() for i in name.split(",")]
                places = _places_before(words, k, name)
                if places:
                    name, start = "·".join(places), words[k - len(places) + 1][1]
                elif len(items) > 1 and all(_place(i) for i in items):
                    places, name = items, "·".join(items)
                out.append(
                    Candidate(
                        f"{name} 방문",
                        "방문",
                        {"Event"},
                        start,
                        False,
                        name,
                        "방문",
                        units,
                        False,
                        places or None,
                    )
                )
        elif particle in ("을", "를", "과", "와") and MEET_VERBS.match(rest):
            found = _object(words, k)
            if found:
                name, start, _units = found
                out.append(
                    Candidate(f"{name} 면담", "면담", {"Meeting"}, start, False, None, "만남")
                )
    return out


def venue_in(sentence: str, before: int) -> tuple[list[str], str] | None:
    """The words of '<place> <venue>에서' before offset `before`, stopping at a date, comma or particle."""
    words = [(w.group(0), w.start(), w.end()) for w in re.finditer(r"\S+", sentence[:before])]
    for k in range(len(words) - 1, -1, -1):
        word = words[k][0]
        if not word.endswith("에서") or len(word) < 4:
            continue
        collected = [word[:-2]]
        j = k - 1
        while j >= 0 and len(collected) < 6:
            prev = words[j][0]
            if (
                re.search(r"\d|[,.]$", prev)
                or prev in ("날", "이날", "당일", *TIME_WORDS)  # '같은 날 서울 가온센터에서'
                or re.fullmatch(r"\(.\)", prev)
                or (strip_particle(prev)[1] and not place_kind(prev))
                or prev.endswith(("해", "고", "며", "서"))
            ):
                break
            collected.insert(0, prev)
            j -= 1
        start = words[j + 1][1]
        return collected, sentence[start : words[k][2]]
    return None


class EventFinder:
    def __init__(self, ex: Extraction, index: GraphIndex, orgs: OrgFinder):
        self.ex = ex
        self.index = index
        self.orgs = orgs

    def event(
        self, cand: Candidate, sentence: str, main: bool, line: int = -1, offset: int = 0
    ) -> Event:
        ref = self.ex.meta.date
        key = f"event:{len(self.ex.events)}"
        event = Event(
            key, self._clean(cand.name), set(cand.kinds), quote=sentence.strip()[:300], main=main
        )
        event.line, event.sentence = line, (offset, offset + len(sentence))
        edition = re.search(r"제?\s?(\d{1,3})\s?(?:회|차)(?!\s?[년월일])", cand.name)
        if edition:
            event.edition = int(edition.group(1))
        a, b = next(
            ((x, y) for x, y in clauses(sentence) if x <= cand.start < y), (0, len(sentence))
        )
        told = self.ex.main_event  # '전날 열린 …', '다음 날에는 …': counted from the reported day
        date = clause_date(sentence, cand.start, ref, told.start if told and not main else None)
        if date:
            event.start, event.end = date.date, date.end_date or None
            event.date_reasoning = date.reasoning
            if date.weekday_ok is False:
                event.ambiguity = (
                    f"The weekday printed with '{date.text}' does not match {date.date}."
                )
        elif partial := partial_date(sentence[a:b], ref):
            unit = "month" if "-" in partial[0] else "year"
            event.partial = partial[0]
            event.date_reasoning = (
                f"{partial[0]}: only the {unit} is given ('{partial[1]}'), so no start date is set."
            )
            event.ambiguity = f"Only the {unit} of the event is given ('{partial[1]}')."
        if FUTURE.search(sentence[a:b]) or (not date and FUTURE.search(sentence)):
            event.status = "planned"
        theme = re.search(
            r"[‘'“\"]([^’'”\"]{3,80})[’'”\"]\s*(?:을|를|이라는|라는)\s*주제", sentence
        )
        if theme:
            event.theme = theme.group(1)
        venue = venue_in(sentence, cand.start)
        if (
            venue is None
        ):  # "'…포럼'이 7일 서울 나래호텔에서 열렸다": the venue after the name, same clause
            later = venue_in(sentence[:b], b)
            if later and sentence.find(later[1], cand.start + len(cand.name)) >= 0:
                venue = later
        if venue:
            place = parse_venue(self.ex, venue[0], venue[1])
            if place:
                event.venues.append((place.key, venue[1]))
        if cand.site and cand.units:
            parent = self.orgs.lookup(cand.site)
            if parent is not None:
                for unit in cand.units:
                    if 2 <= len(unit) <= 20 and not self.orgs.lookup(unit):
                        self.orgs.unit(parent, unit, None, sentence.strip()[:300])
        for name in cand.places or []:
            place = parse_venue(self.ex, [name], sentence.strip()[:300])
            if place:
                event.venues.append((place.key, sentence.strip()[:300]))
        if not event.venues and cand.site:
            place = parse_venue(self.ex, re.sub(r"\([^)]*\)", "", cand.site).split(), sentence)
            if place:
                event.venues.append((place.key, sentence.strip()[:300]))
        self.ex.events[key] = event
        return event

    @staticmethod
    def _clean(name: str) -> str:
        return re.sub(r"\s+", " ", name.replace("*", "")).strip(" ‘’'\"“”「」")

    def find(self, body: Body) -> None:
        lines = [
            line
            for line in body.lines
            if line.kind in ("body", "caption", "list", "subtitle") and not line.appendix
        ]
        lines += [line for line in body.lines if line.kind in ("body", "list") and line.appendix]
        main: Event | None = None
        pending: list[tuple[Candidate, str, Line, int]] = []
        for line in sorted(lines, key=lambda ln: (ln.appendix, ln.kind == "caption", ln.index)):
            for sent in split_sentences(line.text):
                if not EVENT_VERBS.search(sent.text):
                    continue
                for cand in candidates(sent.text):
                    pending.append((cand, sent.text, line, sent.start))

        def leads(p: tuple[Candidate, str, Line, int]) -> bool:
            return not p[0].weak and p[2].kind == "body" and p[0].noun != "출범"

        ref = self.ex.meta.date
        lede_day, _ = self._lede_date(body)
        lead = next(
            (p for p in pending if leads(p) and clause_date(p[1], p[0].start, ref)), None
        ) or next((p for p in pending if leads(p)), None)
        for cand, sentence, line, offset in (
            [lead] + [p for p in pending if p is not lead] if lead else pending
        ):
            if (
                main is None
                and not cand.weak
                and not line.appendix
                and cand.noun != "출범"
                and line.kind != "subtitle"
            ):
                main = self.event(cand, sentence, True, line.index, offset)
                self._organisers(main, sentence)
                continue
            if main is not None and self._same(main, cand, sentence):
                self._complete(main, cand, sentence)
            elif not cand.weak:
                event = self.event(cand, sentence, False, line.index, offset)
                if (
                    main is not None
                    and event.start is None
                    and re.search(
                        r"(이날|같은\s?날|당일|이번\s?행사|계기|현장에서|(?:^|\s)이어\s)", sentence
                    )
                ):
                    event.start, event.date_reasoning = (
                        main.start,
                        "held during the main event ('이날 행사')",
                    )
                    event.parent = (main.key, sentence.strip()[:200])
                elif (
                    main is not None and event.start is None and event.partial is None and cand.verb
                ):
                    self._same_day(main, event, sentence)
                elif (
                    main is not None
                    and event.start == main.start
                    and event.start is not None
                    and not (event.kinds & {"Launch"} and cand.noun == "출범")
                    and cand.verb == ""
                ):
                    event.parent = (main.key, sentence.strip()[:200])
                if main is not None and event.start is None and event.partial is None:
                    day = main.start or (lede_day.date if lede_day else None)
                    if (
                        main.status != "planned"
                        and day
                        and line.kind == "body"
                        and told_that_day(sentence)
                    ):
                        event.start, event.confidence = day, 0.55
                        event.date_reasoning = REPORTED_DAY
                if event.start is None and event.partial is None:
                    del self.ex.events[event.key]
                else:
                    self._organisers(event, sentence)
        if main is None:
            weak = next(((c, s, ln, o) for c, s, ln, o in pending if c.weak), None)
            if weak:
                main = self.event(weak[0], weak[1], True, weak[2].index, weak[3])
        nouns = "|".join(
            sorted({re.escape(n) for n, k in EVENT_NOUNS if k != "Session"}, key=len, reverse=True)
        )
        reference = re.compile(
            rf"(?:이날|이번|당일)\s+(?:[가-힣]{{1,6}}\s)?({nouns})(?:에는|에서는|에서|에|은|는|도|의|을|를)?(?=[\s,])"
        )
        for line in lines:
            if line.kind not in ("body", "list") or line.appendix:
                continue
            for sent in split_sentences(line.text):
                for m in reference.finditer(sent.text):
                    cand = Candidate(m.group(1), m.group(1), kinds_of(m.group(1)), m.start(1), True)
                    self._from_reference(cand, sent.text, line, sent.start, body)
        if main is not None and main.start is None and not main.partial:
            self._day_of_lede(main, body)
        if main is not None and main.start is None and self.ex.meta.date and not main.partial:
            main.start = self.ex.meta.date
            main.date_reasoning = "No date is printed for the event; the article date is assumed."
            main.ambiguity = (
                main.ambiguity + " " if main.ambiguity else ""
            ) + "Event date not stated; article date used."
            main.confidence = 0.5

    def _from_reference(
        self, cand: Candidate, sentence: str, line: Line, offset: int, body: Body
    ) -> None:
        """'이날 간담회에는 …' when no event of the article is a 간담회 (nor a visit or meeting named by a verb
        that it can be): the event the lede told in words the rules do not read. It is made from the
        reference — its kind from the noun, its day the lede's ('이날'), the sentence its evidence — rather
        than letting the people of the sentence fall to another event of another kind or day."""
        told = self.ex.main_event
        if (
            cand.noun in CEREMONY_PARTS
            and told is not None
            and told.kinds & {"Conference", "Meeting"}
        ):
            return  # '이날 시상식에서': the ceremony of the conference or meeting the lede reports
        if cand.noun in ("행사", "기념행사") or not re.search(
            r"(이날|이번|당일)\s*$", sentence[: cand.start]
        ):
            return
        heads = SIGNING if cand.noun in SIGNING else (cand.noun,)
        earlier = [e for e in self.ex.events.values() if 0 <= e.line <= line.index]
        if any(any(h in e.name for h in heads) for e in self.ex.events.values()) or any(
            compatible(e, cand.noun) for e in earlier
        ):
            return
        event = self.event(cand, sentence, False, line.index, offset)
        lede, first = self._lede_date(body)
        venue = venue_in(first, len(first)) if first and not event.venues else None
        if venue and (place := parse_venue(self.ex, venue[0], venue[1])):
            event.venues.append((place.key, venue[1]))  # the lede's '…에서'
        if lede is not None:
            event.start, event.end = lede.date, lede.end_date
            event.confidence = 0.6
            event.date_reasoning = (
                f"'이날' is the day the article's first sentence reports ('{lede.text}' → "
                f"{lede.date.isoformat()})."
            )
        else:
            event.start, event.confidence = self.ex.meta.date, 0.5
            event.date_reasoning = "No date is printed for the event; the article date is assumed."
        event.ambiguity = (
            f"Made from the reference '{sentence[max(0, cand.start - 3) : cand.start + len(cand.noun) + 3].strip()}': "
            "no event of that kind was read in the sentences before."
        )
        self._organisers(event, sentence)
        main = next((e for e in self.ex.events.values() if e.main), None)
        if (
            lede is not None
            and main is not None
            and main.line > line.index
            and main.start != lede.date
        ):  # the lede's event is the article's main event, not one reported after it
            main.main, event.main = False, True

    def _day_of_lede(self, main: Event, body: Body) -> None:
        """'한편 A는 이날 오후 … 간담회를 열고': the first event read, told after the lede with '이날', is on
        the day the lede reports (whose own event — a signing — is made later from the agreement)."""
        lede_line = next((ln.index for ln in body.lines if ln.kind == "body"), -1)
        if main.line <= lede_line or not (
            re.search(r"(?:^|\s)(?:이날|당일|같은\s날)", main.quote) or told_that_day(main.quote)
        ):
            return
        lede, _ = self._lede_date(body)
        if lede is not None:
            main.start, main.confidence = lede.date, 0.6
            main.date_reasoning = (
                f"'이날' is the day the article's first sentence reports ('{lede.text}' → "
                f"{lede.date.isoformat()})."
            )

    @staticmethod
    def _same_day(main: Event, event: Event, sentence: str) -> None:
        """'회의를 마친 뒤 …를 찾아', '앞서 오전에는 …와 만나': a visit or meeting told with a word of sequence
        and no date of its own is another stop of the main event's day (not a part of it)."""
        if AFTER_MAIN.search(sentence) and not find_dates(sentence, main.start):
            event.start, event.confidence = main.start, 0.6
            event.date_reasoning = (
                "No date of its own; told in sequence with the main event (same day)."
            )

    def _lede_date(self, body: Body) -> tuple[DateMention | None, str]:
        """The date of the article's first body sentence (the day '이날' refers to), and that sentence."""
        lede = next((ln for ln in body.lines if ln.kind == "body" and not ln.appendix), None)
        if lede is None:
            return None, ""
        first = split_sentences(lede.text)[0].text
        dates = [d for d in find_dates(first, self.ex.meta.date) if not d.announce]
        return (dates[0] if dates else None), first

    def _same(self, main: Event, cand: Candidate, sentence: str) -> bool:
        if cand.weak:
            return any(
                noun in main.name for noun, _ in EVENT_NOUNS if noun == cand.noun
            ) or cand.noun in ("행사",)
        a, b = squash(main.name), squash(cand.name)
        overlap = len(set(itertools.pairwise(a)) & set(itertools.pairwise(b))) / max(
            1, min(len(a), len(b)) - 1
        )
        dates = [d.date for d in find_dates(sentence, self.ex.meta.date) if not d.announce]
        return overlap >= 0.6 and (not dates or dates[0] == main.start or main.start is None)

    def _complete(self, main: Event, cand: Candidate, sentence: str) -> None:
        main.kinds |= cand.kinds - {"Event"}
        if (
            not cand.weak
            and squash(cand.name) != squash(main.name)
            and cand.name not in main.aliases
        ):
            main.aliases.append(self._clean(cand.name))
        if main.start is None:
            dates = [d for d in find_dates(sentence, self.ex.meta.date) if not d.announce]
            if dates:
                main.start, main.end, main.date_reasoning = (
                    dates[0].date,
                    dates[0].end_date,
                    dates[0].reasoning,
                )
        if not main.venues:
            venue = venue_in(sentence, cand.start)
            if venue and (place := parse_venue(self.ex, venue[0], venue[1])):
                main.venues.append((place.key, venue[1]))

    def _organisers(self, event: Event, sentence: str) -> None:
        """The subject organisation(s) of the sentence that reports the event: '중기부는', 'A는 B와 공동으로'."""
        head = (
            sentence[: max(0, sentence.find(event.name[:4]))]
            if event.name[:4] in sentence
            else sentence[:60]
        )
        for _a, b, org in self.orgs.scan(head, quote=sentence.strip()[:300]):
            rest = head[b : b + 80]
            if re.match(r"\s*(\([^)]*\))?\s*(는|은|가|이|와|과)(\s|$)", rest) or re.match(
                r"(는|은|가|이)\s", head[b : b + 3]
            ):
                event.organizers.append((org.key, sentence.strip()[:300]))
                if "Launch" in event.kinds and "출범" in sentence:
                    break
