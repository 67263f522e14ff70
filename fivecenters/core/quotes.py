"""Finding a figure or a name in its quote, and a quote in its document, forgiving what copying changes."""

import math
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import field
from pathlib import Path

from fivecenters.core.documents import DocumentProblem, read_document, repository_root
from fivecenters.core.model import Benchmark, Citation, Indicator, Observation, Source, Target
from fivecenters.core.structs import struct
from fivecenters.core.text import ZERO_WIDTH, nfkc

# Thousands separators; a decimal point, or a decimal comma as in "4,19 trilhões". `\d\d*` rather
# than `\d+`: re skips quickly to a possible start only when a pattern opens with a character class.
_NUMBER = re.compile(r"\d\d*(?:[,，]\d{3}(?!\d))*(?:[.・·]\d+|,\d{1,2}(?!\d))?")
# One string per list reads better than forty quoted words.
_WORDS = (  # noqa: SIM905
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
).split()
_ORDINALS = (  # noqa: SIM905
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
NUMBER_WORDS = {word: float(n) for words in (_WORDS, _ORDINALS) for n, word in enumerate(words)}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)
# Ranks in Chinese: 第三 (third), 第十 (tenth).
_CHINESE_ORDINAL = re.compile("第([一二三四五六七八九十])")


# A source a figure cites, and its quote in NFKC (see `cited_quotes`).
Quoted = tuple[str, str]


def cited_quotes(record: Observation | Target) -> list[Quoted]:
    """Each source the figure cites, its own first, then those corroborating it, each with its quote
    in NFKC: made once per figure for the checks of its sources, value, unit and documents, whose own
    NFKC then finds the text already normalised (a Chinese quote's full-width comma made each of them
    normalise it again)."""
    quoted = [(record.source, nfkc(record.quote))]
    if record.corroborated_by:
        quoted += [(citation.source, nfkc(citation.quote)) for citation in record.corroborated_by]
    return quoted


def numbers_in(text: str) -> Iterator[float]:
    """Every number a quote states: in digits, as an English word, or as a Chinese ordinal."""
    text = nfkc(text)
    yield from _digit_numbers(text)
    yield from _word_numbers(text)


def _digit_numbers(text: str) -> list[float]:
    """The numbers written in digits in a normalised text, all at once: a scan in C, then `float()`
    for plain digits (most numbers), separators read only where there are some."""
    numbers = []
    for digits in _NUMBER.findall(text):
        if "," not in digits and digits.isascii():  # ASCII digits with at most a decimal point: what float() reads
            numbers.append(float(digits))
        elif (number := _separated(digits)) is not None:
            numbers.append(number)
    return numbers


_DECIMAL_COMMA = re.compile(r",\d{1,2}$")


def _separated(digits: str) -> float | None:
    """A number with separators, or digits of another script; None for groups of thousands before a
    decimal comma ("1,000,5"), which say no one number."""
    if not digits.isascii():  # float() reads other scripts' digits; with a comma, ASCII ones always fail
        try:
            return float(digits)
        except ValueError:
            pass
    digits = digits.replace("，", ",").replace("・", ".").replace("·", ".")
    if _DECIMAL_COMMA.search(digits):
        digits = digits.replace(",", ".")
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def _word_numbers(text: str) -> Iterator[float]:
    for match in _NUMBER_WORD.finditer(text):
        yield NUMBER_WORDS[match[1].lower()]
    for match in _CHINESE_ORDINAL.finditer(text):
        yield float("一二三四五六七八九十".index(match[1]) + 1)


def value_in_quote(value: float, quote: str) -> bool:
    """Whether the quote states the value, allowing a change of scale (亿元 → trillion).
    Words are read only when no number in digits is the value."""
    text = nfkc(quote)
    target = abs(value)
    return _states(target, _digit_numbers(text)) or _states(target, _word_numbers(text))


def _states(target: float, numbers: Iterable[float]) -> bool:
    """Whether one of the numbers is the target, or the target in another scale."""
    log_target = math.log10(target) if target else 0.0
    for number in numbers:
        if number == target:
            return True
        if number and target and math.isfinite(number):
            # A difference of logs: a quotient of extreme values overflows or underflows.
            shift = log_target - math.log10(number)
            if abs(shift - round(shift)) < 1e-9:
                return True
    return False


