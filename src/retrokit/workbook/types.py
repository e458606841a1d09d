"""Column types: what a column's cells hold, and everything that follows from it.

Each type owns how a typed cell is parsed (:meth:`ColumnType.parse`), how a value is written
into a new workbook (:meth:`ColumnType.write`), the input prompt and the data validation the
scaffold attaches, and the finding for a cell that does not parse (``bad_cell``). The reader
and the scaffold ask the type; they do not switch on it. A new kind of column (a duration, a
list of task ids) is a new class here and its instance in :class:`ColType`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, ClassVar

from retrokit.i18n import t
from retrokit.text import cell_text, looks_like_formula

if TYPE_CHECKING:
    from retrokit.i18n.languages import Lang
    from retrokit.workbook.schema import Column

DATE_FORMAT = "yyyy-mm-dd"
NUMBER_FORMAT = "#,##0"


class CellValueError(ValueError):
    """A cell that reads but holds no value the column accepts (a negative amount, a date of
    1900): the finding's code, its message key and the message's arguments, for the reader."""

    def __init__(self, code: str, key: str, **args: Any) -> None:
        super().__init__(key)
        self.code = code
        self.key = key
        self.message_args = args


class ColumnType:
    """The behaviour shared by every column of one type."""

    #: The type's name in docs and messages ("text", "number" ...).
    name: ClassVar[str] = ""
    #: The rule code of a cell that does not parse as this type; None when every cell does.
    bad_cell: ClassVar[str | None] = None
    #: The catalogue key of the prompt shown when the cell is selected, if any.
    prompt_key: ClassVar[str | None] = None
    #: The number format of a value cell written by the scaffold, if any.
    number_format: ClassVar[str | None] = None

    def __repr__(self) -> str:
        return f"ColType.{self.name.upper()}"

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        """The typed value of a filled cell; ValueError when it does not parse."""
        if isinstance(raw, dt.date):  # as Record.text shows it
            return raw.isoformat()[:10]
        return cell_text(raw)

    def prompt(self, column: Column, lang: Lang) -> str:
        """What to type, shown by Excel, WPS and LibreOffice when the cell is selected."""
        if column.choices is not None:
            return t("prompt.list", lang, choices=" / ".join(column.choices.labels(lang)))
        return t(self.prompt_key, lang) if self.prompt_key else ""

    def validation(self, column: Column, lang: Lang) -> Any:
        """The openpyxl data validation of the column's cells (prompt and error texts are
        added by the scaffold), or None for none."""
        if self.prompt(column, lang):
            from openpyxl.worksheet.datavalidation import DataValidation

            return DataValidation(allow_blank=True)
        return None

    def write(self, cell: Any, value: Any, column: Column, lang: Lang) -> None:
        """Put ``value`` (a code for a list column) into a new workbook's cell."""
        if column.choices is not None:
            value = column.choices.shown(value, lang)  # an open list's own value as it is
        cell.value = value
        # Cell text is data, never a formula, whatever it starts with.
        if looks_like_formula(value):
            cell.data_type = "s"


class TextType(ColumnType):
    name = "text"

    def write(self, cell: Any, value: Any, column: Column, lang: Lang) -> None:
        from openpyxl.styles import Alignment

        super().write(cell, value, column, lang)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


class NumberType(ColumnType):
    """Numbers as people type them: 500万, 5%, 1:3, ≥5%, 两千五百 (:mod:`.values`)."""

    name = "number"
    bad_cell: ClassVar[str | None] = "V001"
    prompt_key = "prompt.number"
    number_format = NUMBER_FORMAT

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        from retrokit.workbook.values import parse_number

        return parse_number(raw, number_format=number_format)

    def header_scale(self, label: str) -> float:
        """The multiplier the unit in this column's header gives the plain numbers under it
        (计划金额（万元）: 10,000); 1 for a header without one."""
        from retrokit.method.units import header_scale

        return header_scale(label)


#: An amount of money no campaign reaches (1e15 is a million 亿): a typing or unit slip.
MAX_AMOUNT = 1e15


class AmountType(NumberType):
    """An amount of money (a budget, a spend): a number below :data:`MAX_AMOUNT`, and not
    negative unless ``negative`` (attributed revenue may be, after refunds); V008 otherwise."""

    def __init__(self, *, negative: bool = False) -> None:
        self.negative = negative

    def __repr__(self) -> str:
        return "ColType.AMOUNT"

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        from retrokit.workbook.values import parse_number

        amount = parse_number(raw, number_format=number_format)
        if abs(amount.value) >= MAX_AMOUNT:
            raise CellValueError("V008", "V008.huge", limit=f"{MAX_AMOUNT:,.0f}")
        if amount.value < 0 and not self.negative:
            raise CellValueError("V008", "V008.negative")
        return amount


