"""Output files are never overwritten unless asked (``--force``).

Every command that writes a file (``template``, ``example DIR``, ``extract --out``,
``analyze --out``/``--bundle``, the power and meta outputs) calls :func:`refuse_overwrite`
before it starts the work, or writes through :func:`write_new`. A file that is there already
(a filled data-entry sheet, yesterday's chapter) gives a located message in the user's
language instead of being silently replaced; a file that cannot be written gives the same
kind of message instead of a traceback.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "bab4.md"
>>> write_new(p, b"# BAB 4\\n") == p
True
>>> write_new(p, b"# lagi\\n")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
laktasi.safe_write.OutputExistsError: ...bab4.md: berkas sudah ada dan tidak ditimpa; ...
>>> _ = write_new(p, b"# lagi\\n", force=True); p.read_text()
'# lagi\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from laktasi.errors import LaktasiInputError

__all__ = ["OutputExistsError", "cannot_write", "refuse_overwrite", "write_new"]


class OutputExistsError(LaktasiInputError):
    """The output file exists and ``--force`` was not given."""

    code = "output_exists"


def _word(key: str, lang: str, **values: object) -> str:
    from laktasi.report.words_io import check_word

    return check_word(key, lang if lang in ("id", "en") else "id", **values)


def refuse_overwrite(paths: str | Path | Iterable[str | Path], *, force: bool = False,
                     lang: str = "id") -> None:
    """Raise :class:`OutputExistsError` naming the first of ``paths`` that exists (a file
    or a folder), unless ``force``. Call it before doing the work the file will hold."""
    if force:
        return
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for p in items:
        if p is not None and Path(p).exists():
            raise OutputExistsError(_word("exists", lang, path=p), path=str(p))


def cannot_write(path: str | Path, exc: OSError, lang: str = "id") -> LaktasiInputError:
    """The located error for a file that cannot be written (missing folder, no right)."""
    where = exc.filename or path
    return LaktasiInputError(_word("cannot_write", lang, path=where,
                                   reason=exc.strerror or type(exc).__name__), path=str(where))


def write_new(path: str | Path, data: bytes, *, force: bool = False, lang: str = "id") -> Path:
    """Write ``data`` to ``path``; an existing file is refused unless ``force`` (the refusal
    is atomic: the file is created exclusively), and an unwritable path gives a located
    error."""
    p = Path(path)
    try:
        if force:
            p.write_bytes(data)
        else:
            with p.open("xb") as fh:
                fh.write(data)
    except FileExistsError:
        raise OutputExistsError(_word("exists", lang, path=p), path=str(p)) from None
    except OSError as exc:
        raise cannot_write(p, exc, lang) from None
    return p
