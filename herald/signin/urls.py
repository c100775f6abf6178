from django.urls import path

from herald.signin import views

app_name = "signin"
urlpatterns = [
    path("", views.security, name="security"),
    path("two-factor/", views.second_factor, name="second_factor"),
    path("two-factor/recovery-code/", views.recovery_code, name="recovery_code"),
    path("two-factor/passkey/", views.passkey_verify, name="passkey_verify"),
    path("authenticator/", views.totp_setup, name="totp_setup"),
    path("authenticator/remove/", views.totp_remove, name="totp_remove"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("passkeys/add/", views.passkey_add, name="passkey_add"),
    path("passkeys/<int:pk>/remove/", views.passkey_remove, name="passkey_remove"),
    path("confirm/", views.confirm, name="confirm"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/all/", views.all_sessions, name="all_sessions"),
    path("sessions/<int:pk>/end/", views.end_session, name="end_session"),
    path("people/<int:pk>/", views.person_security, name="person_security"),
    path("people/<int:pk>/reset/", views.reset_second_factors, name="reset_second_factors"),
    path("log/", views.security_log, name="security_log"),
    path("council-sign-in/", views.oidc_start, name="oidc_start"),
    path("council-sign-in/callback/", views.oidc_callback, name="oidc_callback"),
]
