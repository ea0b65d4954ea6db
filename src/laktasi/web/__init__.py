"""laktasi in the browser: a Django project inside the package (``laktasi serve``).

Layout (a room imports only rooms on its own floor or below):

- ``settings/``: ``base`` (everything shared), ``local`` (``laktasi serve`` on a laptop:
  SQLite in the user's data folder), ``production`` (gunicorn + PostgreSQL, secure
  settings from environment variables), ``test``;
- ``core/``: the base template, the home page, the language switch, static files;
- ``analysis/``: the Analisis page (upload, study form, data problems, chapter, downloads);
  ``services.py`` holds every call into the laktasi pipeline, views stay thin;
- ``tools/``: Besar sampel, Audit and Meta-analisis pages;
- ``serve.py``: the plain function behind ``laktasi serve``.

Words of the pages live in ``locale/<lang>/LC_MESSAGES/django.po`` (Indonesian is the
default language); the chapter's words come from the report layer, as on the command line.
"""
