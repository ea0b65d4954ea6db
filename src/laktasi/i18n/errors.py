"""A :class:`~laktasi.errors.LaktasiError` in the user's language.

The statistics core and the analysis plan raise errors whose ``str()`` is English and
whose ``detail`` carries a ``message_id`` and the fields the message needs (numbers,
1-based positions, lists of values). :func:`error_text` words such an error from section
``"error"`` of the catalogue:

1. the entry of its ``message_id``;
2. else the entry of the error class's ``code``, when the catalogue has one and the
   error's detail has every field it names;
3. else the error's own message, unchanged. Errors their raiser already worded in the
   user's language (the data reader's :class:`~laktasi.io.DataError`, the study reader's
   ``StudyError``, the web forms' errors) carry no ``message_id`` and a code without an
   entry, so they come out as they are.

Fields are shown in the language: numbers with a decimal comma in Indonesian (through
:mod:`laktasi.i18n.numbers`), sequences joined with ", " (with "; " when a number in them has
a decimal comma: "1; 2,5", not "1, 2,5"), values the user gave (``value``,
``values``, ``levels``, ``allowed``) quoted as Python writes them, and a nested error
(a field holding a LaktasiError, or its record as :func:`error_record` writes it) worded
in the same language.

>>> from laktasi.errors import ConstantInputError
>>> exc = ConstantInputError("All 12 post values are equal (5).", n=12, value=5.0,
...                          message_id="ancova_post_constant")
>>> error_text(exc, "id")[:29]
'Semua 12 nilai post sama (5, '
>>> error_text(ValueError("plain"), "en")
'plain'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from . import message, resolve
from .numbers import fmt_number, fmt_thousands

__all__ = ["SECTION", "error_record", "error_text"]

SECTION = "error"

# fields that hold values the user gave: shown as Python writes them ('lancar', 2.5)
_QUOTED = frozenset({"value", "values", "levels", "allowed"})
# the detail keys of a record that are not fields of the message
_RECORD_KEYS = ("code", "message", "message_id")


def error_record(exc: BaseException) -> dict[str, Any]:
    """The error as data: ``code``, ``message`` (English) and its detail (``message_id``
    and the fields), e.g. to keep it in a result that is written as JSON and worded
    later with :func:`error_text`."""
    detail = dict(getattr(exc, "detail", {}) or {})
    return {"code": getattr(exc, "code", "error"),
            "message": getattr(exc, "message", str(exc)), **detail}


def error_text(exc: BaseException | Mapping[str, Any], lang: str | None = None) -> str:
    """The message of ``exc`` (an exception, or its record from :func:`error_record`) in
    ``lang`` (None: the active language); see the module's description for the order."""
    lang = resolve(lang)
    if isinstance(exc, Mapping):
        fields = {k: v for k, v in exc.items() if k not in _RECORD_KEYS}
        message_id, code = exc.get("message_id"), exc.get("code")
        fallback = str(exc.get("message", ""))
    else:
        detail = getattr(exc, "detail", None)
        fields = {k: v for k, v in (detail or {}).items() if k != "message_id"}
        message_id = (detail or {}).get("message_id")
        code = getattr(exc, "code", None)
        text = getattr(exc, "message", None)  # the web may have edited it (a file's name)
        fallback = text if isinstance(text, str) else str(exc)
    for key in (message_id, code):
        if not isinstance(key, str) or not key:
            continue
        try:
            template = message(SECTION, key, lang)
        except KeyError:
            continue
        shown = {k: _shown(v, lang, quoted=k in _QUOTED) for k, v in fields.items()}
        try:
            return template.format(**shown)
        except (KeyError, IndexError):  # an entry of the code needs a field this error lacks
            continue
    return fallback


def _shown(value: Any, lang: str, *, quoted: bool = False) -> str:
    """One field as the message prints it."""
    from laktasi.errors import LaktasiError

    if isinstance(value, LaktasiError) or (
            isinstance(value, Mapping) and ("message_id" in value or "message" in value)):
        return error_text(value, lang)
    if isinstance(value, Mapping):
        return ", ".join(f"{_shown(k, lang, quoted=True)}: {_shown(v, lang)}"
                         for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)) or (
            hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0):
        items = list(value.tolist() if hasattr(value, "tolist") else value)
        shown = [_shown(v, lang, quoted=quoted) for v in items]
        # "1, 2,5" would read as three numbers: numbers with a decimal comma take "; "
        decimal = any(isinstance(v, float) and "," in t for v, t in zip(items, shown, strict=True))
        return ("; " if decimal else ", ").join(shown)
    if hasattr(value, "item") and getattr(value, "ndim", None) == 0:  # a numpy scalar
        value = value.item()
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        n = int(value)
        digits = fmt_thousands(abs(n), lang) if abs(n) >= 10_000 else str(abs(n))
        return ("−" if n < 0 else "") + digits  # the minus sign of laktasi.i18n.numbers
    if isinstance(value, float):
        return _number(float(value), lang)
    if isinstance(value, str):
        return repr(value) if quoted else value
    return repr(value) if quoted else str(value)


def _number(x: float, lang: str) -> str:
    """A number as ``{:g}`` writes it (6 significant digits), with the language's decimal
    mark; whole numbers without decimals."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x.is_integer() and abs(x) < 1e15:
        return _shown(int(x), lang)
    text = f"{x:g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        mantissa = mantissa.replace("-", "−")
        return (mantissa.replace(".", ",") if lang == "id" else mantissa) + "e" + exponent
    decimals = len(text.split(".")[1]) if "." in text else 0
    return fmt_number(x, decimals, lang)
