"""Documents, tables, figures and renderers: everything a person reads (its words and number
formats come from :mod:`laktasi.i18n`)."""
