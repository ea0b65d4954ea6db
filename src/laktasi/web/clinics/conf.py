"""Settings of the clinics app, imported by ``laktasi.web.settings.base`` (plain values only:
this module is read before Django is set up)."""

LOGIN_URL = "clinics:login"
LOGIN_REDIRECT_URL = "clinics:home"
LOGOUT_REDIRECT_URL = "clinics:login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# django-axes: 5 failed log-ins for one user name from one address lock that pair for an hour
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "clinics/locked.html"
AXES_VERBOSE = False  # no user names in the logs
AXES_ENABLE_ACCESS_FAILURE_LOG = False
