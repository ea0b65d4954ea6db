"""Number formatting for Indonesian (decimal comma) and English reports.

``lang`` None (the default) is the active language (:func:`laktasi.i18n.use_language`).

Rules (DOMAIN.md and APA): never print "p = 0,000" / ".000" — write
"p < 0,001" (id) / "p < .001" (en); p and correlations have no leading zero
in English (APA); Indonesian keeps the leading zero ("0,001").
"""

from __future__ import annotations

import math

from . import resolve

__all__ = ["fmt_corr", "fmt_int", "fmt_number", "fmt_p", "fmt_percent", "fmt_thousands"]


def _round_half_up(x: float, decimals: int) -> float:
    # SPSS and Excel round half away from zero; Python's round() is half-even
    q = 10.0**decimals
    return math.copysign(math.floor(abs(x) * q + 0.5 + 1e-9) / q, x)


def fmt_number(x: float | None, decimals: int = 2, lang: str | None = None, *,
               leading_zero: bool = True) -> str:
    """Format a number with fixed decimals; decimal comma in Indonesian.

    >>> fmt_number(5.4666, 2, "id"), fmt_number(0.915, 3, "en", leading_zero=False)
    ('5,47', '.915')
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if isinstance(x, float) and math.isinf(x):
        return "∞" if x > 0 else "−∞"
    text = f"{_round_half_up(float(x), decimals):.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    if not leading_zero and decimals > 0:
        if text.startswith("0."):
            text = text[1:]
        elif text.startswith("-0."):
            text = "-" + text[2:]
    if resolve(lang) == "id":
        text = text.replace(".", ",")
    return text.replace("-", "−")


def fmt_corr(x: float | None, decimals: int = 2, lang: str | None = None) -> str:
    """A number that cannot exceed 1 in size (r, a share): APA (English) drops the leading
    zero, Indonesian keeps it.

    >>> fmt_corr(0.456, 2, "id"), fmt_corr(-0.456, 2, "en")
    ('0,46', '−.46')
    """
    return fmt_number(x, decimals, lang, leading_zero=resolve(lang) == "id")


def fmt_int(n: int) -> str:
    return str(int(n))


def fmt_p(p: float | None, lang: str | None = None, decimals: int = 3, *, with_symbol: bool = True) -> str:
    """p in report style: "p = 0,002" / "p < 0,001" (id); "p = .002" / "p < .001" (en).

    The value is rounded as SPSS prints it (.0006 shows as .001); a p that SPSS
    would print as ".000" is written "< 0,001" / "< .001".

    >>> fmt_p(0.0004, "id"), fmt_p(0.0004, "en"), fmt_p(0.0241, "en", with_symbol=False)
    ('p < 0,001', 'p < .001', '.024')

    An undefined p (NaN or None: a correlation of 2 pairs, a constant variable) prints as
    a dash, as PSPP prints an empty cell.

    >>> fmt_p(float("nan"), "id", with_symbol=False)
    '–'
    """
    if p is None or p != p:
        return "p = –" if with_symbol else "–"
    limit = 10.0**-decimals
    lang = resolve(lang)
    lead = lang == "id"
    # as SPSS: round to the printed decimals; only a p that would print as 0 becomes "<"
    if _round_half_up(p, decimals) == 0:
        body = "< " + fmt_number(limit, decimals, lang, leading_zero=lead)
        return f"p {body}" if with_symbol else body
    body = fmt_number(p, decimals, lang, leading_zero=lead)
    return f"p = {body}" if with_symbol else body


def fmt_percent(x: float, decimals: int = 1, lang: str | None = None) -> str:
    """
    >>> fmt_percent(46.666, 1, "id")
    '46,7%'
    """
    return fmt_number(x, decimals, lang) + "%"


def fmt_thousands(n: int, lang: str | None = None) -> str:
    """A whole number with thousands separators: "10.000" (id), "10,000" (en).

    >>> fmt_thousands(10000, "id"), fmt_thousands(10000, "en")
    ('10.000', '10,000')
    """
    return f"{int(n):,}".replace(",", "." if resolve(lang) == "id" else ",")
