"""Clinics, their members, studies, mothers, massage sessions and observations.

Every model keeps its history (django-simple-history: who, when, the row before and after);
mothers and observations are never deleted, only marked deleted (``is_deleted``), so the
history and the analysis can say what was removed. Reads go through :mod:`.selectors`
(which scope everything to the requesting user's clinics), writes through :mod:`.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Clinic(models.Model):
    class Kind(models.TextChoices):
        PUSKESMAS = "puskesmas", _("Puskesmas")
        PMB = "pmb", _("Independent midwife practice (PMB/BPM)")
        KLINIK = "klinik", _("Clinic")
        RS = "rs", _("Hospital")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    district = models.CharField(_("district"), max_length=120, db_index=True)
    # the watch-list thresholds this clinic uses (keys of services.DEFAULT_THRESHOLDS)
    thresholds = models.JSONField(_("watch-list thresholds"), default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("district", "name")
        verbose_name = _("clinic")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("clinic admin")
        BIDAN = "bidan", _("midwife")
        PENELITI = "peneliti", _("researcher")
        VIEWER = "viewer", _("viewer")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="clinic_memberships")
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        constraints = (models.UniqueConstraint(fields=("user", "clinic"),
                                               name="one_membership_per_clinic"),)
        verbose_name = _("membership")

    def __str__(self) -> str:
        return f"{self.user} @ {self.clinic} ({self.role})"


class Study(models.Model):
    """A study run in a clinic; ``spec`` is the study description the CLI reads (the YAML
    mapping of ``laktasi analyze --study``), made from the design's default study."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="studies")
    title = models.CharField(_("title"), max_length=200)
    design = models.CharField(_("design"), max_length=60)
    intervention = models.TextField(_("intervention"), blank=True)
    sop = models.TextField(_("SOP"), blank=True)
    spec = models.JSONField(_("study description"))
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("-created",)
        verbose_name = _("study")

    def __str__(self) -> str:
        return self.title


class Mother(models.Model):
    """A mother in a study, known by her pseudonymous code; ``name`` (optional) is shown only
    inside her clinic and never exported."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="mothers")
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="mothers")
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name (optional, never exported)"), max_length=120, blank=True)
    group = models.CharField(_("group"), max_length=60, blank=True)
    age = models.PositiveSmallIntegerField(_("age (years)"), null=True, blank=True)
    education = models.CharField(_("education"), max_length=60, blank=True)
    occupation = models.CharField(_("occupation"), max_length=60, blank=True)
    parity = models.CharField(_("parity"), max_length=60, blank=True)
    enrolled = models.DateField(_("enrolment date"))
    delivered = models.DateField(_("delivery date"))
    birth_weight = models.PositiveIntegerField(_("birth weight (g)"), null=True, blank=True)
    is_deleted = models.BooleanField(default=False, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("code",)
        constraints = (models.UniqueConstraint(
            fields=("study", "code"), condition=models.Q(is_deleted=False),
            name="one_live_code_per_study"),)
        verbose_name = _("mother")

    def __str__(self) -> str:
        return self.code


class MassageSession(models.Model):
    class Giver(models.TextChoices):
        BIDAN = "bidan", _("midwife")
        SUAMI = "suami", _("husband")
        KELUARGA = "keluarga", _("other family member")
        MOTHER = "ibu", _("the mother herself")

    mother = models.ForeignKey(Mother, on_delete=models.CASCADE, related_name="sessions")
    at = models.DateTimeField(_("date and time"))
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    given_by = models.CharField(_("massaged by"), max_length=20, choices=Giver.choices)
    steps = models.JSONField(_("SOP steps done"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    history = HistoricalRecords()

    class Meta:
        ordering = ("-at",)
        verbose_name = _("massage session")


class Observation(models.Model):
    """One column of the observation sheet: before (pre), after (post) or day N."""

    class Point(models.TextChoices):
        PRE = "pre", _("before the intervention (pre)")
        POST = "post", _("after the intervention (post)")
        DAY = "day", _("day of life N")

    mother = models.ForeignKey(Mother, on_delete=models.CASCADE, related_name="observations")
    point = models.CharField(_("time point"), max_length=8, choices=Point.choices)
    day = models.PositiveSmallIntegerField(_("day of life"), null=True, blank=True)
    observed = models.DateField(_("date observed"))
    feeds = models.PositiveSmallIntegerField(_("feeds per 24 h"), null=True, blank=True)
    urination = models.PositiveSmallIntegerField(_("infant urinations per 24 h"), null=True,
                                                 blank=True)
    volume = models.DecimalField(_("milk volume (cc)"), max_digits=6, decimal_places=1,
                                 null=True, blank=True)
    lancar = models.BooleanField(_("milk flows smoothly (lancar)"), null=True, blank=True)
    latch = models.PositiveSmallIntegerField(_("LATCH score (0-10)"), null=True, blank=True)
    weight = models.PositiveIntegerField(_("infant weight (g)"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    is_deleted = models.BooleanField(default=False, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ("observed", "point", "day")
        verbose_name = _("observation")


class DoubleEntry(models.Model):
    """A second person's re-keying of one observation (double data entry); ``values`` holds
    the measurements as she typed them, compared field by field with the first entry."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE,
                                    related_name="double_entries")
    values = models.JSONField(_("values keyed again"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ("-created",)
        verbose_name = _("double entry")
