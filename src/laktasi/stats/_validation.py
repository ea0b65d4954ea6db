"""Input checks shared by the tests: one helper per kind of input.

Every failure raises a :class:`laktasi.errors.LaktasiInputError` subclass whose
message says what was wrong, where, and what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from laktasi.errors import (
    ConstantInputError,
    InvalidOptionError,
    InvalidTableError,
    LengthMismatchError,
    NegativeCountError,
    NonNumericError,
    TooFewObservationsError,
)

from ._results import Note

ALTERNATIVES = ("two-sided", "less", "greater")


def check_option(name: str, value: Any, allowed: Iterable[Any]) -> Any:
    allowed = tuple(allowed)
    if value not in allowed:
        raise InvalidOptionError(
            f"{name}={value!r} is not allowed; choose one of {', '.join(map(repr, allowed))}.",
            option=name,
            value=value,
            allowed=allowed,
            message_id="option_not_allowed",
        )
    return value


def _to_object_list(values: Any, name: str) -> list[Any]:
    if hasattr(values, "to_numpy"):  # pandas Series / Index
        values = values.to_numpy()
    if np.isscalar(values) or values is None:
        raise NonNumericError(
            f"{name} must be a sequence of numbers, got a single value {values!r}.",
            name=name,
            value=values,
            message_id="not_a_sequence",
        )
    arr = np.asarray(values, dtype=object)
    if arr.ndim != 1:
        raise NonNumericError(
            f"{name} must be one-dimensional, got shape {arr.shape}.", name=name, shape=arr.shape,
            dimensions=arr.ndim, message_id="not_one_dimensional",
        )
    return list(arr)


def category_list(values: Any, name: str) -> list[Any]:
    """A 1-D sequence of category values (text or numbers) as a list; missing -> None.

    Parameters
    ----------
    values : array-like
        List, tuple, numpy array or pandas Series.
    name : str
        The argument's name, for the message.

    Returns
    -------
    list
        numpy scalars as Python values, None/NaN/pandas NA as None.

    Raises
    ------
    NonNumericError
        A single value instead of a sequence, more than one dimension, or a value that
        is itself a list (not a category).
    """
    if isinstance(values, str) or np.isscalar(values) or values is None:
        raise NonNumericError(
            f"{name} must be a sequence of values (one per mother), got a single value "
            f"{values!r}.",
            name=name,
            value=values,
            message_id="not_a_category_sequence",
        )
    items = _to_object_list(values, name)
    out: list[Any] = []
    for i, v in enumerate(items):
        if is_missing(v):
            out.append(None)
            continue
        if isinstance(v, np.generic):
            v = v.item()
        try:
            hash(v)
        except TypeError:
            raise NonNumericError(
                f"{name}[{i}] = {v!r} is not a single category value (text or a number).",
                name=name,
                index=i,
                value=v,
                position=i + 1,
                message_id="not_a_category",
            ) from None
        out.append(v)
    return out


def is_missing(v: Any) -> bool:
    """None, pandas' NA/NaT and NaN are missing; anything else is a value."""
    if v is None or type(v).__name__ in {"NAType", "NaTType"}:
        return True
    return isinstance(v, (float, np.floating)) and bool(np.isnan(v))


def as_float_array(values: Any, name: str) -> np.ndarray:
    """1-D float array; NaN/None mean missing. Non-numbers raise, with position."""
    if isinstance(values, np.ndarray) and values.ndim == 1 and values.dtype.kind in "fiub":
        return values.astype(float)
    items = _to_object_list(values, name)
    out = np.empty(len(items), dtype=float)
    for i, v in enumerate(items):
        if is_missing(v):
            out[i] = np.nan
            continue
        if isinstance(v, (bool, np.bool_)):
            out[i] = float(v)
            continue
        if isinstance(v, (int, float, np.integer, np.floating)):
            out[i] = float(v)
            continue
        raise NonNumericError(
            f"{name}[{i}] = {v!r} is not a number; only numbers (or empty/NaN for "
            "missing) are allowed.",
            name=name,
            index=i,
            value=v,
            position=i + 1,
            message_id="not_a_number",
        )
    if np.isinf(out).any():
        i = int(np.flatnonzero(np.isinf(out))[0])
        raise NonNumericError(
            f"{name}[{i}] = {out[i]!r} is infinite; only finite numbers are allowed.",
            name=name,
            index=i,
            value=float(out[i]),
            position=i + 1,
            message_id="infinite_value",
        )
    return out


def paired_arrays(
    pre: Any, post: Any, min_n: int = 2
) -> tuple[np.ndarray, np.ndarray, list[Note]]:
    """Two float arrays of equal length with incomplete pairs dropped."""
    a = as_float_array(pre, "pre")
    b = as_float_array(post, "post")
    if a.shape != b.shape:
        raise LengthMismatchError(
            f"pre has {a.size} values but post has {b.size}; paired data need one pre and "
            "one post value per mother (the same length).",
            n_pre=a.size,
            n_post=b.size,
            message_id="paired_lengths_differ",
        )
    keep = ~(np.isnan(a) | np.isnan(b))
    notes = []
    if not keep.all():
        notes.append(Note("missing_dropped", {"n": int((~keep).sum()), "rule": "pairwise"}))
    a, b = a[keep], b[keep]
    require_n(a.size, min_n, "complete pairs", message_id="too_few_pairs")
    return a, b, notes