class KpiNumberType(NumberType):
    """A KPI's target or actual: a number cell formatted as text, so that what is typed stays
    as typed (1:3 is no time) and the sheet's helper formulas read the forms its prompt lists
    (:mod:`retrokit.workbook.formulas`); retrokit reads every form a number cell takes."""

    prompt_key = "prompt.kpi_number"
    number_format = "@"


class DateType(ColumnType):
    name = "date"
    bad_cell: ClassVar[str | None] = "V002"
    prompt_key = "prompt.date"
    number_format = DATE_FORMAT

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        from retrokit.workbook.values import parse_date

        return parse_date(raw)

    def validation(self, column: Column, lang: Lang) -> Any:
        from openpyxl.worksheet.datavalidation import DataValidation

        # A warning, not a stop: a date typed as text is still read by retrokit.
        return DataValidation(
            type="date",
            operator="greaterThan",
            formula1="1",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
        )

    def write(self, cell: Any, value: Any, column: Column, lang: Lang) -> None:
        super().write(cell, value, column, lang)
        cell.number_format = DATE_FORMAT


class ChoiceType(ColumnType):
    """One value of the column's list, in any language or alias."""

    name = "list"
    bad_cell: ClassVar[str | None] = "V003"

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        from retrokit.workbook.values import parse_choice

        if column.choices is None:
            return super().parse(raw, column, number_format)
        return parse_choice(raw, column.choices)

    def validation(self, column: Column, lang: Lang) -> Any:
        from openpyxl.worksheet.datavalidation import DataValidation

        if column.choices is None:
            return super().validation(column, lang)
        labels = ",".join(column.choices.labels(lang))
        return DataValidation(
            type="list",
            formula1='"' + labels.replace('"', '""') + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
        )


class FormulaType(ColumnType):
    """A cell the template computes; its cached value is kept as read, only to be compared."""

    name = "formula"
    prompt_key = "prompt.formula"

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        return raw


class _KeepsText(ColumnType):
    """A column whose unreadable cell is kept as typed rather than reported by the reader
    (no bad-cell finding): put before the type whose parsing it relaxes."""

    bad_cell: ClassVar[str | None] = None

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        try:
            return super().parse(raw, column, number_format)
        except ValueError:
            return cell_text(raw)


class MeasureType(_KeepsText, NumberType):
    """A number judged by a rule, not the reader: text that holds no number is kept as text
    (a goal's target written as words is G002, with the goal's context)."""

    name = "measure"


class OpenChoiceType(_KeepsText, ChoiceType):
    """A list that suggests values but takes any text (a team role): a listed value is read as
    its code, anything else as typed."""

    name = "open list"

    def validation(self, column: Column, lang: Lang) -> Any:
        dv = super().validation(column, lang)
        if dv is not None:
            dv.errorStyle = "information"  # any text is accepted
        return dv


#: Between two ids: punctuation, spaces, & and +, and the words for "and" (T1和T3, T1 and T3).
_ID_SPLIT = re.compile(r"(?:[,，、;；/\s&＆+＋]|以及|和|与|與|及|跟|\band\b)+", re.IGNORECASE)
_NONE_WORDS = frozenset({"-", "—", "–", "无", "無", "none", "n/a", "/"})
#: What plain id lists are written with: ids of Latin letters, digits, ``-_.`` and commas and
#: spaces between them (no other separator, and no ``and``).
_PLAIN_IDS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_., "


class TaskIdsType(ColumnType):
    """Task ids a task waits for: ``T1, T3``, ``T1、T3``, ``T1和T3``; ``-`` or 无 for none."""

    name = "task ids"
    prompt_key = "prompt.task_ids"

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        return task_ids(cell_text(raw))


