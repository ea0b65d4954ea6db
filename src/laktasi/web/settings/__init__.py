"""Settings split by environment: base, local (laktasi serve), production, test."""
