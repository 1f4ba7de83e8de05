"""Signing in and out, passwords, two-factor sign-in, the account page and accepting invitations."""

import time

import django_otp
from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from algoreg.audit.log import log
from algoreg.audit.models import AuditEvent

from . import invitations, twofactor
from .access import memberships_for, must_use_two_factor, needs_code, require_signed_in
from .forms import ChangePasswordForm, CodeForm, JoinForm, NewPasswordForm, ResetRequestForm, SignInForm
from .models import Invitation
from .receivers import WITH_CODE

PENDING = "accounts_pending_sign_in"
PENDING_SECONDS = 10 * 60


def page(request, template: str, context: dict | None = None, status: int = 200):
    """Render one of our pages; those that show messages read them with includes/messages.html."""
    return render(request, template, context or {}, status=status)


def safe_next(request, default: str = "") -> str:
    """The ?next= address if it is on this site, else `default` (no open redirects)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default or reverse(settings.LOGIN_REDIRECT_URL)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    if request.method == "GET" and request.user.is_authenticated:
        return redirect(reverse("accounts:sign_in_code") if needs_code(request.user) else safe_next(request))
    form = SignInForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user, next_url = form.get_user(), safe_next(request)
        if twofactor.confirmed_device(user):
            # The password was right; the person is signed in only once they have entered a code too.
            request.session.cycle_key()
            request.session[PENDING] = {"user": user.pk, "backend": user.backend, "next": next_url,
                                        "at": int(time.time())}
            return redirect("accounts:sign_in_code")
        auth_login(request, user)
        return redirect(next_url)
    return page(request, "accounts/sign_in.html", {"form": form, "next": request.GET.get("next", "")})


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, None
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True).first()
    return user, pending


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_code(request):
    """The second sign-in step for people with two-factor sign-in; also asks a signed-in, unverified person."""
    if request.user.is_authenticated:
        if not needs_code(request.user):
            return redirect(safe_next(request))
        user, pending = request.user, None
    else:
        user, pending = _pending_user(request)
        if user is None:
            request.session.pop(PENDING, None)
            messages.info(request, "Your sign-in timed out. Sign in again.")
            return redirect("accounts:sign_in")
    form = CodeForm(request.POST if request.method == "POST" else None, allow_backup=True)
    if request.method == "POST" and form.is_valid():
        device = twofactor.confirmed_device(user)
        paused = twofactor.why_codes_are_paused(device)
        if not paused and _code_is_right(device, form):
            if pending is not None:
                request.session.pop(PENDING, None)
                setattr(request, WITH_CODE, "a backup code" if form.is_backup_code
                        else "a security code from an authenticator app")
                auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            if form.is_backup_code:
                left = twofactor.backup_codes_left(user)
                messages.info(request, f"You used a backup code. You have {left} left.")
            return redirect(pending["next"] if pending else safe_next(request))
        log(AuditEvent.Action.SIGN_IN_FAILED, request=request, actor=user,
            detail="Entered a security code while codes were paused after wrong security codes." if paused
            else "Entered a wrong security code for two-factor sign-in.")
        form.add_error("code", paused or "The security code is not right. Enter the newest code your app shows")
    return page(request, "accounts/sign_in_code.html", {"form": form, "next": request.GET.get("next", "")})


def _code_is_right(device, form) -> bool:
    code = form.cleaned_data["code"]
    return twofactor.use_backup_code(device, code) if form.is_backup_code else twofactor.verify(device, code)


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]
    next_page = reverse_lazy("accounts:signed_out")


@require_GET
def signed_out(request):
    return page(request, "accounts/signed_out.html")


def csrf_failure(request, reason=""):
    """Shown when a form arrives without a valid CSRF token, usually because the page was open a long time."""
    return render(request, "accounts/csrf_failure.html", status=403)


# Password reset by email, with Django's views and our templates.

class ResetRequestView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/emails/password_reset.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")
    extra_email_context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL.rstrip("/")}


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        reset_lockout(username=user.email)  # a new password ends any lockout on the account
        log(AuditEvent.Action.PASSWORD_CHANGED, request=self.request, actor=user,
            detail="Set a new password with a reset link.")
        return response


class ResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_done.html"


@method_decorator(require_signed_in, name="dispatch")
class ChangePasswordView(auth_views.PasswordChangeView):
    """Changing the password keeps this session and signs out every other one (Django's session auth hash)."""

    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        response = super().form_valid(form)
        log(AuditEvent.Action.PASSWORD_CHANGED, request=self.request, detail="Changed their password.")
        messages.success(self.request, "Your password has been changed. Any other sessions have been signed out.")
        return response


# The account page and two-factor sign-in.

@require_GET
@require_signed_in
def account(request):
    context = {
        "memberships": memberships_for(request.user),
        "device": twofactor.confirmed_device(request.user),
        "backup_codes_left": twofactor.backup_codes_left(request.user),
        "two_factor_required": must_use_two_factor(request.user),
    }
    return page(request, "accounts/account.html", context)


@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
@require_signed_in
def two_factor_set_up(request):
    if twofactor.confirmed_device(request.user):
        return redirect("accounts:account")
    device = twofactor.unconfirmed_device(request.user)
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        paused = twofactor.why_codes_are_paused(device)
        if not paused and twofactor.verify(device, form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.user.totpdevice_set.filter(confirmed=False).delete()
            django_otp.login(request, device)
            log(AuditEvent.Action.TWO_FACTOR_CHANGED, request=request, detail="Turned on two-factor sign-in.")
            return _show_backup_codes(request, safe_next(request, reverse("accounts:account")))
        form.add_error("code", paused or
                       "The security code is not right. Check the app is set up and enter the newest code")
    context = {"form": form, "secret": twofactor.secret_text(device), "qr_code": twofactor.qr_code_svg(device),
               "required": must_use_two_factor(request.user), "next": request.GET.get("next", "")}
    return page(request, "accounts/two_factor_set_up.html", context)


@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
@require_signed_in
def two_factor_turn_off(request):
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:account")
    form = CodeForm(request.POST if request.method == "POST" else None, allow_backup=True)
    if request.method == "POST" and form.is_valid():
        paused = twofactor.why_codes_are_paused(device)
        if not paused and _code_is_right(device, form):
            twofactor.turn_off(request.user)
            log(AuditEvent.Action.TWO_FACTOR_CHANGED, request=request, detail="Turned off two-factor sign-in.")
            messages.success(request, "Two-factor sign-in is off.")
            return redirect("accounts:account")
        form.add_error("code", paused or "The security code is not right. Enter the newest code your app shows")
    return page(request, "accounts/two_factor_turn_off.html",
                {"form": form, "required": must_use_two_factor(request.user)})


def _show_backup_codes(request, next_url: str):
    """Make a new set of backup codes and show them, once. The page is not cached anywhere."""
    codes = twofactor.make_backup_codes(request.user)
    response = page(request, "accounts/backup_codes.html", {"codes": codes, "next_url": next_url})
    response["Cache-Control"] = "no-store"
    return response


# Invitations.

@sensitive_post_parameters("new_password1", "new_password2")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    found = invitations.find(token)
    if found is None:
        return page(request, "accounts/invitation_invalid.html", {"days": Invitation.DAYS_VALID}, status=404)
    existing = get_user_model().objects.filter(email__iexact=found.email).first()
    context = {"invitation": found}
    if existing is None:
        if request.user.is_authenticated:
            return page(request, "accounts/invitation_other_account.html", context)
        form = JoinForm(get_user_model()(email=found.email), request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    user = form.save()
                    invitations.accept(request, found, user)
            except IntegrityError:  # the same link used twice at once: the other request made the account
                return redirect(request.path)
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(settings.LOGIN_REDIRECT_URL)
        return page(request, "accounts/invitation_join.html", {**context, "form": form})
    if not request.user.is_authenticated:
        sign_in_url = f"{reverse('accounts:sign_in')}?{urlencode({'next': request.path})}"
        return page(request, "accounts/invitation_sign_in.html", {**context, "sign_in_url": sign_in_url})
    if request.user.pk != existing.pk:
        return page(request, "accounts/invitation_other_account.html", context)
    if needs_code(request.user):
        return redirect(f"{reverse('accounts:sign_in_code')}?{urlencode({'next': request.path})}")
    if request.method == "POST":
        invitations.accept(request, found, request.user)
        return redirect(settings.LOGIN_REDIRECT_URL)
    return page(request, "accounts/invitation_accept.html", context)
