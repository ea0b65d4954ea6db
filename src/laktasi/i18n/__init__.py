"""The language layer: the active language, the message catalogues and number formats.

Every word laktasi prints lives in a gettext catalogue, one per language
(``locale/<lang>/LC_MESSAGES/laktasi.po``, compiled to ``.mo`` with Babel and shipped in
the package). A message is found by its section (the gettext context, e.g. ``"chapter"``,
``"io"``, ``"audit"``) and its key (the msgid); the translation is a :meth:`str.format`
template. The sections: ``chapter``, ``report`` (table words), ``test``, ``effect``,
``magnitude``, ``proportion`` (the chapter; helpers in :mod:`laktasi.i18n.chapter`); ``io``
(problems by code), ``place``, ``check``, ``template``, ``design`` (:mod:`laktasi.i18n.io`);
``audit``, ``extract`` (:mod:`laktasi.i18n.audit`); ``meta``, ``meta_measure``,
``meta_scale``, ``meta_design``, ``formula`` (:mod:`laktasi.i18n.meta`); ``power`` and
``power_*`` (:mod:`laktasi.i18n.power`); ``study``, ``forced``, ``infer`` (the study
description); ``cli`` (the command line). A counted noun is a plural entry
(:func:`plural`).

The active language is a context variable: a face sets it once with
:func:`use_language`, and every lookup whose ``lang`` is ``None`` reads it. Indonesian is
the default.

>>> with use_language("en"):
...     current_language(), text("check", "title", file="data.csv")
('en', 'Data check: data.csv')
>>> current_language(), text("check", "title", file="data.csv")
('id', 'Pemeriksaan data: data.csv')
>>> plural("check", "warnings", 1, "en"), plural("check", "warnings", 2, "en")
('1 warning', '2 warnings')

This package imports nothing of laktasi but :mod:`laktasi.errors`, and that only to raise.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, wraps
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["DOMAIN", "LANGS", "LOCALE_DIR", "check_lang", "current_language", "has_text", "in_language",
           "keys", "message", "plural", "resolve", "spoken", "text", "text_or", "use_language"]

LANGS = ("id", "en")
DEFAULT = "id"
DOMAIN = "laktasi"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_ACTIVE: ContextVar[str] = ContextVar("laktasi_language", default=DEFAULT)


def check_lang(lang: str) -> str:
    """``lang`` when it is a language laktasi speaks, else an :class:`InvalidOptionError`.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        from laktasi.errors import InvalidOptionError

        raise InvalidOptionError(
            f"lang={lang!r} is not supported; choose 'id' (Indonesian) or 'en' (English).",
            option="lang",
            value=lang,
            allowed=LANGS,
        )
    return lang


def current_language() -> str:
    """The active language ("id" unless a face set another with :func:`use_language`)."""
    return _ACTIVE.get()


def resolve(lang: str | None = None) -> str:
    """``lang`` checked, or the active language when ``lang`` is None."""
    return _ACTIVE.get() if lang is None else check_lang(lang)


def spoken(lang: str | None = None) -> str:
    """The language to speak for ``lang``: itself when laktasi speaks it, the active
    language for None, Indonesian for anything else (a message about a bad ``--lang``
    itself must be said in some language).

    >>> spoken("en"), spoken("fr")
    ('en', 'id')
    """
    if lang is None:
        return _ACTIVE.get()
    return lang if lang in LANGS else DEFAULT


@contextmanager
def use_language(lang: str | None) -> Iterator[str]:
    """Make ``lang`` the active language inside the ``with`` block (``None`` keeps the
    active one); the previous language comes back on leaving, also on an exception.

    >>> with use_language("en"):
    ...     with use_language("id"):
    ...         inner = current_language()
    ...     outer = current_language()
    >>> inner, outer, current_language()
    ('id', 'en', 'id')
    """
    token = _ACTIVE.set(resolve(lang))
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


_T = TypeVar("_T")


def in_language(fn: Callable[..., _T]) -> Callable[..., _T]:
    """Give ``fn`` a keyword ``lang`` (None: the active language) that is made the active
    language, with :func:`use_language`, while ``fn`` runs: an entry point that takes
    ``lang`` while its work reads the active language.

    >>> @in_language
    ... def which() -> str:
    ...     return current_language()
    >>> which(lang="en"), which()
    ('en', 'id')
    """
    @wraps(fn)
    def run(*args: Any, lang: str | None = None, **kwargs: Any) -> _T:
        with use_language(lang):
            return fn(*args, **kwargs)
    return run


class _Missing(gettext.NullTranslations):
    """The fallback of every catalogue: a key without an entry is an error, never the key
    printed as if it were a sentence."""

    def pgettext(self, context: str, message: str) -> str:
        raise KeyError(f"{context}:{message}")

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(f"{context}:{msgid1}")


@cache
def catalogue(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang``, read once (standard library gettext)."""
    path = LOCALE_DIR / check_lang(lang) / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with open(path, "rb") as fh:
        translations = gettext.GNUTranslations(fh)
    translations.add_fallback(_Missing())
    return translations


def message(section: str, key: str, lang: str | None = None) -> str:
    """The unformatted template of ``key`` in ``section`` (a KeyError when it is missing)."""
    return catalogue(resolve(lang)).pgettext(section, key)


def text(section: str, key: str, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` of ``section`` in ``lang`` (None: the active language) with
    ``fields`` filled in."""
    return message(section, key, lang).format(**fields)


def plural(section: str, key: str, count: int, /, lang: str | None = None,
           **fields: object) -> str:
    """The form of ``key`` for ``count`` ("1 warning", "2 warnings"; Indonesian has one
    form), with ``count`` filled in as ``{n}`` and ``fields`` as theirs."""
    template = catalogue(resolve(lang)).npgettext(section, key, key, count)
    return template.format(**{"n": count, **fields})


def text_or(section: str, key: str, default: str, lang: str | None = None) -> str:
    """The name ``key`` as the catalogue holds it (not formatted: effect-size names such as
    ``d_{z}`` keep their braces), or ``default`` when ``section`` has no entry for it (a
    name the catalogue does not know is shown as it is)."""
    try:
        return message(section, key, lang)
    except KeyError:
        return default


def keys(section: str, lang: str | None = None) -> frozenset[str]:
    """The keys of ``section`` in the catalogue of ``lang`` (for tests and listings)."""
    prefix = f"{section}\x04"
    found = set()
    # GNUTranslations keeps "context\x04msgid" (plural forms: (that, index)) in _catalog
    for entry in catalogue(resolve(lang))._catalog:  # type: ignore[attr-defined]
        name = entry[0] if isinstance(entry, tuple) else entry
        if name.startswith(prefix):
            found.add(name[len(prefix):])
    return frozenset(found)


def has_text(section: str, key: str) -> bool:
    """Whether ``key`` has an entry in ``section`` (Indonesian, the complete catalogue)."""
    try:
        message(section, key, DEFAULT)
    except KeyError:
        try:
            catalogue(DEFAULT).npgettext(section, key, key, 1)
        except KeyError:
            return False
    return True
