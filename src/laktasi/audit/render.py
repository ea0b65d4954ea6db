"""Renderers of an audit report: text, JSON and HTML are peers in one registry."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from laktasi.i18n.audit import audit_text, has_audit_text
from laktasi.i18n.numbers import fmt_number

if TYPE_CHECKING:
    from . import AuditReport, Finding

__all__ = ["RENDERERS", "fmt_value"]


def fmt_value(v: Any, lang: str) -> str:
    """A recomputed or reported value in a short readable form (decimal comma in id)."""
    if v is None:
        return "–"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return fmt_number(v, 0, lang)
        if v != 0 and abs(v) < 0.001:
            text = f"{v:.2e}"
            return text.replace(".", ",") if lang == "id" else text
        return fmt_number(v, 4, lang)
    if isinstance(v, (list, tuple)):
        if len(v) == 2 and all(isinstance(x, float) for x in v):
            return f"{fmt_value(v[0], lang)} – {fmt_value(v[1], lang)}"
        return "[" + "; ".join(fmt_value(x, lang) for x in v[:6]) + (
            "; …" if len(v) > 6 else "") + "]"
    if isinstance(v, dict):
        return "; ".join(f"{_label(k, lang)}: {fmt_value(x, lang)}" for k, x in v.items())
    return str(v)


def _label(key: Any, lang: str) -> str:
    """Words for a recomputed value's key ("mcnemar-chi-square" -> "khi-kuadrat McNemar")."""
    return audit_text(f"key_{key}", lang) if has_audit_text(f"key_{key}") else str(key)


def _severity(f: Finding, lang: str) -> str:
    return audit_text(f"sev_{f.severity}", lang)


def _code_name(code: str, lang: str) -> str:
    return audit_text(f"code_{code}", lang) if has_audit_text(f"code_{code}") else code


def _groups(report: AuditReport) -> list[tuple[str, list[Finding]]]:
    out: list[tuple[str, list[Finding]]] = []
    for f in report.findings:
        if not out or out[-1][0] != f.item:
            out.append((f.item, []))
        out[-1][1].append(f)
    return out


def _summary(report: AuditReport, lang: str) -> str:
    return audit_text("summary", lang, errors=report.count("error"),
                      warnings=report.count("warning"), notes=report.count("note"))


def render_text(report: AuditReport, lang: str) -> str:
    title = report.study.get("title") or report.study.get("id") or ""
    lines = [audit_text("heading", lang, title=title), _summary(report, lang)]
    loud = [n for n in report.not_checked if n.loud]
    lines += [n.message for n in loud]
    if not report.findings and not loud:
        lines.append(audit_text("no_findings", lang))
    rep_word, rec_word = audit_text("reported", lang), audit_text("recomputed", lang)
    for item, findings in _groups(report):
        lines.append(f"\n[{item}]")
        for f in findings:
            lines.append(f"  {_severity(f, lang):10} {_code_name(f.code, lang)} ({f.code}): "
                         f"{f.message}")
            lines.append(f"          {rep_word}: {fmt_value(f.reported, lang)}")
            if f.recomputed is not None:
                lines.append(f"          {rec_word}: {fmt_value(f.recomputed, lang)}")
    quiet = [n for n in report.not_checked if not n.loud]
    if quiet:
        lines.append("\n" + audit_text("not_checked_head", lang))
        lines += [f"  [{n.item}] {n.message}" for n in quiet]
    return "\n".join(lines)


def render_json(report: AuditReport, lang: str) -> str:
    """The spec's JSON (NaN and infinity, which JSON lacks, become null)."""
    return json.dumps(_nan_to_none(report.to_dict()), ensure_ascii=False, indent=1,
                      allow_nan=False)


def _nan_to_none(obj: Any) -> Any:
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _nan_to_none(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_nan_to_none(v) for v in obj]
    return obj


_CSS = ("body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "h2{font-size:1.1em;margin-top:1.5em}table{border-collapse:collapse;width:100%}"
        "td,th{border:1px solid #ccc;padding:.3em;vertical-align:top;text-align:left}"
        ".error{color:#a40000}.warning{color:#8a5a00}.note{color:#245}")


def render_html(report: AuditReport, lang: str) -> str:
    esc = html.escape
    title = report.study.get("title") or report.study.get("id") or ""
    head = [audit_text("col_severity", lang), audit_text("col_code", lang),
            audit_text("col_message", lang), audit_text("reported", lang),
            audit_text("recomputed", lang)]
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">",
             f"<title>{esc(audit_text('heading', lang, title=title))}</title>",
             f"<style>{_CSS}</style></head><body>",
             f"<h1>{esc(audit_text('heading', lang, title=title))}</h1>",
             f"<p>{esc(_summary(report, lang))}</p>"]
    loud = [n for n in report.not_checked if n.loud]
    parts += [f"<p class=\"warning\"><strong>{esc(n.message)}</strong></p>" for n in loud]
    if not report.findings and not loud:
        parts.append(f"<p>{esc(audit_text('no_findings', lang))}</p>")
    for item, findings in _groups(report):
        parts.append(f"<h2>{esc(item)}</h2><table><tr>"
                     + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>")
        for f in findings:
            cells = [_severity(f, lang), f"{_code_name(f.code, lang)} ({f.code})", f.message,
                     fmt_value(f.reported, lang), fmt_value(f.recomputed, lang)]
            parts.append(f"<tr class=\"{esc(f.severity)}\">"
                         + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    quiet = [n for n in report.not_checked if not n.loud]
    if quiet:
        parts.append(f"<h2>{esc(audit_text('not_checked_head', lang))}</h2><ul>"
                     + "".join(f"<li>[{esc(n.item)}] {esc(n.message)}</li>" for n in quiet)
                     + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


RENDERERS: dict[str, Callable[[AuditReport, str], str]] = {
    "text": render_text,
    "json": render_json,
    "html": render_html,
}
