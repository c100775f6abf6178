from herald.apps import HeraldAppConfig


class AuditConfig(HeraldAppConfig):
    default = True
    name = "herald.audit"
    verbose_name = "Audit trail"
    schedule = "herald.audit.tasks.SCHEDULE"