def sample_array(values: Any, name: str, min_n: int = 2) -> tuple[np.ndarray, list[Note]]:
    a = as_float_array(values, name)
    keep = ~np.isnan(a)
    notes = []
    if not keep.all():
        notes.append(Note("missing_dropped", {"n": int((~keep).sum()), "variable": name}))
    a = a[keep]
    require_n(a.size, min_n, f"non-missing values in {name}", message_id="too_few_values",
              name=name)
    return a, notes


def require_n(n: int, min_n: int, what: str, message_id: str, **fields: Any) -> None:
    if n < min_n:
        raise TooFewObservationsError(
            f"Only {n} {what}; at least {min_n} are needed.", n=n, min_n=min_n,
            message_id=message_id, **fields
        )


def require_not_constant(a: np.ndarray, what: str) -> None:
    if a.size and np.ptp(a) == 0:
        raise ConstantInputError(
            f"All {what} are equal ({a[0]:g}); the test needs some variation.",
            what=what,
            value=float(a[0]),
            message_id="all_values_equal",
        )


def count_table(table: Any, min_shape: tuple[int, int] = (2, 2)) -> np.ndarray:
    """A 2-D table of non-negative whole-number counts."""
    try:
        arr = np.asarray(table, dtype=float)
    except (TypeError, ValueError) as exc:
        raise NonNumericError(
            f"The table must hold numbers only (counts); got {table!r}.", value=table,
            message_id="table_not_numeric",
        ) from exc
    if arr.ndim != 2:
        raise InvalidTableError(
            f"The table must be two-dimensional (rows x columns), got shape {arr.shape}.",
            shape=arr.shape,
            dimensions=arr.ndim,
            message_id="table_not_two_dimensional",
        )
    if arr.shape[0] < min_shape[0] or arr.shape[1] < min_shape[1]:
        raise InvalidTableError(
            f"The table is {arr.shape[0]} x {arr.shape[1]}; at least "
            f"{min_shape[0]} x {min_shape[1]} is needed.",
            shape=arr.shape,
            rows=arr.shape[0],
            columns=arr.shape[1],
            min_rows=min_shape[0],
            min_columns=min_shape[1],
            message_id="table_too_small",
        )
    if not np.isfinite(arr).all():
        raise NonNumericError("The table has a missing or infinite cell; counts must be whole "
                              "numbers >= 0.", value=table, message_id="table_cell_not_finite")
    if (arr < 0).any():
        i, j = map(int, np.argwhere(arr < 0)[0])
        raise NegativeCountError(
            f"Cell (row {i + 1}, column {j + 1}) = {arr[i, j]:g} is negative; counts must be "
            "whole numbers >= 0.",
            row=i,
            column=j,
            value=float(arr[i, j]),
            row_number=i + 1,
            column_number=j + 1,
            message_id="table_cell_negative",
        )
    if (arr != np.round(arr)).any():
        i, j = map(int, np.argwhere(arr != np.round(arr))[0])
        raise InvalidTableError(
            f"Cell (row {i + 1}, column {j + 1}) = {arr[i, j]:g} is not a whole number; "
            "counts must be whole numbers >= 0.",
            row=i,
            column=j,
            value=float(arr[i, j]),
            row_number=i + 1,
            column_number=j + 1,
            message_id="table_cell_not_whole",
        )
    if (arr.sum(axis=1) == 0).any() or (arr.sum(axis=0) == 0).any():
        raise InvalidTableError(
            "A row or column of the table is all zero; remove empty categories first.",
            row_totals=arr.sum(axis=1).tolist(),
            column_totals=arr.sum(axis=0).tolist(),
            message_id="table_empty_row_or_column",
        )
    return arr


def check_confidence_level(level: float) -> float:
    if not (0 < float(level) < 1):
        raise InvalidOptionError(
            f"confidence_level={level!r} must lie strictly between 0 and 1 (e.g. 0.95).",
            option="confidence_level",
            value=level,
            message_id="confidence_level_out_of_range",
        )
    return float(level)


def levels_of(values: list[Any], levels: Any, what: str, message_id: str) -> tuple[Any, ...]:
    """The category order: ``levels`` as given (every value must be in it) or sorted."""
    if levels is None:
        return tuple(sorted(set(values), key=lambda v: (str(type(v)), v)))
    allowed: tuple[Any, ...] = tuple(levels)
    unknown = sorted({v for v in values if v not in allowed}, key=str)
    if unknown:
        from laktasi.errors import LaktasiInputError

        raise LaktasiInputError(
            f"{what} value(s) {', '.join(map(repr, unknown))} are not among the allowed "
            f"{', '.join(map(repr, allowed))}.",
            values=unknown,
            allowed=allowed,
            message_id=message_id,
        )
    return allowed
