"""Clinic data capture: mothers, massage sessions and observation sheets for many clinics,
with roles, an audit trail, the watch-list and the live analysis (issue 12)."""