def task_ids(text: str) -> tuple[str, ...]:
    """The ids of ``T1, T3``, ``T1、T3``, ``T1和T3``, ``T1 T3``: split at punctuation, spaces
    and the words for "and"; none for ``-`` or 无. The plan's method puts back together an id
    written with a space or a comma (``A 1``) that a task has."""
    text = text.strip()
    if text.casefold() in _NONE_WORDS:
        return ()
    if not text.strip(_PLAIN_IDS) and "and" not in text.lower():
        # ``T1, T2, T3`` as most write it: the same ids as the pattern gives, split in C.
        return tuple(p for p in text.replace(",", " ").split(" ") if p and p not in _NONE_WORDS)
    return tuple(p for p in _ID_SPLIT.split(text) if p and p not in _NONE_WORDS)


#: Between two task names: list separators only; a space is part of a name (KOL 筛选).
NAME_SPLIT = re.compile(r"[,，、;；\n\r]+")


def task_names(raw: Any) -> tuple[str, ...]:
    """The tasks a task waits for, named by their names (a schedule without an id column):
    ``KOL 筛选、素材制作`` is two names, split at list separators and lines only; ``-`` or 无
    for none."""
    text = cell_text(raw).strip()
    if not text or text.casefold() in _NONE_WORDS:
        return ()
    names = (p.strip() for p in NAME_SPLIT.split(text))
    return tuple(p for p in names if p and p.casefold() not in _NONE_WORDS)


#: The year of a date written without one (6月1日), a leap year so that 2月29日 is kept; the
#: reader or the method gives it the campaign's year.
NO_YEAR = 4
_SPAN_SEPARATORS = re.compile(r"\s*(?:~|～|至|到|—|–|\s-\s|\s(?:to|until|till|through)\s)\s*", re.I)


def _span_date(text: str) -> dt.date:
    from retrokit.workbook.values import parse_date

    return parse_date(text.strip())  # 6月1日 included: the year is NO_YEAR


class DateSpanType(DateType):
    """A deadline: one date or a range (``6月1日-6月30日``, ``2024-06-01 至 2024-06-30``), read
    as (start, end); a date written without its year has year :data:`NO_YEAR`."""

    name = "date or range"
    prompt_key = "prompt.date_span"

    def parse(self, raw: Any, column: Column, number_format: str | None = None) -> Any:
        from retrokit.workbook.values import parse_date

        if not isinstance(raw, str):
            day = parse_date(raw)
            return (day, day)
        text = raw.strip()
        parts = _SPAN_SEPARATORS.split(text)
        said: CellValueError | None = None
        if len(parts) == 1:
            try:
                day = _span_date(text)
                return (day, day)
            except ValueError as exc:  # 8-10-2024, day or month: said unless it is a range
                if isinstance(exc, CellValueError) and exc.key == "V002.day_or_month":
                    said = exc
            halves = text.split("-")
            cut = len(halves) // 2
            parts = ["-".join(halves[:cut]), "-".join(halves[cut:])] if len(halves) % 2 == 0 else []
        if len(parts) != 2:
            raise said or ValueError(text)
        start, end = _span_date(parts[0]), _span_date(parts[1])
        if NO_YEAR not in (start.year, end.year) and end < start:
            raise CellValueError("V002", "V002.order", start=start.isoformat(), end=end.isoformat())
        # A yearless part takes its year in the reader, which knows the campaign's dates
        # (2025-12-25 至 1月10日 runs into the next year only in a campaign that does).
        return (start, end)

    def write(self, cell: Any, value: Any, column: Column, lang: Lang) -> None:
        if isinstance(value, str):
            ColumnType.write(self, cell, value, column, lang)
        else:
            super().write(cell, value, column, lang)

    def validation(self, column: Column, lang: Lang) -> Any:
        return ColumnType.validation(self, column, lang)  # a range is text: prompt only


class ColType:
    """The column types, one instance each (compared by identity in the reader's hot path)."""

    TEXT: ClassVar[ColumnType] = TextType()
    NUMBER: ClassVar[ColumnType] = NumberType()
    KPI_NUMBER: ClassVar[ColumnType] = KpiNumberType()
    DATE: ClassVar[ColumnType] = DateType()
    CHOICE: ClassVar[ColumnType] = ChoiceType()
    FORMULA: ClassVar[ColumnType] = FormulaType()
    MEASURE: ClassVar[ColumnType] = MeasureType()
    OPEN_CHOICE: ClassVar[ColumnType] = OpenChoiceType()
    TASK_IDS: ClassVar[ColumnType] = TaskIdsType()
    DATE_SPAN: ClassVar[ColumnType] = DateSpanType()
    AMOUNT: ClassVar[ColumnType] = AmountType()
    REVENUE: ClassVar[ColumnType] = AmountType(negative=True)
