from herald.checks import AllowedContacts, Context, Councillor, Draft, check

REGISTER = (
    Councillor("Stuart Bray", "Liberal Democrat", "Burbage"),
    Councillor("Amanda Wright", "Conservative", "Barwell"),
)
COUNCIL_CONTACTS = AllowedContacts(
    phones=("01455 238141",),
    email_domains=("hinckley-bosworth.gov.uk",),
    addresses=("Hinckley Hub, Rugby Road, Hinckley, Leicestershire LE10 0FR",),
)


def official(**kwargs):
    return Context(account="official", role="editor", councillors=REGISTER, allowed_contacts=COUNCIL_CONTACTS, **kwargs)


def personal(**kwargs):
    kwargs.setdefault("role", "employee")
    return Context(account="personal", councillors=REGISTER, allowed_contacts=COUNCIL_CONTACTS, **kwargs)


def findings(text, context=None, *, platform="facebook", media=(), kind="post"):
    return check(Draft(text=text, platform=platform, media=media, kind=kind), context or official()).findings


def rules_found(text, context=None, **kwargs):
    return {f.rule for f in findings(text, context, **kwargs)}


def severity_of(rule, text, context=None, **kwargs):
    matches = [f.severity for f in findings(text, context, **kwargs) if f.rule == rule]
    return matches[0] if matches else None
