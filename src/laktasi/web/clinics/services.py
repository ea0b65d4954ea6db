"""Every write of clinic data (keyword-only, one transaction each, the role checked first),
and the work built on the reads: the rows the pipeline reads, the live analysis, exports,
the Excel import, the watch-list.

Writes record who made them in the audit trail (``_history_user``). The analysis is
:func:`laktasi.pipeline.analyse_file` on the table these rows make, written by
:func:`laktasi.io.write_data`: nothing here computes a statistic or words a result.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import get_language, gettext

from laktasi.errors import LaktasiInputError

from . import selectors
from .models import Clinic, DoubleEntry, MassageSession, Membership, Mother, Observation, Study
from .sop import STEP_KEYS, sop_text
from .watchlist import Flag, flags_for

__all__ = [
    "ADMIN_ROLES",
    "DATA_ROLES",
    "EXPORT_ROLES",
    "STUDY_ROLES",
    "ClinicInputError",
    "ImportPreview",
    "analysis_build",
    "analysis_download",
    "analysis_rows",
    "clinic_create",
    "clinic_thresholds_set",
    "double_entry_mismatches",
    "double_entry_record",
    "double_entry_resolve",
    "export_file",
    "import_commit",
    "import_preview",
    "member_add",
    "membership_remove",
    "mother_delete",
    "mother_register",
    "mother_update",
    "observation_check",
    "observation_delete",
    "observation_record",
    "observation_update",
    "session_delete",
    "session_log",
    "study_create",
    "study_object",
    "study_update",
    "watch_list",
]

R = Membership.Role
ADMIN_ROLES = frozenset({R.ADMIN})
DATA_ROLES = frozenset({R.ADMIN, R.BIDAN})          # mothers, sessions, observations
STUDY_ROLES = frozenset({R.ADMIN, R.PENELITI})      # studies
EXPORT_ROLES = frozenset({R.ADMIN, R.PENELITI})     # data files leaving the clinic

# the default study's outcomes and characteristics -> the fields of the sheet
OUTCOME_FIELDS = {"volume": "volume", "menyusui": "feeds", "bak": "urination",
                  "kelancaran": "lancar"}
CHARACTERISTIC_FIELDS = {"umur": "age", "pendidikan": "education", "pekerjaan": "occupation",
                         "paritas": "parity"}
EXPORT_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "sav": "application/x-spss-sav",
}


class ClinicInputError(LaktasiInputError):
    """Input that cannot be saved; ``errors`` maps a form field ("" for the whole form) to
    messages already in the page's language."""

    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        self.errors = {k: list(v) for k, v in errors.items()}
        super().__init__("; ".join(self.messages()))

    def messages(self) -> list[str]:
        return [m for v in self.errors.values() for m in v]


def lang_now() -> str:
    return (get_language() or "id").split("-")[0]


def _save(obj: Any, by: Any) -> Any:
    obj._history_user = by
    obj.full_clean()
    obj.save()
    return obj


def _delete(obj: Any, by: Any) -> None:
    obj.refresh_from_db()  # the history keeps the row as stored, not a stale copy
    obj._history_user = by
    obj.delete()


# ---------------------------------------------------------------- clinics and members


@transaction.atomic
def clinic_create(*, name: str, kind: str, district: str, admin: Any) -> Clinic:
    """A new clinic with ``admin`` as its first clinic admin."""
    clinic = _save(Clinic(name=name.strip(), kind=kind, district=district.strip()), admin)
    _save(Membership(user=admin, clinic=clinic, role=R.ADMIN), admin)
    return clinic


@transaction.atomic
def clinic_thresholds_set(*, by: Any, clinic: Clinic, thresholds: Mapping[str, float]
                          ) -> Clinic:
    selectors.role_required(user=by, clinic=clinic, roles=ADMIN_ROLES)
    clinic.thresholds = {k: float(v) for k, v in thresholds.items() if v is not None}
    return _save(clinic, by)


