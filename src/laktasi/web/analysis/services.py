"""The Analisis page's work: every call into laktasi's pipeline is here, views stay thin.

The web app runs exactly what ``laktasi analyze`` runs: the data are read and checked by
:mod:`laktasi.io`, the study description is built by :func:`laktasi.design.infer.
study_from_columns` / :func:`laktasi.design.study.study_from_mapping`, the chapter by
:func:`laktasi.pipeline.analyse_file` and the files by :func:`laktasi.report.renderers.render`.
Nothing here computes a statistic, builds a table or words a result.

Uploaded bytes are kept in the database and written to a private temporary folder only for
the readers (which open them as data, never run them).
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language, gettext, ngettext

from laktasi.errors import LaktasiInputError

from .models import Upload

__all__ = [
    "ALLOWED_SUFFIXES",
    "DOWNLOADS",
    "ProblemRow",
    "UploadRejected",
    "chapter_build",
    "chapter_download",
    "chapter_html",
    "chapter_job",
    "data_check",
    "demo_load",
    "study_form_initial",
    "study_from_form",
    "study_guess",
    "study_save",
    "study_yaml",
    "template_workbook",
    "upload_columns",
    "upload_create",
    "upload_prune",
]

ALLOWED_SUFFIXES = (".xlsx", ".csv", ".sav")
# The first bytes each accepted type must start with (a .csv must decode as text instead).
_MAGIC = {".xlsx": (b"PK\x03\x04",), ".sav": (b"$FL2", b"$FL3")}
# format -> (file suffix, content type)
DOWNLOADS = {
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "html": (".html", "text/html; charset=utf-8"),
    "md": (".md", "text/markdown; charset=utf-8"),
    "json": (".json", "application/json"),
}
_MAX_CATEGORIES = 12


def lang_now() -> str:
    """The page's language as laktasi names it ("id" or "en")."""
    return (get_language() or "id").split("-")[0]


