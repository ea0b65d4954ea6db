"""WSGI entry point: ``gunicorn laktasi.web.wsgi`` (production settings by default)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laktasi.web.settings.production")
application = get_wsgi_application()
