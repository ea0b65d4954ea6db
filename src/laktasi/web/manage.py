"""Django's manage.py for the web app: ``python -m laktasi.web.manage check --deploy``.

Settings default to ``laktasi.web.settings.local``; production sets
``DJANGO_SETTINGS_MODULE=laktasi.web.settings.production``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laktasi.web.settings.local")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["laktasi-web", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
