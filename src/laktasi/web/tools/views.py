"""Views of Besar sampel, Audit and Meta-analisis: thin; results update in place with htmx
where the page supports it, and every page works as a plain form without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods

from laktasi.errors import LaktasiError
from laktasi.i18n.errors import error_text

from . import power_services, services
from .forms import AuditForm, MetaForm, PowerForm


def _said(exc: LaktasiError) -> str:
    """The error's message in the page's language."""
    return error_text(exc, "en" if (get_language() or "id").startswith("en") else "id")


def _attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET"])
def power(request: HttpRequest) -> HttpResponse:
    form = PowerForm(request.GET or None)
    context: dict = {"form": form, "needs": power_services.TESTS}
    status = 200
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            context["result"] = power_services.power_plan(test=data["test"], values=data)
        except LaktasiError as exc:
            context["errors"] = [_said(exc)]
            status = 400
    elif request.GET:
        status = 400
    return render(request, "tools/power.html", context, status=status)


@require_http_methods(["GET", "POST"])
def audit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "tools/audit.html", {"form": AuditForm()})
    form = AuditForm(request.POST)
    context: dict = {"form": form}
    if not form.is_valid():
        return render(request, "tools/audit.html", context, status=400)
    action = request.POST.get("action", "draft")
    # browsers send textarea lines as CRLF; the draft quotes line numbers of the text as shown
    text = form.cleaned_data["text"].replace("\r\n", "\n")
    items = form.cleaned_data["items"].replace("\r\n", "\n")
    try:
        if action == "draft":
            if not text.strip():
                raise LaktasiError(gettext("Paste the paper's text first."))
            draft, count = services.audit_draft(text=text)
            form = AuditForm(initial={"text": text, "items": draft})
            context.update(form=form, drafted=count)
        elif action in services.AUDIT_FORMATS:
            return _attachment(*services.audit_download(yaml_text=items, fmt=action))
        else:
            report, html = services.audit_run(yaml_text=items)
            context.update(report=report, findings_html=html, formats=list(services.AUDIT_FORMATS),
                           counts={s: report.count(s) for s in ("error", "warning", "note")})
    except LaktasiError as exc:
        context["errors"] = [_said(exc)]
        return render(request, "tools/audit.html", context, status=400)
    return render(request, "tools/audit.html", context)


@require_http_methods(["GET", "POST"])
def meta(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        initial = {"table": services.meta_example_csv()} if request.GET.get("contoh") else {}
        return render(request, "tools/meta.html", {"form": MetaForm(initial=initial)})
    form = MetaForm(request.POST, request.FILES)
    context: dict = {"form": form}
    if not form.is_valid():
        return render(request, "tools/meta.html", context, status=400)
    data = form.cleaned_data
    table = data["table"]
    upload = data.get("file")
    try:
        if upload is not None:
            if upload.size > settings.LAKTASI_MAX_UPLOAD_BYTES:
                raise LaktasiError(gettext("%(name)s: the file is too large.") % {
                    "name": upload.name})
            try:
                table = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise LaktasiError(gettext("%(name)s: not a UTF-8 text (CSV) file.") % {
                    "name": upload.name}) from None
            form = MetaForm(initial={**data, "table": table, "file": None})
            context["form"] = form
        action = request.POST.get("action", "run")
        if action in services.META_FORMATS:
            return _attachment(*services.meta_download(csv_text=table, method=data["method"],
                                                       hksj=data["hksj"], fmt=action))
        context["report_html"] = services.meta_run(csv_text=table, method=data["method"],
                                                   hksj=data["hksj"])
        context["formats"] = list(services.META_FORMATS)
    except LaktasiError as exc:
        context["errors"] = [_said(exc)]
        return render(request, "tools/meta.html", context, status=400)
    return render(request, "tools/meta.html", context)
