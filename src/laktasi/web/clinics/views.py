"""Views of the clinic pages: thin. Objects come from :mod:`.selectors` (scoped to the user:
another clinic's object is a 404), writes go through :mod:`.services` (which check the role:
a 403), every input problem is a located message on the page."""

from __future__ import annotations

import base64
import datetime as dt

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from laktasi.errors import LaktasiError
from laktasi.i18n.errors import error_text

from . import forms, selectors, services
from .models import Membership
from .sop import SOP_STEPS
from .watchlist import flags_for


class LoginView(auth_views.LoginView):
    template_name = "clinics/login.html"
    redirect_authenticated_user = True


def _ctx(**kw: object) -> dict:
    return kw


def _can(role: str | None, roles: frozenset[str]) -> bool:
    return role in roles


def _limits(study) -> list[tuple[str, float | None, float | None]]:
    """The range limits of the sheet with the form's labels."""
    fields = forms.ObservationForm.base_fields
    return [(str(fields[name].label), lo, hi)
            for name, (lo, hi) in services.observation_limits(study).items()]


def _study_ctx(request: HttpRequest, study) -> dict:
    role = selectors.role_required(user=request.user, clinic=study.clinic,
                                   roles=selectors.READ_ROLES)
    return {"study": study, "clinic": study.clinic, "role": role,
            "design_label": dict(forms.DESIGNS).get(study.design, study.design),
            "can_write": _can(role, services.DATA_ROLES),
            "can_study": _can(role, services.STUDY_ROLES),
            "can_export": _can(role, services.EXPORT_ROLES)}


# ---------------------------------------------------------------- clinics


@login_required
@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    form = forms.ClinicForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        clinic = services.clinic_create(admin=request.user, **form.cleaned_data)
        return redirect("clinics:clinic", pk=clinic.pk)
    return render(request, "clinics/home.html", {
        "clinics": selectors.clinic_list(user=request.user), "form": form,
        "districts": selectors.district_list(user=request.user)})


@login_required
@require_GET
def clinic(request: HttpRequest, pk: int) -> HttpResponse:
    c = selectors.clinic_get(user=request.user, pk=pk)
    studies = []
    for s in selectors.study_list(user=request.user, clinic=c):
        studies.append({"study": s, "mothers": selectors.mother_list(user=request.user,
                                                                     study=s).count(),
                        "flagged": len(services.watch_list(user=request.user, study=s))})
    return render(request, "clinics/clinic.html", {
        "clinic": c, "studies": studies, "role": c.role,
        "is_admin": c.role == Membership.Role.ADMIN,
        "can_study": _can(c.role, services.STUDY_ROLES)})


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, pk: int) -> HttpResponse:
    c = selectors.clinic_get(user=request.user, pk=pk)
    selectors.role_required(user=request.user, clinic=c, roles=services.ADMIN_ROLES)
    form = forms.MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_add(by=request.user, clinic=c, **form.cleaned_data)
            return redirect("clinics:members", pk=c.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/members.html", {
        "clinic": c, "form": form,
        "memberships": c.memberships.select_related("user").order_by("user__username")})


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int, mpk: int) -> HttpResponse:
    c = selectors.clinic_get(user=request.user, pk=pk)
    membership = c.memberships.filter(pk=mpk).first()
    if membership is None:
        raise Http404
    try:
        services.membership_remove(by=request.user, membership=membership)
    except services.ClinicInputError as exc:
        return render(request, "clinics/message.html", {"clinic": c, "messages_": exc.messages()}, status=400)
    return redirect("clinics:members", pk=c.pk)


@login_required
@require_http_methods(["GET", "POST"])
def thresholds(request: HttpRequest, pk: int) -> HttpResponse:
    c = selectors.clinic_get(user=request.user, pk=pk)
    selectors.role_required(user=request.user, clinic=c, roles=services.ADMIN_ROLES)
    form = forms.ThresholdForm(request.POST or None,
                               initial=forms.ThresholdForm.initial_for(c))
    if request.method == "POST" and form.is_valid():
        services.clinic_thresholds_set(by=request.user, clinic=c, thresholds=form.cleaned_data)
        return redirect("clinics:clinic", pk=c.pk)
    return render(request, "clinics/thresholds.html", {"clinic": c, "form": form})


