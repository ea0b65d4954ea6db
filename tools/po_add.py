"""Add a message to both catalogues of laktasi (src/laktasi/i18n/locale/*/LC_MESSAGES/laktasi.po)
after an existing entry of its section, then compile the .mo files with Babel.

    python3 tools/po_add.py SECTION KEY --after KEY --id "Indonesian" --en "English"
    python3 tools/po_add.py check rows --after row --id "{n} baris" --en "{n} row" "{n} rows"

A plural entry gives one Indonesian form (nplurals=1) and two English forms.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[1] / "src" / "laktasi" / "i18n" / "locale"


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _entry(section: str, key: str, forms: list[str], plural_entry: bool) -> str:
    head = f"msgctxt {_quote(section)}\nmsgid {_quote(key)}\n"
    if not plural_entry:
        return head + f"msgstr {_quote(forms[0])}\n"
    head += f"msgid_plural {_quote(key)}\n"
    return head + "".join(f"msgstr[{i}] {_quote(f)}\n" for i, f in enumerate(forms))


def _insert(po: Path, section: str, after: str, entry: str) -> None:
    text = po.read_text(encoding="utf-8")
    anchor = f"msgctxt {_quote(section)}\nmsgid {_quote(after)}\n"
    at = text.find(anchor)
    if at < 0:
        sys.exit(f"{po}: no entry {section}/{after}")
    end = text.find("\n\n", at)
    end = len(text) if end < 0 else end + 1
    po.write_text(text[:end] + "\n" + entry + text[end:], encoding="utf-8")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("section")
    ap.add_argument("key")
    ap.add_argument("--after", required=True)
    ap.add_argument("--id", nargs="+", required=True, dest="id_forms")
    ap.add_argument("--en", nargs="+", required=True)
    ap.add_argument("--plural", action="store_true", help="a plural entry (npgettext)")
    args = ap.parse_args()
    plural_entry = args.plural or len(args.en) > 1
    for lang, forms in (("id", args.id_forms), ("en", args.en)):
        _insert(LOCALE / lang / "LC_MESSAGES" / "laktasi.po", args.section, args.after,
                _entry(args.section, args.key, forms, plural_entry))
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "compile", "-d",
                    str(LOCALE), "-D", "laktasi"], check=True)
