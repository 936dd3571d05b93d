"""The console guard: what ad hoc Cypher may do, checked on its tokens before any engine sees it.

Two kinds of refusal, both 403 (`QueryRefused`):
- Reaching outside a read of the graph: write and admin clauses, `LOAD` (CSV from files or URLs),
  `CALL { … }` subqueries and any procedure not on the adapter's read-only allow-list (by bare name:
  a backticked procedure or function name is refused), and `reduce()`, whose accumulator can grow a
  value exponentially within one expression (the engine neither times it out nor counts its memory).
- Queries too large to parse safely. FalkorDB's parser backtracks: its time doubles with every level
  of nesting (parentheses, brackets, braces, NOT, unary minus, function calls, CASE) and the engine's
  time-out does not cover parsing, so one 60-character query could hold an engine thread for minutes.
  The guard bounds the nesting depth and an estimate of the parser's work (every token weighs
  2^depth; measured at about 0.3–2 µs per unit on the development machine), the number of tokens,
  clauses and pattern elements (planning grows faster than linearly in those), and `range()` (literal
  integer bounds only, at most `max_range` elements across all ranges of the query: a range is built
  in memory at once, within one expression).
Parameters count too: FalkorDB's client sends them as Cypher text in front of the query.
The engines' read-only modes (FalkorDB's GRAPH.RO_QUERY, Neo4j's read transactions) apply as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from graph.cypher_lexer import Kind, Token, integer_value, tokenize, where
from ontology.errors import QueryRefused, QuerySyntaxError

MAX_QUERY_CHARS = 20_000


@dataclass(frozen=True)
class ConsoleLimits:
    """Bounds on the shape of a console query (see the module docstring for why each exists)."""

    max_chars: int = MAX_QUERY_CHARS
    max_tokens: int = 5_000
    max_depth: int = 12
    max_parse_cost: int = 2**15  # Σ 2^depth over tokens (and parameter values)
    max_clauses: int = 100
    max_pattern_elements: int = 100
    max_range: int = 100_000  # elements across all range() calls (their product)


DEFAULT_LIMITS = ConsoleLimits()

# Words that write, administer, or reach outside the graph: refused wherever they appear unquoted.
REFUSED_WORDS = {
    "CREATE",
    "MERGE",
    "DELETE",
    "DETACH",
    "SET",
    "REMOVE",
    "DROP",
    "FOREACH",
    "LOAD",
    "PERIODIC",
    "TRANSACTIONS",
    "ALTER",
    "GRANT",
    "REVOKE",
    "DENY",
    "RENAME",
    "SHOW",
    "TERMINATE",
    "USE",
    "DATABASE",
    "DATABASES",
    "ENABLE",
    "DEALLOCATE",
    "REALLOCATE",
}
REFUSED_FUNCTIONS = {"REDUCE"}
CLAUSES = {"MATCH", "UNWIND", "WITH", "RETURN", "CALL", "UNION", "WHERE", "ORDER", "SKIP", "LIMIT"}
# After these a prefix operator's operand has ended (they separate expressions or clauses).
_SEPARATORS = CLAUSES | {"WHEN", "THEN", "ELSE", "AS", "BY", "YIELD", "OPTIONAL", "DISTINCT", "ON"}
_BOOLEAN = {"AND", "OR", "XOR"}
_BINARY_WORDS = {"IN", "IS", "STARTS", "ENDS", "CONTAINS"}
_BINARY_SYMBOLS = {"+", "-", "*", "/", "%", "^", "=", "<>", "!=", "<", ">", "<=", ">=", "=~", "."}
_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {v: k for k, v in _OPEN.items()}


def check_console_query(
    cypher: str,
    params: Mapping[str, Any] | None,
    procedures: Iterable[str],
    limits: ConsoleLimits = DEFAULT_LIMITS,
) -> None:
    """Raise QueryRefused unless `cypher` (with `params`) is a bounded read; see the module docstring."""
    if len(cypher) > limits.max_chars:
        raise QueryRefused(
            f"query is {len(cypher)} characters; the console accepts at most {limits.max_chars}"
        )
    tokens = tokenize(cypher, limits.max_tokens)
    _check_words(tokens, {p.lower() for p in procedures})
    cost = _check_structure(cypher, tokens, limits)
    check_parameters(params, limits, spent=cost)


def check_parameters(
    params: Mapping[str, Any] | None, limits: ConsoleLimits = DEFAULT_LIMITS, *, spent: int = 0
) -> None:
    """Parameter values within the nesting depth and parse budget (FalkorDB parses them as Cypher)."""
    cost = spent
    stack: list[tuple[Any, int]] = [(v, 1) for v in (params or {}).values()]
    while stack:
        value, depth = stack.pop()
        if depth > limits.max_depth:
            raise QueryRefused(
                f"a parameter is nested {depth} levels deep; at most {limits.max_depth} are accepted"
            )
        cost += 2**depth
        if cost > limits.max_parse_cost:
            raise QueryRefused(_too_costly(limits))
        if isinstance(value, Mapping):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list | tuple):
            stack.extend((v, depth + 1) for v in value)


def _too_costly(limits: ConsoleLimits) -> str:
    return (
        "query is too large to parse safely: nested expressions cost twice as much per level "
        f"(at most {limits.max_parse_cost} units; simplify or un-nest the query)"
    )


# -- words -----------------------------------------------------------------------------------------
def _check_words(tokens: list[Token], procedures: set[str]) -> None:
    for i, token in enumerate(tokens):
        word = token.upper
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in REFUSED_WORDS:
            raise QueryRefused(
                f"the console is read-only: {word} is not allowed"
                + (
                    " (quote a property or label of that name in backticks)"
                    if word != "LOAD"
                    else ""
                )
            )
        if word == "CALL":
            _check_call(tokens, i + 1, procedures)
        elif following is not None and following.is_symbol("("):
            if word in REFUSED_FUNCTIONS:
                raise QueryRefused(
                    "reduce() is not allowed in the console: its accumulator can build values "
                    "too large for the engine; use UNWIND with sum() or collect() instead"
                )
            if token.kind is Kind.QUOTED:
                raise QueryRefused("a `quoted` function name is not allowed in the console")


def _check_call(tokens: list[Token], at: int, procedures: set[str]) -> None:
    if at < len(tokens) and tokens[at].is_symbol("{"):
        raise QueryRefused("the console is read-only: CALL { … } subqueries are not allowed")
    parts: list[str] = []
    while at < len(tokens):
        token = tokens[at]
        if token.kind is Kind.QUOTED:
            raise QueryRefused("the console is read-only: a `quoted` procedure name is not allowed")
        if token.kind is not Kind.WORD:
            break
        parts.append(token.text)
        if at + 1 < len(tokens) and tokens[at + 1].is_symbol("."):
            at += 2
            continue
        break
    name = ".".join(parts)
    if not name or name.lower() not in procedures:
        raise QueryRefused(
            f"the console is read-only: procedure {name or '(none)'} is not on the read-only allow-list"
        )


# -- structure -------------------------------------------------------------------------------------
def _check_structure(cypher: str, tokens: list[Token], limits: ConsoleLimits) -> int:
    """Nesting depth, parse cost, clauses and pattern elements; returns the parse cost."""
    # open frames: "(", "[", "{", "CASE", or "NOT" / "NEG" for prefix operators, with their offsets
    stack: list[tuple[str, int]] = []
    cost = clauses = patterns = 0
    range_product = 1
    previous: Token | None = None
    for i, token in enumerate(tokens):
        # a word after `.` is a property key (n.end, n.case), not a keyword
        word = "" if previous is not None and previous.is_symbol(".") else token.upper
        if token.kind is Kind.SYMBOL and token.text in _CLOSE:
            _pop_prefixes(stack, {"NOT", "NEG"})
            if not stack or stack[-1][0] != _CLOSE[token.text]:
                raise QuerySyntaxError(f"unbalanced {token.text!r} at {where(cypher, token.start)}")
            stack.pop()
        elif word == "END" and any(kind == "CASE" for kind, _ in stack):
            _pop_prefixes(stack, {"NOT", "NEG"})
            if stack[-1][0] != "CASE":
                raise QuerySyntaxError(
                    f"END inside an open bracket at {where(cypher, token.start)}"
                )
            stack.pop()
        elif word in _BOOLEAN or word in _SEPARATORS or token.is_symbol(",", "|", ";"):
            _pop_prefixes(stack, {"NOT", "NEG"})
        elif word in _BINARY_WORDS or (
            token.kind is Kind.SYMBOL and token.text in _BINARY_SYMBOLS and not _unary(previous)
        ):
            _pop_prefixes(stack, {"NEG"})
        cost += 2 ** len(stack)
        if token.kind is Kind.SYMBOL and token.text in _OPEN:
            if _starts_pattern_element(token, previous):
                patterns += 1
            stack.append((token.text, token.start))
        elif word in ("CASE", "NOT"):
            stack.append((word, token.start))
        elif token.is_symbol("-", "+") and _unary(previous):
            stack.append(("NEG", token.start))
        if word in CLAUSES:
            clauses += 1
        if word == "RANGE" and i + 1 < len(tokens) and tokens[i + 1].is_symbol("("):
            range_product *= max(1, _range_size(tokens, i + 2, limits))
            if range_product > limits.max_range:
                raise QueryRefused(
                    f"range() calls would build {range_product} elements; the console allows at most "
                    f"{limits.max_range} across a query"
                )
        if len(stack) > limits.max_depth:
            raise QueryRefused(
                f"query is nested more than {limits.max_depth} levels deep (at "
                f"{where(cypher, token.start)}): deep nesting is too costly to parse"
            )
        if cost > limits.max_parse_cost:
            raise QueryRefused(_too_costly(limits))
        previous = token
    _pop_prefixes(stack, {"NOT", "NEG"})
    if stack:
        kind, start = stack[-1]
        raise QuerySyntaxError(f"{kind!r} opened at {where(cypher, start)} is never closed")
    if clauses > limits.max_clauses:
        raise QueryRefused(
            f"query has {clauses} clauses; the console accepts at most {limits.max_clauses}"
        )
    if patterns > limits.max_pattern_elements:
        raise QueryRefused(
            f"query has {patterns} pattern elements; the console accepts at most "
            f"{limits.max_pattern_elements}"
        )
    return cost


def _pop_prefixes(stack: list[tuple[str, int]], kinds: set[str]) -> None:
    while stack and stack[-1][0] in kinds:
        stack.pop()


def _unary(previous: Token | None) -> bool:
    """A `-` or `+` is unary at the start, after an operator, opener, comma or keyword."""
    if previous is None:
        return True
    if previous.kind is Kind.SYMBOL:
        return previous.text not in _CLOSE
    if previous.kind is Kind.WORD:
        return previous.upper in _SEPARATORS | _BOOLEAN | _BINARY_WORDS | {"NOT", "CASE"}
    return False


def _starts_pattern_element(token: Token, previous: Token | None) -> bool:
    """A node pattern `(` after MATCH, a comma, `=` or an arrow; a relationship `[` after `-`."""
    if previous is None:
        return False
    if token.text == "(":
        return previous.upper in {"MATCH", "OPTIONAL"} or previous.is_symbol(
            ",", "=", "-", ">", "->", "<-"
        )
    return token.text == "[" and previous.is_symbol("-", "<-")


def _range_size(tokens: list[Token], at: int, limits: ConsoleLimits) -> int:
    """Elements of `range(a, b[, step])` with integer literals; anything else is refused."""
    values: list[int] = []
    argument: list[Token] = []
    while at < len(tokens):
        token = tokens[at]
        if token.is_symbol(",", ")"):
            values.append(_signed_integer(argument))
            argument = []
            if token.text == ")":
                break
        else:
            argument.append(token)
        at += 1
    if len(values) not in (2, 3):
        raise QueryRefused(_RANGE_LITERALS)
    start, end, step = values[0], values[1], values[2] if len(values) == 3 else 1
    if step == 0:
        return 0
    return max(0, (end - start) // step + 1)


_RANGE_LITERALS = "range() in the console takes integer literals only, e.g. range(1, 100)"


def _signed_integer(tokens: list[Token]) -> int:
    sign = 1
    for token in tokens[:-1]:
        if not token.is_symbol("-", "+"):
            raise QueryRefused(_RANGE_LITERALS)
        sign = -sign if token.text == "-" else sign
    value = integer_value(tokens[-1]) if tokens else None
    if value is None:
        raise QueryRefused(_RANGE_LITERALS)
    return sign * value
