"""Every read of clinic data, scoped to the requesting user.

A user sees only the clinics where she is a member; an object of another clinic is a 404
(its existence is not confirmed), a page her role may not open is a 403. Deleted mothers and
observations are left out everywhere except the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from .models import Clinic, DoubleEntry, MassageSession, Membership, Mother, Observation, Study

__all__ = [
    "READ_ROLES",
    "clinic_get",
    "clinic_list",
    "clinic_role",
    "district_clinics",
    "district_list",
    "double_entry_get",
    "double_entry_list",
    "history_list",
    "mother_get",
    "mother_list",
    "observation_get",
    "observation_list",
    "role_required",
    "session_get",
    "session_list",
    "study_get",
    "study_list",
    "study_observations",
]

READ_ROLES = frozenset(Membership.Role.values)


def _member_clinics(user: Any) -> QuerySet[Clinic]:
    if not getattr(user, "is_authenticated", False):
        return Clinic.objects.none()
    return Clinic.objects.filter(memberships__user=user)


def clinic_list(*, user: Any) -> list[Clinic]:
    """The clinics where ``user`` is a member, with her role as ``role``."""
    roles = {m.clinic_id: m.role for m in Membership.objects.filter(user=user)} \
        if getattr(user, "is_authenticated", False) else {}
    clinics = list(Clinic.objects.filter(pk__in=roles).annotate(
        n_mothers=Count("mothers", filter=Q(mothers__is_deleted=False))))
    for c in clinics:
        c.role = roles[c.pk]
    return clinics


def clinic_role(*, user: Any, clinic: Clinic) -> str | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user, clinic=clinic).values_list(
        "role", flat=True).first()


def role_required(*, user: Any, clinic: Clinic, roles: frozenset[str] | set[str]) -> str:
    """Her role in ``clinic``; 404 when she is not a member, 403 when the role is not in
    ``roles``."""
    role = clinic_role(user=user, clinic=clinic)
    if role is None:
        raise Http404
    if role not in roles:
        raise PermissionDenied
    return role


def clinic_get(*, user: Any, pk: Any) -> Clinic:
    try:
        clinic = _member_clinics(user).get(pk=pk)
    except (Clinic.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    clinic.role = clinic_role(user=user, clinic=clinic)
    return clinic


def study_list(*, user: Any, clinic: Clinic) -> QuerySet[Study]:
    return Study.objects.filter(clinic__in=_member_clinics(user), clinic=clinic)


def study_get(*, user: Any, pk: Any) -> Study:
    try:
        return Study.objects.select_related("clinic").get(pk=pk,
                                                          clinic__in=_member_clinics(user))
    except (Study.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def mother_list(*, user: Any, study: Study) -> QuerySet[Mother]:
    return Mother.objects.filter(study=study, clinic__in=_member_clinics(user),
                                 is_deleted=False)


def mother_get(*, user: Any, pk: Any) -> Mother:
    try:
        return Mother.objects.select_related("study", "clinic").get(
            pk=pk, clinic__in=_member_clinics(user), is_deleted=False)
    except (Mother.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def observation_list(*, user: Any, mother: Mother) -> QuerySet[Observation]:
    return Observation.objects.filter(mother=mother, mother__clinic__in=_member_clinics(user),
                                      is_deleted=False)


def observation_get(*, user: Any, pk: Any) -> Observation:
    try:
        return Observation.objects.select_related("mother__study", "mother__clinic").get(
            pk=pk, mother__clinic__in=_member_clinics(user), is_deleted=False,
            mother__is_deleted=False)
    except (Observation.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def session_list(*, user: Any, mother: Mother) -> QuerySet[MassageSession]:
    return MassageSession.objects.filter(mother=mother,
                                         mother__clinic__in=_member_clinics(user))


def session_get(*, user: Any, pk: Any) -> MassageSession:
    try:
        return MassageSession.objects.select_related("mother__study", "mother__clinic").get(
            pk=pk, mother__clinic__in=_member_clinics(user), mother__is_deleted=False)
    except (MassageSession.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def study_observations(*, user: Any, study: Study) -> QuerySet[Observation]:
    """The live observations of the live mothers of ``study`` (for the analysis, the
    watch-list and the export)."""
    return Observation.objects.filter(
        mother__study=study, mother__clinic__in=_member_clinics(user),
        mother__is_deleted=False, is_deleted=False).select_related("mother")


def double_entry_list(*, user: Any, study: Study) -> QuerySet[DoubleEntry]:
    """The re-keyed sheets of ``study`` whose mismatches are not resolved yet."""
    return DoubleEntry.objects.filter(
        observation__mother__study=study, observation__mother__clinic__in=_member_clinics(user),
        observation__is_deleted=False, observation__mother__is_deleted=False,
        resolved=False).select_related("observation__mother", "entered_by")


def double_entry_get(*, user: Any, pk: Any) -> DoubleEntry:
    try:
        return DoubleEntry.objects.select_related(
            "observation__mother__clinic", "observation__mother__study").get(
            pk=pk, observation__mother__clinic__in=_member_clinics(user),
            observation__is_deleted=False, observation__mother__is_deleted=False)
    except (DoubleEntry.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def district_list(*, user: Any) -> list[str]:
    """The districts where ``user`` is a member of at least one clinic."""
    return sorted(set(_member_clinics(user).values_list("district", flat=True)))


def district_clinics(*, user: Any, district: str) -> list[Clinic]:
    """Her clinics in ``district`` (404 when she has none there); other clinics of the
    district are not shown."""
    clinics = [c for c in clinic_list(user=user) if c.district == district]
    if not clinics:
        raise Http404
    return clinics


def history_list(*, user: Any, clinic: Clinic, limit: int = 500) -> list[Any]:
    """The audit trail of ``clinic`` (every model's historical rows, newest first); clinic
    admins only (403 for the other roles)."""
    role_required(user=user, clinic=clinic, roles={Membership.Role.ADMIN})
    sets = [
        Clinic.history.filter(id=clinic.pk),
        Membership.history.filter(clinic_id=clinic.pk),
        Study.history.filter(clinic_id=clinic.pk),
        Mother.history.filter(clinic_id=clinic.pk),
        MassageSession.history.filter(
            mother_id__in=Mother.objects.filter(clinic=clinic).values("pk")),
        Observation.history.filter(
            mother_id__in=Mother.objects.filter(clinic=clinic).values("pk")),
        DoubleEntry.history.filter(observation_id__in=Observation.objects.filter(
            mother__clinic=clinic).values("pk")),
    ]
    rows: list[Any] = []
    for qs in sets:
        rows.extend(qs.select_related("history_user").order_by("-history_date")[:limit])
    rows.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
    return rows[:limit]
