"""The error types that reach the user as one line, never as a traceback."""

from __future__ import annotations

from retrokit.i18n import t, worded
from retrokit.workbook.schema import DEFAULT_LANG, Lang


def _worded(args: dict[str, object], lang: Lang) -> dict[str, object]:
    """Message arguments with each ("i18n", key) worded from the catalogue in ``lang``."""
    return {name: worded(value, lang) for name, value in args.items()}


class UserError(Exception):
    """A problem the user can fix, carried as a catalogue key and its arguments."""

    exit_code = 1

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(self.key, lang, **_worded(self.args_, lang))

    def __str__(self) -> str:
        return self.message("en")


class UsageError(UserError):
    """A wrong option or argument: exit code 2."""

    exit_code = 2


class WriteError(UserError):
    """An output that could not be written (missing folder, full disk, no permission): exit
    code 2, any existing file left as it was."""

    exit_code = 2


class UnreadableWorkbook(UserError):
    """The one error type for a file that is not a readable workbook.

    ``reason`` is a catalogue key (``reason.encrypted``, ``reason.bad_zip`` ...) so the message
    can be given in the user's language.
    """

    exit_code = 2

    def __init__(self, path: object, reason: str, **detail: object) -> None:
        super().__init__("err.unreadable", path=path)
        self.path = path
        self.reason = reason
        self.detail = detail

    def __reduce__(self) -> tuple[object, ...]:
        # Crosses process boundaries when lint runs in parallel workers.
        return (_unreadable, (self.path, self.reason, self.detail))

    def reason_text(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(self.reason, lang, **_worded(self.detail, lang))

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        return t("err.unreadable", lang, path=self.path, reason=self.reason_text(lang))


def _unreadable(path: object, reason: str, detail: dict[str, object]) -> UnreadableWorkbook:
    return UnreadableWorkbook(path, reason, **detail)
