"""Audit of published results: recompute, cross-check, explain what cannot be right.

Input: the reported-results YAML (shared/spec/reported-results.md); output: an
:class:`AuditReport` with findings (codes and severities of the spec). The report layer
lays it out (:func:`laktasi.report.audit_document.audit_document`: terminal, md, html,
docx, json).

Examples
--------
>>> rep = audit("blooto-mojokerto-2021", lang="en")
>>> ("t41-paritas", "percent-mismatch") in {(f.item, f.code) for f in rep.findings}
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from laktasi.errors import LaktasiInputError
from laktasi.i18n import check_lang
from laktasi.i18n.audit import audit_text
from laktasi.stats.serialise import to_plain

from .checks import CHECKS, check_design, check_group_claim, check_sample_sizes
from .schema import DESIGNS, KINDS, AuditError, load_source, validate

__all__ = ["DESIGNS", "KINDS", "AuditError", "AuditReport", "Finding", "NotChecked", "audit",
           "example_names"]

SEVERITIES = ("error", "warning", "note")


@dataclass(frozen=True)
class Finding:
    """One finding: which item, the spec's code and severity, a one-line message in the
    report's language, what was printed and what was recomputed."""

    item: str
    code: str
    severity: str
    message: str
    reported: Any
    recomputed: Any

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True)
class NotChecked:
    """What the audit could not check: the item (``"(study)"`` for the whole file), a
    machine-readable reason and a sentence in the report's language."""

    item: str
    reason: str
    message: str
    loud: bool = False  # the file as a whole gives (almost) nothing to check

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)


@dataclass(frozen=True)
class AuditReport:
    """The audit of one study: its ``study`` block, the ``findings`` in item order and what
    could not be checked (``not_checked``)."""

    study: dict[str, Any]
    findings: tuple[Finding, ...]
    lang: str = "id"
    not_checked: tuple[NotChecked, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The spec's JSON: ``{"study": ..., "findings": [...]}``, plus ``not_checked``
        when something could not be checked."""
        out = {"study": to_plain(self.study), "findings": [f.to_dict() for f in self.findings]}
        if self.not_checked:
            out["not_checked"] = [n.to_dict() for n in self.not_checked]
        return out

    @property
    def nearly_empty(self) -> bool:
        """True when the file gives no test result to check (or nothing at all)."""
        return any(n.loud for n in self.not_checked)

    @property
    def exit_code(self) -> int:
        """The commands' convention: 1 when an error was found or the file gave (almost)
        nothing to check, else 0."""
        return 1 if self.count("error") or self.nearly_empty else 0

    def codes(self, item: str | None = None) -> list[str]:
        return [f.code for f in self.findings if item is None or f.item == item]

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


def _examples_dir() -> Path:
    return Path(__file__).parents[1] / "datasets" / "audit"


def example_names() -> list[str]:
    """Names of the shipped example files (the seed papers)."""
    return sorted(p.stem for p in _examples_dir().glob("*.yaml"))


def load_file(source: str | Path | Mapping[str, Any]) -> tuple[Any, str]:
    """The parsed content of a reported-results file and the name its messages use.

    Parameters
    ----------
    source : str, Path or mapping
        A YAML path, the name of a shipped example (see :func:`example_names`) or an
        already parsed mapping.

    Returns
    -------
    tuple[Any, str]
        The parsed (not yet validated) data and the file's name.
    """
    return load_source(source, _examples_dir())


def audit(source: str | Path | Mapping[str, Any], *, lang: str = "id") -> AuditReport:
    """Audit a reported-results file.

    Parameters
    ----------
    source : str, Path or mapping
        A YAML path, the name of a shipped example (see :func:`example_names`) or an
        already parsed mapping.
    lang : {"id", "en"}
        Language of the findings' messages.

    Returns
    -------
    AuditReport

    Raises
    ------
    AuditError
        The file cannot be read or does not follow the format; the message names the
        file, the path (``items[3].rows[1].pct``), the item id, the value and what is
        allowed.
    """
    check_lang(lang)
    data, name = load_file(source)
    study, items = validate(data, name)
    by_id = {it["id"]: it for it in items}
    findings: list[Finding] = []
    skipped: list[NotChecked] = []
    per_item: list[tuple[str, list[Any]]] = []
    for it in items:
        try:
            if it["kind"] == "group-comparison-claim":
                raw = check_group_claim(it, study, by_id)
            else:
                raw = CHECKS[it["kind"]](it, study)
            raw += check_design(it, study)
        except LaktasiInputError as exc:  # a value the core refuses (e.g. constant data)
            raise AuditError(f"{name}: {it['_path']} (item {it['id']!r}): {exc.message}",
                             source=name, item=it["id"], path=it["_path"], error=exc,
                             message_id="audit_item_refused") from None
        per_item.append((it["id"], raw))
    sizes = check_sample_sizes(items, study)
    for ident, raw in per_item:
        for code, severity, key, values, reported, recomputed in raw + sizes.get(ident, []):
            message = audit_text(key, lang, reported=reported, **values)
            if code == "not-checked":
                skipped.append(NotChecked(ident, key, message))
                continue
            findings.append(Finding(ident, code, severity, message, reported, recomputed))
    tested = [it for it in items if it["kind"] in TEST_KINDS and any(
        it.get(k) is not None for k in ("p", "z", "t", "u", "statistic"))]
    if not items or not tested:
        key = "empty_file" if not items else "no_test_result"
        skipped.insert(0, NotChecked("(study)", key, audit_text(key, lang, n=len(items)),
                                     loud=True))
    shown = {k: v for k, v in study.items() if not k.startswith("_")}
    return AuditReport(shown, tuple(findings), lang, tuple(skipped))


TEST_KINDS = ("paired-binary", "wilcoxon", "rank-two-group", "paired-means")