# Two scans in C with a constant replacement: str.translate looks up every character of a
# document in a dict, most of the time spent on documents.
_DOUBLE_QUOTES = re.compile("[“”„‟«»「」『』〝〞＂″]")
_SINGLE_QUOTES = re.compile("[‘’‚‛′＇`]")


def normalize_text(text: str) -> str:
    """Forgive what copying a quote changes: width, quote marks, line breaks, invisible characters."""
    if text.isascii():  # of all that, only the backtick is ASCII: most English quotes skip three scans
        return " ".join(text.replace("`", "'").split())
    text = _SINGLE_QUOTES.sub("'", _DOUBLE_QUOTES.sub('"', nfkc(text)))
    if not text.isascii():
        text = ZERO_WIDTH.sub("", text)
    return " ".join(text.split())


def name_in_quote(name: str, quote: str) -> bool:
    """Whether the quote states the name, as copied: width, quote marks and spacing forgiven,
    nothing else (a name in traditional characters is not its simplified form)."""
    return normalize_text(name) in normalize_text(quote)


def name_evidence(record: Indicator | Benchmark) -> Citation | None:
    """Where the record's Chinese name is stated: the citation it gives for the name, else the
    first of its own quotes (observations, targets, entries) that holds the name."""
    if record.name_zh is None:
        return None
    if (citation := record.name_citation()) is not None:
        return citation
    return next(
        (
            Citation(source=cited.source, quote=cited.quote)
            for cited in record.cited()
            if name_in_quote(record.name_zh, cited.quote)
        ),
        None,
    )


# Searching each quote with `in` costs the document's length per quote: fine below this many
# characters scanned in all, past it one pass of Aho–Corasick finds every quote at once.
_SCAN_BUDGET = 50_000_000


def found_in(document: str, needles: set[str]) -> set[str]:
    """The needles that occur in the document, in time linear in their sizes."""
    if len(document) * len(needles) <= _SCAN_BUDGET:
        return {needle for needle in needles if needle in document}
    return _aho_corasick(document, needles)


def _aho_corasick(text: str, needles: set[str]) -> set[str]:
    goto: list[dict[str, int]] = [{}]
    ends: list[str | None] = [None]
    for needle in needles:
        state = 0
        for char in needle:
            following = goto[state].get(char)
            if following is None:
                following = len(goto)
                goto[state][char] = following
                goto.append({})
                ends.append(None)
            state = following
        ends[state] = needle
    fail = [0] * len(goto)
    queue = deque(goto[0].values())
    while queue:
        state = queue.popleft()
        for char, child in goto[state].items():
            queue.append(child)
            back = fail[state]
            while back and char not in goto[back]:
                back = fail[back]
            fail[child] = goto[back].get(char, 0) if state else 0
    found: set[str] = {needle for needle in needles if not needle}
    reported = [False] * len(goto)  # a state's matches, and those of its fail chain, are counted once
    state = 0
    for char in text:
        while state and char not in goto[state]:
            state = fail[state]
        state = goto[state].get(char, 0)
        chain = state
        while chain and not reported[chain]:
            reported[chain] = True
            if ends[chain] is not None:
                found.add(ends[chain])  # type: ignore[arg-type]
            chain = fail[chain]
        if len(found) == len(needles):
            break
    return found


@struct
class QuoteFinder:
    """Reads each cited document once, under the document policy, normalised for every quote citing it."""

    base_dir: Path
    _folders: tuple[str, str] | None = None  # the repository and base_dir, resolved once for every document
    _documents: dict[str, str | DocumentProblem] = field(default_factory=dict)

    def _document(self, source: Source) -> str | DocumentProblem:
        assert source.document
        if source.document not in self._documents:
            if self._folders is None:
                self._folders = repository_root(self.base_dir), os.path.realpath(self.base_dir)
            text = read_document(*self._folders, source.document)
            self._documents[source.document] = text if isinstance(text, DocumentProblem) else normalize_text(text)
        return self._documents[source.document]

    def problem(self, source: Source) -> DocumentProblem | None:
        """Why the source's document cannot be used, if it cannot."""
        document = self._document(source)
        return document if isinstance(document, DocumentProblem) else None

    def missing(self, source: Source, quotes: Iterable[str]) -> set[str]:
        """The quotes its document does not hold; none when the document cannot be read (reported apart)."""
        document = self._document(source)
        if isinstance(document, DocumentProblem):
            return set()
        normalized = {quote: normalize_text(quote) for quote in quotes}
        found = found_in(document, set(normalized.values()))
        return {quote for quote, needle in normalized.items() if needle not in found}
