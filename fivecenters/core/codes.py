"""Every problem `fc validate` can report: its stable code, its severity, what it means.

This is the one list: a check names a member, a problem takes its severity
from it, and docs/problems.md is generated from it (scripts/problem_codes.py;
a test fails when the two differ). Codes are kebab-case and stable: scripts
match on them, so a code is never renamed, only added.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # fails fc validate; the reading commands refuse the file
    WARNING = "warning"  # reported; fails only fc validate --strict


class Code(StrEnum):
    """A problem's code, with its severity, a short label and a description (Markdown)."""

    _value_: str
    severity: Severity
    label: str
    description: str

    def __new__(cls, value: str, severity: Severity, label: str, description: str) -> Code:
        member = str.__new__(cls, value)
        member._value_ = value
        member.severity = severity
        member.label = label
        member.description = description
        return member

    # Reading the file (these end validation: nothing else can be checked).
    FILE_NOT_FOUND = (
        "file-not-found",
        Severity.ERROR,
        "No such file",
        "The data file (named by `--data`, `$FC_DATA` or the default) does not exist.",
    )
    NOT_A_FILE = (
        "not-a-file",
        Severity.ERROR,
        "Not a file",
        "The path names a directory, a FIFO or a device, not a regular data file; it is not read.",
    )
    UNREADABLE_FILE = (
        "unreadable-file",
        Severity.ERROR,
        "File cannot be read",
        "The system refused to read the file (permissions, an I/O error); the message gives its reason.",
    )
    FILE_TOO_LARGE = (
        "file-too-large",
        Severity.ERROR,
        "File too large",
        "The file is larger than fc reads; the message gives its size and the limit.",
    )
    BYTE_ORDER_MARK = (
        "byte-order-mark",
        Severity.ERROR,
        "Byte-order mark",
        "The file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without one.",
    )
    NOT_UTF8 = (
        "not-utf8",
        Severity.ERROR,
        "Not UTF-8",
        "A byte is not valid UTF-8 (the position is the first such byte); save the file as UTF-8.",
    )
    EMPTY_FILE = (
        "empty-file",
        Severity.ERROR,
        "Empty file",
        "The file holds nothing but whitespace; a data file needs `[[sources]]` and `[[indicators]]`.",
    )
    TOML_SYNTAX = (
        "toml-syntax",
        Severity.ERROR,
        "Invalid TOML",
        "The file is not valid TOML (or nests values too deeply); the position is where the parser stopped.",
    )

    # The text of any value.
    CONTROL_CHARACTER = (
        "control-character",
        Severity.ERROR,
        "Control character",
        "A string holds a control character other than tab and newline, raw or escaped: "
        "text from the file reaches terminals, so no escape sequence may pass.",
    )
    INVISIBLE_CHARACTER = (
        "invisible-character",
        Severity.ERROR,
        "Invisible character",
        "A string holds a bidirectional control (U+202E and the like: it reorders how text reads), or a "
        "one-line field (title, publisher, url, document, name, unit, label) holds a zero-width character "
        "(U+200B and the like: it makes two equal-looking names differ).",
    )
    ZERO_WIDTH_CHARACTER = (
        "zero-width-character",
        Severity.WARNING,
        "Zero-width character in text",
        "A quote, note or description holds a zero-width character. Text copied from Chinese web pages may "
        "carry one legitimately, so it is only a warning (quotes are matched with it removed); check the text "
        "is as published.",
    )
    LINE_BREAK_IN_FIELD = (
        "line-break-in-field",
        Severity.ERROR,
        "Line break in a one-line field",
        "A one-line field (title, publisher, url, document, name, unit, label) holds a newline or a line or "
        "paragraph separator (U+2028, U+2029): it would forge lines in tables, CSV and the terminal.",
    )

    # The shape of each record.
    UNKNOWN_KEY = (
        "unknown-key",
        Severity.ERROR,
        "Unknown key",
        "A key the format does not define, at the top level or in a record: often a typo such as `vlaue`.",
    )
    MISSING_FIELD = (
        "missing-field",
        Severity.ERROR,
        "Missing key",
        "A required key is missing from a record, or the file has no `[[sources]]` or no `[[indicators]]`.",
    )
    WRONG_TYPE = (
        "wrong-type",
        Severity.ERROR,
        "Wrong type",
        "A value is not of the type its key takes (text for a number, a table where an array of tables "
        "belongs, a malformed date), or is otherwise not a value the key allows.",
    )
    INVALID_VALUE = (
        "invalid-value",
        Severity.ERROR,
        "Not an allowed value",
        "A value is not one of its key's choices (`kind`, `direction`, `status`, `comparator`, `qualifier`) "
        "or not of its key's form (`language` is a BCP 47 tag).",
    )
    EMPTY_STRING = "empty-string", Severity.ERROR, "Empty text", "A text value is empty."
    INVALID_ID = (
        "invalid-id",
        Severity.ERROR,
        "Invalid id",
        "An `id`, or the `source` a record cites, is not kebab-case (a-z, 0-9, hyphens) "
        "or is longer than 80 characters.",
    )
    UNKNOWN_CENTER = (
        "unknown-center",
        Severity.ERROR,
        "Unknown center",
        "`center` is not one of the five centers; the message suggests the closest.",
    )

    # Sources.
    DUPLICATE_ID = (
        "duplicate-id",
        Severity.ERROR,
        "Duplicate id",
        "Two sources, or two indicators, have the same `id`.",
    )
    SOURCE_WITHOUT_LOCATION = (
        "source-without-location",
        Severity.ERROR,
        "Source without location",
        "A source has neither a `url` nor a `document`.",
    )
    DATE_IN_FUTURE = (
        "date-in-future",
        Severity.ERROR,
        "Date in the future",
        "A source's `published` or `accessed` date is after today.",
    )
    DOCUMENT_NOT_FOUND = (
        "document-not-found",
        Severity.ERROR,
        "Document not found",
        "A source's `document` cannot be read; its path is relative to the data file.",
    )
    DOCUMENT_OUTSIDE_REPOSITORY = (
        "document-outside-repository",
        Severity.ERROR,
        "Document outside the repository",
        "A source's `document` resolves (symlinks followed) outside the data file's repository: the git work "
        "tree it sits in, else its folder. Nothing outside is read or probed, whether or not it exists.",
    )
    DOCUMENT_NOT_REGULAR_FILE = (
        "document-not-regular-file",
        Severity.ERROR,
        "Document not a regular file",
        "A source's `document` is a folder, a FIFO, a device or a socket; it is not read.",
    )
    DOCUMENT_TOO_LARGE = (
        "document-too-large",
        Severity.ERROR,
        "Document too large",
        "A source's `document` is larger than 20 MB; it is not read. Save the part that is quoted.",
    )
    UNUSED_SOURCE = (
        "unused-source",
        Severity.WARNING,
        "Unused source",
        "Nothing cites the source: no observation, target or benchmark entry, and no Chinese name.",
    )

    # Citations.
    UNKNOWN_SOURCE = (
        "unknown-source",
        Severity.ERROR,
        "Unknown source",
        "An observation, a target, an entry or a Chinese name cites a source id that is not in `[[sources]]`.",
    )
    QUOTE_NOT_IN_DOCUMENT = (
        "quote-not-in-document",
        Severity.ERROR,
        "Quote not in document",
        "The cited source has a `document`, and the quote is not in it "
        "(differences in whitespace, quote marks and full-width characters are forgiven).",
    )
    VALUE_NOT_IN_QUOTE = (
        "value-not-in-quote",
        Severity.WARNING,
        "Value not in quote",
        "An observation's value does not appear in its quote, even at another scale "
        '("4700万" supports 47 million); a computed value should be `status = "derived"`.',
    )

    # Chinese names, evidenced as figures are. A name no source states is left out, not reported:
    # a warning would push curators to supply one to pass --strict.
    CHINESE_NAME_NOT_IN_QUOTE = (
        "chinese-name-not-in-quote",
        Severity.WARNING,
        "Chinese name not in quote",
        "The `name_zh` does not appear in its `name_zh_quote`, or, when the name cites no source of its own, in "
        "any quote of the indicator or benchmark. Characters must match: a traditional form is not the simplified one.",
    )
    INCOMPLETE_NAME_CITATION = (
        "incomplete-name-citation",
        Severity.ERROR,
        "Incomplete name citation",
        "`name_zh_source` without `name_zh_quote` or the reverse, or either without a `name_zh` to cite.",
    )
    # Indicators and their observations.
    NO_OBSERVATIONS = (
        "no-observations",
        Severity.WARNING,
        "Empty indicator",
        "An indicator has neither observations nor targets.",
    )
    YEAR_OUT_OF_RANGE = (
        "year-out-of-range",
        Severity.ERROR,
        "Year out of range",
        "An observation's `year` is before 1949 or after this year, or a target's `deadline` is outside 1949–2100.",
    )
    DUPLICATE_YEAR = (
        "duplicate-year",
        Severity.ERROR,
        "Duplicate year",
        "An indicator has several observations for a year, not all marked `revision = true`.",
    )
    MULTIPLE_USED_VALUES = (
        "multiple-used-values",
        Severity.ERROR,
        "Several values used",
        "More than one of a year's observations is used; all but one need `used = false`.",
    )
    NO_USED_VALUE = (
        "no-used-value",
        Severity.ERROR,
        "No value used",
        "None of a year's observations is used; exactly one must be.",
    )
    DERIVED_WITHOUT_INPUTS = (
        "derived-without-inputs",
        Severity.ERROR,
        "Derived without inputs",
        'An observation with `status = "derived"` does not name its inputs in `derived_from`.',
    )
    INPUTS_WITHOUT_DERIVED = (
        "inputs-without-derived",
        Severity.WARNING,
        "Inputs without derived",
        'An observation has `derived_from` but its `status` is not `"derived"`.',
    )

    # How a series may be read: breaks, as-of dates, corroboration, units.
    BREAK_WITHOUT_NOTE = (
        "break-without-note",
        Severity.ERROR,
        "Break without note",
        "An observation marked `series_break = true` has no `note` saying what changed in the series.",
    )
    AS_OF_OUTSIDE_YEAR = (
        "as-of-outside-year",
        Severity.ERROR,
        "As-of date outside its year",
        "An observation's `as_of` date is not in the observation's `year`.",
    )
    CORROBORATION_AS_REVISION = (
        "corroboration-as-revision",
        Severity.WARNING,
        "Corroboration filed as revisions",
        "Equal values for one year from different sources are filed as revisions; they corroborate each "
        "other: cite every source on one observation (`corroborated_by`).",
    )
    UNIT_MISMATCH = (
        "unit-mismatch",
        Severity.WARNING,
        "Quote's unit contradicts the indicator's",
        "A quote gives the value in another currency (yuan for a US-dollar series) or at another scale "
        '("51404.47亿" for a value that is not 5.140447 trillion) than the indicator\'s unit.',
    )

    # Values (of observations, targets and baselines), by the indicator's kind and unit.
    NOT_FINITE = "not-finite", Severity.ERROR, "Not a finite number", "A value is infinite or not a number."
    INVALID_RANK = (
        "invalid-rank",
        Severity.ERROR,
        "Invalid rank",
        "A value of a `rank` indicator, or a benchmark entry's `rank` or `outside_top`, or a rank target, "
        "is not a whole number of at least 1.",
    )
    NEGATIVE_VALUE = (
        "negative-value",
        Severity.ERROR,
        "Negative value",
        "A value of a `stock`, `flow` or `ratio` indicator is negative.",
    )
    PERCENT_OUT_OF_RANGE = (
        "percent-out-of-range",
        Severity.ERROR,
        "Percentage above 100",
        "A value of a `ratio` indicator in `%` is above 100.",
    )

    # Targets.
    TARGET_YEARS_INCONSISTENT = (
        "target-years-inconsistent",
        Severity.ERROR,
        "Target years inconsistent",
        "A target's `set_in` or `baseline_year` is before 1949, after its `deadline`, or in the future.",
    )
    INCOMPLETE_BASELINE = (
        "incomplete-baseline",
        Severity.ERROR,
        "Incomplete baseline",
        "A target has a `baseline_year` without a `baseline_value`, or the reverse.",
    )
    DUPLICATE_TARGET = (
        "duplicate-target",
        Severity.ERROR,
        "Duplicate target",
        "Two targets on one indicator have the same value and deadline; a target stated by several "
        "sources is one target citing them all (`corroborated_by`).",
    )
    COMPARATOR_AGAINST_DIRECTION = (
        "comparator-against-direction",
        Severity.WARNING,
        "Comparator against direction",
        "A target's comparator points the wrong way for its indicator: "
        "`at-most` where higher is better, `at-least` where lower is better.",
    )

    # Benchmarks: their editions and entries (ranks of Shanghai and its peers).
    NO_EDITIONS = (
        "no-editions",
        Severity.WARNING,
        "Benchmark without editions",
        "A benchmark has no editions and no rank targets.",
    )
    DUPLICATE_EDITION = (
        "duplicate-edition",
        Severity.ERROR,
        "Duplicate edition",
        "Two editions of one benchmark have the same name.",
    )
    EDITION_YEARS_INCONSISTENT = (
        "edition-years-inconsistent",
        Severity.ERROR,
        "Edition years inconsistent",
        "An edition's `data_year` is after its `year`, or it was `published` before its `year`.",
    )
    EDITIONS_OUT_OF_ORDER = (
        "editions-out-of-order",
        Severity.ERROR,
        "Editions out of order",
        "An edition of a later year is dated before an edition of an earlier year.",
    )
    NO_ENTRIES = (
        "no-entries",
        Severity.WARNING,
        "Edition without entries",
        "An edition holds no entry: no source states a place in it.",
    )
    DUPLICATE_ENTRY = (
        "duplicate-entry",
        Severity.ERROR,
        "Duplicate entry",
        "A city has two entries in one edition; one entry per city, a second source goes in the note.",
    )
    RANK_AND_BOUND = (
        "rank-and-bound",
        Severity.ERROR,
        "Rank and bound",
        "An entry has both a `rank` and an `outside_top`.",
    )
    ENTRY_WITHOUT_STANDING = (
        "entry-without-standing",
        Severity.ERROR,
        "Entry without a place",
        "An entry has no `rank`, no `outside_top` and no `score`.",
    )
    RANK_NOT_IN_QUOTE = (
        "rank-not-in-quote",
        Severity.WARNING,
        "Rank not in quote",
        "An entry's `rank` or `outside_top` does not appear in its quote, and `from_order` does not say "
        "it is read from the order of names or the wording.",
    )
    SCORE_NOT_IN_QUOTE = (
        "score-not-in-quote",
        Severity.WARNING,
        "Score not in quote",
        "An entry's `score` does not appear in its `score_quote` (or, without one, its `quote`).",
    )
    SCORE_QUOTE_WITHOUT_SCORE = (
        "score-quote-without-score",
        Severity.ERROR,
        "Score quote without score",
        "An entry has a `score_quote` but no `score`.",
    )
