"""Views of the Analisis page: thin, the work is in :mod:`.services`.

Flow: upload a data file (``start``) -> describe the study in a form built from its columns
(``study``) -> every data problem listed at once, or the chapter with its downloads
(``result``). Every laktasi error becomes a located message on the page, never a 500.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from laktasi.errors import LaktasiError, LaktasiInputError
from laktasi.i18n.errors import error_text

from . import selectors, services
from .forms import DESIGN_LABELS, OutcomeFormSet, StudyForm, TemplateForm, UploadForm


def _too_big(request: HttpRequest) -> int | None:
    """The declared body size when it is over the limit (checked before reading it)."""
    try:
        size = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    return size if size > settings.LAKTASI_MAX_UPLOAD_BYTES + 64 * 1024 else None


def _start_page(request: HttpRequest, form: UploadForm, errors: list[str], status: int = 200
                ) -> HttpResponse:
    designs = [(d, label) for d, label in DESIGN_LABELS.items()]
    return render(request, "analysis/start.html",
                  {"form": form, "errors": errors, "designs": designs,
                   "max_mb": settings.LAKTASI_MAX_UPLOAD_BYTES // (1024 * 1024),
                   "demos": selectors.demo_list()}, status=status)


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _start_page(request, UploadForm(), [])
    size = _too_big(request)
    if size is not None:
        return _start_page(request, UploadForm(), [services.too_large_message("", size)], 413)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _start_page(request, form, [], 400)
    f = form.cleaned_data["file"]
    try:
        services.upload_check(name=f.name, size=f.size, head=f.read(8))
        f.seek(0)
        upload = services.upload_create(name=f.name, content=f.read(),
                                        sheet=form.cleaned_data["sheet"].strip())
    except services.UploadRejected as exc:
        return _start_page(request, form, exc.messages, 400)
    return redirect("analysis:study", pk=upload.pk)


def template_download(request: HttpRequest, design: str) -> HttpResponse:
    if design not in DESIGN_LABELS:
        raise Http404(design)
    return _attachment(services.template_workbook(design=design), f"templat-{design}.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _study_page(request: HttpRequest, upload: object, form: StudyForm, outcomes: object,
                errors: list[str], status: int = 200) -> HttpResponse:
    return render(request, "analysis/study.html", {"upload": upload, "form": form,
                                                   "outcomes": outcomes, "errors": errors},
                  status=status)


@require_http_methods(["GET", "POST"])
def study(request: HttpRequest, pk: object) -> HttpResponse:
    upload = selectors.upload_get(pk=pk)
    try:
        header, cells = services.upload_columns(upload=upload)
    except services.UploadRejected as exc:
        return _study_page(request, upload, None, None, exc.messages, 400)
    cols = {"columns": header}
    if request.method == "GET":
        spec = upload.study or services.study_guess(header=header, cells=cells,
                                                    title=upload.name.rsplit(".", 1)[0])
        initial, rows = services.study_form_initial(spec)
        form = StudyForm(initial=initial, **cols)
        outcomes = OutcomeFormSet(initial=[*rows, {}], prefix="out", form_kwargs=cols)
        return _study_page(request, upload, form, outcomes, [])
    form = StudyForm(request.POST, **cols)
    outcomes = OutcomeFormSet(request.POST, prefix="out", form_kwargs=cols)
    if request.POST.get("action") == "add":  # one more outcome row, the rest as typed
        data = request.POST
        initial = {k: data.get(k, "") for k in ("title", "design", "id_column", "group_column")}
        initial["characteristics"] = data.getlist("characteristics")
        total = min(int(data.get("out-TOTAL_FORMS", "0") or 0), 29) if data.get(
            "out-TOTAL_FORMS", "").isdigit() else 0
        rows = [{k: data.get(f"out-{i}-{k}", "") for k in OutcomeFormSet.form.base_fields}
                for i in range(total)]
        outcomes = OutcomeFormSet(initial=[*rows, {}], prefix="out", form_kwargs=cols)
        return _study_page(request, upload, StudyForm(initial=initial, **cols), outcomes, [])
    if not (form.is_valid() and outcomes.is_valid()):
        return _study_page(request, upload, form, outcomes, [], 400)
    try:
        spec = services.study_from_form(form=form.cleaned_data,
                                        outcomes=[f.cleaned_data for f in outcomes.forms],
                                        base=upload.study, header=header, cells=cells)
        services.study_save(upload=upload, spec=spec)
    except LaktasiInputError as exc:
        return _study_page(request, upload, form, outcomes,
                           [error_text(exc, services.lang_now())], 400)
    return redirect("analysis:result", pk=upload.pk)


def result(request: HttpRequest, pk: object) -> HttpResponse:
    upload = selectors.upload_get(pk=pk)
    if not upload.study:
        return redirect("analysis:study", pk=upload.pk)
    context: dict = {"upload": upload, "template_form": TemplateForm(),
                     "formats": [*services.DOWNLOADS, "zip"]}
    try:
        problems, n_errors, n_warnings = services.data_check(upload=upload)
        context.update(problems=problems, n_errors=n_errors, n_warnings=n_warnings,
                       summary=services.problems_summary(n_errors, n_warnings))
        if n_errors:
            return render(request, "analysis/problems.html", context)
        job = services.chapter_job(upload=upload)
    except LaktasiError as exc:
        context["errors"] = [error_text(exc, services.lang_now())]
        return render(request, "analysis/problems.html", context, status=400)
    if not job.is_finished:  # queued or running: the page asks again (htmx, or a refresh)
        context["job"] = job
        return render(request, "analysis/computing.html", context, status=202)
    if job.status != "SUCCESSFUL":
        context["errors"] = [gettext("The analysis stopped with an internal error; it will be "
                                     "tried again when you reload this page.")]
        return render(request, "analysis/problems.html", context,
                      status=200 if request.htmx else 500)  # htmx swaps 2xx answers only
    value = job.return_value
    if "error" in value:
        context["errors"] = [value["error"]]
        return render(request, "analysis/problems.html", context,
                      status=200 if request.htmx else 400)
    context["chapter"] = value["html"]
    return render(request, "analysis/result.html", context)


def study_yaml(request: HttpRequest, pk: object) -> HttpResponse:
    upload = selectors.upload_get(pk=pk)
    if not upload.study:
        raise Http404("no study description yet")
    return _attachment(services.study_yaml(upload=upload).encode("utf-8"), "study.yaml",
                       "application/yaml; charset=utf-8")


@require_http_methods(["GET", "POST"])
def download(request: HttpRequest, pk: object, fmt: str) -> HttpResponse:
    upload = selectors.upload_get(pk=pk)
    if fmt not in (*services.DOWNLOADS, "zip") or not upload.study:
        raise Http404(fmt)
    template = name = None
    if request.method == "POST":
        if _too_big(request) is not None:
            return _back(request, upload, [services.too_large_message("", int(
                request.META["CONTENT_LENGTH"]))], 413)
        form = TemplateForm(request.POST, request.FILES)
        f = form.cleaned_data.get("template") if form.is_valid() else None
        if f is not None:
            name, template = f.name, f.read(settings.LAKTASI_MAX_UPLOAD_BYTES + 1)
            try:
                services.template_check(name=name, content=template)
            except services.UploadRejected as exc:
                return _back(request, upload, exc.messages, 400)
    try:
        data, filename, ctype = services.chapter_download(upload=upload, fmt=fmt,
                                                          template=template,
                                                          template_name=name or "")
    except LaktasiError as exc:
        return _back(request, upload, [error_text(exc, services.lang_now())], 400)
    return _attachment(data, filename, ctype)


def _back(request: HttpRequest, upload: object, errors: list[str], status: int) -> HttpResponse:
    return render(request, "analysis/problems.html",
                  {"upload": upload, "errors": errors,
                   "back": reverse("analysis:result", args=[upload.pk])}, status=status)


def _attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
