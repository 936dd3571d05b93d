"""Split Cypher into tokens in one pass: strings (with escapes), comments, backticked names, parameters.

The console guard (`graph/read_only.py`) reads the tokens, never the raw text, so a keyword inside a
string or a comment does not count and a `//` inside a string does not hide the rest of the line.
Where this lexer and an engine could disagree it errs towards seeing more code, never less: a line
comment ends at the first line break of any kind, a block comment at the first `*/`, and a backtick
inside a quoted name (which engines escape differently) is refused rather than guessed.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from ontology.errors import QueryRefused, QuerySyntaxError


class Kind(enum.Enum):
    WORD = "word"  # an unquoted name or keyword
    QUOTED = "quoted"  # a `backticked` name
    STRING = "string"
    NUMBER = "number"
    PARAM = "param"  # $name
    SYMBOL = "symbol"  # punctuation and operators


@dataclass(frozen=True, slots=True)
class Token:
    kind: Kind
    text: str  # as written (strings and quoted names without their quotes)
    start: int  # offset in the query

    @property
    def upper(self) -> str:
        return self.text.upper() if self.kind is Kind.WORD else ""

    def is_symbol(self, *symbols: str) -> bool:
        return self.kind is Kind.SYMBOL and self.text in symbols


_DIGITS = "0123456789"


def where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<line>//[^\n\r\u2028\u2029\x0b\x0c\x85]*)
    | (?P<block>/\*.*?\*/)
    | (?P<open_block>/\*)
    | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<open_string>['"])
    | (?P<quoted>`[^`]*`)
    | (?P<open_quoted>`)
    | (?P<param>\$(?:`[^`]*`|\w*))
    | (?P<number>(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\w*)
    | (?P<word>[^\W\d]\w*)
    | (?P<symbol><>|!=|<=|>=|=~|\.\.|\+=|->|<-|.)
    """,
    re.VERBOSE | re.DOTALL,
)
_KINDS = {
    "string": Kind.STRING,
    "quoted": Kind.QUOTED,
    "param": Kind.PARAM,
    "number": Kind.NUMBER,
    "word": Kind.WORD,
    "symbol": Kind.SYMBOL,
}


def tokenize(text: str, max_tokens: int | None = None) -> list[Token]:
    """The tokens of `text`, in one pass; an unterminated string, comment or quoted name is a syntax
    error, and more than `max_tokens` tokens is refused as soon as it is seen."""
    tokens: list[Token] = []
    position, end = 0, len(text)
    while position < end:
        match = _TOKEN.match(text, position)
        assert match is not None  # the last alternative matches any character
        group, start, position = str(match.lastgroup), match.start(), match.end()
        if group in ("space", "line", "block"):
            continue
        if group.startswith("open_"):
            what = {"open_block": "comment", "open_string": "string", "open_quoted": "`name`"}
            raise QuerySyntaxError(f"unterminated {what[group]} starting at {where(text, start)}")
        value = match.group()
        if group == "quoted" and text.startswith("`", position):
            raise QueryRefused(
                f"a backtick inside a `quoted name` ({where(text, start)}) is not allowed in the "
                "console"
            )
        if group in ("string", "quoted"):
            value = value[1:-1]
        elif group == "param":
            value = value[1:].strip("`")
        tokens.append(Token(_KINDS[group], value, start))
        if max_tokens is not None and len(tokens) > max_tokens:
            raise QueryRefused(
                f"query has more than {max_tokens} tokens; the console accepts at most that"
            )
    return tokens


def integer_value(token: Token) -> int | None:
    """A decimal integer literal's value, else None."""
    if token.kind is Kind.NUMBER and token.text and all(c in _DIGITS for c in token.text):
        return int(token.text)
    return None
