"""Words of the meta-analysis output (section ``meta``; effect measures ``meta_measure``,
axis scales ``meta_scale``, design names ``meta_design``, formula words ``formula``).
Numbers are formatted here (decimal comma in Indonesian); the core gives full precision."""

from __future__ import annotations

import re

from . import message, resolve, text, text_or
from .numbers import fmt_number, fmt_p

__all__ = ["design_name", "formula_text", "measure_name", "meta_say", "model_line", "num",
           "p_text", "scale_label"]


def meta_say(key: str, lang: str | None = None, **values: object) -> str:
    """The meta-analysis text for ``key`` in ``lang`` with ``values`` filled in."""
    return text("meta", key, lang, **values)


def num(x: float | None, lang: str | None = None, decimals: int = 2) -> str:
    return fmt_number(x, decimals, lang)


def model_line(method: str, hksj: bool, k: int, lang: str | None = None) -> str:
    """The model's name, e.g. "random-effects model, τ² REML; Hartung-Knapp-... (t, df = 3)"."""
    words = meta_say("model_FE" if method == "FE" else "model_RE", lang, method=method)
    if hksj:
        words += "; " + meta_say("hksj", lang, df=k - 1)
    return words


def p_text(p: float, lang: str | None = None) -> str:
    return fmt_p(p, lang)


def measure_name(code: str, lang: str | None = None) -> str:
    """The name of an effect measure ("SMCR"); a code without words as it is."""
    return text_or("meta_measure", code, code, lang)


def scale_label(scale: str, lang: str | None = None) -> str:
    """The axis label of an effect scale ("log odds ratio"); an unknown scale as it is."""
    return text_or("meta_scale", scale, scale, lang)


def design_name(design: str | None, lang: str | None = None) -> str:
    """A study design's name in ``lang`` (a design the CSV names otherwise is kept)."""
    lang = resolve(lang)
    return "" if not design else text_or("meta_design", design, design, lang)


# The conversion formulas of laktasi.meta.effects are written there as code (yi, vi, sqrt,
# ^2, m_post); a report prints them as formulas. Longest names first. The words of the
# first group are in the catalogue (section "formula", keyed by the code they replace).
_WORDED = ("t ~ Z (rank test)", "(discordant pairs)", "sd_pooled", "sd_d")
_COMMON = [("m_post", "Mₚₒₛₜ"), ("m_pre", "Mₚᵣₑ"), ("sd_post", "SDₚₒₛₜ"),
           ("sd_pre", "SDₚᵣₑ"), ("d_z", "dz"), ("yi", "yᵢ"), ("vi", "vᵢ"), ("sd1", "SD₁"),
           ("sd2", "SD₂"), ("m1", "M₁"), ("m2", "M₂"), ("log(", "ln(")]


def formula_text(raw: str, lang: str | None = None) -> str:
    """A conversion formula written as a formula: symbols (yᵢ, √, ², −, subscripts)
    instead of code, words in ``lang``.

    >>> formula_text("yi = (m_post - m_pre) / sd_d", "en")
    'yᵢ = (Mₚₒₛₜ − Mₚᵣₑ) / SD of the change'
    """
    lang = resolve(lang)

    def quantile(match: re.Match[str]) -> str:
        df = match.group(1).replace("-", " − ").replace("+", " + ")
        return text("meta", "quantile", lang, df=df)

    out = re.sub(r"qt\(1 - p/2, ([^)]*)\)", quantile, raw)
    for old, new in [(code, message("formula", code, lang)) for code in _WORDED] + _COMMON:
        out = out.replace(old, new)
    out = re.sub(r"sqrt\(([A-Za-z0-9₁₂]+)\)", r"√\1", out)
    out = re.sub(r"sqrt\(", "√(", out)
    out = out.replace("^2", "²")
    out = re.sub(r"\bc\(", "J(", out)
    out = re.sub(r"\b([np])([12])\b", lambda m: m.group(1) + "₁₂"[int(m.group(2)) - 1], out)
    out = re.sub(r"(?<=[\w)²₁₂ᵢ])-(?=[\w(])", " − ", out)
    out = out.replace(" - ", " − ").replace("*", "·")
    return out
