"""Words for data files: problem messages (section ``io``, keyed by the problem's code),
their place (``place``), the check table and its summary (``check``, with plural forms)
and the data-entry template (``template``; design names in ``design``)."""

from __future__ import annotations

from typing import Any

from . import keys, message, plural, resolve, text

__all__ = ["check_summary", "check_word", "problem_body", "problem_text", "shown_value",
           "template_words"]

_MAX_VALUE = 60  # characters of a cell shown in a message
_NO_COLUMN_PLACE = ("missing_column", "duplicate_column", "unknown_column", "personal_data")


def _shown(value: Any) -> Any:
    if isinstance(value, str) and len(value) > _MAX_VALUE:
        return value[:_MAX_VALUE] + f"… ({len(value)})"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def problem_body(problem: Any, lang: str | None = None) -> str:
    """The message without its place: ``nilai 'lima' bukan angka ...``."""
    body = text("io", problem.code, lang, value=_shown(problem.value), column=problem.column,
                allowed=problem.allowed)
    if getattr(problem, "suggestion", ""):
        body += f" ({text('place', 'did_you_mean', lang)} {problem.suggestion!r}?)"
    return body


def problem_text(problem: Any, lang: str | None = None) -> str:
    """'data.xlsx [Sheet1] baris 5, kolom menyusui_pre: nilai 'lima' bukan angka ...'"""
    lang = resolve(lang)
    where = problem.file
    if problem.sheet:
        where += f" [{problem.sheet}]"
    parts = []
    if problem.row is not None:
        parts.append(f"{text('place', 'row', lang)} {problem.row}")
    if problem.column and problem.code not in _NO_COLUMN_PLACE:
        parts.append(f"{text('place', 'column', lang)} {problem.column}")
    if parts:
        where += " " + ", ".join(parts)
    return f"{where}: {problem_body(problem, lang)}"


def check_word(key: str, lang: str | None = None, **values: Any) -> str:
    """A word of the check table or its messages (section ``check``)."""
    return text("check", key, lang, **values)


def check_summary(rows: int, errors: int, warnings: int, *, failed: bool,
                  lang: str | None = None) -> str:
    """The line under the check table: the counts of errors and warnings (the file cannot
    be analysed) or of the rows ready, in the plural form each count needs.

    >>> check_summary(12, 0, 1, failed=False, lang="en")
    '12 rows ready for analysis; check the 1 warning above.'
    >>> check_summary(12, 1, 0, failed=True, lang="id").split(".")[0]
    '1 galat, 0 peringatan'
    """
    n_warnings = plural("check", "warnings", warnings, lang)
    if failed:
        return text("check", "summary", lang, errors=plural("check", "errors", errors, lang),
                    warnings=n_warnings)
    return text("check", "ok_warnings" if warnings else "ok", lang,
                rows=plural("check", "rows", rows, lang), warnings=n_warnings)


def shown_value(value: Any) -> str:
    value = _shown(value)
    return "" if value is None else str(value)


def template_words(lang: str | None = None) -> dict[str, Any]:
    """The words of the data-entry template (sheet names, instructions, column notes) as
    templates (``steps``: the instructions in order; ``designs``: design name -> words)."""
    lang = resolve(lang)
    words: dict[str, Any] = {}
    steps: dict[int, str] = {}
    for key in keys("template", lang):
        if key.startswith("step_"):
            steps[int(key[5:])] = message("template", key, lang)
        else:
            words[key] = message("template", key, lang)
    words["steps"] = [steps[k] for k in sorted(steps)]
    words["designs"] = {d: message("design", d, lang) for d in sorted(keys("design", lang))}
    return words
