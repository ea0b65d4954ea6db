"""Results as plain Python values: the one serialisation every package uses.

Every frozen result of laktasi (the core's tests, the plan's steps, meta-analysis, power,
the audit's findings) turns into JSON-ready values here: dataclasses become dicts, numpy
scalars and arrays Python numbers and lists, NaN ``None`` and an infinity the text
``"inf"`` / ``"-inf"`` (JSON has neither). Nothing is rounded.

>>> import numpy as np
>>> to_plain({"p": np.float64(0.5), "n": np.int64(3), "missing": float("nan")})
{'p': 0.5, 'n': 3, 'missing': None}
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np

__all__ = ["Serialisable", "to_plain"]


def to_plain(value: Any) -> Any:
    """Convert a result (or any nesting of results, mappings and sequences) into
    JSON-ready Python values.

    Parameters
    ----------
    value : Any
        A dataclass instance, a mapping, a list or tuple, a numpy array or scalar, or a
        plain value. Dataclass fields, mapping values and sequence items are converted
        recursively; mapping keys become ``str``.

    Returns
    -------
    Any
        The same structure built from ``dict``, ``list``, ``bool``, ``int``, ``float``,
        ``str`` and ``None``: NaN becomes ``None``; an infinity the text ``"inf"`` or
        ``"-inf"``; tuples and arrays become lists; any other value is returned as is.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return to_plain(value.tolist())
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        v = float(value)
        if math.isnan(v):
            return None
        if math.isinf(v):  # JSON has no infinity; keep the information as text
            return "inf" if v > 0 else "-inf"
        return v
    return value


class Serialisable:
    """Base of every frozen result dataclass: gives it :meth:`to_dict`.

    A subclass is a ``@dataclass(frozen=True)``; ``to_dict`` returns its fields through
    :func:`to_plain`.
    """

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON-serialisable dict.

        Returns
        -------
        dict[str, Any]
            Field name to plain value (see :func:`to_plain`; NaN becomes ``None``).
        """
        out: dict[str, Any] = to_plain(self)
        return out