@login_required
@require_GET
def history(request: HttpRequest, pk: int) -> HttpResponse:
    c = selectors.clinic_get(user=request.user, pk=pk)
    rows = selectors.history_list(user=request.user, clinic=c)
    entries = []
    for r in rows:
        changes = []
        prev = r.prev_record if r.history_type == "~" else None
        if prev is not None:
            delta = r.diff_against(prev)
            changes = [(ch.field, ch.old, ch.new) for ch in delta.changes]
        entries.append({"row": r, "model": r.instance_type._meta.verbose_name,
                        "changes": changes})
    return render(request, "clinics/history.html", {"clinic": c, "entries": entries})


# ---------------------------------------------------------------- studies


@login_required
@require_http_methods(["GET", "POST"])
def study_new(request: HttpRequest, pk: int) -> HttpResponse:
    c = selectors.clinic_get(user=request.user, pk=pk)
    selectors.role_required(user=request.user, clinic=c, roles=services.STUDY_ROLES)
    form = forms.StudyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            s = services.study_create(by=request.user, clinic=c, **form.cleaned_data)
            return redirect("clinics:study", pk=s.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/study_form.html", {"clinic": c, "form": form})


def _outcomes(study) -> list[tuple[str, str]]:
    lang = services.lang_now()
    return [(o.name, o.label.get(lang) or o.name) for o in services.study_object(study).outcomes
            if o.type != "binary"]


@login_required
@require_http_methods(["GET", "POST"])
def study_edit(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.study_get(user=request.user, pk=pk)
    selectors.role_required(user=request.user, clinic=s.clinic, roles=services.STUDY_ROLES)
    initial = {"title": s.title, "intervention": s.intervention, "sop": s.sop}
    for o in services.study_object(s).outcomes:
        initial[f"{o.name}_min"], initial[f"{o.name}_max"] = o.min, o.max
    form = forms.StudyEditForm(request.POST or None, initial=initial, outcomes=_outcomes(s))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        limits = {n: (d.get(f"{n}_min"), d.get(f"{n}_max")) for n in form.outcome_names}
        try:
            services.study_update(by=request.user, study=s, title=d["title"],
                                  intervention=d["intervention"], sop=d["sop"], limits=limits)
            return redirect("clinics:study", pk=s.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/study_edit.html", {"study": s, "clinic": s.clinic,
                                                       "form": form})


@login_required
@require_GET
def study(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.study_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, s)
    watch = dict((m.pk, f) for m, f in services.watch_list(user=request.user, study=s))
    mothers = [{"mother": m, "flags": len(watch.get(m.pk, []))}
               for m in selectors.mother_list(user=request.user, study=s)]
    return render(request, "clinics/study.html", {**ctx, "mothers": mothers,
                                                  "limits": _limits(s)})


@login_required
@require_GET
def study_yaml(request: HttpRequest, pk: int) -> HttpResponse:
    import yaml

    s = selectors.study_get(user=request.user, pk=pk)
    text = yaml.safe_dump(s.spec, allow_unicode=True, sort_keys=False)
    response = HttpResponse(text, content_type="text/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="studi-{s.pk}.yaml"'
    return response


@login_required
@require_GET
def watch(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.study_get(user=request.user, pk=pk)
    return render(request, "clinics/watch.html", {
        **_study_ctx(request, s), "watch": services.watch_list(user=request.user, study=s)})


@login_required
@require_GET
def analysis(request: HttpRequest, pk: int) -> HttpResponse:
    from laktasi.web.analysis.services import chapter_html

    s = selectors.study_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, s)
    try:
        _, doc, left_out = services.analysis_build(user=request.user, study=s)
    except services.ClinicInputError as exc:
        return render(request, "clinics/analysis.html", {
            **ctx, "errors": exc.messages()})
    except LaktasiError as exc:
        return render(request, "clinics/analysis.html", {
            **ctx, "errors": [error_text(exc, services.lang_now())]})
    return render(request, "clinics/analysis.html", {
        **ctx, "chapter": chapter_html(doc), "left_out": left_out})


@login_required
@require_GET
def analysis_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    from laktasi.web.analysis.services import DOWNLOADS

    if fmt not in DOWNLOADS:
        raise Http404
    s = selectors.study_get(user=request.user, pk=pk)
    try:
        data, name, ctype = services.analysis_download(user=request.user, study=s, fmt=fmt)
    except (services.ClinicInputError, LaktasiError):
        return redirect("clinics:analysis", pk=s.pk)
    response = HttpResponse(data, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in services.EXPORT_FORMATS:
        raise Http404
    s = selectors.study_get(user=request.user, pk=pk)
    data, name, ctype = services.export_file(user=request.user, study=s, fmt=fmt)
    response = HttpResponse(data, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def template(request: HttpRequest, pk: int) -> HttpResponse:
    """The Excel data-entry template of this study (``laktasi template``)."""
    import tempfile
    from pathlib import Path

    from laktasi.io import make_template

    s = selectors.study_get(user=request.user, pk=pk)
    with tempfile.TemporaryDirectory(prefix="laktasi-clinic-") as tmp:
        out = make_template(services.study_object(s), Path(tmp) / "templat.xlsx",
                            lang=services.lang_now())
        data = out.read_bytes()
    response = HttpResponse(data, content_type=services.EXPORT_FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="templat-studi-{s.pk}.xlsx"'
    return response


_IMPORT_KEY = "clinics-import"


@login_required
@require_http_methods(["GET", "POST"])
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload -> preview with every problem located (nothing saved) -> confirm -> saved."""
    s = selectors.study_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, s)
    selectors.role_required(user=request.user, clinic=s.clinic, roles=services.DATA_ROLES)
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("action") == "confirm":
        held = request.session.get(_IMPORT_KEY) or {}
        if held.get("study") != s.pk:
            return redirect("clinics:import", pk=s.pk)
        try:
            n = services.import_commit(
                by=request.user, study=s, name=held["name"],
                content=base64.b64decode(held["content"]),
                enrolled=dt.date.fromisoformat(held["enrolled"]),
                delivered=dt.date.fromisoformat(held["delivered"]))
        except services.ClinicInputError as exc:
            return render(request, "clinics/import.html", {
                **ctx, "form": forms.ImportForm(), "errors": exc.messages()},
                status=400)
        request.session.pop(_IMPORT_KEY, None)
        return render(request, "clinics/import.html", {**ctx, "form": forms.ImportForm(),
                                                       "saved": n})
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        if f.size > settings.LAKTASI_MAX_UPLOAD_BYTES:
            from laktasi.web.analysis.services import too_large_message

            form.add_error("file", too_large_message(f.name, f.size))
        else:
            content = f.read()
            preview = services.import_preview(by=request.user, study=s, name=f.name,
                                              content=content)
            if preview.ok:
                request.session[_IMPORT_KEY] = {
                    "study": s.pk, "name": f.name,
                    "content": base64.b64encode(content).decode("ascii"),
                    "enrolled": form.cleaned_data["enrolled"].isoformat(),
                    "delivered": form.cleaned_data["delivered"].isoformat()}
            return render(request, "clinics/import.html", {**ctx, "form": form,
                                                           "preview": preview},
                          status=200 if preview.ok else 400)
    return render(request, "clinics/import.html", {**ctx, "form": form})


@login_required
@require_GET
def xlsform(request: HttpRequest, pk: int) -> HttpResponse:
    """The observation sheet as an XLSForm for ODK Collect / KoboToolbox."""
    from . import odk

    s = selectors.study_get(user=request.user, pk=pk)
    response = HttpResponse(odk.xlsform_build(user=request.user, study=s),
                            content_type=services.EXPORT_FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="xlsform-studi-{s.pk}.xlsx"'
    return response


_ODK_KEY = "clinics-odk-import"


@login_required
@require_http_methods(["GET", "POST"])
def odk_import(request: HttpRequest, pk: int) -> HttpResponse:
    """A CSV exported from ODK Central or KoboToolbox: preview with located errors, then
    confirm (all rows or none)."""
    from . import odk

    s = selectors.study_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, s)
    selectors.role_required(user=request.user, clinic=s.clinic, roles=services.DATA_ROLES)
    form = forms.OdkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("action") == "confirm":
        held = request.session.get(_ODK_KEY) or {}
        if held.get("study") != s.pk:
            return redirect("clinics:odk_import", pk=s.pk)
        try:
            n = odk.odk_commit(by=request.user, study=s,
                               content=base64.b64decode(held["content"]))
        except services.ClinicInputError as exc:
            return render(request, "clinics/odk_import.html", {
                **ctx, "form": forms.OdkImportForm(), "errors": exc.messages()}, status=400)
        request.session.pop(_ODK_KEY, None)
        return render(request, "clinics/odk_import.html", {
            **ctx, "form": forms.OdkImportForm(), "saved": n})
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        if f.size > settings.LAKTASI_MAX_UPLOAD_BYTES:
            from laktasi.web.analysis.services import too_large_message

            form.add_error("file", too_large_message(f.name, f.size))
        else:
            content = f.read()
            preview = odk.odk_preview(by=request.user, study=s, content=content)
            if preview.ok:
                request.session[_ODK_KEY] = {
                    "study": s.pk, "content": base64.b64encode(content).decode("ascii")}
            return render(request, "clinics/odk_import.html", {
                **ctx, "form": form, "preview": preview}, status=200 if preview.ok else 400)
    return render(request, "clinics/odk_import.html", {**ctx, "form": form})


@login_required
@require_GET
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    """The family guide: the SOP step by step with a timer, for a phone."""
    s = selectors.study_get(user=request.user, pk=pk)
    return render(request, "clinics/guide.html", {"study": s, "steps": SOP_STEPS})


@login_required
@require_GET
def leaflet(request: HttpRequest, pk: int) -> HttpResponse:
    """The family guide as a one-page PDF leaflet."""
    from .sop import leaflet_pdf

    s = selectors.study_get(user=request.user, pk=pk)
    response = HttpResponse(leaflet_pdf(s.title), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="pijat-oksitosin-{s.pk}.pdf"'
    return response


# ---------------------------------------------------------------- mothers


def _mother_form_values(d: dict) -> dict:
    return {k: v for k, v in d.items()}


@login_required
@require_http_methods(["GET", "POST"])
def mother_new(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.study_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, s)
    selectors.role_required(user=request.user, clinic=s.clinic, roles=services.DATA_ROLES)
    today = timezone.localdate()
    form = forms.MotherForm(request.POST or None, study=s,
                            initial={"enrolled": today, "delivered": today})
    if request.method == "POST" and form.is_valid():
        try:
            m = services.mother_register(by=request.user, study=s,
                                         **_mother_form_values(form.cleaned_data))
            return redirect("clinics:mother", pk=m.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/mother_form.html", {**ctx, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def mother_edit(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.mother_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, m.study)
    selectors.role_required(user=request.user, clinic=m.clinic, roles=services.DATA_ROLES)
    initial = {f: getattr(m, f) for f in services.MOTHER_FIELDS}
    form = forms.MotherForm(request.POST or None, study=m.study, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.mother_update(by=request.user, mother=m, **form.cleaned_data)
            return redirect("clinics:mother", pk=m.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/mother_form.html", {**ctx, "form": form, "mother": m})


@login_required
@require_POST
def mother_delete(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.mother_get(user=request.user, pk=pk)
    services.mother_delete(by=request.user, mother=m)
    return redirect("clinics:study", pk=m.study_id)


@login_required
@require_GET
def mother(request: HttpRequest, pk: int) -> HttpResponse:
    """The mother's observation sheet (lembar observasi) and massage-session log."""
    m = selectors.mother_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, m.study)
    obs = list(selectors.observation_list(user=request.user, mother=m))
    order = {"pre": 0, "day": 1, "post": 2}
    obs.sort(key=lambda o: (order[o.point], o.day or 0, o.observed))
    flags = flags_for(obs, delivered=m.delivered, birth_weight=m.birth_weight,
                      thresholds=m.clinic.thresholds)
    labels = dict(SOP_STEPS)
    sessions = [{"s": s, "steps": [labels[k] for k in s.steps if k in labels],
                 "missing": len(SOP_STEPS) - len(s.steps)}
                for s in selectors.session_list(user=request.user, mother=m)]
    return render(request, "clinics/mother.html", {
        **ctx, "mother": m, "observations": obs, "flags": flags, "sessions": sessions,
        "sop_steps": SOP_STEPS})


@login_required
@require_http_methods(["GET", "POST"])
def observation_new(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.mother_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, m.study)
    selectors.role_required(user=request.user, clinic=m.clinic, roles=services.DATA_ROLES)
    form = forms.ObservationForm(request.POST or None, initial={
        "observed": timezone.localdate(), "point": request.GET.get("point", "pre")})
    if request.method == "POST" and form.is_valid():
        try:
            services.observation_record(by=request.user, mother=m, **form.cleaned_data)
            return redirect("clinics:mother", pk=m.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/observation_form.html", {
        **ctx, "form": form, "mother": m, "limits": _limits(m.study)},
        status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def observation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    o = selectors.observation_get(user=request.user, pk=pk)
    m = o.mother
    ctx = _study_ctx(request, m.study)
    selectors.role_required(user=request.user, clinic=m.clinic, roles=services.DATA_ROLES)
    initial = {f: getattr(o, f) for f in services.OBS_FIELDS}
    form = forms.ObservationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.observation_update(by=request.user, observation=o, **form.cleaned_data)
            return redirect("clinics:mother", pk=m.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/observation_form.html", {
        **ctx, "form": form, "mother": m, "observation": o,
        "limits": _limits(m.study)}, status=400 if form.errors else 200)


@login_required
@require_POST
def observation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    o = selectors.observation_get(user=request.user, pk=pk)
    services.observation_delete(by=request.user, observation=o)
    return redirect("clinics:mother", pk=o.mother_id)


@login_required
@require_http_methods(["GET", "POST"])
def double_entry_new(request: HttpRequest, pk: int) -> HttpResponse:
    """A second person re-keys an observation from the paper sheet (the first entry is not
    shown, so she cannot copy it)."""
    o = selectors.observation_get(user=request.user, pk=pk)
    m = o.mother
    ctx = _study_ctx(request, m.study)
    selectors.role_required(user=request.user, clinic=m.clinic, roles=services.DATA_ROLES)
    form = forms.DoubleEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.double_entry_record(by=request.user, observation=o,
                                                 **form.cleaned_data)
            return render(request, "clinics/double_entry_done.html", {
                **ctx, "mother": m, "entry": entry,
                "mismatches": services.double_entry_mismatches(entry)})
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/double_entry_form.html", {
        **ctx, "mother": m, "observation": o, "form": form}, status=400 if form.errors else 200)


@login_required
@require_GET
def double_entries(request: HttpRequest, pk: int) -> HttpResponse:
    """The re-keyed sheets whose values differ, for resolution."""
    s = selectors.study_get(user=request.user, pk=pk)
    rows = [{"entry": e, "mismatches": services.double_entry_mismatches(e)}
            for e in selectors.double_entry_list(user=request.user, study=s)]
    return render(request, "clinics/double_entries.html", {**_study_ctx(request, s),
                                                           "rows": rows})


@login_required
@require_POST
def double_entry_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.double_entry_get(user=request.user, pk=pk)
    try:
        services.double_entry_resolve(by=request.user, entry=entry,
                                      keep=request.POST.get("keep", ""))
    except services.ClinicInputError as exc:
        return render(request, "clinics/message.html", {
            "clinic": entry.observation.mother.clinic, "messages_": exc.messages()}, status=400)
    return redirect("clinics:double_entries", pk=entry.observation.mother.study_id)


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest, pk: int) -> HttpResponse:
    m = selectors.mother_get(user=request.user, pk=pk)
    ctx = _study_ctx(request, m.study)
    selectors.role_required(user=request.user, clinic=m.clinic, roles=services.DATA_ROLES)
    form = forms.SessionForm(request.POST or None, initial={
        "at": timezone.localtime().replace(second=0, microsecond=0), "minutes": 5,
        "given_by": "bidan"})
    if request.method == "POST" and form.is_valid():
        try:
            services.session_log(by=request.user, mother=m, **form.cleaned_data)
            return redirect("clinics:mother", pk=m.pk)
        except services.ClinicInputError as exc:
            forms.apply_errors(form, exc.errors)
    return render(request, "clinics/session_form.html", {**ctx, "form": form, "mother": m})


