"""Best-effort extraction of a paper's printed results into a draft reported-results file.

Like statcheck, but for the tables and sentences of Indonesian midwifery papers: the plain
text of a paper (Indonesian or English) is read line by line (lines as
``str.splitlines`` counts them), tables pasted as text (tab- or wide-space-separated rows,
or one cell per line as PDF converters write them) and sentences are recognised, and a
draft of the YAML of ``shared/spec/reported-results.md`` is built. Nothing is invented:
a value that the text does not give is left out, and an item whose required fields are
missing is still drafted and named in :attr:`Draft.missing`. Every value read from the
text is a :class:`Guess` that points to its line and the exact snippet, so that
:meth:`Draft.to_yaml` can write a comment after it for the user to confirm.

The package: :mod:`.lines` (line cleaning, cells, single-spaced rows and headers, tables
that pdftotext writes column by column), :mod:`.tables` (table recognisers), :mod:`.prose`
(sentence recognisers), :mod:`.emit` (the YAML writer), :mod:`.core` (the walk over the
text) and :mod:`.files` (:func:`extract_file`: a .txt or .pdf file).

Examples
--------
>>> d = extract_text("Hasil uji Wilcoxon: Z = -3,434; p = 0,001.")
>>> d.data["items"][0]["z"], d.data["items"][0]["p"]
('-3,434', '0,001')
>>> [m.field for m in d.missing]
['study.design', 'negative_ranks', 'positive_ranks']
"""

from __future__ import annotations

from .core import extract_text
from .files import ExtractInputError, extract_file
from .model import Draft, Guess, Mention, Missing

__all__ = ["Draft", "ExtractInputError", "Guess", "Mention", "Missing", "extract_file",
           "extract_text"]
