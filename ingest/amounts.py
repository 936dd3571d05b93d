"""Budget amounts: `2조1955억원` → 2195500000000, `417억 원` → 41700000000, with the fiscal year (올해, 내년도,
2026년), the change rate (45% 늘어난) and the organisation that draws up the budget."""

from __future__ import annotations

import datetime as dt
import re

from ingest.model import Budget, Extraction
from ingest.orgs import OrgFinder
from ingest.sentences import is_bare_noun

UNITS = {
    "조": 10**12,
    "천억": 10**11,
    "백억": 10**10,
    "십억": 10**9,
    "억": 10**8,
    "천만": 10**7,
    "백만": 10**6,
    "십만": 10**5,
    "만": 10**4,
    "천": 10**3,
}
AMOUNT = re.compile(
    r"(?<![\d.,])((?:\d[\d,]*(?:\.\d+)?\s*(?:조|천억|백억|십억|억|천만|백만|십만|만|천)\s*)+|\d[\d,]{3,})\s*원"
)
PART = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(조|천억|백억|십억|억|천만|백만|십만|만|천)?")
BUDGET_WORDS = re.compile(
    r"(예산|편성|투입|출연|사업비|규모|기금|재원|국비|배정|확보|총사업비|지원금|보증|융자|출자|투자|공급|자금)"
)
NOT_BUDGET = re.compile(
    r"(매출|영업이익|순이익|시가총액|주가|연봉|임금|가격|집값|수익률|거래대금|평가액|몸값|기업가치)"
)
LABEL = re.compile(
    r"((?:[가-힣A-Za-z&]+\s){0,3}[가-힣A-Za-z&]*(?:예산|지원\s?규모|사업비|기금|재원|보증|융자|펀드|출자|사업|자금))"
)


def parse_amount(text: str) -> int | None:
    """'2조1955억' → 2195500000000; '1천500억' → 150000000000; '417억' → 41700000000; '1,500,000' → 1500000."""
    small = {"천": 1000, "백": 100, "십": 10}
    big = {"조": 10**12, "억": 10**8, "만": 10**4}
    total, group, matched = 0, 0.0, False
    for number, unit in PART.findall(text):
        value = float(number.replace(",", ""))
        matched = True
        if unit and unit[0] in small:
            value *= small[unit[0]]
            unit = unit[1:]
        group += value
        if unit in big:
            total += round(group * big[unit])
            group = 0.0
    total += round(group)
    return total if matched and total > 0 else None


def budgets(ex: Extraction, orgs: OrgFinder, sentences: list[str]) -> list[Budget]:
    ref = ex.meta.date or dt.date.today()
    out: list[Budget] = []
    for sentence in sentences:
        if not BUDGET_WORDS.search(sentence) or NOT_BUDGET.search(sentence):
            continue
        for m in AMOUNT.finditer(sentence):
            amount = parse_amount(m.group(1))
            if not amount or amount < 10**8 or any(b.amount == amount for b in out + ex.budgets):
                continue
            text = m.group(0).strip()
            year = None
            if re.search(r"내년(도)?", sentence):
                year = ref.year + 1
            elif re.search(r"(올해|금년|올\s)", sentence):
                year = ref.year
            elif y := re.search(r"((?:19|20)\d{2})년(?:도)?\s", sentence):
                year = int(y.group(1))
            rate = re.search(
                r"(\d+(?:\.\d+)?)\s?%\s?(늘어난|늘어|증가|확대|인상|감소|줄어든|줄어|삭감|감액)",
                sentence,
            )
            change = None
            if rate:
                change = (
                    float(rate.group(1))
                    / 100
                    * (-1 if rate.group(2).startswith(("감", "줄", "삭")) else 1)
                )
            after = LABEL.search(sentence[m.end() : m.end() + 40])
            before = list(LABEL.finditer(sentence[: m.start()]))
            phrase = (
                before[-1].group(1) if before else after.group(1) if after else "예산"
            ).strip()
            words = phrase.split()
            while len(words) > 1 and (
                re.search(r"(은|는|이|가|을|를|에|의|도)$", words[0]) or not is_bare_noun(words[0])
            ):
                words.pop(0)
            phrase = " ".join(words)
            label = f"{phrase} {text}".strip()
            budget = Budget(
                f"budget:{len(out) + len(ex.budgets)}",
                label,
                amount,
                text,
                sentence.strip()[:380],
                year,
                round(change, 4) if change is not None else None,
            )
            subject = orgs.find(sentence[: m.start()])
            for _a, b, name, _ in subject:
                if re.match(r"\s*(은|는|이|가)\s", sentence[b : b + 3]):
                    budget.manager = (
                        orgs.register(name, quote=sentence[:200]).key,
                        sentence.strip()[:380],
                    )
                    break
            out.append(budget)
    return out