class UploadRejected(LaktasiInputError):
    """An upload that cannot be used; ``messages`` are already in the page's language."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = list(messages)


@dataclass(frozen=True)
class ProblemRow:
    """One data problem as the page lists it (the words come from the report layer)."""

    severity: str
    severity_text: str
    row: int | None
    column: str
    value: str
    problem: str


def _safe_name(name: str) -> str:
    stem = Path(name.replace("\\", "/")).name
    cleaned = re.sub(r"[^\w.\- ]+", "_", stem).strip(" .") or "data"
    return cleaned[-120:]


def upload_check(*, name: str, size: int, head: bytes) -> None:
    """Refuse a file by type, size or first bytes before it is stored.

    Raises :class:`UploadRejected` with the reasons in the page's language.
    """
    suffix = Path(name).suffix.lower()
    limit = settings.LAKTASI_MAX_UPLOAD_BYTES
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected([gettext(
            "%(name)s: files of type %(suffix)s are not accepted; use %(allowed)s.") % {
            "name": name, "suffix": suffix or "(?)", "allowed": ", ".join(ALLOWED_SUFFIXES)}])
    if size > limit:
        raise UploadRejected([too_large_message(name, size)])
    if size == 0:
        raise UploadRejected([gettext("%(name)s: the file is empty.") % {"name": name}])
    magic = _MAGIC.get(suffix)
    if magic and not head.startswith(magic):
        raise UploadRejected([gettext(
            "%(name)s: the content is not a %(suffix)s file (its first bytes do not match); "
            "save it again from Excel or SPSS as %(suffix)s.") % {"name": name,
                                                                 "suffix": suffix}])
    if suffix == ".csv" and b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected([gettext(
            "%(name)s: the content is not text, so it is not a CSV file; save it again as "
            "CSV (comma or semicolon separated).") % {"name": name}])


def too_large_message(name: str, size: int) -> str:
    from django.utils.formats import number_format

    mb = settings.LAKTASI_MAX_UPLOAD_BYTES / (1024 * 1024)
    return gettext("%(name)s: the file is %(size)s MB; the limit is %(limit)s MB.") % {
        "name": name or gettext("the upload"),
        "size": number_format(size / (1024 * 1024), 1, use_l10n=True),
        "limit": number_format(mb, 0, use_l10n=True)}


@contextlib.contextmanager
def _as_file(name: str, content: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="laktasi-web-") as tmp:
        path = Path(tmp) / _safe_name(name)
        path.write_bytes(content)
        yield path


@contextlib.contextmanager
def upload_file(upload: Upload) -> Iterator[Path]:
    """The upload written to a private temporary file (removed afterwards)."""
    with _as_file(upload.name, bytes(upload.content)) as path:
        yield path


def _problem_rows(report: Any, lang: str) -> list[ProblemRow]:
    from laktasi.i18n.io import check_word, problem_body, shown_value

    return [ProblemRow(p.severity, check_word(p.severity, lang), p.row, p.column,
                       shown_value(p.value), problem_body(p, lang)) for p in report.problems]


def _read_table(path: Path, sheet: str, lang: str) -> tuple[list[str], list[list[Any]]]:
    from laktasi.io import DataError, read_table

    try:
        return read_table(path, sheet=sheet or None, lang=lang)
    except DataError as exc:
        raise UploadRejected([f"{path.name}: {r.problem}" + (f" ({r.column})" if r.column else "")
                              for r in _problem_rows(exc.report, lang)]) from None


@transaction.atomic
def upload_create(*, name: str, content: bytes, sheet: str = "") -> Upload:
    """Check and store an uploaded data file; its columns must be readable.

    Raises :class:`UploadRejected` (type, size, first bytes, or what the reader found:
    an empty file or sheet, a file that is not what its name says, ...).
    """
    name = _safe_name(name)
    upload_check(name=name, size=len(content), head=content[:8])
    with _as_file(name, content) as path:
        _read_table(path, sheet, lang_now())
    return Upload.objects.create(name=name, content=content, sheet=sheet)


def upload_columns(*, upload: Upload) -> tuple[list[str], list[list[Any]]]:
    """The header and the raw cells of the upload (for the study form)."""
    with upload_file(upload) as path:
        return _read_table(path, upload.sheet, lang_now())


# ---------------------------------------------------------------- study description


def _distinct(cells: Sequence[Sequence[Any]], j: int) -> list[str]:
    seen = {str(r[j]).strip() for r in cells if j < len(r) and r[j] not in (None, "")}
    return sorted(seen, key=str.lower)


def study_guess(*, header: Sequence[str], cells: Sequence[Sequence[Any]], title: str
                ) -> dict[str, Any]:
    """A first study description from the columns (laktasi's own inference, as
    ``laktasi analyze --design``): a column named kelompok/group with two values makes a
    two-group design; NAME_pre/NAME_post pairs are the outcomes; the first column whose
    values are all different is the mothers' code."""
    from laktasi.design.infer import study_from_columns
    from laktasi.design.study import study_to_mapping

    group = next((h for j, h in enumerate(header) if h and h.lower() in (
        "kelompok", "group", "grup", "klp") and len(_distinct(cells, j)) == 2), None)
    paired = any(h and h.lower().endswith(("_pre", "_sebelum", "_pretest")) for h in header)
    if group is None:
        design = "one-group-pretest-posttest"
    else:
        design = "nonequivalent-control-pretest-posttest" if paired else "two-group-posttest"
    id_column = None
    for j, h in enumerate(header):
        values = [r[j] for r in cells if j < len(r) and r[j] not in (None, "")]
        if h and values and len(set(map(str, values))) == len(values) == len(cells) and any(
                isinstance(v, str) for v in values):
            id_column = h
            break
    rows = [list(r) for r in cells]
    for _ in range(len(header)):
        try:
            study = study_from_columns(header, rows, design, group=group, id_column=id_column,
                                       title=title)
            break
        except LaktasiInputError as exc:
            # a typo ("lima") in a column of numbers: guess without it (the check lists it)
            if not _drop_stray_text(rows, header, exc.detail.get("column")):
                study = None
                break
    else:
        study = None
    if study is None:
        spec: dict[str, Any] = {"study": {"id": "data", "title": title, "design": design},
                                "outcomes": []}
        if id_column:
            spec["id_column"] = id_column
        if group:
            spec["group"] = {"column": group}
        return spec
    return study_to_mapping(study)


def _number(value: Any) -> bool:
    try:
        float(str(value).replace(",", "."))
    except ValueError:
        return False
    return True


def _drop_stray_text(rows: list[list[Any]], header: Sequence[str], column: str | None) -> bool:
    """Blank the cells that are not numbers in ``column`` and its before/after partner when
    most of their cells are numbers; False when there is nothing to blank."""
    if not column or column not in header:
        return False
    stem = re.sub(r"(_post|_sesudah|_posttest|_pre|_sebelum|_pretest)$", "", column, flags=re.I)
    cols = [j for j, h in enumerate(header) if h and re.sub(
        r"(_post|_sesudah|_posttest|_pre|_sebelum|_pretest)$", "", h, flags=re.I) == stem]
    values = [r[j] for r in rows for j in cols if j < len(r) and r[j] not in (None, "")]
    stray = [v for v in values if not _number(v)]
    if not stray or len(stray) * 2 >= len(values):
        return False
    for r in rows:
        for j in cols:
            if j < len(r) and r[j] not in (None, "") and not _number(r[j]):
                r[j] = None
    return True


