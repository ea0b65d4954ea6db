"""Words, number formats, tables and renderers: everything a person reads."""
