"""Settings for algoreg, read from the environment. Every setting and its default is listed in the README."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# The words a switch may be set to. Anything else stops the register starting, so a typing mistake such as
# REQUIRE_TWO_FACTOR_FOR_APPROVERS=ture cannot quietly turn a protection off.
TRUE_WORDS = ("true", "yes", "on", "1")
FALSE_WORDS = ("false", "no", "off", "0")


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """A switch: one of TRUE_WORDS or FALSE_WORDS, in any case. Unset or empty means the default."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS or value in FALSE_WORDS:
        return value in TRUE_WORDS
    raise ImproperlyConfigured(f"The environment variable {name} is “{os.environ[name]}”, which is neither on nor "
                               f"off. Set it to one of {', '.join(TRUE_WORDS + FALSE_WORDS)}, or leave it out.")


def env_int(name: str, default: int) -> int:
    """A whole number. Unset or empty means the default."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"The environment variable {name} is “{os.environ[name]}”, which is not a whole "
                                   f"number. Set it to a number such as {default}, or leave it out.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The default key is for local use only; production must set SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "algoreg-local-development-key-change-me-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
SITE_NAME = env_str("SITE_NAME", "Algorithm register")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "algoreg.accounts",
    "algoreg.audit",
    "algoreg.organisations",
    "algoreg.records",
    "algoreg.search",
    "algoreg.pages",
    # Two-factor sign-in and lockout after failed sign-ins (see the accounts settings below).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # "ninja" is listed so its bundled Swagger UI is served from our own static files.
    "ninja",
    "algoreg.api",
    "algoreg.transfer",
]

MIDDLEWARE = [
    # NUL is dropped from headers before any other middleware reads them (sessions and the sign-in lockout look them
    # up in the database, and PostgreSQL cannot hold NUL); addresses with NUL in them are not found and NUL is
    # dropped from form values just before the view.
    "algoreg.pages.middleware.NulCharacterMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Adds request.user.is_verified(), so it must follow AuthenticationMiddleware.
    "django_otp.middleware.OTPMiddleware",
    "algoreg.accounts.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Turns a locked-out sign-in into our lockout page. Its documentation asks for it last: only the two below, which
    # have nothing to do with signing in, come after it.
    "axes.middleware.AxesMiddleware",
    # CORS and cache headers for the public API, and JSON for its 404s.
    "algoreg.api.middleware.PublicApiMiddleware",
]

ROOT_URLCONF = "algoreg.urls"
WSGI_APPLICATION = "algoreg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "algoreg" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "algoreg.jinja2.environment"},
    },
]

DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a writer publishes; the timeout rides out short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Long passphrases rather than composition rules (NCSC and OWASP ASVS 5.0 V6.2).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "algoreg" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security headers. Pages load nothing from other hosts; the one inline script (GOV.UK's js-enabled switch)
# carries a nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG and SITE_URL.startswith("https://"))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
if SECURE_COOKIES:
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "editor:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Four eyes: an approver may not publish their own last edit. An organisation with a single member cannot meet
# that rule; this lets its one member publish alone (the audit log still shows who did what).
ALLOW_SOLE_MEMBER_SELF_APPROVAL = env_bool("ALLOW_SOLE_MEMBER_SELF_APPROVAL", False)

# How many records a list page shows.
RECORDS_PER_PAGE = 20

# ---------------------------------------------------------------------------------------------------------------------
# Accounts: sign-in, lockout, two-factor sign-in, sessions and email (owned by algoreg/accounts).
# ---------------------------------------------------------------------------------------------------------------------
# The lockout check runs before the password is even looked at.
AUTHENTICATION_BACKENDS = [
    "algoreg.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
CSRF_FAILURE_VIEW = "algoreg.accounts.views.csrf_failure"

# Lockout after repeated failed sign-ins (OWASP ASVS 5.0 V6.3.1). Failures are counted for each email address at
# each client address, so nobody can lock a named officer out from somewhere else, and for each client address
# alone, with a higher limit, so one address cannot try account after account (algoreg.accounts.lockout). A
# successful sign-in clears that account's failures from that address; a password reset clears the account's.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 30)
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "algoreg.accounts.lockout.LockoutHandler"
# The client address as the API's rate limits see it (API_PROXY_COUNT, defined with the API settings below).
AXES_CLIENT_IP_CALLABLE = "algoreg.client_address.client_address"
AXES_USERNAME_CALLABLE = "algoreg.accounts.lockout.lockout_username"
AXES_LOCKOUT_CALLABLE = "algoreg.accounts.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# Attempts made while locked out do not push the unlock time back, so the time we tell people stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ADMIN = False

# Two-factor sign-in with an authenticator app (TOTP).
OTP_TOTP_ISSUER = SITE_NAME
# When true, approvers, organisation admins and register admins must set up two-factor sign-in before they can use
# the manage area (see algoreg.accounts.access.require_verified).
REQUIRE_TWO_FACTOR_FOR_APPROVERS = env_bool("REQUIRE_TWO_FACTOR_FOR_APPROVERS", False)

# Sessions end after SESSION_IDLE_MINUTES without a request (each request saves the session, renewing its expiry),
# when the browser closes, and in any case SESSION_MAX_HOURS after signing in (OWASP ASVS 5.0 V7.3).
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_MAX_HOURS = env_int("SESSION_MAX_HOURS", 12)

# Email: printed to the console unless EMAIL_BACKEND says otherwise, for example
# django.core.mail.backends.filebased.EmailBackend (writes to EMAIL_FILE_PATH)
# or django.core.mail.backends.smtp.EmailBackend (sends through EMAIL_HOST).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-emails"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "no-reply@localhost")
# Links to set a new password work once, for this long.
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60

# ---------------------------------------------------------------------------------------------------------------------
# The JSON API, API tokens and feeds (owned by algoreg/api).
# ---------------------------------------------------------------------------------------------------------------------
# Requests without a token, per client address, and requests with each token: "number/period" (s, min, hour, day).
API_ANON_RATE = env_str("API_ANON_RATE", "120/min")
API_TOKEN_RATE = env_str("API_TOKEN_RATE", "600/min")
# How many proxies in front of the register add to X-Forwarded-For (0: use the address that connected to us).
API_PROXY_COUNT = env_int("API_PROXY_COUNT", 0)
# How long browsers and caches may keep public API answers.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)

# ---------------------------------------------------------------------------------------------------------------------
# Exports and imports (owned by algoreg/transfer).
# ---------------------------------------------------------------------------------------------------------------------
# Imports refuse files larger than this many bytes, or with more rows than this.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 20 * 1024 * 1024)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 10_000)
# An uploaded file waits this long between its dry run and "Apply" before it is deleted.
IMPORT_PENDING_MINUTES = env_int("IMPORT_PENDING_MINUTES", 60)