@transaction.atomic
def member_add(*, by: Any, clinic: Clinic, username: str, role: str, password: str = ""
               ) -> Membership:
    """Make ``username`` a member of ``clinic`` with ``role`` (a new account when the name is
    new: then ``password`` is required). Clinic admins only."""
    selectors.role_required(user=by, clinic=clinic, roles=ADMIN_ROLES)
    if role not in R.values:
        raise ClinicInputError({"role": [gettext("Choose one of the roles.")]})
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        if len(password) < 8:
            raise ClinicInputError({"password": [gettext(
                "A new account needs a password of at least 8 characters.")]})
        user = User(username=username)
        user.set_password(password)
        user.full_clean()
        user.save()
    membership = Membership.objects.filter(user=user, clinic=clinic).first()
    if membership is None:
        membership = Membership(user=user, clinic=clinic, role=role)
    membership.role = role
    return _save(membership, by)


@transaction.atomic
def membership_remove(*, by: Any, membership: Membership) -> None:
    selectors.role_required(user=by, clinic=membership.clinic, roles=ADMIN_ROLES)
    if membership.role == R.ADMIN and not Membership.objects.filter(
            clinic=membership.clinic, role=R.ADMIN).exclude(pk=membership.pk).exists():
        raise ClinicInputError({"": [gettext("A clinic keeps at least one clinic admin.")]})
    _delete(membership, by)


# ---------------------------------------------------------------- studies


def study_object(study: Study) -> Any:
    """The stored description read by laktasi's own reader (a :class:`laktasi.design.Study`)."""
    from laktasi.design.study import study_from_mapping

    return study_from_mapping(study.spec, f"study-{study.pk}")


def _spec(design: str, title: str, place: str, year: int | None) -> dict[str, Any]:
    from laktasi.design.study import study_to_mapping
    from laktasi.io.writers import default_study

    spec = study_to_mapping(default_study(design))
    spec["study"].update({"id": "klinik", "title": title})
    if place:
        spec["study"]["place"] = place
    if year:
        spec["study"]["year"] = year
    return spec


@transaction.atomic
def study_create(*, by: Any, clinic: Clinic, title: str, design: str, intervention: str = "",
                 sop: str = "", place: str = "", year: int | None = None) -> Study:
    """A study with the design's default description (the four outcomes of the observation
    sheet, the default characteristics), checked by laktasi's study reader."""
    from laktasi.design.study import DESIGNS

    selectors.role_required(user=by, clinic=clinic, roles=STUDY_ROLES)
    if design not in DESIGNS:
        raise ClinicInputError({"design": [gettext("Choose one of the designs.")]})
    study = Study(clinic=clinic, title=title.strip(), design=design,
                  intervention=intervention.strip(), sop=sop.strip() or sop_text(),
                  spec=_spec(design, title.strip(), place.strip() or clinic.name, year))
    study_object(study)
    return _save(study, by)


@transaction.atomic
def study_update(*, by: Any, study: Study, title: str, intervention: str, sop: str,
                 limits: Mapping[str, tuple[float | None, float | None]] | None = None
                 ) -> Study:
    """Change the title, intervention, SOP text and the outcomes' range limits
    (``{"volume": (0, 100), ...}``); the description is checked again."""
    selectors.role_required(user=by, clinic=study.clinic, roles=STUDY_ROLES)
    spec = dict(study.spec)
    spec["study"] = {**spec["study"], "title": title.strip()}
    outs = []
    for o in spec.get("outcomes", []):
        o = dict(o)
        if limits and o.get("name") in limits:
            lo, hi = limits[o["name"]]
            for key, v in (("min", lo), ("max", hi)):
                if v is None:
                    o.pop(key, None)
                else:
                    o[key] = v
        outs.append(o)
    spec["outcomes"] = outs
    study.title, study.intervention, study.sop, study.spec = (
        title.strip(), intervention.strip(), sop.strip(), spec)
    try:
        study_object(study)
    except LaktasiInputError as exc:
        raise ClinicInputError({"": [str(exc)]}) from None
    return _save(study, by)


# ---------------------------------------------------------------- mothers

MOTHER_FIELDS = ("code", "name", "group", "age", "education", "occupation", "parity",
                 "enrolled", "delivered", "birth_weight")


