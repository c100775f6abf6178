"""The roles Herald knows, and how a person comes to hold them.

`employee` and `councillor` follow from the kind of person; every other role is granted
(a Django group of the same name), by the directory import or by a system administrator.
"""

from django.db import models


class Role(models.TextChoices):
    EMPLOYEE = "employee", "Employee"
    COUNCILLOR = "councillor", "Councillor"
    EDITOR = "editor", "Social media editor"
    SERVICE_MANAGER = "service_manager", "Service manager"
    COMMS = "comms", "Communications team"
    HR = "hr", "HR"
    ICT = "ict", "ICT"
    INFO_GOV = "info_gov", "Information governance"
    MONITORING_OFFICER = "monitoring_officer", "Monitoring officer and democratic services"
    # Safeguarding concerns in comments, abuse and threats against a person, children identified in posts.
    SAFEGUARDING = "safeguarding", "Safeguarding lead"
    ADMIN = "admin", "System administrator"


BASE_ROLES = frozenset({Role.EMPLOYEE, Role.COUNCILLOR})
GRANTABLE_ROLES = tuple(role for role in Role if role not in BASE_ROLES)
ALL_ROLES = frozenset(Role)
STAFF_ROLES = ALL_ROLES - {Role.COUNCILLOR}
