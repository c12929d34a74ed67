"""Cheap necessary conditions of a large regular expression, derived from the expression itself.

A site-furniture pattern of several hundred alternatives costs tens of microseconds per line, and
almost every line fails it. Before running it, a line can be tested for literal text that any match
must hold: an alternative anchored at the line's start (`^`, or `^\\W*`) needs one of a few strings at
the start of the line (after its leading non-word characters), any other alternative needs one of a
few strings somewhere in it. `LiteralGate.of(pattern)` reads those strings off the parse of the pattern
(`re._parser`), so they never fall out of step with it, as hand-kept lists of a pattern's words do.

Case: lines and the pattern's literals are compared folded (`fold`), which maps every two characters
that `re.IGNORECASE` takes for one another to the same character (str.lower, then the extra classes of
`re._casefix`: "σ" / "ς", "о" / "ᲂ", "s" / "ſ", "k" / the Kelvin sign, and "İ" to "i"). Folding a
case-sensitive literal only widens the condition, so the gate stays necessary either way.
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as _c
import re._parser as _parser
from dataclasses import dataclass, field
from typing import Callable

MAX_PREFIX = 10  # characters of a literal prefix worth testing
MAX_STRINGS = 400  # strings per alternative; beyond, prefixes are cut shorter
MAX_CLASS_CHARS = 12  # a character class of more characters ends a literal prefix


def _fold_table() -> dict[int, int]:
    """Each character of an extra case class of `re` (beyond str.lower) to the class's smallest member."""
    table: dict[int, int] = {}
    for code, others in _casefix._EXTRA_CASES.items():
        members = {code, *others}
        smallest = min(members)
        table.update({member: smallest for member in members if member != smallest})
    return table


_DOTTED_CAPITAL_I = {0x130: "i"}  # str.lower gives "i" and a combining dot: two characters
_SPACES = [code for code in range(0x3001) if chr(code).isspace()]  # what \s matches (none above U+3000)
_EXTRA_FOLD = {**_fold_table(), **dict.fromkeys(_SPACES, " ")}
# how selective a character of a necessary string is: white space and the commonest marks pass most lines
CHARACTER_WEIGHTS = {**dict.fromkeys(" .,:;'\"", 0.3), **dict.fromkeys("-()!?/", 0.5)}


def fold(text: str) -> str:
    """The text with every character replaced by one that `re.IGNORECASE` treats as equal to it, and
    every white space by a space (what `\\s` matches)."""
    return text.translate(_DOTTED_CAPITAL_I).lower().translate(_EXTRA_FOLD)


_LEADING_NON_WORD = re.compile(r"\W*").match


def _class_chars(items: list) -> set[str] | None:
    """The characters a character class holds (folded), or None when it is negated, has a category or many."""
    chars: set[str] = set()
    for op, av in items:
        if (op, av) == (_c.CATEGORY, _c.CATEGORY_SPACE):
            chars.add(" ")
        elif op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_CLASS_CHARS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    folded = {fold(char) for char in chars}
    return folded if len(folded) <= MAX_CLASS_CHARS else None


def _shortened(strings: set[str]) -> set[str]:
    """The strings cut shorter until at most MAX_STRINGS remain (a prefix of a necessary prefix is one too)."""
    length = MAX_PREFIX
    while len(strings) > MAX_STRINGS and length > 1:
        length -= 1
        strings = {string[:length] for string in strings}
    return strings


def _prefixes(items: list, room: int = MAX_PREFIX) -> set[str]:
    """Folded strings one of which starts every match of the node sequence `items` ("" among them: a
    match may start with anything)."""
    if not items or room <= 0:
        return {""}
    op, av = items[0]
    rest = list(items[1:])
    if op is _c.LITERAL:
        heads = {fold(chr(av))}
    elif op is _c.IN:
        heads = _class_chars(av)
        if heads is None:
            return {""}
    elif op is _c.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, room)
    elif op is _c.BRANCH:
        return _shortened(set().union(*(_prefixes(list(branch) + rest, room) for branch in av[1])))
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        # after one copy of a repeat that may come again, the next characters are unknown: stop there
        once = _prefixes(list(sub) + (rest if high == 1 else []), room)
        return _shortened(once | _prefixes(rest, room)) if low == 0 else once
    elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: what follows starts the match
        return _prefixes(rest, room)
    else:
        return {""}
    tails = _prefixes(rest, room - 1)
    if len(heads) * len(tails) > MAX_STRINGS:
        return heads
    return {head + tail for head in heads for tail in tails}


def _is_non_word_repeat(node: tuple) -> bool:
    """Whether the node is \\W* or \\W+."""
    op, av = node
    return op is _c.MAX_REPEAT and av[1] == _c.MAXREPEAT and list(av[2]) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_NOT_WORD)])]


def _minimal(strings: set[str], within: Callable[[str, str], bool]) -> tuple[str, ...]:
    """The strings without those that hold another of them (`within(other, string)`): the condition is the same."""
    kept: list[str] = []
    for string in sorted(strings, key=len):
        if not any(within(other, string) for other in kept):
            kept.append(string)
    return tuple(sorted(kept))