def _mother_check(study: Study, values: Mapping[str, Any], exclude: int | None) -> None:
    errors: dict[str, list[str]] = {}
    st = study_object(study)
    code = (values.get("code") or "").strip()
    if not code:
        errors.setdefault("code", []).append(gettext("Give the mother a code (e.g. R01)."))
    elif Mother.objects.filter(study=study, code=code, is_deleted=False).exclude(
            pk=exclude).exists():
        errors.setdefault("code", []).append(
            gettext("Code %(code)s is already used in this study.") % {"code": code})
    if st.group is not None and values.get("group") not in st.group.levels:
        errors.setdefault("group", []).append(gettext(
            "Choose the group: %(allowed)s.") % {"allowed": " / ".join(st.group.levels)})
    for ch in st.characteristics:
        name = CHARACTERISTIC_FIELDS.get(ch.column)
        value = values.get(name) if name else None
        if name and ch.categories and value not in (None, "") and value not in ch.categories:
            errors.setdefault(name, []).append(gettext("Allowed: %(allowed)s.") % {
                "allowed": " / ".join(ch.categories)})
    age = values.get("age")
    if age is not None and not 10 <= int(age) <= 60:
        errors.setdefault("age", []).append(gettext("Age must be between 10 and 60 years."))
    enrolled, delivered = values.get("enrolled"), values.get("delivered")
    if enrolled and delivered and delivered > enrolled:
        errors.setdefault("delivered", []).append(gettext(
            "The delivery date is after the enrolment date."))
    bw = values.get("birth_weight")
    if bw is not None and not 500 <= int(bw) <= 6000:
        errors.setdefault("birth_weight", []).append(gettext(
            "Birth weight must be between 500 and 6000 g."))
    if errors:
        raise ClinicInputError(errors)


@transaction.atomic
def mother_register(*, by: Any, study: Study, code: str, enrolled: dt.date,
                    delivered: dt.date, name: str = "", group: str = "",
                    age: int | None = None, education: str = "", occupation: str = "",
                    parity: str = "", birth_weight: int | None = None) -> Mother:
    selectors.role_required(user=by, clinic=study.clinic, roles=DATA_ROLES)
    values = {"code": code.strip(), "name": name.strip(), "group": group, "age": age,
              "education": education, "occupation": occupation, "parity": parity,
              "enrolled": enrolled, "delivered": delivered, "birth_weight": birth_weight}
    _mother_check(study, values, None)
    return _save(Mother(study=study, clinic=study.clinic, **values), by)


@transaction.atomic
def mother_update(*, by: Any, mother: Mother, **values: Any) -> Mother:
    selectors.role_required(user=by, clinic=mother.clinic, roles=DATA_ROLES)
    unknown = set(values) - set(MOTHER_FIELDS)
    if unknown:
        raise TypeError(f"mother_update: unknown fields {sorted(unknown)}")
    merged = {f: getattr(mother, f) for f in MOTHER_FIELDS} | values
    _mother_check(mother.study, merged, mother.pk)
    for f, v in values.items():
        setattr(mother, f, v.strip() if isinstance(v, str) else v)
    return _save(mother, by)


@transaction.atomic
def mother_delete(*, by: Any, mother: Mother) -> None:
    """Soft delete: the mother (and so her observations) leave every list and the analysis;
    the audit trail keeps her rows."""
    selectors.role_required(user=by, clinic=mother.clinic, roles=DATA_ROLES)
    mother.is_deleted = True
    _save(mother, by)


# ---------------------------------------------------------------- massage sessions


def _session_check(minutes: int, steps: Sequence[str]) -> None:
    errors: dict[str, list[str]] = {}
    if not 1 <= minutes <= 60:
        errors["minutes"] = [gettext("A session lasts between 1 and 60 minutes.")]
    bad = [s for s in steps if s not in STEP_KEYS]
    if bad:
        errors["steps"] = [gettext("Unknown SOP steps: %(steps)s.") % {"steps": ", ".join(bad)}]
    if errors:
        raise ClinicInputError(errors)


@transaction.atomic
def session_log(*, by: Any, mother: Mother, at: dt.datetime, minutes: int, given_by: str,
                steps: Sequence[str], notes: str = "") -> MassageSession:
    selectors.role_required(user=by, clinic=mother.clinic, roles=DATA_ROLES)
    _session_check(minutes, steps)
    return _save(MassageSession(mother=mother, at=at, minutes=minutes, given_by=given_by,
                                steps=[k for k in STEP_KEYS if k in steps],
                                notes=notes.strip(), recorded_by=by), by)


@transaction.atomic
def session_delete(*, by: Any, session: MassageSession) -> None:
    selectors.role_required(user=by, clinic=session.mother.clinic, roles=DATA_ROLES)
    _delete(session, by)


# ---------------------------------------------------------------- observations

OBS_FIELDS = ("point", "day", "observed", "feeds", "urination", "volume", "lancar", "latch",
              "weight")


