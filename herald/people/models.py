from __future__ import annotations

from functools import cached_property

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q

from herald.people.roles import Role
from herald.plain_text import without_nul


class ServiceArea(models.Model):
    name = models.CharField(max_length=120, unique=True)
    director = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=120)
    service_area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ["service_area__name", "name"]
        constraints = [models.UniqueConstraint(fields=["service_area", "name"], name="team_unique_in_area")]

    def __str__(self) -> str:
        return f"{self.name} ({self.service_area.name})"


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def employees(self):
        return self.filter(kind=Person.Kind.EMPLOYEE)

    def councillors(self):
        return self.filter(kind=Person.Kind.COUNCILLOR)

    def with_role(self, role: str):
        if role == Role.EMPLOYEE:
            return self.employees()
        if role == Role.COUNCILLOR:
            return self.councillors()
        return self.filter(groups__name=role)

    def politically_restricted(self):
        return self.employees().filter(
            political_restriction__in=[Person.Restriction.SPECIFIED, Person.Restriction.SENSITIVE]
        )

    def managed_by(self, manager: Person):
        """People whose service manager or line manager is `manager`."""
        return self.filter(Q(service_manager=manager) | Q(line_manager=manager))

    def search(self, term: str):
        term = without_nul(term).strip()
        if not term:
            return self
        return self.filter(
            Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
            | Q(email__icontains=term)
            | Q(employee_number__iexact=term)
            | Q(job_title__icontains=term)
            | Q(ward__icontains=term)
        )


class PersonManager(BaseUserManager.from_queryset(PersonQuerySet)):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> Person:
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            person.set_password(password)
        else:
            person.set_unusable_password()
        person.save(using=self._db)
        return person

    def create_superuser(self, email: str, password: str | None = None, **fields) -> Person:
        fields.setdefault("is_superuser", True)
        fields.setdefault("first_name", "System")
        fields.setdefault("last_name", "Administrator")
        person = self.create_user(email, password, **fields)
        from django.contrib.auth.models import Group

        person.groups.add(Group.objects.get_or_create(name=Role.ADMIN)[0])
        return person


class Person(AbstractBaseUser, PermissionsMixin):
    """Everyone Herald knows by name: employees and councillors. Each may sign in with their email."""

    class Kind(models.TextChoices):
        EMPLOYEE = "employee", "Employee"
        COUNCILLOR = "councillor", "Councillor"

    class Restriction(models.TextChoices):
        NONE = "", "Not politically restricted"
        SPECIFIED = "specified", "Specified post"
        SENSITIVE = "sensitive", "Politically sensitive post"
        EXEMPTED = "exempted", "Exempted by the independent adviser"

    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.EMPLOYEE)
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(unique=True)
    is_active = models.BooleanField(default=True, help_text="Leavers are kept but cannot sign in.")
    left_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # Employees
    employee_number = models.CharField(max_length=20, unique=True, null=True, blank=True)
    job_title = models.CharField(max_length=120, blank=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members")
    line_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="direct_reports"
    )
    service_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="service_reports"
    )
    political_restriction = models.CharField(
        max_length=10, choices=Restriction.choices, default=Restriction.NONE, blank=True
    )
    is_trained_editor = models.BooleanField(default=False)
    editor_trained_on = models.DateField(null=True, blank=True)

    # Councillors
    ward = models.CharField(max_length=120, blank=True)
    party = models.CharField(max_length=120, blank=True)
    cabinet_portfolio = models.CharField(max_length=160, blank=True)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="councillor") | ~Q(employee_number=None),
                name="employee_has_number",
            ),
            models.CheckConstraint(condition=~Q(line_manager=models.F("id")), name="not_own_line_manager"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        prefix = "Cllr " if self.kind == self.Kind.COUNCILLOR else ""
        return f"{prefix}{self.first_name} {self.last_name}".strip()

    @property
    def is_councillor(self) -> bool:
        return self.kind == self.Kind.COUNCILLOR

    @property
    def is_politically_restricted(self) -> bool:
        return self.political_restriction in {self.Restriction.SPECIFIED, self.Restriction.SENSITIVE}

    # Roles this request may not use yet (two-factor sign-in not shown; see herald.signin.middleware).
    # Set on the person itself, so `roles`, `has_role` and every access rule agree.
    roles_held_back: frozenset[str] = frozenset()

    @cached_property
    def roles(self) -> frozenset[str]:
        if not self.is_active:
            return frozenset()
        base = (Role.COUNCILLOR if self.is_councillor else Role.EMPLOYEE).value
        granted = {name for name in self.groups.values_list("name", flat=True) if name in Role.values}
        return frozenset({base, *granted}) - self.roles_held_back

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


class DirectoryImport(models.Model):
    """One upload of the HR feed or the members' register, accepted or rejected, with its problems."""

    class Kind(models.TextChoices):
        EMPLOYEES = "employees", "Employees (HR feed)"
        COUNCILLORS = "councillors", "Councillors (members' register)"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    filename = models.CharField(max_length=200)
    imported_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    accepted = models.BooleanField()
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    deactivated = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} import {self.filename} ({'accepted' if self.accepted else 'rejected'})"