def characteristic_entry(column: str, cells: Sequence[Sequence[Any]], j: int,
                         base: dict[str, Any] | None) -> dict[str, Any] | str:
    """The study entry of a characteristic ticked in the form: the previous entry for that
    column, laktasi's default bands / categories when they fit the data (as
    ``study_from_columns`` does), or the data's own categories.

    Raises :class:`LaktasiInputError` (worded for the page) when the column has too many
    different values to be categories.
    """
    from laktasi.design.study import DEFAULT_CHARACTERISTICS

    if base is not None:
        return base
    seen = _distinct(cells, j)
    default = DEFAULT_CHARACTERISTICS.get(column)
    if default is not None:
        known = {k.lower() for k in default.get("categories", [])}
        if "bins" in default or {v.lower() for v in seen} <= known:
            return column
    if len(seen) > _MAX_CATEGORIES:
        raise LaktasiInputError(gettext(
            "Column %(column)s has %(n)d different values; a characteristic is shown as "
            "categories (at most %(max)d). Group the values in the file (e.g. age bands) or "
            "untick it.") % {"column": column, "n": len(seen), "max": _MAX_CATEGORIES},
            column=column)
    return {"column": column, "categories": seen}


def study_from_form(*, form: dict[str, Any], outcomes: Sequence[dict[str, Any]],
                    base: dict[str, Any] | None, header: Sequence[str],
                    cells: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """The study description (the mapping the CLI reads from YAML) from the form's answers.

    What the form does not show (labels in both languages, bands, units, ranges, a forced
    test, group labels) is kept from ``base`` (the previous description) for the columns and
    outcomes that did not change. Raises :class:`LaktasiInputError` worded for the page.
    """
    base = base or {}
    index = {h: j for j, h in enumerate(header)}
    design = form["design"]
    old_top = dict(base.get("study") or {})
    top = {**old_top, "id": old_top.get("id") or "data", "title": form["title"],
           "design": design}
    spec: dict[str, Any] = {"study": top}
    if form.get("id_column"):
        spec["id_column"] = form["id_column"]
    if design != "one-group-pretest-posttest":
        column = form.get("group_column") or ""
        if not column:
            raise LaktasiInputError(gettext(
                "This design compares two groups: choose the column that says which group "
                "each mother is in."), field="group_column")
        old = base.get("group") or {}
        if old.get("column") == column and old.get("levels"):
            spec["group"] = old
        else:
            levels = _distinct(cells, index[column])
            if len(levels) != 2:
                raise LaktasiInputError(gettext(
                    "Column %(column)s must hold exactly two groups; it holds %(n)d: "
                    "%(values)s.") % {"column": column, "n": len(levels),
                                      "values": ", ".join(levels[:8])}, field="group_column")
            spec["group"] = {"column": column, "levels": levels}
    old_chars = {}
    for c in base.get("characteristics") or []:
        old_chars[c if isinstance(c, str) else c.get("column")] = c
    spec["characteristics"] = [characteristic_entry(c, cells, index[c], old_chars.get(c))
                               for c in form.get("characteristics") or []]
    old_outs = {o.get("name"): o for o in base.get("outcomes") or [] if isinstance(o, dict)}
    outs = []
    for i, row in enumerate(outcomes, 1):
        post = row.get("post") or ""
        if not post:
            continue
        pre = row.get("pre") or ""
        if design == "two-group-posttest":
            pre = ""
        elif not pre:
            raise LaktasiInputError(gettext(
                "Outcome %(i)d (%(post)s): this design measures before and after; choose the "
                "column measured before.") % {"i": i, "post": post}, field="outcomes")
        name = (row.get("name") or "").strip() or re.sub(r"(_post|_sesudah|_posttest)$", "",
                                                         post, flags=re.I)
        old = old_outs.get(name) or {}
        same = old.get("post") == post and (old.get("pre") or "") == pre and \
            old.get("type") == row["type"]
        item: dict[str, Any] = dict(old) if same else {}
        label = (row.get("label") or "").strip()
        old_label = item.get("label")
        shown = old_label.get(lang_now()) if isinstance(old_label, dict) else old_label
        if not same or label != (shown or ""):
            item["label"] = label or name.replace("_", " ").capitalize()
        item.update({"name": name, "type": row["type"], "post": post})
        item.pop("pre", None)
        if pre:
            item["pre"] = pre
        levels = [v.strip() for v in (row.get("levels") or "").split(",") if v.strip()]
        if row["type"] == "binary":
            if len(levels) != 2:
                raise LaktasiInputError(gettext(
                    "Outcome %(name)s is yes/no: write its two categories, the worse one first, "
                    "e.g. \"tidak lancar, lancar\".") % {"name": name}, field="outcomes")
            item["levels"] = levels
        else:
            item.pop("levels", None)
        outs.append(item)
    if not outs:
        raise LaktasiInputError(gettext(
            "Choose at least one outcome: the column measured after (and before, for a "
            "pretest-posttest design)."), field="outcomes")
    spec["outcomes"] = outs
    return spec


def study_form_initial(spec: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The form's initial values from a study description (the inverse of
    :func:`study_from_form` for what the form shows)."""
    top = spec.get("study") or {}
    lang = lang_now()
    initial = {
        "title": top.get("title", ""),
        "design": top.get("design", "one-group-pretest-posttest"),
        "id_column": spec.get("id_column") or "",
        "group_column": (spec.get("group") or {}).get("column", ""),
        "characteristics": [c if isinstance(c, str) else c.get("column")
                            for c in spec.get("characteristics") or []],
    }
    rows = []
    for o in spec.get("outcomes") or []:
        label = o.get("label", "")
        if isinstance(label, dict):
            label = label.get(lang) or label.get("id") or next(iter(label.values()), "")
        rows.append({"name": o.get("name", ""), "label": label, "type": o.get("type", "count"),
                     "pre": o.get("pre") or "", "post": o.get("post", ""),
                     "levels": ", ".join(o.get("levels") or [])})
    return initial, rows


def study_save(*, upload: Upload, spec: dict[str, Any]) -> Any:
    """Check the study description with laktasi's own reader and store it.

    Returns the :class:`~laktasi.design.Study`; raises its ``StudyError`` when the
    description is not valid.
    """
    from laktasi.design.study import study_from_mapping

    study = study_from_mapping(spec, upload.name)
    upload.study = spec
    upload.chapter_tasks = {}  # a new description needs a new chapter
    upload.save(update_fields=["study", "chapter_tasks"])
    return study


def study_yaml(*, upload: Upload) -> str:
    """The study description as YAML, ready for ``laktasi analyze DATA --study FILE``."""
    import yaml

    head = ("# " + gettext("Study description made on the laktasi Analysis page for %(file)s.")
            % {"file": upload.name} + "\n# laktasi analyze " + upload.name + " --study study.yaml\n")
    return head + yaml.safe_dump(upload.study, allow_unicode=True, sort_keys=False)


def _study(upload: Upload) -> Any:
    from laktasi.design.study import study_from_mapping

    return study_from_mapping(upload.study, upload.name)


# ---------------------------------------------------------------- check, analyse, render


def data_check(*, upload: Upload) -> tuple[list[ProblemRow], int, int]:
    """Every problem of the data against the study, found at once (the same check as
    ``laktasi check``): the rows for the page, the number of errors and of warnings."""
    from laktasi.io import DataError, load_data

    lang = lang_now()
    with upload_file(upload) as path:
        try:
            _, report = load_data(path, _study(upload), sheet=upload.sheet or None, lang=lang)
        except DataError as exc:
            report = exc.report
    return _problem_rows(report, lang), len(report.errors), len(report.warnings)


def chapter_build(*, upload: Upload) -> tuple[Any, Any]:
    """``laktasi.pipeline.analyse_file`` on the upload: the analysis and the chapter."""
    from laktasi.pipeline import analyse_file

    with upload_file(upload) as path:
        return analyse_file(path, _study(upload), lang=lang_now(), sheet=upload.sheet or None)


def chapter_job(*, upload: Upload) -> Any:
    """The chapter task of the upload in the page's language (django-tasks ``TaskResult``):
    the one already queued, running or done, or a new one. A failed task is queued again."""
    from django_tasks.base import TaskResultStatus
    from django_tasks.exceptions import TaskResultDoesNotExist

    from .tasks import build_chapter

    lang = lang_now()
    known = (upload.chapter_tasks or {}).get(lang)
    if known and build_chapter.get_backend().supports_get_result:
        try:
            result = build_chapter.get_result(known)
        except TaskResultDoesNotExist:
            result = None
        if result is not None and result.status != TaskResultStatus.FAILED:
            return result
    result = build_chapter.enqueue(str(upload.pk), lang)
    Upload.objects.filter(pk=upload.pk).update(
        chapter_tasks={**(upload.chapter_tasks or {}), lang: str(result.id)})
    upload.chapter_tasks = {**(upload.chapter_tasks or {}), lang: str(result.id)}
    return result


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)


def chapter_html(document: Any) -> str:
    """The chapter as the HTML renderer writes it, the inside of its ``<body>`` (the page
    supplies its own styles). The renderer escapes all text and inlines only SVG it has
    checked, so the result is safe to put in the page."""
    from laktasi.report.renderers import render

    page = render(document, "html").decode("utf-8")
    match = _BODY.search(page)
    return match.group(1) if match else page


def chapter_download(*, upload: Upload, fmt: str, template: bytes | None = None,
                     template_name: str = "") -> tuple[bytes, str, str]:
    """The chapter rendered as ``fmt`` (docx, html, md, json), or the reproducibility
    bundle (``zip``); returns the bytes, a file name and the content type."""
    from laktasi.report.renderers import render

    stem = Path(upload.name).stem or "laktasi"
    if fmt == "zip":
        return bundle_build(upload=upload), f"{stem}-bundle.zip", "application/zip"
    suffix, ctype = DOWNLOADS[fmt]
    _, doc = chapter_build(upload=upload)
    if template is None:
        return render(doc, fmt), f"{stem}-bab4{suffix}", ctype
    with _as_file(template_name or "template.docx", template) as tpath:
        return render(doc, fmt, template=tpath), f"{stem}-bab4{suffix}", ctype


def bundle_build(*, upload: Upload) -> bytes:
    """The reproducibility bundle (``laktasi.pipeline.write_bundle``): the data, the study
    description as YAML, the results and the versions."""
    from laktasi.pipeline import write_bundle

    analysis, _ = chapter_build(upload=upload)
    with upload_file(upload) as path:
        study_path = path.parent / "study.yaml"
        study_path.write_text(study_yaml(upload=upload), encoding="utf-8")
        out = path.parent / "bundle.zip"
        write_bundle(out, path, study_path, analysis, lang=lang_now())
        return out.read_bytes()


def template_check(*, name: str, content: bytes) -> None:
    """A campus template must be a Word file (.docx/.dotx) within the upload limit."""
    suffix = Path(name).suffix.lower()
    if suffix not in (".docx", ".dotx") or not content.startswith(b"PK\x03\x04"):
        raise UploadRejected([gettext(
            "%(name)s: a campus template must be a Word .docx or .dotx file.") % {"name": name}])
    if len(content) > settings.LAKTASI_MAX_UPLOAD_BYTES:
        raise UploadRejected([too_large_message(name, len(content))])


def template_workbook(*, design: str) -> bytes:
    """The Excel data-entry template of a design (``laktasi template DESIGN``)."""
    from laktasi.io import make_template

    with tempfile.TemporaryDirectory(prefix="laktasi-web-") as tmp:
        out = Path(tmp) / f"{design}.xlsx"
        make_template(design, out, lang=lang_now())
        return out.read_bytes()


def problems_summary(errors: int, warnings: int) -> str:
    return ngettext("%(n)d error", "%(n)d errors", errors) % {"n": errors} + ", " + ngettext(
        "%(n)d warning", "%(n)d warnings", warnings) % {"n": warnings}


@transaction.atomic
def upload_prune(*, days: int) -> int:
    """Delete the uploaded files (not the example studies) older than ``days`` days;
    returns how many. A server runs it daily (``manage.py prune_uploads --days 30``)."""
    from datetime import timedelta

    from django.utils import timezone

    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = Upload.objects.filter(demo="", created__lt=cutoff).delete()
    return deleted


# ---------------------------------------------------------------- demo


@transaction.atomic
def demo_load() -> list[Upload]:
    """Load (or refresh) the shipped example studies with their study descriptions."""
    import yaml

    from laktasi.datasets import example_names
    from laktasi.pipeline import example_files

    loaded = []
    for name in example_names():
        data, study = example_files(name)
        spec = yaml.safe_load(study.read_text(encoding="utf-8"))
        upload, _ = Upload.objects.update_or_create(
            demo=name, defaults={"name": data.name, "content": data.read_bytes(), "study": spec,
                                 "sheet": "", "chapter_tasks": {}})
        loaded.append(upload)
    return loaded