def observation_limits(study: Study) -> dict[str, tuple[float | None, float | None]]:
    """The allowed range of each numeric field of the sheet: the study description's limits
    for its outcomes (laktasi.io's ``outcome_range``), LATCH 0-10, weight 500-7000 g."""
    from laktasi.io import outcome_range

    limits: dict[str, tuple[float | None, float | None]] = {
        "latch": (0, 10), "weight": (500, 7000), "day": (1, 42)}
    for o in study_object(study).outcomes:
        name = OUTCOME_FIELDS.get(o.name)
        if name and o.type != "binary":
            limits[name] = outcome_range(o)
    return limits


def _num(x: float) -> str:
    return f"{x:g}"


def _observation_check(mother: Mother, values: Mapping[str, Any], exclude: int | None) -> None:
    errors: dict[str, list[str]] = {}
    for name, (lo, hi) in observation_limits(mother.study).items():
        v = values.get(name)
        if v is None:
            continue
        if (lo is not None and float(v) < lo) or (hi is not None and float(v) > hi):
            errors.setdefault(name, []).append(gettext(
                "%(value)s is outside the range the study allows (%(lo)s to %(hi)s).") % {
                "value": _num(float(v)), "lo": "" if lo is None else _num(lo),
                "hi": "…" if hi is None else _num(hi)})
    point = values.get("point")
    if point == Observation.Point.DAY and not values.get("day"):
        errors.setdefault("day", []).append(gettext("Give the day of life for a day N column."))
    observed = values.get("observed")
    if observed and observed < mother.delivered:
        errors.setdefault("observed", []).append(gettext(
            "The observation date is before the delivery date (%(date)s).") % {
            "date": mother.delivered})
    if point in (Observation.Point.PRE, Observation.Point.POST) and Observation.objects.filter(
            mother=mother, point=point, is_deleted=False).exclude(pk=exclude).exists():
        errors.setdefault("point", []).append(gettext(
            "This mother already has this column of the sheet; edit it instead."))
    if all(values.get(f) is None for f in ("feeds", "urination", "volume", "lancar", "latch",
                                           "weight")):
        errors.setdefault("", []).append(gettext("Fill in at least one measurement."))
    if errors:
        raise ClinicInputError(errors)


def observation_check(mother: Mother, values: Mapping[str, Any], exclude: int | None = None
                      ) -> None:
    """The checks of :func:`observation_record` without saving (ODK import preview)."""
    _observation_check(mother, values, exclude)


@transaction.atomic
def observation_record(*, by: Any, mother: Mother, point: str, observed: dt.date,
                       day: int | None = None, feeds: int | None = None,
                       urination: int | None = None, volume: Decimal | float | None = None,
                       lancar: bool | None = None, latch: int | None = None,
                       weight: int | None = None) -> Observation:
    selectors.role_required(user=by, clinic=mother.clinic, roles=DATA_ROLES)
    values = {"point": point, "day": day if point == "day" else None, "observed": observed,
              "feeds": feeds, "urination": urination,
              "volume": None if volume is None else Decimal(str(volume)), "lancar": lancar,
              "latch": latch, "weight": weight}
    _observation_check(mother, values, None)
    return _save(Observation(mother=mother, recorded_by=by, **values), by)


@transaction.atomic
def observation_update(*, by: Any, observation: Observation, **values: Any) -> Observation:
    mother = observation.mother
    selectors.role_required(user=by, clinic=mother.clinic, roles=DATA_ROLES)
    unknown = set(values) - set(OBS_FIELDS)
    if unknown:
        raise TypeError(f"observation_update: unknown fields {sorted(unknown)}")
    merged = {f: getattr(observation, f) for f in OBS_FIELDS} | values
    _observation_check(mother, merged, observation.pk)
    for f, v in values.items():
        setattr(observation, f, v)
    return _save(observation, by)


@transaction.atomic
def observation_delete(*, by: Any, observation: Observation) -> None:
    selectors.role_required(user=by, clinic=observation.mother.clinic, roles=DATA_ROLES)
    observation.is_deleted = True
    _save(observation, by)


# ---------------------------------------------------------------- double entry

KEYED = ("feeds", "urination", "volume", "lancar", "latch", "weight")


def _plain(v: Any) -> Any:
    return float(v) if isinstance(v, Decimal) else v


