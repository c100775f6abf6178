from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "herald.audit"
    verbose_name = "Audit trail"