def _selectivity(string: str) -> float:
    """The string's length, with white space and common marks counting less."""
    return sum(CHARACTER_WEIGHTS.get(char, 1.0) for char in string)


def _best(candidates: list[set[str]]) -> set[str] | None:
    """Of several sets of necessary strings, the one whose least selective string is most selective, then
    the smallest."""
    usable = [strings for strings in candidates if "" not in strings]
    return max(usable, key=lambda strings: (min(map(_selectivity, strings)), -len(strings))) if usable else None


def _required(items: list) -> set[str] | None:
    """Folded strings one of which every match of the node sequence `items` holds somewhere (None: none
    found): the literal prefixes of any of its tails, or what a group, a branch (each alternative) or a
    repeat (that must run once) inside it requires."""
    candidates = [_prefixes(items[index:]) for index in range(len(items))]
    for op, av in items:
        if op is _c.SUBPATTERN:
            candidates.append(_required(list(av[-1])) or {""})
        elif op is _c.BRANCH:
            needed = [_required(list(branch)) for branch in av[1]]
            candidates.append(set().union(*needed) if all(needed) else {""})
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            candidates.append(_required(list(av[2])) or {""})
    return _best(candidates)


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regular expression's outermost `|` ("|".join of them gives the pattern)."""
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]" or pattern[index - 1] == "[" or pattern[index - 2: index] == "[^"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    return parts + [pattern[start:]]


@dataclass(frozen=True)
class LiteralGate:
    """`may_match(line)` is False only for lines that the pattern cannot match."""

    starts: tuple[str, ...]  # one of these starts the folded line, or its rest after leading non-word characters
    parts: tuple[str, ...]  # ...or the folded line holds one of these
    always: bool  # some alternative needs no literal: every line may match
    starts_by_first: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_first: dict[str, list[str]] = {}
        for start in self.starts:
            by_first.setdefault(start[0], []).append(start)
        object.__setattr__(self, "starts_by_first", {first: tuple(group) for first, group in by_first.items()})

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> "LiteralGate":
        starts: set[str] = set()
        parts: set[str] = set()
        always = False
        tree = _parser.parse(pattern.pattern, pattern.flags)
        alternatives = tree.data[0][1][1] if len(tree.data) == 1 and tree.data[0][0] is _c.BRANCH else [tree.data]
        for alternative in map(list, alternatives):
            if alternative[:1] == [(_c.AT, _c.AT_BEGINNING)]:
                skip = 2 if len(alternative) > 1 and _is_non_word_repeat(alternative[1]) else 1
                anchored = _prefixes(alternative[skip:])
                if "" not in anchored:
                    starts.update(string for string in anchored if _LEADING_NON_WORD(string).end() == 0)
                    parts.update(string for string in anchored if _LEADING_NON_WORD(string).end() > 0)
                    continue
            inner = _required(alternative)
            if inner is None:
                always = True
            else:
                parts.update(inner)
        minimal_parts = _minimal(parts, lambda part, string: part in string)
        return cls(_minimal({start for start in starts if not any(part in start for part in minimal_parts)},
                            lambda start, string: string.startswith(start)), minimal_parts, always)

    def may_match(self, line: str) -> bool:
        if self.always:
            return True
        folded = fold(line)
        if folded.startswith(self.starts_by_first.get(folded[:1], ())):
            return True
        after_marks = _LEADING_NON_WORD(folded).end()
        if after_marks and folded.startswith(self.starts_by_first.get(folded[after_marks:after_marks + 1], ()), after_marks):
            return True
        return any(map(folded.__contains__, self.parts))  # map: no generator frame, faster


@dataclass(frozen=True)
class AlternativeSearch:
    """`matches(line)`: `pattern.search(line) is not None`, faster for a pattern of many top-level alternatives.

    `re` tries every alternative at every position of a line; here the alternatives anchored at the line's start
    (`^`) run as one `match`, which tries the start only, and each other alternative runs alone, and only on lines
    whose folded text holds a string it needs (`_required`, as `LiteralGate` reads them). On the test pages' lines
    that pass the furniture gate this takes about a fifth of the time of FURNITURE_RE.search."""

    anchored: re.Pattern[str] | None  # the alternatives that open with "^", as one pattern
    others: tuple[tuple[tuple[str, ...] | None, re.Pattern[str]], ...]  # (strings one of which it needs, or None; it)

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> "AlternativeSearch":
        if pattern.flags & re.MULTILINE:
            raise ValueError("with re.MULTILINE, '^' matches after every newline: anchored alternatives need a search")
        parts = top_level_alternatives(pattern.pattern)
        anchored = [part for part in parts if part.startswith("^")]
        others = []
        for part in parts:
            if not part.startswith("^"):
                needed = _required(list(_parser.parse(part, pattern.flags).data))
                others.append((None if needed is None else _minimal(needed, lambda inner, string: inner in string),
                               re.compile(part, pattern.flags)))
        return cls(re.compile("|".join(anchored), pattern.flags) if anchored else None, tuple(others))

    def matches(self, line: str) -> bool:
        if self.anchored is not None and self.anchored.match(line) is not None:
            return True
        folded = fold(line)
        return any((needed is None or any(map(folded.__contains__, needed))) and alternative.search(line) is not None
                   for needed, alternative in self.others)