@transaction.atomic
def double_entry_record(*, by: Any, observation: Observation, feeds: int | None = None,
                        urination: int | None = None, volume: Decimal | float | None = None,
                        lancar: bool | None = None, latch: int | None = None,
                        weight: int | None = None) -> DoubleEntry:
    """A second person re-keys the measurements of an observation from the paper sheet;
    the entry keeps what she typed for comparison (the observation is not changed)."""
    mother = observation.mother
    selectors.role_required(user=by, clinic=mother.clinic, roles=DATA_ROLES)
    if observation.recorded_by_id == by.pk:
        raise ClinicInputError({"": [gettext(
            "Double entry needs a second person: the sheet was first entered by you.")]})
    values = {"feeds": feeds, "urination": urination,
              "volume": None if volume is None else float(volume), "lancar": lancar,
              "latch": latch, "weight": weight}
    errors: dict[str, list[str]] = {}
    for name, (lo, hi) in observation_limits(mother.study).items():
        v = values.get(name)
        if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
            errors.setdefault(name, []).append(gettext(
                "%(value)s is outside the range the study allows (%(lo)s to %(hi)s).") % {
                "value": _num(float(v)), "lo": "" if lo is None else _num(lo),
                "hi": "…" if hi is None else _num(hi)})
    if errors:
        raise ClinicInputError(errors)
    entry = DoubleEntry(observation=observation, values=values, entered_by=by)
    entry.resolved = not double_entry_mismatches(entry)
    return _save(entry, by)


def double_entry_mismatches(entry: DoubleEntry) -> list[tuple[str, Any, Any]]:
    """(field, first entry, second entry) for every measurement keyed differently."""
    out = []
    for f in KEYED:
        first, second = _plain(getattr(entry.observation, f)), entry.values.get(f)
        if first != second:
            out.append((f, first, second))
    return out


@transaction.atomic
def double_entry_resolve(*, by: Any, entry: DoubleEntry, keep: str) -> DoubleEntry:
    """Close a mismatch: ``keep="first"`` leaves the observation as it is,
    ``keep="second"`` writes the re-keyed values into it (both in the audit trail)."""
    observation = entry.observation
    selectors.role_required(user=by, clinic=observation.mother.clinic, roles=DATA_ROLES)
    if keep not in ("first", "second"):
        raise ClinicInputError({"": [gettext("Choose which entry to keep.")]})
    if keep == "second":
        observation_update(by=by, observation=observation, **{
            f: (None if entry.values.get(f) is None else Decimal(str(entry.values[f])))
            if f == "volume" else entry.values.get(f) for f in KEYED})
    entry.resolved = True
    return _save(entry, by)


# ---------------------------------------------------------------- watch-list


def watch_list(*, user: Any, study: Study) -> list[tuple[Mother, list[Flag]]]:
    """The mothers of ``study`` with at least one flag, most flags first."""
    by_mother: dict[int, list[Observation]] = {}
    for o in selectors.study_observations(user=user, study=study):
        by_mother.setdefault(o.mother_id, []).append(o)
    out = []
    for m in selectors.mother_list(user=user, study=study):
        flags = flags_for(by_mother.get(m.pk, []), delivered=m.delivered,
                          birth_weight=m.birth_weight, thresholds=study.clinic.thresholds)
        if flags:
            out.append((m, flags))
    out.sort(key=lambda mf: (-len(mf[1]), mf[0].code))
    return out


# ---------------------------------------------------------------- rows, analysis, export


def _cell(obs: Observation | None, field_name: str, levels: Sequence[str]) -> Any:
    if obs is None:
        return None
    v = getattr(obs, field_name)
    if v is None:
        return None
    if field_name == "lancar":
        return levels[1] if v else levels[0]
    return float(v) if isinstance(v, Decimal) else v


