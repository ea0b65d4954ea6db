"""The study designs laktasi analyses: defined here once, imported everywhere.

A :class:`Design` says what the data of the design hold (one or two groups, a pretest or
not) and which comparisons the plan runs on it (within a group: the same mothers before and
after; between the two groups). Every other module takes the names and the properties from
here (:data:`DESIGNS`, :func:`design`); a test fails when another module spells a list of
design names of its own.

>>> design("two-group-posttest").comparisons
('between',)
>>> [d.name for d in ALL if d.pre]
['one-group-pretest-posttest', 'nonequivalent-control-pretest-posttest']
"""

from __future__ import annotations

from dataclasses import dataclass

from laktasi.errors import InvalidOptionError

__all__ = ["ALL", "DESIGNS", "DESIGN_COMPARISONS", "NONEQUIVALENT", "ONE_GROUP", "TWO_GROUP",
           "Design", "design"]


@dataclass(frozen=True)
class Design:
    """One design: its name (as study files write it), whether the mothers form two groups
    (a group column), whether each outcome has a pretest column, and the comparisons the plan
    runs ("within": the same mothers before and after; "between": the two groups)."""

    name: str
    groups: bool
    pre: bool
    comparisons: tuple[str, ...]
    randomised: bool = False

    def __str__(self) -> str:
        return self.name


ONE_GROUP = Design("one-group-pretest-posttest", groups=False, pre=True,
                   comparisons=("within",))
TWO_GROUP = Design("two-group-posttest", groups=True, pre=False, comparisons=("between",))
NONEQUIVALENT = Design("nonequivalent-control-pretest-posttest", groups=True, pre=True,
                       comparisons=("within", "between"))

ALL: tuple[Design, ...] = (ONE_GROUP, TWO_GROUP, NONEQUIVALENT)
DESIGNS: tuple[str, ...] = tuple(d.name for d in ALL)
# The comparisons each design runs, by name.
DESIGN_COMPARISONS: dict[str, tuple[str, ...]] = {d.name: d.comparisons for d in ALL}
_BY_NAME = {d.name: d for d in ALL}


def design(name: str) -> Design:
    """The :class:`Design` of a name; :class:`~laktasi.errors.InvalidOptionError` (with the
    allowed names in its detail) for a name laktasi does not know."""
    try:
        return _BY_NAME[name]
    except (KeyError, TypeError):
        raise InvalidOptionError(f"design={name!r}: choose one of {', '.join(DESIGNS)}.",
                                 option="design", value=name, allowed=DESIGNS,
                                 message_id="option_not_allowed") from None