@login_required
@require_POST
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    s = selectors.session_get(user=request.user, pk=pk)
    services.session_delete(by=request.user, session=s)
    return redirect("clinics:mother", pk=s.mother_id)


# ---------------------------------------------------------------- district


@login_required
@require_GET
def district(request: HttpRequest, name: str) -> HttpResponse:
    """A coordinator's district: counts per clinic where she is a member and the pooled
    analysis of their studies of one design (no other clinic's rows)."""
    from laktasi.web.analysis.services import chapter_html

    clinics = selectors.district_clinics(user=request.user, district=name)
    rows, studies = [], []
    for c in clinics:
        for s in selectors.study_list(user=request.user, clinic=c):
            n = selectors.mother_list(user=request.user, study=s).count()
            complete, _ = services.analysis_rows(user=request.user, study=s)
            rows.append({"clinic": c, "study": s, "mothers": n, "complete": len(complete),
                         "flagged": len(services.watch_list(user=request.user, study=s))})
            studies.append(s)
    designs = sorted({s.design for s in studies})
    design = request.GET.get("design") or (designs[0] if designs else "")
    chapter, errors = None, []
    pooled = [s for s in studies if s.design == design]
    if pooled and request.GET.get("analyse"):
        try:
            _, doc, _ = services.analysis_build(user=request.user, study=pooled[0],
                                                pooled=pooled[1:])
            chapter = chapter_html(doc)
        except services.ClinicInputError as exc:
            errors = exc.messages()
        except LaktasiError as exc:
            errors = [error_text(exc, services.lang_now())]
    return render(request, "clinics/district.html", {
        "district": name, "rows": rows, "designs": designs, "design": design,
        "chapter": chapter, "errors": errors,
        "analyse_url": reverse("clinics:district", args=[name])})