def analysis_rows(*, user: Any, study: Study) -> tuple[list[dict[str, Any]], list[str]]:
    """The table the pipeline reads (one row per mother, the study's columns; names never
    included), and the codes of the mothers left out because a column of the sheet the
    design needs (pre and post, or post) is missing."""
    st = study_object(study)
    obs: dict[tuple[int, str], Observation] = {}
    for o in selectors.study_observations(user=user, study=study).order_by("observed", "pk"):
        if o.point in ("pre", "post"):
            obs[(o.mother_id, o.point)] = o
    rows, left_out = [], []
    for m in selectors.mother_list(user=user, study=study):
        pre, post = obs.get((m.pk, "pre")), obs.get((m.pk, "post"))
        paired = any(o.pre for o in st.outcomes)
        if post is None or (paired and pre is None):
            left_out.append(m.code)
            continue
        row: dict[str, Any] = {st.id_column or "kode": m.code}
        for col, f in CHARACTERISTIC_FIELDS.items():
            v = getattr(m, f)
            row[col] = None if v in ("", None) else v
        if st.group is not None:
            row[st.group.column] = m.group or None
        for o in st.outcomes:
            f = OUTCOME_FIELDS.get(o.name)
            if f is None:
                continue
            if o.pre:
                row[o.pre] = _cell(pre, f, o.levels)
            row[o.post] = _cell(post, f, o.levels)
        rows.append(row)
    return rows, left_out


def _all_rows(*, user: Any, study: Study) -> list[dict[str, Any]]:
    """Every live mother's row, complete or not (for the export)."""
    st = study_object(study)
    obs: dict[tuple[int, str], Observation] = {}
    for o in selectors.study_observations(user=user, study=study).order_by("observed", "pk"):
        obs[(o.mother_id, o.point)] = o
    rows = []
    for m in selectors.mother_list(user=user, study=study):
        row: dict[str, Any] = {st.id_column or "kode": m.code}
        for col, f in CHARACTERISTIC_FIELDS.items():
            row[col] = getattr(m, f) if getattr(m, f) not in ("", None) else None
        if st.group is not None:
            row[st.group.column] = m.group or None
        for o in st.outcomes:
            f = OUTCOME_FIELDS.get(o.name)
            if f is None:
                continue
            if o.pre:
                row[o.pre] = _cell(obs.get((m.pk, "pre")), f, o.levels)
            row[o.post] = _cell(obs.get((m.pk, "post")), f, o.levels)
        rows.append(row)
    return rows


def _write(rows: Sequence[Mapping[str, Any]], st: Any, folder: Path, suffix: str) -> Path:
    from laktasi.io import write_data

    return write_data(rows, folder / f"klinik{suffix}", st)


def analysis_build(*, user: Any, study: Study, pooled: Sequence[Study] = ()
                   ) -> tuple[Any, Any, list[str]]:
    """``laktasi.pipeline.analyse_file`` on the rows of ``study`` (and of the ``pooled``
    studies of the same design, for the district view): the analysis, the chapter and the
    codes left out. Raises :class:`ClinicInputError` when no mother is complete yet, or a
    laktasi error the page words."""
    from laktasi.pipeline import analyse_file

    st = study_object(study)
    id_col = st.id_column or "kode"
    rows, left_out = analysis_rows(user=user, study=study)
    if pooled:  # codes repeat across clinics: each row says its clinic
        rows, left_out = [], []
        for one in (study, *pooled):
            more, out = analysis_rows(user=user, study=one)
            prefix = f"{one.clinic.name}: "
            rows.extend({**r, id_col: prefix + str(r[id_col])} for r in more)
            left_out.extend(prefix + c for c in out)
    if not rows:
        raise ClinicInputError({"": [gettext(
            "No mother has all the columns of the observation sheet the design needs yet "
            "(before and after), so there is nothing to analyse.")]})
    with tempfile.TemporaryDirectory(prefix="laktasi-clinic-") as tmp:
        path = _write(rows, st, Path(tmp), ".csv")
        analysis, doc = analyse_file(path, st, lang=lang_now(), drop_invalid=True)
    return analysis, doc, left_out


def analysis_download(*, user: Any, study: Study, fmt: str) -> tuple[bytes, str, str]:
    """The chapter of the live analysis as docx/html/md/json (the Analisis page's renderers)."""
    from laktasi.report.renderers import render
    from laktasi.web.analysis.services import DOWNLOADS

    suffix, ctype = DOWNLOADS[fmt]
    _, doc, _ = analysis_build(user=user, study=study)
    return render(doc, fmt), f"studi-{study.pk}-bab4{suffix}", ctype


