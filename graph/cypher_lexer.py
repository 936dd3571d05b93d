"""Split Cypher into tokens in one pass: strings (with escapes), comments, backticked names, parameters.

The console guard (`graph/read_only.py`) reads the tokens, never the raw text, so a keyword inside a
string or a comment does not count and a `//` inside a string does not hide the rest of the line.
Where this lexer and an engine could disagree it errs towards seeing more code, never less: a line
comment ends at the first line break of any kind, a block comment at the first `*/`, and a backtick
inside a quoted name (which engines escape differently) is refused rather than guessed.
"""

from __future__ import annotations

import enum
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


_TWO_CHAR = {"<>", "!=", "<=", ">=", "=~", "..", "+=", "->", "<-"}
_LINE_ENDS = "\n\r\u2028\u2029\x0b\x0c\x85"
_DIGITS = "0123456789"


def where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`; an unterminated string, comment or quoted name is a syntax error."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith("//", i):
            while i < n and text[i] not in _LINE_ENDS:
                i += 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise QuerySyntaxError(f"unterminated comment at {where(text, i)}")
            i = end + 2
        elif char in "'\"":
            i = _string(text, i, tokens)
        elif char == "`":
            i = _quoted(text, i, tokens, Kind.QUOTED)
        elif char == "$":
            if i + 1 < n and text[i + 1] == "`":
                i = _quoted(text, i + 1, tokens, Kind.PARAM)
            else:
                j = i + 1
                while j < n and (text[j].isalnum() or text[j] == "_"):
                    j += 1
                tokens.append(Token(Kind.PARAM, text[i + 1 : j], i))
                i = j
        elif char in _DIGITS or (char == "." and i + 1 < n and text[i + 1] in _DIGITS):
            i = _number(text, i, tokens)
        elif char.isalpha() or char == "_":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(Token(Kind.WORD, text[i:j], i))
            i = j
        elif text[i : i + 2] in _TWO_CHAR:
            tokens.append(Token(Kind.SYMBOL, text[i : i + 2], i))
            i += 2
        else:
            tokens.append(Token(Kind.SYMBOL, char, i))
            i += 1
    return tokens


def _string(text: str, start: int, tokens: list[Token]) -> int:
    quote, i, n = text[start], start + 1, len(text)
    while i < n:
        if text[i] == "\\":
            i += 2  # whatever follows a backslash belongs to the string
        elif text[i] == quote:
            tokens.append(Token(Kind.STRING, text[start + 1 : i], start))
            return i + 1
        else:
            i += 1
    raise QuerySyntaxError(f"unterminated string starting at {where(text, start)}")


def _quoted(text: str, start: int, tokens: list[Token], kind: Kind) -> int:
    end = text.find("`", start + 1)
    if end < 0:
        raise QuerySyntaxError(f"unterminated `name` starting at {where(text, start)}")
    if text.startswith("`", end + 1):
        raise QueryRefused(
            f"a backtick inside a `quoted name` ({where(text, start)}) is not allowed in the console"
        )
    tokens.append(Token(kind, text[start + 1 : end], start))
    return end + 1


def _number(text: str, start: int, tokens: list[Token]) -> int:
    i, n = start, len(text)
    while i < n and (text[i].isalnum() or text[i] in "._"):
        if text[i] == "." and (i + 1 >= n or text[i + 1] not in _DIGITS):
            break  # `1..3` (a range in a pattern) or `x.1.prop`: the dot is not part of the number
        if text[i] in "eE" and i + 1 < n and text[i + 1] in "+-":
            i += 1  # 1e-3
        i += 1
    tokens.append(Token(Kind.NUMBER, text[start:i], start))
    return i


def integer_value(token: Token) -> int | None:
    """A decimal integer literal's value, else None."""
    if token.kind is Kind.NUMBER and token.text and all(c in _DIGITS for c in token.text):
        return int(token.text)
    return None
