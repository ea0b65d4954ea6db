"""An audit of printed numbers as a report :class:`~laktasi.report.document.Document`
(id/en): the heading, the count of findings, what could not be checked at all, then each
item's findings (severity, the code's name and code, the explanation, what was printed and
what was recomputed) and the items left unchecked. The terminal, md, html, docx and json
outputs of ``laktasi audit`` and of the web app's audit page are all this one document.

The document also carries the audit as data (``Document.data``: the reported-results
spec's ``{"study": ..., "findings": [...], "not_checked": [...]}`` with the codes and the
raw numbers), which is what the JSON renderer writes.

Examples
--------
>>> from laktasi.audit import audit
>>> doc = audit_document(audit("blooto-mojokerto-2021"))
>>> doc.blocks[1].text
'4 kesalahan, 0 peringatan, 0 catatan.'
>>> doc.data["findings"][0]["code"]
'percent-mismatch'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from laktasi.i18n import current_language, use_language
from laktasi.i18n.audit import audit_text, has_audit_text
from laktasi.i18n.numbers import fmt_number

from .document import Block, Document, Heading, Paragraph

if TYPE_CHECKING:
    from laktasi.audit import AuditReport, Finding

__all__ = ["audit_document", "fmt_value"]


def fmt_value(v: Any) -> str:
    """A recomputed or reported value in a short readable form, in the active language
    (decimal comma in Indonesian).

    >>> fmt_value({"mcnemar-chi-square": 3.2, "df": 1})
    'khi-kuadrat McNemar: 3,2000; df: 1'
    >>> with use_language("en"):
    ...     fmt_value([0.5906, 0.6724])
    '0.5906 – 0.6724'
    """
    if v is None:
        return "–"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return fmt_number(v, 0)
        if v != 0 and abs(v) < 0.001:
            text = f"{v:.2e}"
            return text.replace(".", ",") if current_language() == "id" else text
        return fmt_number(v, 4)
    if isinstance(v, list | tuple):
        if len(v) == 2 and all(isinstance(x, float) for x in v):
            return f"{fmt_value(v[0])} – {fmt_value(v[1])}"
        return "[" + "; ".join(fmt_value(x) for x in v[:6]) + (
            "; …" if len(v) > 6 else "") + "]"
    if isinstance(v, dict):
        return "; ".join(f"{_label(k)}: {fmt_value(x)}" for k, x in v.items())
    return str(v)


def _label(key: Any) -> str:
    """Words for a recomputed value's key ("mcnemar-chi-square" -> "khi-kuadrat McNemar")."""
    return audit_text(f"key_{key}") if has_audit_text(f"key_{key}") else str(key)


def _code_name(code: str) -> str:
    return audit_text(f"code_{code}") if has_audit_text(f"code_{code}") else code


def _groups(report: AuditReport) -> list[tuple[str, list[Finding]]]:
    """The findings by item, in the order of the file."""
    out: list[tuple[str, list[Finding]]] = []
    for f in report.findings:
        if not out or out[-1][0] != f.item:
            out.append((f.item, []))
        out[-1][1].append(f)
    return out


def _finding(f: Finding) -> list[Paragraph]:
    """A finding in two lines: its severity, the code's name and the explanation; then
    what was printed and what was recomputed (those of the two that there are)."""
    line = (f"{audit_text(f'sev_{f.severity}')} — {_code_name(f.code)} ({f.code}): "
            f"{f.message}")
    reported, recomputed = fmt_value(f.reported), fmt_value(f.recomputed)
    if f.reported is None and f.recomputed is None:
        return [Paragraph(line)]
    if f.reported is None:
        values = audit_text("values_line_recomputed_only", recomputed=recomputed)
    elif f.recomputed is None:
        values = audit_text("values_line", reported=reported)
    else:
        values = audit_text("values_line_recomputed", reported=reported,
                            recomputed=recomputed)
    return [Paragraph(line), Paragraph(values, "note")]


def audit_document(report: AuditReport) -> Document:
    """The whole audit as one document in the report's language (the language its
    findings were worded in), made the active language while it is built."""
    with use_language(report.lang):
        return _document(report)


def _document(report: AuditReport) -> Document:
    title = audit_text("heading", title=report.study.get("title")
                       or report.study.get("id") or "")
    counts = {s: report.count(s) for s in ("error", "warning", "note")}
    blocks: list[Block] = [
        Heading(title, 1),
        Paragraph(audit_text("summary", errors=counts["error"],
                             warnings=counts["warning"], notes=counts["note"]))]
    loud = [n for n in report.not_checked if n.loud]
    blocks += [Paragraph(n.message, "warning") for n in loud]
    if not report.findings and not loud:
        blocks.append(Paragraph(audit_text("no_findings")))
    for item, findings in _groups(report):
        blocks.append(Heading(audit_text("item_heading", item=item), 2))
        for f in findings:
            blocks += _finding(f)
    quiet = [n for n in report.not_checked if not n.loud]
    if quiet:
        blocks.append(Heading(audit_text("not_checked_title"), 2))
        blocks += [Paragraph(f"{n.item}: {n.message}") for n in quiet]
    meta = {"kind": "audit", "study": report.study.get("id"), "errors": counts["error"],
            "warnings": counts["warning"], "notes": counts["note"]}
    return Document(title, current_language(), tuple(blocks), meta, report.to_dict())