def export_file(*, user: Any, study: Study, fmt: str) -> tuple[bytes, str, str]:
    """Every live mother's row (codes, never names) as .xlsx, .csv or .sav, written by
    :func:`laktasi.io.write_data`; clinic admins and researchers only."""
    selectors.role_required(user=user, clinic=study.clinic, roles=EXPORT_ROLES)
    if fmt not in EXPORT_FORMATS:
        raise ClinicInputError({"": [gettext("Unknown file type.")]})
    st = study_object(study)
    rows = _all_rows(user=user, study=study)
    with tempfile.TemporaryDirectory(prefix="laktasi-clinic-") as tmp:
        path = _write(rows, st, Path(tmp), f".{fmt}")
        return path.read_bytes(), f"studi-{study.pk}.{fmt}", EXPORT_FORMATS[fmt]


# ---------------------------------------------------------------- import


@dataclass
class ImportPreview:
    """What an import would save, or the located problems that stop it."""

    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[dict[str, Any]] = field(default_factory=list)

    @property
    def table(self) -> list[list[Any]]:
        return [[r.get(c) for c in self.columns] for r in self.rows]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems


def import_preview(*, by: Any, study: Study, name: str, content: bytes) -> ImportPreview:
    """Read an Excel/CSV/SPSS file filled from the study's template with laktasi's reader and
    checker (every problem at once, located by row and column), plus codes already in the
    study. Nothing is saved."""
    from laktasi.i18n.io import problem_body, shown_value
    from laktasi.io import DataError, frame_rows, load_data
    from laktasi.web.analysis.services import UploadRejected, _as_file, _safe_name, upload_check

    selectors.role_required(user=by, clinic=study.clinic, roles=DATA_ROLES)
    st = study_object(study)
    lang = lang_now()
    name = _safe_name(name)
    preview = ImportPreview(columns=list(st.columns))
    try:
        upload_check(name=name, size=len(content), head=content[:8])
    except UploadRejected as exc:
        preview.problems = [{"row": None, "column": "", "value": "", "problem": m}
                            for m in exc.messages]
        return preview
    with _as_file(name, content) as path:
        try:
            frame, _ = load_data(path, st, lang=lang)
        except DataError as exc:
            preview.problems = [{"row": p.row, "column": p.column, "value": shown_value(p.value),
                                 "problem": problem_body(p, lang)}
                                for p in exc.report.problems if p.severity == "error"]
            return preview
    rows = frame_rows(frame)
    id_col = st.id_column or "kode"
    taken = set(Mother.objects.filter(study=study, is_deleted=False).values_list("code",
                                                                                  flat=True))
    for i, r in enumerate(rows, start=2):
        code = str(r.get(id_col) or "").strip()
        if not code:
            preview.problems.append({"row": i, "column": id_col, "value": "",
                                     "problem": gettext("The mother's code is empty.")})
        elif code in taken:
            preview.problems.append({"row": i, "column": id_col, "value": code,
                                     "problem": gettext("Code %(code)s is already used in this "
                                                        "study.") % {"code": code}})
    preview.rows = rows
    return preview


@transaction.atomic
def import_commit(*, by: Any, study: Study, name: str, content: bytes, enrolled: dt.date,
                  delivered: dt.date) -> int:
    """Save every row of a file whose preview had no problem (all rows or none): a mother
    and her before/after columns of the sheet, dated ``enrolled``. Returns the number of
    mothers saved."""
    preview = import_preview(by=by, study=study, name=name, content=content)
    if not preview.ok:
        raise ClinicInputError({"": [gettext("The file has problems; nothing was saved.")]})
    st = study_object(study)
    id_col = st.id_column or "kode"
    for r in preview.rows:
        values: dict[str, Any] = {f: r.get(col) for col, f in CHARACTERISTIC_FIELDS.items()}
        age = values.pop("age")
        mother = mother_register(
            by=by, study=study, code=str(r[id_col]).strip(), enrolled=enrolled,
            delivered=delivered, age=None if age is None else round(float(age)),
            group=str(r.get(st.group.column) or "") if st.group else "",
            **{k: "" if v is None else str(v) for k, v in values.items()})
        for point in ("pre", "post"):
            meas: dict[str, Any] = {}
            for o in st.outcomes:
                col = o.pre if point == "pre" else o.post
                f = OUTCOME_FIELDS.get(o.name)
                if not col or f is None or r.get(col) is None:
                    continue
                v = r[col]
                if f == "lancar":
                    meas[f] = str(v) == o.levels[1]
                elif f == "volume":
                    meas[f] = Decimal(str(round(float(v), 1)))
                else:
                    meas[f] = round(float(v))
            if meas:
                observation_record(by=by, mother=mother, point=point, observed=enrolled, **meas)
    return len(preview.rows)
